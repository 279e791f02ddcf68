"""Every page in real Chromium, at desktop (1280 px) and phone (390 px) width, as a visitor sees it.

Each page must open without console errors or requests to other hosts, show the tests' data's
figures and names, draw its chart (marks of non-zero size, not an empty frame) and fit a phone
screen without sideways scrolling. Then what a visitor does: open a shared link, choose a filter
and move to another page, follow a link with bad values, filter down to nothing.

Screenshots of every page land in tests/artifacts/<page>-<width>.png.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from browser_support import save_screenshot, wait_for_app
from PIL import Image
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

DESKTOP = (1280, 900)
PHONE = (390, 844)
SIZES = [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="390")]
DRAW_TIMEOUT_MS = 20_000

MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'


@dataclass(frozen=True)
class PageSpec:
    """A page as the visitor finds it: where it is, its title, what it must show and draw."""

    name: str  # for screenshots and test ids
    path: str  # URL path; "" for the default page, which Streamlit serves at the root
    title: str
    shows: tuple[str, ...]
    marks: str | None = None  # CSS selector of the chart's drawn marks, inside .js-plotly-plot
    min_marks: int = 0
    deck_map: bool = False


OVERVIEW = PageSpec(
    "overview",
    "",
    "Integration projects: what was achieved",
    ("518", "about 84,000", "about 16 or more", "291"),
)
PARTICIPANTS = PageSpec(
    "participants",
    "participants",
    "Participants by city",
    ("132", "127", "259", "Shtip", "Strazhitsa"),
    marks=".barlayer .point path",
    min_marks=3,  # Shtip, Strazhitsa, and the 32 not broken down by city
)
PEOPLE_SUPPORTED = PageSpec(
    "people-supported",
    "people-supported",
    "People supported",
    ("518", "about 84,000"),
    marks=".barlayer .point path",
    min_marks=5,  # 518, 16, 16, 84,000 and 12
)
PROJECTS = PageSpec(
    "projects",
    "projects",
    "Projects",
    (
        "CONNECTION - Initiative for integration through connecting cities",
        "Strengthening local actors in the process of refugee integration in Macedonia",
        "Building capacity and creating an active platform in support of immigrant integration",
        "Europe in the trap of the immigrant crisis",
    ),
)
TIMELINE = PageSpec(
    "timeline",
    "timeline",
    "Timeline",
    ("June, year not stated", "19 June 2018"),
    marks=".scatterlayer .point",
    min_marks=4,  # at least the four days of the twinning meeting
)
FUNDING = PageSpec(
    "funding",
    "funding",
    "Funding",
    ("BG EIF 2013/01-05.01", "Norwegian Embassy in Belgrade"),
    marks=".barlayer .point path",
    min_marks=5,  # at least one bar per funding line
)
SOURCES = PageSpec(
    "sources",
    "sources",
    "Sources and data",
    (
        "passed every check",
        "Проектът „Европа в капана на имигрантската криза“",
        "The project « Europe in the trap of the immigrant crisis »",
        "[без заглавие] Форумите по проекта на РСО „Марица“",
        "Зајакнување на локалните актери во процесот на интеграција на бегалци",
        "Асоциация за развитие на София обмени опит с 21 града",
    ),
)
MAP = PageSpec(
    "map",
    "map",
    "Map of partner cities",
    ("Shtip", "Stockholm", "Not on the map: Haskovo region"),
    deck_map=True,
)

PAGES = [
    pytest.param(OVERVIEW, id="overview"),
    pytest.param(PARTICIPANTS, id="participants"),
    pytest.param(PEOPLE_SUPPORTED, id="people-supported"),
    pytest.param(PROJECTS, id="projects"),
    pytest.param(TIMELINE, id="timeline"),
    pytest.param(FUNDING, id="funding"),
    pytest.param(SOURCES, id="sources"),
    pytest.param(MAP, id="map"),
]
CHART_PAGES = [PARTICIPANTS, PEOPLE_SUPPORTED, TIMELINE, FUNDING]


# Helpers --------------------------------------------------------------------------------------


def url_of(base: str, spec: PageSpec, query: str = "") -> str:
    return f"{base}/{spec.path}" + (f"?{query}" if query else "")


# Marks of non-zero size inside the page's Plotly charts, for `selector`.
DRAWN_MARKS_JS = """(selector) => [...document.querySelectorAll('.js-plotly-plot')]
    .flatMap(plot => [...plot.querySelectorAll(selector)])
    .filter(mark => { const box = mark.getBBox(); return box.width > 0 && box.height > 0; })
    .length"""


def wait_for_title(page: Page, title: str) -> None:
    """Wait until the page titled `title` has run (when it opens, the run may not have begun)."""
    expect(page.locator(MAIN).locator("h1").first).to_have_text(title)
    wait_for_app(page)


def wait_until_drawn(page: Page, spec: PageSpec) -> None:
    """Wait for the page's title, its texts and, where it has one, its chart or map.

    The browser draws some of what a run sends a few hundred milliseconds after the run ends,
    and charts, tables and maps later still, so `wait_for_app` alone is not enough.
    """
    wait_for_title(page, spec.title)
    missing_text(page, spec.shows)  # waits for them; the tests that need them say what is missing
    if spec.marks:
        with contextlib.suppress(PlaywrightTimeout):  # test_chart_is_drawn counts what is there
            page.wait_for_function(
                f"([selector, wanted]) => ({DRAWN_MARKS_JS})(selector) >= wanted",
                arg=[spec.marks, spec.min_marks],
                timeout=DRAW_TIMEOUT_MS,
            )
    if spec.deck_map:
        expect(page.locator(DECK_CANVAS).first).to_be_visible(timeout=DRAW_TIMEOUT_MS)


def drawn_marks(page: Page, selector: str) -> int:
    return page.evaluate(DRAWN_MARKS_JS, selector)


def chart_text(page: Page) -> list[str]:
    """The text drawn in the page's charts, one string a label, its wrapped lines joined."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot text')]
            .map(text => {
                const lines = [...text.querySelectorAll('tspan.line')];
                return lines.length ? lines.map(l => l.textContent).join(' ') : text.textContent;
            })"""
    )


def table_cells(page: Page) -> list[str]:
    """The cells of the page's tables that are in view (the grid draws on a canvas; these are
    its accessible copy, which holds the rows and columns the visitor can see)."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                '[data-testid="stMain"] [data-testid="stDataFrame"] table')]
            .flatMap(table => [...table.querySelectorAll('th, td')].map(c => c.textContent))"""
    )


def shown_text(page: Page) -> str:
    """What the visitor can read in the page: its text, its charts' labels, its tables' cells."""
    main = page.locator(MAIN).inner_text()
    return "\n".join([main, *chart_text(page), *table_cells(page)])


def missing_text(page: Page, wanted: tuple[str, ...]) -> list[str]:
    """Which of `wanted` the page does not show, waiting a while for tables drawn after the run."""
    deadline = time.monotonic() + DRAW_TIMEOUT_MS / 1000
    while True:
        shown = shown_text(page)
        missing = [text for text in wanted if text not in shown]
        if not missing or time.monotonic() > deadline:
            return missing
        page.wait_for_timeout(250)


def sidebar_choice(page: Page, label: str) -> list[str]:
    """The values chosen in the sidebar multiselect `label`, as its tags show them."""
    widget = (
        page.locator(SIDEBAR)
        .locator('[data-testid="stMultiSelect"]')
        .filter(has=page.get_by_role("combobox", name=label))
    )
    tags = widget.locator('[data-testid="stMultiSelectTagsContainer"]').inner_text()
    return [line.strip() for line in tags.splitlines() if line.strip()]


def choose_in_sidebar(page: Page, label: str, option: str) -> None:
    """Choose `option` in the sidebar multiselect `label`: click the box, type the name, pick it.

    It is picked with the keyboard: in headless Chromium a mouse click on an option of
    Streamlit 1.67's multiselect was ignored in about 1 of 8 runs (the list scrolls between press
    and release), while arrow keys and Enter always chose it.
    """
    box = page.locator(SIDEBAR).get_by_role("combobox", name=label)
    box.click()
    box.press_sequentially(option)
    wanted = page.get_by_role("option", name=option, exact=True)
    expect(wanted).to_be_visible()
    for _ in range(5):
        if wanted.get_attribute("data-focused") == "true":
            break
        page.keyboard.press("ArrowDown")
    expect(wanted).to_have_attribute("data-focused", "true")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def showing_line(page: Page, filters: str, showing: str = "Showing"):
    """The line under the title naming the chosen filters ("Showing: City: Shtip — 1 of 4
    projects"; `showing` is the first word in the page's language), as a locator to `expect`;
    not the same words in a chart's picture footer."""
    line = re.compile("^" + re.escape(f"{showing}: {filters} — "))
    return page.locator(MAIN).get_by_text(line)


def metric_value(page: Page, label: str):
    """The value of the headline figure labelled `label`, as a locator to `expect`."""
    metric = page.locator('[data-testid="stMetric"]').filter(
        has=page.get_by_text(label, exact=True)
    )
    return metric.locator('[data-testid="stMetricValue"]')


def cut_off_figures(page: Page) -> list[str]:
    """Headline figures the page cuts short with "…" because they do not fit their column."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')]
            .filter(value => [value, ...value.querySelectorAll('*')]
                .some(el => el.scrollWidth > el.clientWidth + 1))
            .map(value => value.textContent)"""
    )


