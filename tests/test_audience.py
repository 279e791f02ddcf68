"""Public and board audiences: the public sees no unpublished project and no small count of
vulnerable people anywhere (pages, charts, map tooltips, tables, downloads, exports, the
command line); the board sees everything."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from app_support import DASHBOARD_PAGES, open_app, set_filter
from audience_data import (
    MYLA_REPORT,
    RUNS_INTO,
    SECRET_WORDS,
    SPLIT_SENTENCE,
    TRANSLATED_KEPT,
    TRANSLATED_SENTENCE,
    TRANSLATION_ID,
    VOLUNTEERS,
    WITHHELD,
    audience_data,
)
from browser_support import wait_for_app
from fixture_data import FIXTURE_DATA_DIR, ROOT
from google.protobuf import text_format
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from lib import cli
from lib.exports.formats import FORMATS, export
from lib.load.audience import audience_from_env, for_audience
from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_values
from lib.query.flat_table import readable_values
from lib.topics.people.data import (
    participant_figures,
    participants_table,
    people_figures,
    people_table,
)

PAGES = DASHBOARD_PAGES
FORBIDDEN = (*SECRET_WORDS, *WITHHELD)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return audience_data(tmp_path_factory.mktemp("audience") / "data")


@pytest.fixture(scope="module")
def loaded(data_dir: Path):
    result = load_portfolio(data_dir)
    assert not result.problems, result.problems
    return result.portfolio


def _leaves(node: object) -> Iterator[object]:
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from _leaves(child)


def _json_text(text: str) -> str:
    """A chart's JSON with its strings unescaped, so Cyrillic can be searched for."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def shown_text(app: AppTest) -> str:
    """Everything the app sent to the browser: each element's message (labels, options,
    markdown, chart and map JSON with their hover texts and tooltips) and each table's cells."""
    parts = []
    for element in _leaves(app._tree):
        proto = getattr(element, "proto", None)
        if proto is None:
            continue
        parts.append(text_format.MessageToString(proto, as_utf8=True))
        for name in ("spec", "json"):
            if hasattr(proto, name) and getattr(proto, name):
                parts.append(_json_text(getattr(proto, name)))
        if type(element).__name__ == "Dataframe":
            parts.append(element.value.to_csv())
    return "\n".join(parts)


def run_app(monkeypatch, data_dir: Path, audience: str, page: str | None = None) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", audience)
    return open_app(page)


def assert_nothing_private(text: str) -> None:
    for words in FORBIDDEN:
        assert words not in text, f"{words!r} reached the public"


# --- the rules, without Streamlit ---------------------------------------------------------


def test_the_default_audience_is_public_and_an_unknown_one_falls_back_to_it(monkeypatch):
    monkeypatch.delenv("DASHBOARD_AUDIENCE", raising=False)
    assert audience_from_env() == ("public", None)
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "Board")
    assert audience_from_env() == ("board", None)
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "everyone")
    assert audience_from_env() == ("public", "everyone")


def test_the_bundled_data_is_all_published_and_loses_nothing_in_public():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    public = for_audience(portfolio, "public")
    assert set(public.projects) == set(portfolio.projects)
    assert public.sources.keys() == portfolio.sources.keys()
    assert public.places.keys() == portfolio.places.keys()
    assert public.organisations.keys() == portfolio.organisations.keys()
    assert public.programmes.keys() == portfolio.programmes.keys()
    pd.testing.assert_frame_equal(public.values, portfolio.values)
    assert public.source_texts == portfolio.source_texts


def test_public_drops_the_unpublished_project_and_what_only_it_refers_to(loaded):
    public = for_audience(loaded, "public")
    assert "zephyrine-shelter" not in public.projects
    assert "secret-report" not in public.sources and "secret-report" not in public.source_texts
    assert "quillfeather-foundation" not in public.organisations
    assert "zephyr-valley" not in public.places
    assert "zephyrine-shelter" not in set(public.values["project"])
    assert "kumanovo" in public.places  # still used by a published project


