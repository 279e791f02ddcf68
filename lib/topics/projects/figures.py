"""The figures table of one project's page: each figure first, then what it counts, where and
when, as a reader reads them; the CSV download keeps the open format's columns
(lib/query/flat_table.py)."""

from __future__ import annotations

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.figures import figure_when
from lib.query.flat_table import FROM_CITY
from lib.text.i18n import N_, tr
from lib.text.vocabulary import code_words
from lib.topics.people.data import NOT_BROKEN_DOWN

FIGURE_COLUMNS = {
    "number": N_("Number"),
    "indicator": N_("What is counted"),
    "counts": N_("What one unit is"),
    "event": N_("Event"),
    "city": N_("City"),
    "period": N_("Period (as the report writes it)"),
    "source": N_("Source"),
    "quote": N_("Quote"),
}


def project_figures(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    """One row a figure of the project: the number in words ('about 16', 'not reported',
    never 0 for an unknown), the indicator, the city it is from or 'total', the period."""
    values = portfolio.values[portfolio.values["project"] == project_id]
    project = portfolio.projects[project_id]
    events = {event.id: event.title.get(language) for event in project.events}
    rows = [
        {
            "number": value_text(row.value, row.precision, language, row.fewer_than),
            "indicator": portfolio.indicators[row.indicator].labels.get(language),
            "counts": code_words(portfolio.indicators[row.indicator].counts, language),
            "event": events.get(row.event, "") if row.event else tr(language, "no single event"),
            "city": _city(portfolio, row, language),
            "period": figure_when(portfolio, row, language),
            "source": portfolio.sources[row.source].title,
            "quote": row.quote,
        }
        for row in values.itertuples(index=False)
    ]
    names = {key: tr(language, header) for key, header in FIGURE_COLUMNS.items()}
    return pd.DataFrame(rows, columns=list(FIGURE_COLUMNS)).rename(columns=names)


def _city(portfolio: Portfolio, row: object, language: str) -> str:
    """'Shtip (from this city)' for a part by origin, the place of a figure tied to one, else
    'not broken down by city'."""
    if not row.place:
        return tr(language, NOT_BROKEN_DOWN)
    name = portfolio.places[row.place].names.get(language)
    return f"{name} ({tr(language, FROM_CITY)})" if row.breakdown == "origin_city" else name
