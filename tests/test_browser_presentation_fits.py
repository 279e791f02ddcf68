"""Presentation mode on a wall screen (issue 17, point 6), in real Chromium: every screen fits
1920x1080 and 1280x720 with no scrolling, in English, Bulgarian and Macedonian; Previous and
Next are in view; the arrow keys move between screens; the chart has a text alternative; at
1080p every letter of every chart is at least 20 px.

The charts are SVG pictures whose letters are outlines: matplotlib draws each text as glyphs
scaled by its font size over 100 (`scale(s -s)`), so a letter's size on the screen is that
size times the picture's width on the screen over its own width.

Screenshots land in tests/artifacts/slide-<language>-<slide>-<width>.png.
"""

from __future__ import annotations

import base64
import re

import pytest
from browser_support import save_screenshot, wait_for_app
from playwright.sync_api import Page, expect

from lib.ui.presentation import SCREENS

pytestmark = pytest.mark.browser

MAIN = '[data-testid="stMain"]'
CHART_TEXT_MIN_PX = 20  # read from across a meeting room at 1080p
SCREEN_SIZES = [pytest.param((1920, 1080), id="1080p"), pytest.param((1280, 720), id="720p")]
BUTTONS = {  # language -> the Previous and Next buttons' words
    "en": ("Previous", "Next"),
    "bg": ("Назад", "Напред"),
    "mk": ("Претходно", "Следно"),
}

# How far the page scrolls: the scrolling container's height beyond the window's
OVERFLOW_JS = """() => {
    const scroller = document.querySelector('[data-testid="stAppScrollToBottomContainer"]')
        || document.scrollingElement;
    return Math.max(scroller.scrollHeight - scroller.clientHeight,
                    document.documentElement.scrollHeight - window.innerHeight);
}"""


def chart_text_px(page: Page) -> list[float]:
    """The smallest letter of each chart on the screen, in CSS pixels as drawn."""
    smallest = []
    for image in page.locator(f'{MAIN} [data-testid="stImage"] img').all():
        width = image.bounding_box()["width"]
        svg = base64.b64decode(image.get_attribute("src").split(",", 1)[1]).decode()
        own_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
        sizes = [float(scale) * 100 for scale in re.findall(r"scale\(([\d.]+) -", svg)]
        assert sizes, "a chart with no letters"
        smallest.append(min(sizes) * width / own_width)
    return smallest


def in_view(page: Page, name: str) -> bool:
    box = page.locator(MAIN).get_by_role("button", name=name).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


@pytest.mark.parametrize("language", ["en", "bg", "mk"])
@pytest.mark.parametrize("size", SCREEN_SIZES)
def test_every_screen_fits_with_its_controls_in_view(streamlit_server, open_page, size, language):
    base = streamlit_server()
    too_tall, small_text, charts_seen = [], [], 0
    for slide in range(1, SCREENS + 1):
        watched = open_page(f"{base}/?present=1&lang={language}&slide={slide}", *size)
        page = watched.page
        expect(page.locator(MAIN).locator("h1").first).to_be_visible()
        page.wait_for_timeout(500)  # images and wrapped text settle after the run
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow > 0:
            too_tall.append(f"slide {slide}: {overflow} px too tall")
        for name in BUTTONS[language]:
            assert in_view(page, name), f"slide {slide}: {name} is out of view"
        for image in page.locator(f'{MAIN} [data-testid="stImage"] img').all():
            assert len(image.get_attribute("alt") or "") > 20, "a chart needs a text alternative"
        if size[0] == 1920:
            save_screenshot(page, f"slide-{language}-{slide}-1920", full_page=False)
            letters = chart_text_px(page)
            charts_seen += len(letters)
            for letter in letters:
                if letter < CHART_TEXT_MIN_PX:
                    small_text.append(f"slide {slide}: {letter:.1f} px letters")
        assert watched.console_errors == []
        page.context.close()
    assert too_tall == []
    assert small_text == []
    if size[0] == 1920:  # the topics with a chart drew one
        assert charts_seen >= 4


def test_arrow_keys_move_between_screens(streamlit_server, open_page):
    page = open_page(f"{streamlit_server()}/?present=1&slide=2", 1920, 1080).page
    heading = page.locator(MAIN).locator("h1").first
    expect(heading).to_have_text("Participants by city")
    page.keyboard.press("ArrowRight")
    expect(heading).to_have_text("Map of partner cities")
    expect(page).to_have_url(re.compile(r"slide=3"))
    wait_for_app(page)
    page.keyboard.press("ArrowLeft")
    expect(heading).to_have_text("Participants by city")
    expect(page).to_have_url(re.compile(r"slide=2"))
