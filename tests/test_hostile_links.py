"""Links put no markup on the page (issue 20, point 8): a web or e-mail address written in the
data (titles, names, quotes) or in a link's parameters is shown as text, never as a live link;
a link's `slide` is read as ASCII digits and echoed escaped: no exception box, no colour, no
maths, no icon made from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from app_support import DASHBOARD_PAGES
from browser_support import wait_for_app
from fixture_data import FIXTURE_DATA_DIR, ROOT
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest
from test_hostile_text import markdown_sources

from lib.load.loader import load_portfolio
from lib.text.escape import WORD_JOINER, md
from lib.ui.presentation import SCREENS, slide_number

PAGES = DASHBOARD_PAGES
ADDRESSES = "see https://evil.example/login, www.evil.example and help@evil.example"
PROJECT = "shtip-strazhitsa-twinning"
REPORT = "000_cc207db102143d95.txt"
SENTENCE = f"Linked 259 people (132 and 127), {ADDRESSES}."
# GitHub-flavoured markdown's address patterns, as Streamlit's markdown renderer applies them
# to plain text after reading escapes (JavaScript's \w is ASCII).
WEB_ADDRESS = re.compile(r"(https?://|www(?=\.))([-.A-Za-z0-9_]+)([^ \t\r\n]*)", re.I)
MAIL_ADDRESS = re.compile(r"([-.A-Za-z0-9_+]+)@([-A-Za-z0-9_]+(?:\.[-A-Za-z0-9_]+)+)")
PRESENT_PAGE_PARAMS = {"present": "1"}


def _edit_yaml(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def linked_data(folder: Path) -> Path:
    """The bundled data with web and e-mail addresses in a project's title, summary and event,
    an organisation's, a programme's and a city's name, a report's title and a quote."""
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    texts = {language: f"Twinning, {ADDRESSES}" for language in ("en", "bg", "mk")}

    def project(document: dict) -> None:
        document["title"].update(texts)
        document["summary"].update(texts)
        document["events"][0]["title"].update(texts)

    def named(kind: str, where: str = "names") -> callable:
        def change(document: dict) -> None:
            entry = document[kind][0]
            entry[where]["en"] = f"{entry[where]['en']}, {ADDRESSES}"

        return change

    def shtip(document: dict) -> None:
        place = next(place for place in document["places"] if place["id"] == "shtip")
        place["names"]["en"] = f"Shtip, {ADDRESSES}"

    def source(document: dict) -> None:
        document["sources"][0]["title"] = f"Report, {ADDRESSES}"

    _edit_yaml(folder / "projects" / f"{PROJECT}.yaml", project)
    _edit_yaml(folder / "organisations.yaml", named("organisations"))
    _edit_yaml(folder / "programmes.yaml", named("programmes"))
    _edit_yaml(folder / "places.yaml", shtip)
    _edit_yaml(folder / "sources.yaml", source)
    report = folder / "sources" / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "\n" + SENTENCE + "\n", "utf-8")
    values = folder / "indicator_values.csv"
    lines = values.read_text(encoding="utf-8").splitlines()
    lines = [
        re.sub(r',"[^"]*"$', f',"{SENTENCE}"', line)
        if line.startswith(f"{PROJECT},twinning-meeting,participants,")
        else line
        for line in lines
    ]
    values.write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = linked_data(tmp_path_factory.mktemp("links") / "data")
    result = load_portfolio(folder)
    assert not result.problems, result.problems
    return folder


def unescaped(markdown: str) -> str:
    """The text GFM looks for addresses in: escapes read, invisible characters kept."""
    return re.sub(r"\\(.)", r"\1", markdown)


def live_addresses(markdown: str) -> list[str]:
    """The addresses GFM would make links of in this markdown, as its reader sees it."""
    text = unescaped(markdown)
    found = [match.group(0) for match in WEB_ADDRESS.finditer(text)]
    return found + [match.group(0) for match in MAIL_ADDRESS.finditer(text)]


def run_app(monkeypatch, data_dir: Path, page: str | None, **params: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


# --- the helpers ---------------------------------------------------------------------------


def test_md_leaves_no_address_a_link_would_be_made_of_and_reads_the_same():
    escaped = md(ADDRESSES)
    assert live_addresses(escaped) == []
    assert unescaped(escaped).replace(WORD_JOINER, "") == ADDRESSES
    assert live_addresses(ADDRESSES)  # the patterns of this test do find them unescaped


def test_md_leaves_no_icon_or_emoji_shortcode():
    # Streamlit's own patterns, applied after escapes are read
    for text in (":material/warning:", ":material_warning:", ":smile:", ":streamlit:"):
        shown = unescaped(md(text))
        assert not re.search(r":material[/_]\w+:|:[\w+-][\w_+-]*:", shown), shown
        assert shown.replace(WORD_JOINER, "") == text


def test_a_slide_is_a_few_ascii_digits():
    assert slide_number("3") == 3
    for raw in ("²", "٣", "0", "99", "-1", "1.0", "9" * 5000, ""):
        assert slide_number(raw) is None, raw


# --- every page, through AppTest -----------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_page_makes_a_link_of_an_address_in_the_data(monkeypatch, data_dir, page):
    app = run_app(monkeypatch, data_dir, page)
    if page == "pages/projects/app.py":
        app.selectbox(key="projects.show").set_value(PROJECT).run()
    sources = markdown_sources(app)
    live = [found for source in sources for found in live_addresses(source)]
    assert not [found for found in live if "evil.example" in found], live


def test_presentation_makes_no_link_of_an_address_in_the_data(monkeypatch, data_dir):
    # the last screen lists the reports, by their titles
    app = run_app(monkeypatch, data_dir, None, present="1", slide=str(SCREENS))
    sources = markdown_sources(app)
    assert [source for source in sources if "evil" in source], "the slide shows no address"
    live = [found for source in sources for found in live_addresses(source)]
    assert not [found for found in live if "evil.example" in found], live


def test_a_city_in_the_link_with_an_address_is_refused_as_text(monkeypatch, data_dir):
    app = run_app(monkeypatch, data_dir, None, city="see https://evil.example/login")
    warnings = [warning.proto.body for warning in app.sidebar.warning]
    assert [body for body in warnings if "evil" in body], warnings
    assert not [body for body in warnings if live_addresses(body)], warnings


@pytest.mark.parametrize("slide", ["²", ":red[**X**]$\\frac12$", ":material/warning:"])
def test_a_slide_that_is_no_number_is_refused_with_a_notice(monkeypatch, data_dir, slide):
    app = run_app(monkeypatch, data_dir, None, present="1", slide=slide)
    notices = [warning.proto.body for warning in app.warning if "slide" in warning.proto.body]
    assert len(notices) == 1 and md(slide) in notices[0], notices  # escaped, shown as written


# --- a real browser ------------------------------------------------------------------------

BROWSER_PAGES = [
    "",  # the overview
    "participants",
    "map",
    "people-supported",
    f"projects?show={PROJECT}",
    "timeline",
    "funding",
    "sources",
]


@pytest.mark.browser
def test_the_browser_shows_addresses_in_the_data_as_text(streamlit_server, open_page, data_dir):
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    watched = open_page(base)
    page = watched.page
    shown_on = []
    for path in BROWSER_PAGES:
        page.goto(f"{base}/{path}")
        wait_for_app(page)
        links = page.locator("a[href*='evil.example']")
        assert links.count() == 0, (path, links.first.get_attribute("href"))
        text = page.locator("[data-testid='stMain']").inner_text().replace(WORD_JOINER, "")
        if "evil.example/login" in text:
            shown_on.append(path)
    # the addresses are on the pages, as text: they were not hidden to pass
    assert f"projects?show={PROJECT}" in shown_on, shown_on
    assert watched.console_errors == []


@pytest.mark.browser
def test_the_browser_shows_link_parameters_as_text(streamlit_server, open_page, data_dir):
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    watched = open_page(base)
    page = watched.page
    page.goto(f"{base}/?city={quote('see https://evil.example/login')}")
    wait_for_app(page)
    warning = page.locator("[data-testid='stSidebar'] [data-testid='stAlert']").first
    expect(warning).to_contain_text("evil.example/login")
    assert "see https://evil.example/login" in warning.inner_text().replace(WORD_JOINER, "")
    assert page.locator("a[href*='evil.example']").count() == 0

    for slide in ("²", ":red[**X**]$\\frac12$", ":material/warning:"):
        page.goto(f"{base}/?present=1&slide={quote(slide)}")
        wait_for_app(page)
        expect(page.get_by_role("button", name="Next ▶")).to_be_visible()
        assert page.locator("[data-testid='stException']").count() == 0, slide
        alert = page.locator("[data-testid='stAlert']").first
        expect(alert).to_contain_text("Ignored slide")
        assert slide in alert.inner_text().replace(WORD_JOINER, "")  # shown as written
        assert alert.locator(".katex, [data-testid='stIconMaterial'], span[style]").count() == 0
        assert alert.locator("strong, a").count() == 0
    assert watched.console_errors == []
