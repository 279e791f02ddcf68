"""How a table's columns are laid out on screen (issue 17, point 3): each column as wide as what
it holds, so the first (the number and what it counts, put there by the topic's table) is read
at a glance on a phone; long texts (titles, quotes) wrapped over three lines and cut there, the
header's help saying how to read them whole."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from lib.text.i18n import N_, tr

CHARACTER_PX = 7.5  # the grid's 14 px font, on average
PADDING_PX = 26
LONG_TEXT = 48  # characters: a text longer than this is wrapped in a wide column
LONG_COLUMN_PX = 320  # about 130 characters over three lines
SHORT_COLUMN_PX = 180  # a phrase such as "no count of participants for this city", on two lines
# Streamlit's grid wraps text only in rows taller than 4 rem (64 px): three lines of 14 px type.
WRAPPED_ROW_PX = 70
HEADER_PX = 36
ROWS_IN_VIEW = 10  # as Streamlit's own "auto" height shows, before the table scrolls
LONG_TEXT_HELP = N_("Long texts are cut: double-click a cell to read it whole.")


def _px(characters: int) -> int:
    return int(characters * CHARACTER_PX + PADDING_PX)


def _longest_cells(frame: pa.Table | pd.DataFrame) -> dict[str, int]:
    """Each column's longest cell, in characters."""
    if isinstance(frame, pd.DataFrame):
        frame = pa.Table.from_pandas(frame, preserve_index=False)
    longest = {}
    for name, column in zip(frame.column_names, frame.columns, strict=True):
        lengths = pc.utf8_length(pc.cast(column, pa.string())) if len(column) else None
        longest[name] = (pc.max(lengths).as_py() if lengths is not None else None) or 0
    return longest


def column_layout(
    frame: pa.Table | pd.DataFrame, language: str
) -> tuple[dict[str, st.column_config.Column], int | None]:
    """The columns' configuration for st.dataframe and the row height (None: one line a row).
    A header is never cut (the grid does not wrap headers); a cell that does not fit wraps."""
    config = {}
    wrapped = False
    for name, characters in _longest_cells(frame).items():
        header = _px(len(name))
        if characters > LONG_TEXT:
            help_text = tr(language, LONG_TEXT_HELP)
            width = max(header, LONG_COLUMN_PX)
            config[name] = st.column_config.Column(width=width, help=help_text)
        else:
            width = max(header, min(_px(characters), SHORT_COLUMN_PX))
            config[name] = st.column_config.Column(width=width)
        wrapped = wrapped or _px(characters) > width
    return config, WRAPPED_ROW_PX if wrapped else None


def shown_table(frame: pa.Table | pd.DataFrame, language: str, key: str | None = None) -> None:
    """`frame` as an on-screen table, its columns laid out by `column_layout`. Wrapped rows are
    three times as tall, so the table is too: as many rows in view as unwrapped ones would be."""
    config, row_height = column_layout(frame, language)
    rows = frame.num_rows if isinstance(frame, pa.Table) else len(frame)
    height = "auto" if row_height is None else HEADER_PX + min(rows, ROWS_IN_VIEW) * row_height + 2
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=height,
        column_config=config,
        row_height=row_height,
        key=key,
    )
