"""The Timeline's rows as a reader sees them (columns in words, the date first in the short
tables), and the page's three tables as a screen shows them: their first rows and the note
of how many more the CSV has (lib/query/limits.table_head)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.query.limits import TABLE_ROWS, table_head
from lib.text.i18n import N_, tr
from lib.topics.timeline.data import timeline_rows
from lib.topics.timeline.row_words import row_words

TABLE_COLUMNS = {
    "project": N_("Project"),
    "item": N_("What"),
    "type": N_("Type"),
    "date": N_("Date"),
    "date_written": N_("Date as written"),
    "precision_words": N_("Known to"),
    "place": N_("Place"),
    "status": N_("Status"),
    "part_of": N_("Part of"),
    "source": N_("Source"),
    "quote": N_("Quote"),
}


# In the short tables the date leads: on a phone only the first columns are in view.
_DATE_FIRST = ["item", "date", "date_written", "project"]


def readable_table(
    rows: pd.DataFrame, first: list[str] | None = None, language: str = "en"
) -> pd.DataFrame:
    """The rows as a reader sees them, with column names in words; `first` columns lead."""
    order = list(dict.fromkeys([*(first or []), *TABLE_COLUMNS]))
    names = {column: tr(language, header) for column, header in TABLE_COLUMNS.items()}
    shown = rows[order].assign(status=rows["status_words"])
    return shown.rename(columns=names).reset_index(drop=True)


def without_year(rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Rows whose date names a month but no year: kept off the dated axis."""
    return readable_table(rows[rows["placement"] == "no_year"], _DATE_FIRST, language)


def without_date(rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Events the reports describe without any date."""
    no_date = rows[(rows["placement"] == "no_date") & (rows["kind"] == "event")]
    return readable_table(no_date, _DATE_FIRST, language)


# What happened and when lead (on a phone the first columns are the ones in view); the CSV
# download keeps the project first.
WHAT_AND_WHEN_FIRST = ["item", "date", "project"]


def timeline_tables(
    portfolio: Portfolio, places: pd.DataFrame, language: str = "en"
) -> dict[str, tuple[pa.Table, str]]:
    """ "all": every project, event and dated figure; "no year": dates without a stated year;
    "no date": events with no date: the first rows of each, the words written for those only
    (data.timeline_places' rows in, as timeline_rows would give them)."""
    placement = places["placement"]
    no_year = (placement == "no_year").to_numpy(dtype=bool)
    no_date = ((placement == "no_date") & (places["kind"] == "event")).to_numpy(dtype=bool)
    shown = (
        ("all", np.arange(len(places)), WHAT_AND_WHEN_FIRST, tr(language, "rows")),
        ("no year", np.flatnonzero(no_year), _DATE_FIRST, tr(language, "rows")),
        ("no date", np.flatnonzero(no_date), _DATE_FIRST, tr(language, "events")),
    )
    # only the rows shown are taken (at 100,000 projects a table's rows are tens of thousands),
    # and their words written in one go: a call a table took twice as long
    heads = {name: at[:TABLE_ROWS] for name, at, _, _ in shown}
    every = np.unique(np.concatenate(list(heads.values())))
    words = row_words(portfolio, places.iloc[every], language)

    def head_words(at: np.ndarray) -> pd.DataFrame:  # an empty table's columns as before
        return (
            words.iloc[np.searchsorted(every, at)]
            if len(at)
            else row_words(portfolio, places.iloc[at], language)
        )

    return {
        name: table_head(
            readable_table(head_words(heads[name]), first, language),
            what,
            language=language,
            total=len(at),
        )
        for name, at, first, what in shown
    }


def timeline_csv(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> pd.DataFrame:
    """The table's CSV: every row of the projects, with its words, as a reader sees them."""
    return readable_table(timeline_rows(portfolio, project_ids, language), language=language)
