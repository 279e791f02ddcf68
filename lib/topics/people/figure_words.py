"""The words of each participants and People supported figure that depend on the figure
alone (its project, event, date, venue, source), for the rows given: those a page shows, or
every figure once a data version and language (lib/query/row_texts.py) for the board pack;
and the numbers in words, from the rows given."""

from __future__ import annotations

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_columns import (
    column_frame,
    each_distinct,
    event_titles,
    figure_events,
    figures_when,
)
from lib.query.figure_text import value_text
from lib.query.names import project_titles, report_titles
from lib.text.i18n import tr
from lib.text.vocabulary import code_words


def counts_words(portfolio: Portfolio, code: str, language: str = "en") -> str:
    """What one unit of an indicator is, in words: 'unique people', 'people informed'."""
    return code_words(portfolio.indicators[code].counts, language)


def venue_words(portfolio: Portfolio, events: pd.DataFrame, language: str) -> list[str]:
    """Where each figure's event (figure_events) was: online, its place, or not stated; ""
    for a figure about no event."""

    def written(found: bool, online: object, place: object) -> str:
        if not found:
            return ""
        if online:
            return tr(language, "online")
        if place:
            return portfolio.places[place].names.get(language)
        return tr(language, "venue not stated")

    return each_distinct(
        written,
        events["found"].tolist(),
        events["online"].astype(object).where(events["found"], None).tolist(),
        events["place"].astype(object).where(events["place"].notna(), None).tolist(),
    )


def participant_texts(
    portfolio: Portfolio, figures: pd.DataFrame, codes: list[str], language: str
) -> pd.DataFrame:
    """The words of each participants figure of `figures` (rows of the index's figures, by
    their index) that depend on the figure alone."""
    rows = figures[figures["indicator"].isin(codes)]
    projects, events = (rows[name].tolist() for name in ("project", "event"))
    found = figure_events(portfolio, projects, events)
    titles = project_titles(portfolio, language)
    event_words = event_titles(found, language, tr(language, "no single event"))
    return column_frame(
        {
            "label": [
                f"{titles[project]} – {event}"
                for project, event in zip(projects, event_words, strict=True)
            ],
            "date": figures_when(rows, found, language),
            "venue": venue_words(portfolio, found, language),
            "part_city": each_distinct(
                lambda place, breakdown: (
                    portfolio.places[place].names.get(language) if breakdown else ""
                ),
                rows["place"].tolist(),
                rows["breakdown"].tolist(),
            ),
            "source": _source_titles(portfolio, rows),
        },
        rows.index,
    )


def people_texts(
    portfolio: Portfolio, figures: pd.DataFrame, codes: list[str], language: str
) -> pd.DataFrame:
    """The words of each People supported figure of `figures` that depend on the figure
    alone."""
    rows = figures[figures["indicator"].isin(codes)]
    order = {code: index for index, code in enumerate(codes)}
    projects, events, indicators = (
        rows[name].tolist() for name in ("project", "event", "indicator")
    )
    found = figure_events(portfolio, projects, events)
    titles = project_titles(portfolio, language)
    kinds = {code: portfolio.indicators[code] for code in set(indicators)}
    labels = {code: kind.labels.get(language) for code, kind in kinds.items()}
    counts = {code: counts_words(portfolio, code, language) for code in kinds}
    date_not_stated = tr(language, "date not stated")
    period_not_stated = tr(language, "period not stated")
    return column_frame(
        {
            "order": [order[code] for code in indicators],
            "indicator": indicators,
            "indicator_label": [labels[code] for code in indicators],
            "aggregation": [kinds[code].aggregation for code in indicators],
            "counts": [counts[code] for code in indicators],
            "project": [titles[project] for project in projects],
            "series": event_titles(found, language),
            "period": each_distinct(
                lambda when: when.replace(date_not_stated, period_not_stated),
                figures_when(rows, found, language),
            ),
            "source": _source_titles(portfolio, rows),
        },
        rows.index,
    )


def _source_titles(portfolio: Portfolio, rows: pd.DataFrame) -> list[str]:
    """Each row's report's title, from the reports' table: a report validated for its title
    took 0.1 ms, a page's 500 rows citing hundreds of reports."""
    titles = report_titles(portfolio)
    return each_distinct(titles.__getitem__, rows["source"].tolist())


PEOPLE_TEXTS = [
    "order", "indicator", "indicator_label", "aggregation", "counts", "project", "series",
    "period", "source",
]  # fmt: skip


def value_texts(rows: pd.DataFrame, language: str) -> list[str]:
    """Each figure's number in words ('about 32', 'fewer than 10', 'not reported'): from the
    rows given, whose precision a caller may have changed. Each distinct figure is written
    once (a missing number as None, which value_text reads as it reads a missing one)."""
    return each_distinct(
        lambda value, precision, fewer_than: value_text(value, precision, language, fewer_than),
        rows["value"].to_numpy(dtype=object, na_value=None).tolist(),
        rows["precision"].tolist(),
        rows["fewer_than"].to_numpy(dtype=object, na_value=None).tolist(),
    )
