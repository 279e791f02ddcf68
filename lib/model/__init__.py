"""Domain types of the data set, no input or output: schema, fuzzy dates, portfolio, problems."""
