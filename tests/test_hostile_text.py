"""Hostile text in the data is shown as text: markup, links, images, maths, colours and
formulas from titles, summaries, names and quotes are inert in markdown, charts, map
tooltips, CSV downloads and exports; in a real browser no script runs and nothing is fetched."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from app_support import DASHBOARD_PAGES, set_filter
from browser_support import wait_for_app
from fixture_data import FIXTURE_DATA_DIR, ROOT
from google.protobuf.json_format import MessageToDict
from lxml import etree
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from lib.exports.csv_file import csv_bytes
from lib.exports.formats import export
from lib.load.loader import load_portfolio
from lib.model.languages import LANGUAGE_CODES
from lib.query.flat_table import readable_values
from lib.text.escape import WORD_JOINER, spreadsheet_cell
from lib.topics.map.framing import fit_view, world_pixels

PAGES = DASHBOARD_PAGES
HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![t](https://evil.example/p.png)",
    "$5 and $10",
    ":red[x]",
    "**bold**",
)
HOSTILE_TEXT = " ".join(HOSTILE)
FORMULA = '=HYPERLINK("https://evil.example/","click")'
PROJECT = "shtip-strazhitsa-twinning"
TWINNING_REPORT = "000_cc207db102143d95.txt"
SENTENCE = f"Hostile 259, 132 and 127 {HOSTILE_TEXT} end."
DATES_SENTENCE = "Проектът се изпълни от 19/06/2018 г. до 22/06/2018 г."
# Element types whose text Streamlit renders as markdown (st.text, st.code, tables are plain).
MARKDOWN_TYPES = {"Markdown", "Caption", "Title", "Header", "Subheader", "Latex"}
ALERT_TYPES = {"Info", "Warning", "Error", "Success", "Toast"}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # the loader refuses anchors and aliases


def _edit_yaml(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    text = yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text, "utf-8")


def _hostile(prefix: str) -> dict:
    return {language: f"{prefix} {HOSTILE_TEXT}" for language in LANGUAGE_CODES}


def hostile_data(folder: Path) -> Path:
    """The tests' data with hostile text in a project's title, summary, event and grant
    reference (and its inference note), the names of an organisation, a programme and a city,
    a report's title and the quote of three figures."""
    shutil.copytree(FIXTURE_DATA_DIR, folder)

    def project(document: dict) -> None:
        document["title"].update(_hostile("Twinning"))
        document["summary"].update(_hostile("Summary"))
        document["funding"][0]["grant_reference"] = f"Grant {HOSTILE_TEXT}"
        # no report gives it, so it is marked as the curators' reading, with a hostile note too
        document["funding"][0]["inferred"] = ["grant_reference"]
        document["funding"][0]["note"] = f"Note {HOSTILE_TEXT}"
        # dates a sentence added to the report gives, so the IATI file carries the project
        document["start"], document["end"] = "2018-06-19", "2018-06-22"
        document["dates_source"] = {"source": "twinning-report-bg", "quote": DATES_SENTENCE}
        document["events"][0]["title"].update(
            {language: f"{FORMULA} {HOSTILE_TEXT}" for language in LANGUAGE_CODES}
        )

    def organisations(document: dict) -> None:
        document["organisations"][0]["names"]["en"] = f"EU {HOSTILE_TEXT}"

    def places(document: dict) -> None:
        shtip = next(place for place in document["places"] if place["id"] == "shtip")
        shtip["names"]["en"] = f"Shtip {HOSTILE_TEXT}"

    def sources(document: dict) -> None:
        document["sources"][0]["title"] = f"Report {HOSTILE_TEXT}"

    def programmes(document: dict) -> None:
        document["programmes"][0]["names"]["en"] = f"Programme {HOSTILE_TEXT}"

    _edit_yaml(folder / "projects" / f"{PROJECT}.yaml", project)
    _edit_yaml(folder / "organisations.yaml", organisations)
    _edit_yaml(folder / "places.yaml", places)
    _edit_yaml(folder / "sources.yaml", sources)
    _edit_yaml(folder / "programmes.yaml", programmes)
    report = folder / "sources" / TWINNING_REPORT
    added = f"\n{SENTENCE}\n{DATES_SENTENCE}\n"
    report.write_text(report.read_text(encoding="utf-8") + added, "utf-8")
    values = folder / "indicator_values.csv"
    lines = values.read_text(encoding="utf-8").splitlines()
    quoted = '"' + SENTENCE.replace('"', '""') + '"'
    lines = [
        re.sub(r',"[^"]*"$', "," + quoted, line)
        if line.startswith(f"{PROJECT},twinning-meeting,participants,")
        else line
        for line in lines
    ]
    values.write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    result = load_portfolio(folder)
    assert not result.problems, result.problems
    return folder