def test_a_small_count_and_its_complement_are_hidden_in_public(loaded):
    public = for_audience(loaded, "public")
    refugees = public.values[public.values["indicator"] == "refugees-supported"]
    by_place = {row.place: row for row in refugees.itertuples()}
    assert pd.isna(by_place["gevgelija"].value)
    assert by_place["gevgelija"].precision == "suppressed"
    assert by_place["gevgelija"].fewer_than == 5
    # 518 - 300 - 215 would give the 3: Butel, the smallest other part, is withheld too
    assert pd.isna(by_place["butel"].value) and pd.isna(by_place["butel"].fewer_than)
    assert by_place["kumanovo"].value == 300 and by_place[""].value == 518
    # the sentence states the 3, so no figure quotes it and the report's text loses it
    assert not refugees["quote"].str.contains("Гевгелија").any()
    assert SPLIT_SENTENCE not in public.source_texts["myla-results-mk"]
    assert SPLIT_SENTENCE in loaded.source_texts["myla-results-mk"]


def test_the_sentence_is_withheld_from_the_translation_and_its_other_sentences_kept(loaded):
    public = for_audience(loaded, "public")
    assert TRANSLATED_SENTENCE in loaded.source_texts[TRANSLATION_ID]
    english = public.source_texts[TRANSLATION_ID]
    assert TRANSLATED_SENTENCE not in english and "3 from Gevgelija" not in english
    assert TRANSLATED_KEPT in english and "withheld: a small count" in english
    assert VOLUNTEERS in public.source_texts["myla-results-mk"]  # its own sentence is kept


def test_a_quote_that_runs_into_the_withheld_sentence_is_withheld(loaded):
    public = for_audience(loaded, "public")
    trained = public.values[public.values["quote"].str.startswith(VOLUNTEERS)]
    assert trained.empty, "the quote running into the small count reached the public"
    forty = public.values[(public.values["indicator"] == "people-trained")]
    forty = forty[forty["value"] == 40]
    assert len(forty) == 1 and forty.iloc[0]["quote"].startswith("(The sentence is withheld")
    board = for_audience(loaded, "board").values
    assert RUNS_INTO in set(board["quote"])


def test_a_project_quote_that_runs_into_the_withheld_sentence_is_withheld(loaded):
    public = for_audience(loaded, "public").projects["myla-refugee-integration"]
    board = for_audience(loaded, "board").projects["myla-refugee-integration"]
    assert board.notes[-1].quote == RUNS_INTO
    assert public.notes[-1].quote.startswith("(The sentence is withheld")
    assert public.notes[:-1] == board.notes[:-1] and public.places is board.places


def test_the_board_sees_everything(loaded):
    board = for_audience(loaded, "board")
    assert "zephyrine-shelter" in board.projects
    row = board.values[board.values["place"] == "gevgelija"].iloc[0]
    assert row.value == 3 and row.precision == "exact"


def test_the_threshold_comes_from_the_data_settings(tmp_path):
    folder = audience_data(tmp_path / "data")
    (folder / "settings.yaml").write_text("small_count_threshold: 2\n", "utf-8")
    public = for_audience(load_portfolio(folder).portfolio, "public")
    assert not (public.values["precision"] == "suppressed").any()
    (folder / "settings.yaml").write_text("small_count_threshold: 1\n", "utf-8")
    problems = load_portfolio(folder).problems
    assert [(p.file, p.field) for p in problems] == [("settings.yaml", "small_count_threshold")]


def test_vulnerable_must_be_true_or_false(tmp_path):
    folder = audience_data(tmp_path / "data")
    indicators = folder / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8").replace("vulnerable: true", "vulnerable: 1")
    indicators.write_text(text, "utf-8")
    problems = load_portfolio(folder).problems
    found = [(p.file, p.field) for p in problems]
    assert found == [("indicators.yaml", "indicators[2].vulnerable")]


# --- tables and downloads ------------------------------------------------------------------


