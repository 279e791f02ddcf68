"""Dates and periods written as precisely as the report gave them, and no more, in the
reader's language ('19 June 2018', '19 юни 2018', 'јуни, годината не е наведена')."""

from __future__ import annotations

from functools import lru_cache

from lib.model.dates import FuzzyDate
from lib.text.i18n import WRITTEN_KEPT, format_day, format_month, month_name, tr


def date_text(date: FuzzyDate | None, language: str = "en") -> str:
    """'19 June 2018', 'June 2018', '2018', 'June, year not stated', or 'not stated'."""
    if date is None:
        return tr(language, "not stated")
    if date.precision == "day":
        return format_day(date.year, date.month, date.day, language)
    if date.precision == "month":
        return format_month(date.year, date.month, language)
    if date.precision == "year":
        return str(date.year)
    return tr(language, "{month}, year not stated", month=month_name(date.month, language))


@lru_cache(maxsize=WRITTEN_KEPT)  # a portfolio's events share a few thousand periods
def period_text(start: FuzzyDate | None, end: FuzzyDate | None, language: str = "en") -> str:
    """A span such as '19 June 2018 – 22 June 2018'; one date when both ends are the same."""
    if start is None and end is None:
        return tr(language, "not stated")
    if end is None or end == start:
        return date_text(start, language)
    if start is None:
        return tr(language, "until {date}", date=date_text(end, language))
    if start.year is None and end.year is None and start.month and end.month:
        return tr(
            language,
            "{first} – {last}, year not stated",
            first=month_name(start.month, language),
            last=month_name(end.month, language),
        )
    return f"{date_text(start, language)} – {date_text(end, language)}"
