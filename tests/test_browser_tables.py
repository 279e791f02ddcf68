"""The tables in real Chromium (issue 17, point 3): on a 1280 px laptop and a 390 px phone, in
English and Bulgarian, each page's first table shows its number and what the number counts as
its first two columns, in view without scrolling sideways, under headers in words.

The grid draws on a canvas; what is read here is its accessible copy, a <table> of the rows and
columns in view (tests/test_browser_pages.py reads cells the same way). Screenshots of each
table land in tests/artifacts/table-<page>-<language>-<width>.png.
"""

from __future__ import annotations

import re

import pytest
from browser_support import save_screenshot
from playwright.sync_api import Page, expect

from lib.text.i18n import tr

pytestmark = pytest.mark.browser

SIZES = [pytest.param((1280, 900), id="1280"), pytest.param((390, 844), id="390")]
LANGUAGES = ["en", "bg"]
GRID = '[data-testid="stMain"] [data-testid="stDataFrame"]'
DRAW_TIMEOUT_MS = 30_000

# The page's path, and the headers of its first table's first two columns: the number (or the
# words for one no report gives) and what it counts.
LEADING = {
    "people-supported": ("Number", "Kind of people"),
    "participants": ("Participants", "From city"),
    "funding": ("Amount", "Funder"),
    "map": ("Dot size", "City"),
    "projects": ("events", "title"),
    "sources": ("facts taken", "title"),
}
NUMBER_WORDS = ("not reported", "no count of participants for this city")


def headers_in_view(page: Page) -> list[str]:
    """The headers of the page's first table whose columns are in view, left to right."""
    grid = page.locator(GRID).first
    grid.scroll_into_view_if_needed()
    headers = grid.locator("table th")
    expect(headers.first).to_be_attached(timeout=DRAW_TIMEOUT_MS)
    return [text.strip() for text in headers.all_text_contents()]


def first_column_cells(page: Page) -> list[str]:
    return page.locator(GRID).first.evaluate(
        """grid => [...grid.querySelectorAll('table tbody tr')]
            .map(row => row.querySelector('td'))
            .filter(cell => cell)
            .map(cell => cell.textContent.trim())"""
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", sorted(LEADING))
def test_first_table_shows_its_number_first(base, open_page, path, language, size):
    watched = open_page(f"{base}/{path}?lang={language}", *size)
    page = watched.page
    expect(page.locator(GRID).first).to_be_visible(timeout=DRAW_TIMEOUT_MS)

    shown = headers_in_view(page)
    save_screenshot(page, f"table-{path}-{language}-{size[0]}")
    number, meaning = (tr(language, header) for header in LEADING[path])
    assert shown[:2] == [number, meaning], shown
    assert not any(re.search(r"\w_\w", header) for header in shown), shown
    words = tuple(tr(language, word) for word in NUMBER_WORDS)
    cells = first_column_cells(page)
    assert cells, "the table shows no rows"
    assert all(re.search(r"\d", cell) or cell.startswith(words) for cell in cells), cells
    assert watched.console_errors == []