def colour_counts(png: bytes) -> tuple[int, int, int]:
    """(distinct colours, vivid pixels, pixels other than the two commonest colours) of a PNG.

    Land and sea are the two commonest, pale colours; country outlines and labels are the
    other pale ones; dots and lines are vivid (channels far apart).
    """
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = sorted(image.getcolors(image.width * image.height), reverse=True)
    vivid = sum(count for count, rgb in colours if max(rgb) - min(rgb) >= 80)
    other = sum(count for count, _ in colours[2:])
    return len(colours), vivid, other


def save_whole_page(page: Page, name: str) -> None:
    """Save the whole page, not only the first screen, to tests/artifacts/<name>.png.

    The app scrolls inside its main area, not the document, so a "full page" screenshot shows
    one screen: the window is made as tall as the content for the picture, then put back.
    """
    size = page.viewport_size
    assert size is not None
    height = page.evaluate(f"document.querySelector('{MAIN}').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(500)  # charts and tables redraw for the new height
    save_screenshot(page, name, full_page=False)
    page.set_viewport_size(size)


def page_not_found(page: Page):
    return page.get_by_text("The page that you have requested does not seem to exist")


# Every page, at both widths -------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("spec", PAGES)
def test_page_opens_cleanly_and_shows_its_figures(base, open_page, spec, size):
    """The page opens with no console error and no request to another host, and shows the
    figures and names of the tests' reports."""
    watched = open_page(url_of(base, spec), *size)
    wait_until_drawn(watched.page, spec)
    save_whole_page(watched.page, f"{spec.name}-{size[0]}")

    assert missing_text(watched.page, spec.shows) == []
    assert watched.console_errors == []
    assert watched.outside_requests == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("spec", [pytest.param(s, id=s.name) for s in CHART_PAGES])
def test_chart_is_drawn(base, open_page, spec, size):
    """The chart is drawn, not an empty frame: it has a size and its bars, points or blocks."""
    watched = open_page(url_of(base, spec), *size)
    wait_until_drawn(watched.page, spec)

    plot = watched.page.locator(MAIN).locator(".js-plotly-plot").first
    box = plot.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    assert box["width"] <= size[0], f"the chart is wider than the screen: {box}"
    assert drawn_marks(watched.page, spec.marks) >= spec.min_marks


@pytest.mark.parametrize("spec", PAGES)
def test_page_fits_a_phone_screen(base, open_page, spec):
    """On a 390 px phone the page does not scroll sideways."""
    watched = open_page(url_of(base, spec), *PHONE)
    wait_until_drawn(watched.page, spec)

    scroll_width, inner_width = watched.page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width + 1


@pytest.mark.parametrize(
    ("spec", "size"),
    [
        pytest.param(
            OVERVIEW,
            DESKTOP,
            id="overview-1280",
        ),
        pytest.param(OVERVIEW, PHONE, id="overview-390"),
        pytest.param(PEOPLE_SUPPORTED, DESKTOP, id="people-supported-1280"),
        pytest.param(PEOPLE_SUPPORTED, PHONE, id="people-supported-390"),
    ],
)
def test_headline_figures_are_not_cut_off(base, open_page, spec, size):
    """Each headline figure is shown whole, not cut short with "…"."""
    watched = open_page(url_of(base, spec), *size)
    wait_until_drawn(watched.page, spec)

    assert cut_off_figures(watched.page) == []


# The map --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_map_draws_outlines_dots_and_lines(base, open_page, size):
    """The map's canvas shows country outlines, the cities' dots and the links between them."""
    watched = open_page(url_of(base, MAP), *size)
    wait_until_drawn(watched.page, MAP)
    canvas = watched.page.locator(DECK_CANVAS).first

    deadline = time.monotonic() + DRAW_TIMEOUT_MS / 1000
    while True:  # deck.gl draws a few frames after the app's run
        distinct, vivid, other = colour_counts(canvas.screenshot())
        if (distinct >= 100 and vivid >= 500) or time.monotonic() > deadline:
            break
        watched.page.wait_for_timeout(500)
    box = canvas.bounding_box()
    pixels = box["width"] * box["height"]
    assert distinct >= 100, f"{distinct} colours: the map is blank or flat"
    assert vivid >= 500, f"{vivid} vivid pixels: no dots or lines drawn"
    assert other >= 0.01 * pixels, f"{other} pixels besides land and sea: no outlines"


# What a visitor does --------------------------------------------------------------------------


def test_shared_link_reproduces_the_filtered_view(base, open_page):
    """A link to /participants?city=shtip opens with Shtip chosen in the sidebar, says so under
    the title, and shows Shtip's 132 participants but not Strazhitsa's 127."""
    watched = open_page(url_of(base, PARTICIPANTS, "city=shtip"), *DESKTOP)
    page = watched.page
    wait_for_title(page, PARTICIPANTS.title)

    assert sidebar_choice(page, "City") == ["Shtip"]
    expect(showing_line(page, "City: Shtip")).to_be_visible()
    chart = page.locator(MAIN).locator(".js-plotly-plot")
    expect(chart).to_contain_text("132", timeout=DRAW_TIMEOUT_MS)
    expect(chart).not_to_contain_text("127")
    expect(metric_value(page, "Participants at events, summed over events")).to_have_text("132")
    assert missing_text(page, ("Shtip",)) == []  # the table's "From city", once it is drawn
    assert "127" not in shown_text(page)
    assert watched.console_errors == []


def test_chosen_filter_goes_into_the_url_and_stays_on_another_page(base, open_page):
    """Choosing Shtip in the sidebar puts city=shtip in the URL and shows its 132 participants;
    moving to another page through the sidebar keeps the filter and the URL parameter."""
    watched = open_page(base, *DESKTOP)
    page = watched.page

    choose_in_sidebar(page, "City", "Shtip")
    expect(page).to_have_url(re.compile(r"/\?city=shtip$"))
    expect(showing_line(page, "City: Shtip")).to_be_visible()
    wait_for_app(page)
    expect(metric_value(page, "Participants")).to_have_text("132")

    page.locator('[data-testid="stSidebarNav"]').get_by_role(
        "link", name="Participants by city"
    ).click()
    expect(page).to_have_url(re.compile(r"/participants\?city=shtip$"))
    wait_for_title(page, PARTICIPANTS.title)
    expect(showing_line(page, "City: Shtip")).to_be_visible()
    assert sidebar_choice(page, "City") == ["Shtip"]
    expect(page).to_have_url(re.compile(r"/participants\?city=shtip$"))
    assert watched.console_errors == []


def test_bad_link_values_are_named_harmlessly_and_run_no_script(base, open_page):
    """A link with an unknown country and markup for a city says which values it ignored,
    shows the markup as plain text, and runs none of it."""
    watched = open_page(base, *DESKTOP)  # to listen for dialogs before the bad link loads
    page = watched.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{base}/?country=XX&city={quote('<script>alert(1)</script>')}")
    wait_for_title(page, OVERVIEW.title)

    sidebar = page.locator(SIDEBAR)
    expect(
        sidebar.get_by_text("Ignored 'XX' from the link: not among the dashboard's countries")
    ).to_be_visible()
    expect(
        sidebar.get_by_text(
            "Ignored '<script>alert(1)</script>' from the link: not among the dashboard's cities"
        )
    ).to_be_visible()
    scripts = "[...document.scripts].some(script => script.text.includes('alert(1)'))"
    assert page.evaluate(scripts) is False
    assert dialogs == []
    assert watched.console_errors == []


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(OVERVIEW, id="overview"),
        pytest.param(PARTICIPANTS, id="participants"),
        pytest.param(PEOPLE_SUPPORTED, id="people-supported"),
        pytest.param(PROJECTS, id="projects"),
        pytest.param(TIMELINE, id="timeline"),
        pytest.param(FUNDING, id="funding"),
        pytest.param(SOURCES, id="sources"),
        pytest.param(MAP, id="map"),
    ],
)
def test_filters_matching_nothing_say_so(base, open_page, spec):
    """Shtip's project is not funded by Group 484: every page says no project matches."""
    watched = open_page(url_of(base, spec, "city=shtip&funder=group-484"), *DESKTOP)
    notice = watched.page.locator(MAIN).get_by_text("No project matches these filters")

    expect(notice).to_be_visible()
    assert watched.console_errors == []


