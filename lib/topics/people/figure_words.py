"""The words of each participants and People supported figure that depend on the figure
alone (its project, event, date, venue, source), written once a data version and language
for every figure (lib/query/row_texts.py); and the numbers in words, from the rows given."""

from __future__ import annotations

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.schema import Event
from lib.query.figure_text import value_text
from lib.query.figures import figure_when
from lib.query.frame_rows import FrameRows
from lib.text.i18n import tr
from lib.text.vocabulary import code_words


def counts_words(portfolio: Portfolio, code: str, language: str = "en") -> str:
    """What one unit of an indicator is, in words: 'unique people', 'people informed'."""
    return code_words(portfolio.indicators[code].counts, language)


def venue_words(portfolio: Portfolio, event: Event | None, language: str) -> str:
    if event is None:
        return ""
    if event.online:
        return tr(language, "online")
    if event.place:
        return portfolio.places[event.place].names.get(language)
    return tr(language, "venue not stated")


def whole_key(frame: pd.DataFrame) -> pd.Series:
    """Ties a whole to its parts the way the validator does (same event, indicator, period)."""
    return (
        frame["project"]
        + "|"
        + frame["event"]
        + "|"
        + frame["indicator"]
        + "|"
        + frame["period_start"].map(str)  # str(None) is "None"; astype(str) would make NaN
        + "|"
        + frame["period_end"].map(str)
    )


def participant_texts(
    portfolio: Portfolio, every: pd.DataFrame, codes: list[str], language: str
) -> pd.DataFrame:
    """The words of each participants figure that depend on the figure alone."""
    rows = every[every["indicator"].isin(codes)]
    records = FrameRows(PARTICIPANT_TEXTS)
    for key, row in zip(whole_key(rows), rows.itertuples(index=False), strict=True):
        event = portfolio.event(row.project, row.event) if row.event else None
        project = portfolio.projects[row.project].title.get(language)
        title = event.title.get(language) if event else tr(language, "no single event")
        records.add(
            {
                "key": key,
                "group": f"{row.project}|{row.event}|{row.indicator}",
                "label": f"{project} – {title}",
                "date": figure_when(portfolio, row, language),
                "venue": venue_words(portfolio, event, language),
                "part_city": portfolio.places[row.place].names.get(language)
                if row.breakdown
                else "",
                "source": portfolio.sources[row.source].title,
            }
        )
    return records.frame().set_axis(rows.index)


PARTICIPANT_TEXTS = [
    "key", "group", "label", "date", "venue", "part_city", "source",
]  # fmt: skip


# The number and the city it is from lead: on a phone they are the columns in view.
def people_texts(
    portfolio: Portfolio, every: pd.DataFrame, codes: list[str], language: str
) -> pd.DataFrame:
    """The words of each People supported figure that depend on the figure alone."""
    rows = every[every["indicator"].isin(codes)]
    order = {code: index for index, code in enumerate(codes)}
    records = FrameRows(PEOPLE_TEXTS)
    for row in rows.itertuples(index=False):
        event = portfolio.event(row.project, row.event) if row.event else None
        indicator = portfolio.indicators[row.indicator]
        records.add(
            {
                "order": order[row.indicator],
                "indicator": row.indicator,
                "indicator_label": indicator.labels.get(language),
                "aggregation": indicator.aggregation,
                "counts": counts_words(portfolio, row.indicator, language),
                "project": portfolio.projects[row.project].title.get(language),
                "series": event.title.get(language) if event else "",
                "period": figure_when(portfolio, row, language).replace(
                    tr(language, "date not stated"), tr(language, "period not stated")
                ),
                "source": portfolio.sources[row.source].title,
            }
        )
    return records.frame().set_axis(rows.index)


PEOPLE_TEXTS = [
    "order", "indicator", "indicator_label", "aggregation", "counts", "project", "series",
    "period", "source",
]  # fmt: skip


def value_texts(rows: pd.DataFrame, language: str) -> list[str]:
    """Each figure's number in words ('about 32', 'fewer than 10', 'not reported'): from the
    rows given, whose precision a caller may have changed."""
    return [
        value_text(value, precision, language, fewer_than)
        for value, precision, fewer_than in zip(
            rows["value"], rows["precision"], rows["fewer_than"], strict=True
        )
    ]


# The number and what it counts lead: on a phone they are the columns in view.
