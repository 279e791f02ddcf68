"""The figures as a flat, human-readable table: names instead of ids, dates as written."""

from __future__ import annotations

import pandas as pd

from lib.portfolio import Portfolio

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
    events = {  # of the projects in `values` only: a portfolio has thousands
        (project_id, event.id): event.title.get(language)
        for project_id in set(values["project"])
        for event in portfolio.projects[project_id].events
    }
    rows = [
        {
            "project": portfolio.projects[row.project].title.get(language),
            "event": events.get((row.project, row.event), ""),
            "indicator": portfolio.indicators[row.indicator].labels.get(language),
            "counts": portfolio.indicators[row.indicator].counts.replace("_", " "),
            "value": row.value,
            "precision": row.precision.replace("_", " "),
            "period_start": "" if row.period_start is None else str(row.period_start),
            "period_end": "" if row.period_end is None else str(row.period_end),
            "city": portfolio.places[row.place].names.get(language) if row.place else "",
            "breakdown": "from this city" if row.breakdown == "origin_city" else "total",
            "source": portfolio.sources[row.source].title,
            "quote": row.quote,
        }
        for row in values.itertuples(index=False)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["value"] = frame["value"].astype("Int64")
    return frame
