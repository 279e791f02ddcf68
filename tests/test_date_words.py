"""A quote names a month as the reports write it; the quick look-up by a word's beginnings
finds exactly the months the rule says (a month's name, or a word starting with one of its
names longer than three letters)."""

from __future__ import annotations

import re

from lib.load.date_words import MONTH_NAMES, _named_months, missing_from_quote, without_dates
from lib.model.dates import FuzzyDate


def by_the_rule(folded: str) -> set[int]:
    words = folded.split()
    return {
        month
        for month, names in MONTH_NAMES.items()
        for word in words
        if any(word == name or (len(name) > 3 and word.startswith(name)) for name in names)
    }


def test_the_look_up_finds_the_months_the_rule_finds():
    names = [name for names in MONTH_NAMES.values() for name in names]
    words = names + [name + ending for name in names for ending in ("а", "ский", "s", "ta")]
    words += [name[:-1] for name in names] + ["ма", "mayor", "marathon", "junior", "декада"]
    words += ["augusta", "sep", "septs", "јуниот", "2018", "дек", "decembers", "o", ""]
    for word in words:
        assert _named_months(word) == by_the_rule(word), word
    sentence = " ".join(words)
    assert _named_months(sentence) == by_the_rule(sentence) == set(range(1, 13))


def test_a_quote_states_a_date_in_the_reports_words():
    assert missing_from_quote(FuzzyDate.parse("2018-06-19"), "на 19 юни 2018 г.") is None
    assert missing_from_quote(FuzzyDate.parse("2018-09"), "септемврийския форум, 2018") is None
    assert missing_from_quote(FuzzyDate.parse("2019-06"), "in may 2019") == "the month 06 (юни)"
    assert missing_from_quote(FuzzyDate.parse("2019-06-02"), "on 2 june 2019") is None
    assert missing_from_quote(FuzzyDate.parse("2019-06-03"), "on 2 june 2019") == "the day 3 юни"


def test_dates_are_blanked_out_and_counts_kept():
    """Each form of date the reports write is blanked, in en, bg and mk, and the counts are
    kept; a month's letters inside another word ("summary", "mayor") blank nothing, and a
    year alone is left for the checks that read it."""
    cases = {
        "259 people on 19/06/2018": ["259"],
        "на 19 юни 2018 г. дојдоа 132 лица": ["132"],
        "in June 2019, 291 participants": ["291"],
        "Септември 2018: 518 души": ["518"],
        "between 2018-06 and 2019-06-02, 84 refugees": ["84"],
        "13ти и 14ти март 2018 – 127 деца": ["127"],
        "summary of 2018: 40 families": ["2018", "40"],
        "40 families in 2018 година": ["40"],
        "mayor met 12 people": ["12"],
    }
    for quote, counts in cases.items():
        assert re.findall(r"\d+", without_dates(quote)) == counts, quote