def test_tables_and_csv_downloads_say_fewer_than_and_hold_no_small_count(loaded):
    public = for_audience(loaded, "public")
    for cities in ((), ("gevgelija",), ("butel",)):
        values = selected_values(public, Filters(cities=cities))
        tables = [
            readable_values(public, values),
            participants_table(participant_figures(public, values)),
            people_table(people_figures(public, values)),
        ]
        for table in tables:
            assert_nothing_private(table.to_csv())
    flat = readable_values(public, public.values)
    gevgelija = flat[flat["city"] == "Gevgelija"].iloc[0]
    assert pd.isna(gevgelija["value"]) and gevgelija["precision"] == "fewer than 5"
    gevgelija_only = selected_values(public, Filters(cities=("gevgelija",)))
    people = people_table(people_figures(public, gevgelija_only))
    assert people["Number"].tolist() == ["fewer than 5"]


def _export_text(data: bytes, format: str) -> str:
    if format != "datapackage":
        return data.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


@pytest.mark.parametrize("format", FORMATS)
def test_every_export_format_keeps_the_public_rules(loaded, format):
    public = export(for_audience(loaded, "public"), format)
    text = _export_text(public.data, format) + "\n".join(public.report)
    assert_nothing_private(text)
    board = export(for_audience(loaded, "board"), format)
    board_text = _export_text(board.data, format) + "\n".join(board.report)
    if format != "iati":  # IATI leaves out a project with no dates, as this one has none
        assert "Zephyrine" in board_text
    assert "Гевгелија" in board_text or format == "iati"


def test_exports_write_the_small_count_as_fewer_than(loaded):
    public = for_audience(loaded, "public")
    hxl = pd.read_csv(io.BytesIO(export(public, "hxl").data), encoding="utf-8-sig", skiprows=[1])
    row = hxl[(hxl["Indicator code"] == "refugees-supported") & (hxl["City"] == "Gevgelija")]
    assert row["Precision"].tolist() == ["fewer than 5"]
    assert row["Refugees reached"].isna().all()
    with zipfile.ZipFile(io.BytesIO(export(public, "datapackage").data)) as archive:
        figures = pd.read_csv(archive.open("indicator_values.csv"), dtype=str)
        descriptor = json.loads(archive.read("datapackage.json"))
    row = figures[figures["place"] == "gevgelija"]
    assert row["precision"].tolist() == ["suppressed"] and row["value"].isna().all()
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert "suppressed" in fields["precision"]["constraints"]["enum"]
    report = "\n".join(export(public, "iati").report)
    assert "Refugees supported from Gevgelija = fewer than 5" in report


@pytest.mark.parametrize("format", FORMATS)
def test_the_command_line_export_follows_the_audience(monkeypatch, capsysbinary, data_dir, format):
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    assert cli.main(["export", "--format", format, "--data-dir", str(data_dir)]) == 0
    captured = capsysbinary.readouterr()
    assert_nothing_private(_export_text(captured.out, format) + captured.err.decode())
    arguments = ["export", "--format", format, "--data-dir", str(data_dir), "--audience", "board"]
    assert cli.main(arguments) == 0
    board = capsysbinary.readouterr()
    assert "Гевгелија" in _export_text(board.out, format) + board.err.decode()


def test_the_command_line_refuses_an_unknown_audience(monkeypatch, capsys, data_dir):
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "everyone")
    assert cli.main(["export", "--format", "csv", "--data-dir", str(data_dir)]) == 2
    assert "DASHBOARD_AUDIENCE" in capsys.readouterr().err


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_anything_private_in_public(monkeypatch, data_dir, page):
    app = run_app(monkeypatch, data_dir, "public", page)
    assert_nothing_private(shown_text(app))
    for city in ("gevgelija", "butel"):  # a city filter shows the parts one by one
        set_filter(app, "cities", [city])
        assert_nothing_private(shown_text(app))


