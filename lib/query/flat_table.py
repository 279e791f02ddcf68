"""The figures as a flat, human-readable table: names instead of ids, dates as written."""

from __future__ import annotations

import pandas as pd

from lib.load.audience import precision_words
from lib.model.portfolio import Portfolio
from lib.query.figure_columns import event_titles, figure_events
from lib.query.names import project_titles
from lib.text.i18n import N_, tr
from lib.text.vocabulary import code_words

# The download's column headers: the same snake_case names in English as the open-format CSV
# export, translated on a Bulgarian or Macedonian page.
HEADERS = {
    "project": N_("project"),
    "event": N_("event"),
    "indicator": N_("indicator"),
    "counts": N_("counts"),
    "value": N_("value"),
    "precision": N_("precision"),
    "period_start": N_("period_start"),
    "period_end": N_("period_end"),
    "city": N_("city"),
    "breakdown": N_("breakdown"),
    "source": N_("source"),
    "quote": N_("quote"),
}

FROM_CITY, TOTAL = N_("from this city"), N_("total")
COLUMNS = [
    "project",
    "event",
    "indicator",
    "counts",
    "value",
    "precision",
    "period_start",
    "period_end",
    "city",
    "breakdown",
    "source",
    "quote",
]


def readable_values(
    portfolio: Portfolio, values: pd.DataFrame, language: str = "en"
) -> pd.DataFrame:
    """One row a figure of `values`; an unreported value stays empty, never 0."""
    # titles from the projects' columns, events' too: a lazily opened portfolio validates a
    # project a look, and a funder's figures name events of thousands of projects
    titles = project_titles(portfolio, language)
    events = event_titles(
        figure_events(portfolio, values["project"].tolist(), values["event"].tolist()), language
    )
    from_city, total = tr(language, FROM_CITY), tr(language, TOTAL)
    rows = [
        {
            "project": titles[row.project],
            "event": event,
            "indicator": portfolio.indicators[row.indicator].labels.get(language),
            "counts": code_words(portfolio.indicators[row.indicator].counts, language),
            "value": row.value,
            "precision": precision_words(row.precision, row.fewer_than, language),
            "period_start": "" if row.period_start is None else str(row.period_start),
            "period_end": "" if row.period_end is None else str(row.period_end),
            "city": portfolio.places[row.place].names.get(language) if row.place else "",
            "breakdown": from_city if row.breakdown == "origin_city" else total,
            "source": portfolio.sources[row.source].title,
            "quote": row.quote,
        }
        for row, event in zip(values.itertuples(index=False), events, strict=True)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["value"] = frame["value"].astype("Int64")
    return frame.rename(columns={key: tr(language, name) for key, name in HEADERS.items()})
