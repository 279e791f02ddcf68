"""CSV formula injection (issue 20, point 4): no CSV the dashboard writes lets a spreadsheet run
a formula from the data. Streamlit's own table download, which writes cells as they are, is
off; a lone carriage return inside a text is quoted in every CSV we write, so a spreadsheet
that ends a row at a bare CR does not start a new row with what follows it."""

from __future__ import annotations

import csv
import dataclasses
import io
import tomllib

import pandas as pd
import pytest
from browser_support import wait_for_app
from fixture_data import FIXTURE_DATA_DIR, ROOT
from playwright.sync_api import expect

from lib.curation.writer import values_csv
from lib.exports.hxl import hxl_csv
from lib.load.loader import load_portfolio
from lib.load.values_csv import COLUMNS
from lib.ui.downloads import csv_bytes

SMUGGLED = "Met in Shtip.\r=cmd|' /C calc'!A0"  # a text with a lone CR before a formula


def spreadsheet_rows(text: str) -> list[list[str]]:
    """Rows as a spreadsheet reads them: a CR, an LF or both end a row outside quotes.
    (Python's reader over a stream with newline="" splits lines exactly there.)"""
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_reader_of_these_tests_ends_a_row_at_a_bare_cr():
    assert spreadsheet_rows("a\r=b\n") == [["a"], ["=b"]]  # it can see the attack


def test_the_dashboards_csv_quotes_a_lone_carriage_return():
    frame = pd.DataFrame({"quote": [SMUGGLED, "Plain"], "value": [259, 132]})
    rows = spreadsheet_rows(csv_bytes(frame).decode("utf-8-sig"))
    assert rows == [["quote", "value"], [SMUGGLED, "259"], ["Plain", "132"]]


def test_hxl_export_quotes_a_lone_carriage_return():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    first = portfolio.values.index[0]
    values = portfolio.values.copy()
    values.loc[first, "quote"] = SMUGGLED
    before = spreadsheet_rows(hxl_csv(portfolio).decode("utf-8-sig"))
    text = hxl_csv(dataclasses.replace(portfolio, values=values)).decode("utf-8-sig")
    rows = spreadsheet_rows(text)
    assert len(rows) == len(before)  # no row more: the CR stayed inside its cell
    assert not [row for row in rows if row and row[0].startswith("=")]
    assert [row for row in rows if SMUGGLED in row]


def test_a_written_indicator_values_file_quotes_a_lone_carriage_return():
    row = dict.fromkeys(COLUMNS, "") | {"project": "p", "indicator": "i", "quote": SMUGGLED}
    rows = spreadsheet_rows(values_csv([row]))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 2 and rows[1][COLUMNS.index("quote")] == SMUGGLED


def test_streamlits_own_table_download_and_copy_are_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


@pytest.mark.browser
def test_a_table_offers_no_download_but_ours(streamlit_server, open_page):
    """On the Participants page the table's toolbar (search, full screen) has no "Download as
    CSV"; the page's own CSV button, which neutralises formulas, is there."""
    base = streamlit_server()
    watched = open_page(base)
    page = watched.page
    page.goto(f"{base}/participants")
    wait_for_app(page)
    table = page.locator("[data-testid='stDataFrame']").first
    expect(table).to_be_visible(timeout=30_000)  # a loaded machine draws slowly
    table.hover()
    toolbar = page.locator("[data-testid='stElementToolbar']").first
    expect(toolbar).to_be_visible()
    expect(toolbar.get_by_role("button")).not_to_have_count(0)  # the toolbar itself is there
    assert toolbar.get_by_role("button", name="Download as CSV").count() == 0
    labels = toolbar.get_by_role("button").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label') || b.innerText)"
    )
    assert not [label for label in labels if "download" in (label or "").lower()], labels
    download = page.locator("[data-testid='stDownloadButton']")
    expect(download.first).to_be_visible()
    assert watched.console_errors == []
