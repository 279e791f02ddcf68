"""Downloads of what a page shows: the filtered data as CSV, charts as pictures."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show Cyrillic correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def csv_download(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    file_name: str,
    key: str,
    label: str = "Download CSV",
) -> None:
    """A CSV download button; given a function rather than a frame, the table is built only
    when someone clicks, not on every rerun (a portfolio's figures are megabytes of CSV)."""
    data = (lambda: csv_bytes(frame())) if callable(frame) else csv_bytes(frame)
    st.download_button(label, data, file_name=file_name, mime="text/csv", key=key)


def chart_config(file_name: str) -> dict:
    """Plotly's own camera button saves the chart as a PNG in the browser, with no server or
    internet; we name the file and double the resolution for print."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }
