"""A project's figures as IATI results: one result an indicator (and event), one period a
reported period, one actual a figure, parts of a total as actuals at their city.

IATI periods need full dates, so only figures whose period states a year are exported; a period
known to the month covers that month's first to last day, which is the same span. The others,
and figures with no number, are listed in the export's report instead.
"""

from __future__ import annotations

import pandas as pd
from lxml import etree

from lib.iati.codes import (
    APPROXIMATE_MARK,
    CATALOGUE_NOTE,
    MEASURE_UNIT,
    ORIGIN_DIMENSION,
    RESULT_TYPE_OUTPUT,
    ROLES_NOTE,
)
from lib.iati.xml import ExportReport, narrative, sub, texts
from lib.load.audience import is_suppressed, suppressed_words
from lib.model.languages import LANGUAGE_CODES
from lib.model.portfolio import Portfolio
from lib.text.dates import period_text


def add_results(
    activity: etree._Element, portfolio: Portfolio, rows: pd.DataFrame, report: ExportReport
) -> None:
    """Append a result for each (indicator, event) of `rows` that has an exportable figure."""
    exportable = [row for row in rows.itertuples(index=False) if _why_not(row) is None]
    for row in rows.itertuples(index=False):
        reason = _why_not(row)
        if reason is not None:
            report.left_out.append(f"figure left out: {_figure_words(portfolio, row)}: {reason}")
    groups: dict[tuple[str, str], list] = {}
    for row in exportable:
        groups.setdefault((row.indicator, row.event), []).append(row)
    for (code, event_id), group in groups.items():
        _result(activity, portfolio, code, event_id, group, report)


def _why_not(row: object) -> str | None:
    if is_suppressed(row.precision):
        return "it is a small count of vulnerable people, which the public export withholds"
    if pd.isna(row.value):
        return "no number is reported, and IATI has no 'not reported' actual value"
    if row.period_start is None or row.period_end is None:
        return "no period is given, and an IATI result needs one"
    if not (row.period_start.has_year and row.period_end.has_year):
        period = period_text(row.period_start, row.period_end)
        return f"its period ({period}) has no year, and an IATI period needs full dates"
    return None


def _figure_words(portfolio: Portfolio, row: object) -> str:
    label = portfolio.indicators[row.indicator].labels.en
    value = "not reported" if pd.isna(row.value) else f"{int(row.value)} ({row.precision})"
    if is_suppressed(row.precision):
        value = suppressed_words(row.fewer_than)
    place = f" from {portfolio.places[row.place].names.en}" if row.place else ""
    return f"{row.project} · {label}{place} = {value}"


def _result(
    activity: etree._Element,
    portfolio: Portfolio,
    code: str,
    event_id: str,
    rows: list,
    report: ExportReport,
) -> None:
    indicator = portfolio.indicators[code]
    result = sub(activity, "result", type=RESULT_TYPE_OUTPUT)
    event = portfolio.event(rows[0].project, event_id) if event_id else None
    suffix = {lang: f" — {event.title.get(lang)}" for lang in LANGUAGE_CODES} if event else {}
    texts(sub(result, "title"), indicator.labels, suffix)
    element = sub(result, "indicator", measure=MEASURE_UNIT)
    texts(sub(element, "title"), indicator.labels)
    catalogue = CATALOGUE_NOTE.format(
        code=indicator.code,
        unit=indicator.unit,
        counts=indicator.counts,
        aggregation=indicator.aggregation,
        topic=indicator.topic,
    )
    roles = [f"page {indicator.page}"] if indicator.page else []
    roles += [name for name in ("headline", "sizes_map") if getattr(indicator, name)]
    if roles:
        catalogue += " " + ROLES_NOTE.format(roles="; ".join(roles))
    description = " ".join(indicator.description.split())
    narrative(sub(element, "description"), f"{description} {catalogue}", "en")
    periods: dict[tuple[str, str], list] = {}
    for row in rows:
        periods.setdefault((str(row.period_start), str(row.period_end)), []).append(row)
    for period_rows in periods.values():
        first = period_rows[0]
        period = sub(element, "period")
        sub(period, "period-start", iso_date=first.period_start.first_day().isoformat())
        sub(period, "period-end", iso_date=first.period_end.last_day().isoformat())
        for row in period_rows:
            _actual(period, portfolio, row)
            figure = (row.project, row.indicator, int(row.value), row.precision)
            report.figures.append((*figure, row.place, row.breakdown))


def _actual(period: etree._Element, portfolio: Portfolio, row: object) -> None:
    actual = sub(period, "actual", value=str(int(row.value)))
    if row.place:
        sub(actual, "location", ref=row.place)
    if row.breakdown == "origin_city":
        sub(actual, "dimension", name=ORIGIN_DIMENSION, value=portfolio.places[row.place].names.en)
    source = portfolio.sources[row.source]
    words = f"Source: the report “{source.title}” ({source.language})."
    if row.precision == "approximate":
        words = f"{APPROXIMATE_MARK}: the report gives this number as an approximation. {words}"
    comment = sub(actual, "comment")
    if source.language == "en":
        narrative(comment, f"{words} It says: “{row.quote}”", "en")
    else:
        narrative(comment, words, "en")
        narrative(comment, row.quote, source.language)
