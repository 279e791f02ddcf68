"""The board pack and presentation mode in real Chromium: the pack's button downloads the PDF
of the filters shown; on a wall screen's 1920 × 1080, presentation mode has no sidebar, large
type, the filters on every screen, and next and previous move one topic at a time.

Screenshots land in tests/artifacts/presentation-<slide>.png.
"""

from __future__ import annotations

import subprocess

import pytest
from browser_support import ARTIFACTS, save_screenshot, wait_for_app
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WALL = (1920, 1080)
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'


def _heading_px(page) -> float:
    return page.locator(f"{MAIN} h1").first.evaluate(
        "element => parseFloat(getComputedStyle(element).fontSize)"
    )


def test_presentation_mode_on_a_wall_screen(streamlit_server, open_page):
    watched = open_page(f"{streamlit_server()}/?present=1&city=shtip", *WALL)
    page, main = watched.page, watched.page.locator(MAIN)
    heading = main.locator("h1").first

    expect(heading).to_have_text("Overview")
    expect(main).to_contain_text("Showing: City: Shtip")
    assert page.locator(SIDEBAR).count() == 0 or not page.locator(SIDEBAR).is_visible()
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert _heading_px(page) >= 40, "a wall screen needs a large heading"
    save_screenshot(page, "presentation-1", full_page=False)

    page.get_by_role("button", name="Next ▶").click()
    expect(heading).to_have_text("Participants by city")
    wait_for_app(page)
    assert "slide=2" in page.url and "city=shtip" in page.url
    expect(main).to_contain_text("Showing: City: Shtip")
    expect(main).to_contain_text("132")
    chart = main.locator('[data-testid="stImage"] img').first
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] > 600
    save_screenshot(page, "presentation-2", full_page=False)

    page.get_by_role("button", name="Next ▶").click()
    expect(heading).to_have_text("Map of partner cities")
    wait_for_app(page)
    save_screenshot(page, "presentation-3", full_page=False)
    page.get_by_role("button", name="◀ Previous").click()
    expect(heading).to_have_text("Participants by city")
    wait_for_app(page)
    assert "/present" not in page.url, "the presentation is served at the link it was opened by"

    page.get_by_role("button", name="Leave presentation").click()
    expect(heading).to_have_text("Integration projects: what was achieved")
    wait_for_app(page)
    expect(page.locator(SIDEBAR)).to_be_visible()
    expect(main).to_contain_text("City: Shtip")
    assert "present=1" not in page.url and "city=shtip" in page.url
    expect(page.get_by_text("Page not found")).to_have_count(0)

    assert watched.console_errors == []
    assert watched.outside_requests == []


def test_board_pack_button_downloads_the_pdf_of_the_filters(streamlit_server, open_page):
    watched = open_page(f"{streamlit_server()}/funding?city=shtip", 1280, 900)
    page = watched.page
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Board pack (PDF)").click()
    pdf = download.value
    assert pdf.suggested_filename.startswith("board-pack-") and pdf.suggested_filename.endswith(
        "-en.pdf"
    )
    saved = ARTIFACTS / "board-pack-downloaded.pdf"
    pdf.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", str(saved), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "City: Shtip" in text and "132" in text
    assert watched.console_errors == []
