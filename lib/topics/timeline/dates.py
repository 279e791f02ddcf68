"""The Timeline's dates: where a row's pair of dates places it (on the dated axis, apart
for want of a year, or apart for want of any date), the span a bar covers, and the words of
its dates at the precision the report gave them, and an axis's month ticks in words. Pure:
dates in, words and days out."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from lib.model.dates import FuzzyDate
from lib.text.dates import date_text, period_text
from lib.text.i18n import N_, month_name, tr

Placement = Literal["axis", "no_year", "no_date"]

PRECISION_WORDS = {
    "day": N_("day"),
    "month": N_("month only"),
    "year": N_("year only"),
    "month_no_year": N_("month, year not stated"),
}
# The coarser of two precisions describes a span: "2018-06 – 2018-06-22" is known to the month.
_COARSENESS = ("day", "month", "year", "month_no_year")
START_AND_END_NOT_STATED = N_("start and end not stated")


def coarsest(start: FuzzyDate | None, end: FuzzyDate | None) -> str | None:
    """The least precise of the dates given, or None when there is no date at all."""
    given = [date.precision for date in (start, end) if date is not None]
    return max(given, key=_COARSENESS.index) if given else None


def written(start: FuzzyDate | None, end: FuzzyDate | None, language: str = "en") -> str:
    """The dates in words, keeping their precision: '19 June 2018 – 22 June 2018',
    'September, year not stated', 'not stated' (never the data's '--09': readers see this)."""
    if start is not None and end is None:
        return date_text(start, language)
    if start is None and end is not None:
        return f"{tr(language, 'not stated')} – {date_text(end, language)}"
    return period_text(start, end, language)


def placement(start: FuzzyDate | None, end: FuzzyDate | None) -> Placement:
    """On the axis when every date given states its year; "no_date" when none is given."""
    # written out rather than over a list of the dates given: 33,000 rows a first visit
    if start is None:
        if end is None:
            return "no_date"
        return "axis" if end.year is not None else "no_year"
    if start.year is None or (end is not None and end.year is None):
        return "no_year"
    return "axis"


def axis_span(
    start: FuzzyDate | None, end: FuzzyDate | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first day and the day after the last (half-open, as a bar is drawn); None, None
    off the axis."""
    if placement(start, end) != "axis":
        return None, None
    first = (start or end).first_day()
    last = (end or start).last_day()
    return first, last + dt.timedelta(days=1)


def project_dates_text(start: FuzzyDate | None, end: FuzzyDate | None, language: str = "en") -> str:
    """A project's own dates: a start without an end must not read as a one-day project."""
    if start is None and end is None:
        return tr(language, START_AND_END_NOT_STATED)
    if end is None:
        return tr(language, "started {date}; end not stated", date=date_text(start, language))
    if start is None:
        return tr(language, "start not stated; ended {date}", date=date_text(end, language))
    return period_text(start, end, language)


# A portfolio's tens of thousands of events and figures share a few thousand pairs of dates:
# what a pair says is worked out once (small tuples, so the count bounds the bytes).
@lru_cache(maxsize=32768)
def date_fields(start: FuzzyDate | None, end: FuzzyDate | None, language: str) -> tuple:
    """(date_written, precision, precision_words, placement, x_start, x_end) of a row."""
    x_start, x_end = axis_span(start, end)
    precision = coarsest(start, end)
    words = tr(language, PRECISION_WORDS.get(precision or "", "not stated"))
    return (
        written(start, end, language),
        precision or "",
        words,
        placement(start, end),
        x_start,
        x_end,
    )


def month_ticks(x_range: list[str], language: str) -> dict:
    """Plotly writes month names in English only (its other locales are scripts we do not
    load), so outside English an axis of months gets its ticks, and their names, from us."""
    first, last = (dt.date.fromisoformat(day) for day in x_range)
    months = (last.year - first.year) * 12 + last.month - first.month
    if language == "en" or months > 30:
        return {}  # years only ("%Y"): nothing to translate
    if months < 3:  # days: about six ticks, each with its day, month and year
        step_days = max(1, (last - first).days // 6)
        days = [first + dt.timedelta(days=n) for n in range(0, (last - first).days + 1, step_days)]
        names = [f"{d.day} {month_name(d.month, language)[:3]} {d.year}" for d in days]
        return {"tickvals": [d.isoformat() for d in days], "ticktext": names}
    step = max(1, -(-months // 8))
    ticks = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        ticks.append(dt.date(year, month, 1))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    ticks = [tick for tick in ticks if first <= tick <= last]
    names = [f"{month_name(tick.month, language)[:3]} {tick.year}" for tick in ticks]
    return {"tickvals": [tick.isoformat() for tick in ticks], "ticktext": names}
