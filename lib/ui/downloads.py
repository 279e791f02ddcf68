"""Downloads of what a page shows: the filtered data as CSV (lib/exports/csv_file), charts as
pictures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from lib.exports.csv_file import csv_bytes
from lib.query.figure_codes import cited_sources_at
from lib.query.names import filters_in_words
from lib.text.i18n import tr
from lib.topics.picture_frame import SOURCES_NAMED, PictureWords, framed
from lib.ui.download_button import download_on_click
from lib.ui.view import View


def csv_download(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    file_name: str,
    key: str,
    label: str | None = None,
    language: str = "en",
) -> None:
    """A CSV download button; given a function rather than a frame, the table is built only
    when someone clicks, not on every rerun (a portfolio's figures are megabytes of CSV)."""
    table = frame if callable(frame) else (lambda: frame)
    label = label or tr(language, "Download CSV")
    download_on_click(label, lambda: csv_bytes(table()), file_name, "text/csv", key)


def chart_config(file_name: str) -> dict:
    """Plotly's own camera button saves the chart as a PNG in the browser, with no server or
    internet; we name the file and double the resolution for print."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }


def pictured(view: View, figure: go.Figure | dict, title: str) -> go.Figure:
    """`figure` (or its plain dict) framed for its picture (lib/topics/picture_frame.py):
    `title`, the view's filters in words, today's date and the titles of the reports behind
    the view's figures."""
    portfolio, language = view.portfolio, view.language
    cited = cited_sources_at(portfolio, view.figures.at)  # in the order first cited
    # the first few titles are named, the others counted: not a title a report
    words = PictureWords(
        title=title,
        filters=filters_in_words(portfolio, view.filters, language),
        made_on=dt.date.today(),
        sources=tuple(portfolio.sources[sid].title for sid in cited[:SOURCES_NAMED]),
        language=language,
        source_count=len(cited),
    )
    return framed(figure, words)
