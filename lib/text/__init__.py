"""Words in the reader's language: translations, the data's codes in words, dates, escaping."""
