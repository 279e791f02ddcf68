"""Blocks the topic pages share: a chart with its camera button, a table with the note of how
many rows it leaves out, CSV download buttons, and the captions pages write under them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from lib.query.filters import undated_projects
from lib.query.flat_table import readable_values
from lib.query.limits import table_head
from lib.query.names import titles_text
from lib.text.escape import md
from lib.text.i18n import ntr, tr
from lib.ui.download_button import download_on_click
from lib.ui.downloads import chart_config, csv_bytes, csv_download
from lib.ui.table_columns import shown_table
from lib.ui.view import View, derived


def chart(figure: go.Figure, file_name: str, key: str) -> None:
    """A plotly chart the width of the page; its camera button saves `file_name`.png."""
    st.plotly_chart(figure, config=chart_config(file_name), width="stretch", key=key)


def table(
    shown_and_note: tuple[pa.Table | pd.DataFrame, str],
    language: str,
    key: str | None = None,
    then: str = "",
) -> None:
    """A table of the first rows (lib/query/limits.table_head) and the note of what it leaves
    out, followed by `then` (where else to find the rows left out: "; choose any project
    below") before the note's full stop, when there is a note."""
    shown, note = shown_and_note
    shown_table(shown, language, key=key)
    if note:
        st.caption(f"{note.removesuffix('.')}{then}." if then else note)


def limited_table(
    view: View,
    name: str,
    build: Callable[[], pd.DataFrame],
    what: str,
    key: str | None = None,
    per_filters: bool = True,
    then: str = "",
    total: int | None = None,
) -> None:
    """The first rows of `build()`'s table, worked out once for the view under `name` (with
    `per_filters` as lib/ui/view.derived), then the note of how many `what` it leaves out
    (of `total`, when `build()` gives only the first rows)."""
    shown, note = derived(
        view,
        name,
        lambda: table_head(build(), what, language=view.language, total=total),
        per_filters,
    )
    table((shown, note), view.language, key=key, then=then)


def table_or_info(frame: pd.DataFrame, nothing: str, language: str) -> None:
    """The whole (short) table, or the message `nothing` when it has no rows."""
    if len(frame):
        shown_table(frame, language)
    else:
        st.info(nothing)


def captions(lines: Iterable[str]) -> None:
    """One caption a line, leaving out the empty ones (a note that has nothing to say)."""
    for line in lines:
        if line:
            st.caption(line)


def table_download(label: str, build: Callable[[], pd.DataFrame], file_name: str, key: str) -> None:
    """A page's own table as CSV, built when someone clicks, not on every rerun."""
    download_on_click(label, lambda: csv_bytes(build()), file_name, "text/csv", key)


def figures_download(
    view: View,
    file_name: str,
    key: str,
    label: str | None = None,
    codes: list[str] | None = None,
) -> None:
    """The figures behind the page (of the indicators `codes`, else all) as the readable CSV."""
    portfolio, language = view.portfolio, view.language

    def rows() -> pd.DataFrame:
        # chosen on the click too: taking a funder's 100,000 figures' rows on every rerun took
        # a fifth of a second at 100,000 projects
        values = view.values
        return readable_values(
            portfolio,
            values if codes is None else values[values["indicator"].isin(codes)],
            language,
        )

    csv_download(
        rows,
        file_name,
        key=key,
        label=label,
        language=language,
    )


def figures_download_of_projects(view: View, file_name: str, key: str) -> None:
    """The figures of the selected projects as CSV, under the label the topic pages share."""
    label = tr(view.language, "Download the figures of these projects (CSV)")
    figures_download(view, file_name, key, label=label)


def undated_notice(view: View) -> None:
    """Name the projects a year filter leaves out because no report states their year."""
    left_out = undated_projects(view.portfolio, view.filters)
    if left_out:
        names = titles_text(view.portfolio, left_out, view.language)
        st.info(
            ntr(
                view.language,
                "No report states a year for {names}, so the year filter leaves it out.",
                "No report states a year for {names}, so the year filter leaves them out.",
                len(left_out),
                names=md(names),
            )
        )