def _nodes(node: object) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def markdown_sources(app: AppTest) -> list[str]:
    """The markdown source of every text Streamlit renders as markdown: bodies of markdown,
    captions, headings and alerts; labels and help of metrics, widgets and expanders."""
    found = []
    for node in _nodes(app._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = type(node).__name__
        fields = MessageToDict(proto, preserving_proto_field_name=True)
        if kind in MARKDOWN_TYPES | ALERT_TYPES:
            found.append(fields.get("body", ""))
        found += [fields.get(name, "") for name in ("label", "help")]
        found.append(fields.get("expandable", {}).get("label", ""))
    return [text for text in found if text]


def chart_strings(app: AppTest) -> list[str]:
    """Every string of every Plotly chart's figure: hover texts, ticks, labels, titles."""
    found = []
    for node in _nodes(app._tree):
        proto = getattr(node, "proto", None)
        plotly = proto is not None and type(node).__name__ != "Dataframe"
        if plotly and getattr(proto, "spec", ""):
            found += list(_strings(json.loads(proto.spec)))
    return found


def unescaped(markdown: str) -> str:
    """What a reader sees of escaped markdown: a backslash shows the next character as is; the
    word joiner that keeps an address from becoming a link is invisible."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def run_app(monkeypatch, data_dir: Path, page: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def assert_inert(app: AppTest) -> None:
    for source in markdown_sources(app):
        for raw in HOSTILE:
            assert raw not in source, f"{raw!r} reaches markdown unescaped: {source[:200]!r}"
    for text in chart_strings(app):
        assert "<script" not in text and "<img" not in text, text[:200]


# --- the helpers ---------------------------------------------------------------------------


def test_spreadsheet_cells_that_start_a_formula_are_made_text():
    assert spreadsheet_cell(FORMULA) == "'" + FORMULA
    for start in ("+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_cell(start) == "'" + start
    assert spreadsheet_cell("Shtip") == "Shtip"
    assert spreadsheet_cell(-5) == -5  # numbers are numbers


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_page_renders_hostile_text_as_markup(monkeypatch, data_dir, page):
    app = run_app(monkeypatch, data_dir, page)
    assert_inert(app)
    set_filter(app, "cities", ["shtip"])  # the filter's words name the hostile city
    assert_inert(app)


def test_the_project_page_shows_the_hostile_text_literally(monkeypatch, data_dir):
    app = run_app(monkeypatch, data_dir, "pages/projects/app.py")
    app.selectbox(key="projects.show").set_value(PROJECT).run()
    assert_inert(app)
    seen = "\n".join(unescaped(source) for source in markdown_sources(app))
    for raw in HOSTILE:
        assert raw in seen, f"{raw!r} is not shown as written"
    assert f"Twinning {HOSTILE_TEXT}" in seen  # the heading, escaped and read back


def test_charts_escape_hostile_text_in_hover_and_labels(monkeypatch, data_dir):
    app = run_app(monkeypatch, data_dir, "pages/participants/app.py")
    texts = "\n".join(chart_strings(app))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in texts
    assert "&lt;img src=x onerror=alert(1)&gt;" in texts


# --- downloads and exports -----------------------------------------------------------------


def test_csv_downloads_neutralise_formulas_and_keep_text_as_written(data_dir):
    portfolio = load_portfolio(data_dir).portfolio
    table = csv_bytes(readable_values(portfolio, portfolio.values)).decode("utf-8-sig")
    assert "\n=" not in table and ",=" not in table and ',"=' not in table
    assert "'=HYPERLINK" in table
    assert "<script>alert(1)</script>" in table  # a CSV is plain text: shown as written


def test_hxl_and_csv_exports_neutralise_formulas(data_dir):
    portfolio = load_portfolio(data_dir).portfolio
    for format in ("hxl", "csv"):
        text = export(portfolio, format).data.decode("utf-8-sig")
        assert ',"=' not in text and ",=" not in text, format
        assert "'=HYPERLINK" in text, format


def test_iati_export_keeps_hostile_text_as_text(data_dir):
    portfolio = load_portfolio(data_dir).portfolio
    tree = etree.fromstring(export(portfolio, "iati").data)
    assert list(tree.iter("script", "img")) == []
    narratives = [element.text or "" for element in tree.iter("narrative")]
    assert any(f"Twinning {HOSTILE_TEXT}" in text for text in narratives)


def test_the_data_package_keeps_hostile_text_as_written(data_dir):
    portfolio = load_portfolio(data_dir).portfolio
    with zipfile.ZipFile(io.BytesIO(export(portfolio, "datapackage").data)) as archive:
        figures = archive.read("indicator_values.csv").decode("utf-8")
    assert HOSTILE_TEXT in figures.replace('""', '"')


# --- a real browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_the_browser_shows_hostile_text_and_runs_none_of_it(streamlit_server, open_page, data_dir):
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    # the main page first: a fresh server's first deep link says "page not found" (see
    # test_browser_pages), and the dialog listener is then in place before the data loads
    watched = open_page(base)
    page = watched.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/projects?show={PROJECT}")
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    heading = main.get_by_role("heading").filter(has_text="Twinning").first
    expect(heading).to_be_visible()
    # the word joiners that keep addresses and shortcodes from becoming markup are invisible
    assert heading.inner_text().replace(WORD_JOINER, "") == f"Twinning {HOSTILE_TEXT}"
    text = main.inner_text().replace(WORD_JOINER, "")
    for raw in HOSTILE:
        assert raw in text, f"{raw!r} is not on the page as written"
    # no element made from the data: no script of ours, no image that points out
    scripts = "[...document.querySelectorAll('script')].map(s => s.textContent)"
    assert not [script for script in page.evaluate(scripts) if "alert(1)" in script]
    sources = page.evaluate("[...document.querySelectorAll('img')].map(i => i.src)")
    assert not [src for src in sources if "evil.example" in src or src.endswith("/x")]
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("[data-testid='stMain'] .katex").count() == 0  # no maths from "$5"
    page.wait_for_timeout(1000)  # time for an onerror handler to fire, if one had been made
    assert dialogs == []
    assert watched.outside_requests == []
    assert watched.console_errors == []


@pytest.mark.browser
def test_map_tooltips_show_hostile_text_as_text(streamlit_server, open_page, data_dir):
    """The tooltip of Shtip's dot (whose name and project title are hostile) shows them as
    written and holds no element made from them."""
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    watched = open_page(base)
    page = watched.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/map?city=shtip")  # the view then fits Shtip alone
    wait_for_app(page)
    chart = page.locator("[data-testid='stDeckGlJsonChart']")
    expect(chart).to_be_visible(timeout=30_000)  # a loaded machine draws the map slowly
    page.wait_for_timeout(1500)  # the layers draw after the chart appears
    box = chart.bounding_box()
    assert box is not None
    shtip = load_portfolio(data_dir).portfolio.places["shtip"]
    view = fit_view([shtip.latitude], [shtip.longitude])
    scale = 2 ** view["zoom"]
    dot, middle = (
        world_pixels(shtip.longitude, shtip.latitude),
        world_pixels(view["longitude"], view["latitude"]),
    )
    x = box["x"] + box["width"] / 2 + (dot[0] - middle[0]) * scale
    y = box["y"] + box["height"] / 2 + (dot[1] - middle[1]) * scale
    tooltip = page.locator(".deck-tooltip")
    found = ""
    for dx, dy in [(0, 0), (2, 0), (-2, 0), (0, 2), (0, -2), (4, 4), (-4, -4), (4, -4), (-4, 4)]:
        page.mouse.move(x + dx, y + dy)
        page.wait_for_timeout(150)
        if tooltip.count() and tooltip.first.is_visible():
            found = tooltip.first.inner_text()
            break
    assert "<img src=x onerror=alert(1)>" in found, f"Shtip's tooltip: {found!r}"
    assert "<script>alert(1)</script>" in found
    assert tooltip.first.locator("img, script, a").count() == 0
    assert dialogs == []
    assert watched.outside_requests == []
