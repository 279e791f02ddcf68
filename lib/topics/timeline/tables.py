"""The Timeline page's three tables as a screen shows them: their first rows and the note of
how many more the CSV has (lib/query/limits.table_head)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from lib.query.limits import table_head
from lib.text.i18n import tr
from lib.topics.timeline.data import readable_table, without_date, without_year

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