def test_public_pages_show_fewer_than_for_the_small_count(monkeypatch, data_dir):
    app = run_app(monkeypatch, data_dir, "public")
    set_filter(app, "cities", ["gevgelija"])
    assert {m.label: m.value for m in app.metric}["Refugees supported"] == "fewer than 5"
    set_filter(app, "cities", ["butel"])
    metric = {m.label: m.value for m in app.metric}["Refugees supported"]
    assert metric == "withheld (it would reveal a small count)"
    app = run_app(monkeypatch, data_dir, "public", "pages/map/app.py")
    assert "Refugees supported from this city: fewer than 5" in shown_text(app)
    app = run_app(monkeypatch, data_dir, "public", "pages/projects/app.py")
    app.selectbox(key="projects.show").set_value("myla-refugee-integration").run()
    assert "fewer than 5" in shown_text(app)
    assert "zephyrine-shelter" not in app.selectbox(key="projects.show").options
    app = run_app(monkeypatch, data_dir, "public", "pages/sources/app.py")
    assert "secret-report" not in app.selectbox(key="sources.report").options
    app.selectbox(key="sources.report").set_value("myla-results-mk").run()
    text = shown_text(app)
    assert "figure: Refugees supported = fewer than 5" in text
    assert_nothing_private(text)
    assert not [b for b in _leaves(app._tree) if getattr(b, "key", None) == "sources.zip"]


def test_board_pages_show_the_unpublished_project_and_the_exact_count(monkeypatch, data_dir):
    app = run_app(monkeypatch, data_dir, "board")
    assert {m.label: m.value for m in app.metric}["Projects"] == "5"
    assert "Board view" in shown_text(app)
    app = run_app(monkeypatch, data_dir, "board", "pages/projects/app.py")
    app.selectbox(key="projects.show").set_value("zephyrine-shelter").run()
    assert "Zephyrine Shelter Initiative" in shown_text(app)
    app.selectbox(key="projects.show").set_value("myla-refugee-integration").run()
    assert SPLIT_SENTENCE in shown_text(app)
    app = run_app(monkeypatch, data_dir, "board", "pages/map/app.py")
    assert "Zephyr Valley" in shown_text(app)


def test_the_public_report_text_has_the_sentence_blanked_out(data_dir, loaded):
    raw = (data_dir / "sources" / MYLA_REPORT).read_text(encoding="utf-8")
    assert SPLIT_SENTENCE in raw
    public = for_audience(loaded, "public")
    assert "withheld: a small count" in public.source_texts["myla-results-mk"]


# --- a real browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_the_public_site_in_a_browser_shows_fewer_than_and_nothing_private(
    streamlit_server, open_page, data_dir
):
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    watched = open_page(f"{base}/?city=gevgelija")
    page = watched.page
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("fewer than 5", exact=True)).to_be_visible(timeout=30_000)
    assert_nothing_private(page.locator("body").inner_text())
    page.goto(f"{base}/projects?show=zephyrine-shelter")  # a link to the hidden project
    wait_for_app(page)
    expect(main.get_by_role("heading", level=1)).to_be_visible()
    assert_nothing_private(page.locator("body").inner_text())
    assert watched.console_errors == []
    assert watched.outside_requests == []


@pytest.mark.parametrize("city", ["", "gevgelija"])
def test_presentation_mode_shows_nothing_private_in_public(monkeypatch, data_dir, city):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    for slide in range(1, 9):
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        app.query_params.update({"present": "1", "slide": str(slide)})
        if city:
            app.query_params["city"] = city
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        text = shown_text(app)
        assert_nothing_private(text)
        if city and slide == 1:  # the overview's refugees supported
            assert "fewer than 5" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils' pdftotext")
def test_the_public_board_pack_holds_nothing_private(loaded, tmp_path):
    from lib.board.pdf import board_pack

    public = for_audience(loaded, "public")
    for cities in ((), ("gevgelija",)):
        pdf = tmp_path / "pack.pdf"
        pdf.write_bytes(board_pack(public, Filters(cities=cities), "en", dt.date(2026, 11, 23)))
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert_nothing_private(" ".join(text.split()))
        if cities:
            assert "fewer than 5" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils' pdftotext")
def test_the_command_line_board_pack_follows_the_audience(monkeypatch, data_dir, tmp_path):
    def pack_text(*options: str) -> str:
        pdf = tmp_path / "pack.pdf"
        arguments = ["board-pack", "--data-dir", str(data_dir), "--out", str(pdf), *options]
        assert cli.main([*arguments, "--date", "2026-11-23"]) == 0
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        return " ".join(text.split())

    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    assert_nothing_private(pack_text("--city", "gevgelija"))
    assert "Zephyrine Shelter" in pack_text("--audience", "board")
