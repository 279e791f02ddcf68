"""A table as the CSV file a spreadsheet program opens safely: Cyrillic shown, formulas inert."""

from __future__ import annotations

import pandas as pd

from lib.text.escape import CSV_ROW_END, spreadsheet_cell


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show Cyrillic correctly; text
    that a spreadsheet would run as a formula is made inert (lib/text/escape.spreadsheet_cell),
    and a text holding a line break is quoted (CSV_ROW_END)."""
    texts = frame.select_dtypes(include=["object", "string"]).columns
    if len(texts):
        frame = frame.assign(**{column: frame[column].map(spreadsheet_cell) for column in texts})
    return frame.to_csv(index=False, lineterminator=CSV_ROW_END).encode("utf-8-sig")
