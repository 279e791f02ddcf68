"""The map in real Chromium, read as a visitor reads it: at the first view no city's name
covers another's, and a city's tooltip stays inside the map, in English and in Bulgarian.

The names' boxes are measured, not guessed: the deck's own label positions (from the same
builder the page uses) are projected with its first view state onto the map element the
browser laid out, and each name's width is the browser's measure of the text in the map's font.
"""

from __future__ import annotations

import json
import math

import pytest
from browser_support import save_screenshot
from fixture_data import FIXTURE_DATA_DIR
from playwright.sync_api import Page, expect

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_projects, selected_values
from lib.topics.map.basemap import load_country_outlines
from lib.topics.map.chart import map_deck
from lib.topics.map.data import map_data
from lib.topics.map.framing import LABEL_PX, world_pixels

pytestmark = pytest.mark.browser

DECK = '[data-testid="stDeckGlJsonChart"]'
SIZES = [pytest.param((1280, 900), id="1280"), pytest.param((390, 844), id="390")]
LANGUAGES = ["en", "bg"]
FONT = f"{LABEL_PX}px 'Source Sans Pro', Helvetica, Arial, sans-serif"
PADDING = (2, 1)  # the labels' background padding, as the deck draws it


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


def deck_spec(portfolio, language: str) -> dict:
    filters = Filters()
    projects = selected_projects(portfolio, filters)
    data = map_data(portfolio, projects, selected_values(portfolio, filters), filters, language)
    return json.loads(map_deck(data, load_country_outlines()).to_json())


def layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer.get("id") == layer_id)


def open_map(open_page, base: str, language: str, size: tuple[int, int]) -> Page:
    watched = open_page(f"{base}/map?lang={language}", *size)
    page = watched.page
    expect(page.locator(f"{DECK} canvas").first).to_be_visible(timeout=20_000)
    # deck.gl draws a few frames after the app's run, and the captions under the map can
    # still move it: measure once its box has kept still for a moment
    box = None
    for _ in range(40):
        page.wait_for_timeout(500)
        now = page.locator(DECK).first.bounding_box()
        if now == box:
            break
        box = now
    assert not watched.console_errors, watched.console_errors
    return page


def projector(page: Page, view: dict):
    """(longitude, latitude) -> page pixels, as deck.gl's Web Mercator view places them."""
    box = page.locator(DECK).first.bounding_box()
    scale = 2 ** view["zoom"]
    centre_x, centre_y = world_pixels(view["longitude"], view["latitude"])

    def project(longitude: float, latitude: float) -> tuple[float, float]:
        x, y = world_pixels(longitude, latitude)
        return (
            box["x"] + box["width"] / 2 + (x - centre_x) * scale,
            box["y"] + box["height"] / 2 + (y - centre_y) * scale,
        )

    return project, box


def text_widths(page: Page, names: list[str]) -> list[float]:
    return page.evaluate(
        """([names, font]) => {
            const context = document.createElement('canvas').getContext('2d');
            context.font = font;
            return names.map(name => context.measureText(name).width);
        }""",
        [names, FONT],
    )


def label_box(at: tuple[float, float], width: float, label: dict) -> tuple[float, ...]:
    """The name's box on the page, from its anchor, baseline and pixel offset."""
    x = at[0] + label["offset"][0]
    y = at[1] + label["offset"][1]
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[label["anchor"]]
    y0 = {"top": y, "center": y - LABEL_PX / 2, "bottom": y - LABEL_PX}[label["baseline"]]
    return (x0 - PADDING[0], y0 - PADDING[1], x0 + width + PADDING[0], y0 + LABEL_PX + PADDING[1])


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_first_view_names_every_working_city_and_no_two_names_overlap(
    base, open_page, portfolio, language, size
):
    spec = deck_spec(portfolio, language)
    view = spec["initialViewState"]
    labels = layer(spec, "labels")["data"]
    page = open_map(open_page, base, language, size)
    save_screenshot(page, f"map-labels-{language}-{size[0]}")
    project, frame = projector(page, view)
    widths = text_widths(page, [label["name"] for label in labels])
    boxes = {
        label["name"]: label_box(project(*label["position"]), width, label)
        for label, width in zip(labels, widths, strict=True)
    }
    in_view = {
        name: box
        for name, box in boxes.items()
        if box[2] > frame["x"] and box[0] < frame["x"] + frame["width"]
        if box[3] > frame["y"] and box[1] < frame["y"] + frame["height"]
    }
    names = list(in_view)
    clashes = [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if overlap(in_view[a], in_view[b])
    ]
    assert not clashes, f"names cover each other at the first view: {clashes}"
    # the six cities where the projects work are in view and named, fully inside the map
    working = {
        "en": ["Shtip", "Strazhitsa", "Kumanovo", "Butel", "Gevgelija", "Sofia"],
        "bg": ["Щип", "Стражица", "Куманово", "Бутел", "Гевгелия", "София"],
    }[language]
    for name in working:
        assert name in in_view, f"{name} is not named in the first view"
        x0, y0, x1, y1 = in_view[name]
        assert frame["x"] <= x0 and x1 <= frame["x"] + frame["width"], f"{name} is cut"
        assert frame["y"] <= y0 and y1 <= frame["y"] + frame["height"], f"{name} is cut"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_city_tooltip_stays_inside_the_map(base, open_page, portfolio, language, size):
    spec = deck_spec(portfolio, language)
    cities = layer(spec, "cities")["data"]
    page = open_map(open_page, base, language, size)
    project, frame = projector(page, spec["initialViewState"])
    tooltip = page.locator(".deck-tooltip")
    hovered = 0
    for city in cities:
        x, y = project(*city["position"])
        inside = frame["x"] + 2 < x < frame["x"] + frame["width"] - 2
        if not (inside and frame["y"] + 2 < y < frame["y"] + frame["height"] - 2):
            continue  # a far network city, a drag away from the first view
        page.mouse.move(x, y)
        expect(tooltip).to_contain_text(city["name"], timeout=15_000)
        box = tooltip.bounding_box()
        assert box is not None
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert frame["y"] <= box["y"], f"{city['name']}'s tooltip starts above the map"
        bottom = box["y"] + box["height"] - (frame["y"] + frame["height"])
        assert bottom <= 0, f"{city['name']}'s tooltip ends {math.ceil(bottom)} px below the map"
        # what the tooltip shows is all there is to read: nothing is hidden by its frame
        clipped = tooltip.evaluate("tip => tip.scrollHeight > tip.clientHeight + 1")
        assert not clipped, f"{city['name']}'s tooltip is taller than the map can show"
        hovered += 1
        page.mouse.move(frame["x"] + 1, frame["y"] + frame["height"] - 1)
    assert hovered >= 6, f"only {hovered} cities could be hovered in the first view"
