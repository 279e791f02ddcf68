"""The Sources page's reports table shows its first rows and says the CSV download has them
all: that download is there, built on the click, and holds every report with the number of
facts taken from it (a funder's portfolio has 100,000 reports; the table shows 500)."""

from __future__ import annotations

import io

import pandas as pd
from app_support import open_app
from fixture_data import FIXTURE_DATA_DIR

import lib.topics.sources.data as sources_data
import lib.ui.current_data as current_data
from lib.load.loader import load_portfolio

LABEL = "Every report, with how many facts were taken from it (CSV)"


def test_the_reports_csv_holds_every_report_the_table_leaves_out(monkeypatch, on_click):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DATA_DIR))
    monkeypatch.setattr(sources_data, "TABLE_ROWS", 2)  # of the 5 reports: as 500 of 100,000
    monkeypatch.setattr(current_data, "_held", None)  # a version of its own: tables made anew
    app = open_app("pages/sources/app.py")
    words = " ".join(element.value for element in (*app.caption, *app.markdown))
    note = "Showing 2 of 5 reports; the CSV download has them all; choose any report below."
    assert note in words
    (button,) = [b for b in app.get("download_button") if b.proto.label == LABEL]
    table = pd.read_csv(io.BytesIO(on_click[button.proto.deferred_file_id]()), encoding="utf-8-sig")
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    assert table["id"].tolist() == list(portfolio.sources)
    assert table["title"].tolist() == [source.title for source in portfolio.sources.values()]
    assert table["facts taken"].min() >= 1 and table["facts taken"].sum() > 6
