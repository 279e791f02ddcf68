"""The Timeline's rows as a reader sees them (columns in words, the date first in the short
tables), and the page's three tables as a screen shows them: their first rows and the note
of how many more the CSV has (lib/query/limits.table_head)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from lib.query.limits import table_head
from lib.text.i18n import N_, tr

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


def timeline_tables(rows: pd.DataFrame, language: str = "en") -> dict[str, tuple[pa.Table, str]]:
    """ "all": every project, event and dated figure; "no year": dates without a stated year;
    "no date": events with no date."""
    return {
        "all": table_head(
            readable_table(rows, WHAT_AND_WHEN_FIRST, language),
            tr(language, "rows"),
            language=language,
        ),
        "no year": table_head(
            without_year(rows, language), tr(language, "rows"), language=language
        ),
        "no date": table_head(
            without_date(rows, language), tr(language, "events"), language=language
        ),
    }
