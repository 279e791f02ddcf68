"""Find a date in a quote as the reports write it (19/06/2018, 19.06.2018, 19 June 2018, 19ти
юни, 2018-06-19), and blank dates out of a quote so that a year or a day is never read as a
count."""

from __future__ import annotations

import re
from functools import lru_cache

from lib.model.dates import FuzzyDate

# Month names as the reports write them (bg, mk, en); a word that starts with one is that month
# ("септемвриjs" is not a word the reports use, but "Септември", "септември" and "June" are).
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("януари", "јануари", "january", "jan"),
    2: ("февруари", "february", "feb"),
    3: ("март", "march", "mar"),
    4: ("април", "april", "apr"),
    5: ("май", "мај", "may"),
    6: ("юни", "јуни", "june", "jun"),
    7: ("юли", "јули", "july", "jul"),
    8: ("август", "august", "aug"),
    9: ("септември", "september", "sept", "sep"),
    10: ("октомври", "october", "oct"),
    11: ("ноември", "november", "nov"),
    12: ("декември", "december", "dec"),
}
_MONTH_WORD = "|".join(
    sorted((n for ns in MONTH_NAMES.values() for n in ns), key=len, reverse=True)
)
# The same month words behind a look at their first letter: Python's `re` tries each of the
# forty names at every position of a quote, and the look rejects most positions at once
# (a 10,000-project build blanks dates in some 23,000 quotes: 0.9 -> 0.4 s).
_FIRST_LETTERS = "".join(sorted({name[0] for names in MONTH_NAMES.values() for name in names}))
_MONTH_WORD_AHEAD = f"(?=[{_FIRST_LETTERS}])(?:{_MONTH_WORD})"
# A day written as a number, with the endings the reports put after it (13ти, 1-ви, 2nd).
# Here and below, a pattern that starts by looking behind first looks at the character it will
# read (a digit): `re` then leaves most positions at once (a third of the time of each search).
_DAY = r"(?=\d)(?<![\d.,/-])(\d{1,2})(?:-?(?:ти|ви|ри|ми|st|nd|rd|th))?(?![\d])"
_NUMERIC = re.compile(r"(?=\d)(?<![\d.,])(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?(?![\d])")
_ISO = re.compile(r"(?=\d)(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_YEAR = re.compile(r"(?=[12])(?<!\d)(19\d\d|20\d\d|2100)(?!\d)")
# Dates to blank out before a quote's numbers are read as counts: numeric and ISO dates, a day
# next to a month name, and a year next to a month name or followed by "г."/"година"/"year".
# Every one of them starts with a digit or a month word's first letter: a look at that first
# spares `re` trying the five forms at every other position (34,000 rows' quotes at 10,000
# projects: 0.60 -> 0.43 s).
_DATE_SPANS = re.compile(
    rf"(?=[\d{_FIRST_LETTERS}])(?:"
    r"(?<!\d)\d{4}-\d{2}(?:-\d{2})?(?!\d)"
    r"|(?<![\d.,])\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?![\d])"
    rf"|{_DAY}(?:\s+(?:и|and|до|to|-|–)\s+{_DAY})*\s+(?:{_MONTH_WORD})\w*(?:\s+\d{{4}})?"
    rf"|{_MONTH_WORD_AHEAD}\w*\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d\s*(?:г\.?|година|год\.|year))",
    re.IGNORECASE,
)


def without_dates(quote: str) -> str:
    """The quote with its dates blanked out: what is left holds only counts."""
    return _without_dates(quote)


@lru_cache(maxsize=4096)
def _without_dates(quote: str) -> str:
    return _DATE_SPANS.sub(" ", quote)


def missing_from_quote(date: FuzzyDate, quote: str) -> str | None:
    """What of `date` (its year, month or day) the quote does not write, or None when it writes
    all of it."""
    folded = quote.casefold()
    if date.year is not None and str(date.year) not in _years(folded):
        return f"the year {date.year}"
    if date.month is None:
        return None
    numeric = _numeric_dates(folded)
    named = _named_months(folded)
    if date.day is None:
        if date.month in named or any(month == date.month for _, month in numeric):
            return None
        return f"the month {date.month:02d} ({MONTH_NAMES[date.month][0]})"
    if (date.day, date.month) in numeric:
        return None
    if date.month in named and date.day in _day_numbers(folded):
        return None
    return f"the day {date.day} {MONTH_NAMES[date.month][0]}"


# What a quote writes, kept for its next date: a project's or an event's quote is asked for
# its start and then its end, and a figure's row often quotes its event's sentence again.
@lru_cache(maxsize=4096)
def _years(folded: str) -> frozenset[str]:
    return frozenset(_YEAR.findall(folded))


@lru_cache(maxsize=4096)
def _numeric_dates(folded: str) -> frozenset[tuple[int | None, int]]:
    """(day, month) pairs of 19/06/2018, 19.06.2018 and 2018-06-19 (day None for 2018-06)."""
    found: set[tuple[int | None, int]] = set()
    for day, month, _ in _NUMERIC.findall(folded):
        found.add((int(day), int(month)))
    for _, month, day in _ISO.findall(folded):
        found.add((int(day) if day else None, int(month)))
    return frozenset(found)


# A word names a month when it is one of the month's names, or starts with one of its names
# longer than three letters ("септемврийски"). One search finds them: a long name at a word's
# start, or a short one (jan, май) as a whole word. No long name starts another month's name
# (checked below), so the name found at a word's start is the only month that word can name.
_LONG = {name: month for month, names in MONTH_NAMES.items() for name in names if len(name) > 3}
_SHORT = {name: month for month, names in MONTH_NAMES.items() for name in names if len(name) <= 3}
assert not any(
    other.startswith(name) and _LONG[other] != month
    for name, month in _LONG.items()
    for other in _LONG
), "a long month name starts another month's name"
_MONTH_AT_WORD_START = re.compile(  # behind a look at the first letter, as _MONTH_WORD_AHEAD
    rf"(?<!\w)(?=[{_FIRST_LETTERS}])(?:"
    + "|".join(sorted(_LONG, key=len, reverse=True))
    + r"|(?:"
    + "|".join(sorted(_SHORT, key=len, reverse=True))
    + r")(?!\w))"
)
_MONTH_OF_NAME = {**_LONG, **_SHORT}


@lru_cache(maxsize=4096)
def _named_months(folded: str) -> frozenset[int]:
    return frozenset(_MONTH_OF_NAME[name] for name in _MONTH_AT_WORD_START.findall(folded))


_DAY_NUMBER = re.compile(_DAY)


@lru_cache(maxsize=4096)
def _day_numbers(folded: str) -> frozenset[int]:
    return frozenset(int(day) for day in _DAY_NUMBER.findall(folded))