# Streamlit's page-not-found notice ------------------------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="Streamlit serves the default page at /, not at its url_path: /overview pops up "
    "'Page not found' (and logs it as a console error) before showing the overview",
)
def test_link_to_overview_by_name_shows_no_page_not_found(base, open_page):
    """A link to /overview opens the overview without a "Page not found" notice."""
    watched = open_page(f"{base}/overview", *DESKTOP)
    wait_until_drawn(watched.page, OVERVIEW)

    expect(page_not_found(watched.page)).to_have_count(0)
    assert watched.console_errors == []


@pytest.mark.xfail(
    strict=True,
    reason="the first visit to a freshly started server pops up 'Page not found' (and logs it "
    "as a console error) although the right page is shown; like streamlit/streamlit#9624",
)
def test_first_visit_to_a_fresh_server_shows_no_page_not_found(streamlit_server, open_page):
    """The first visitor after the server starts, arriving by a link to a page, sees that page
    and no "Page not found" notice."""
    fresh = streamlit_server(env={"BROWSER_TEST_SERVER": "first-visit"})  # a server of its own
    watched = open_page(url_of(fresh, PARTICIPANTS), *DESKTOP)
    wait_until_drawn(watched.page, PARTICIPANTS)

    expect(page_not_found(watched.page)).to_have_count(0)
    assert watched.console_errors == []
