"""Dates and periods written as precisely as the report gave them, and no more."""

from __future__ import annotations

import calendar

from lib.dates import FuzzyDate


def date_text(date: FuzzyDate | None) -> str:
    """'19 June 2018', 'June 2018', '2018', 'June, year not stated', or 'not stated'."""
    if date is None:
        return "not stated"
    month = calendar.month_name[date.month] if date.month else ""
    if date.precision == "day":
        return f"{date.day} {month} {date.year}"
    if date.precision == "month":
        return f"{month} {date.year}"
    if date.precision == "year":
        return str(date.year)
    return f"{month}, year not stated"


def period_text(start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    """A span such as '19 June 2018 – 22 June 2018'; one date when both ends are the same."""
    if start is None and end is None:
        return "not stated"
    if end is None or end == start:
        return date_text(start)
    if start is None:
        return f"until {date_text(end)}"
    if start.year is None and end.year is None and start.month and end.month:
        first, last = calendar.month_name[start.month], calendar.month_name[end.month]
        return f"{first} – {last}, year not stated"
    return f"{date_text(start)} – {date_text(end)}"
