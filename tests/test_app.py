"""The app runs on the tests' data and shows its figures; broken data shows problems only."""

import shutil

import pytest
from app_support import DASHBOARD_PAGES, set_filter
from fixture_data import FIXTURE_DATA_DIR, ROOT
from streamlit.testing.v1 import AppTest


def run_app(monkeypatch, data_dir=FIXTURE_DATA_DIR) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_home_page_shows_headline_figures(monkeypatch):
    shown = metrics(run_app(monkeypatch))
    assert shown["Projects"] == "4"
    assert shown["Participants"] == "291"
    assert shown["Refugees supported"] == "518"
    assert shown["Citizens informed"] == "about 84,000"
    assert shown["People trained"] == "about 16 or more"


def test_home_page_quotes_the_source_of_each_figure(monkeypatch):
    texts = [text.value for text in run_app(monkeypatch).text]
    assert any("вкупно 518 бегалци добија поддршка" in text for text in texts)
    assert any("259 граждани, от които 132" in text for text in texts)


def test_broken_data_shows_the_problems_and_no_figures(monkeypatch, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, broken)
    values = broken / "indicator_values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(",132,", ",133,"), "utf-8")
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")
    app = run_app(monkeypatch, broken)
    assert app.metric.len == 0
    assert "problem" in app.error[0].value
    assert "indicator_values.csv:2: value: the parts on lines 3, 4 add up" in app.code[0].value


def test_broken_data_tells_the_public_only_that_it_is_being_corrected(
    monkeypatch, tmp_path, caplog
):
    """The problems can quote unpublished files' values and name the server's folders: the
    public sees none of them, the server's log has them all."""
    broken = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, broken)
    values = broken / "indicator_values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(",132,", ",133,"), "utf-8")
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    app = run_app(monkeypatch, broken)
    assert app.metric.len == 0 and app.code.len == 0
    assert [error.value for error in app.error] == [
        "The data is being corrected, so nothing is shown until it passes its checks: a "
        "dashboard with part of the data would give wrong totals. Curators: run `uv run "
        "dashboard-data validate`, or start the dashboard with DASHBOARD_AUDIENCE=board to "
        "read the problems here."
    ]
    assert "the parts on lines 3, 4 add up" in caplog.text


PAGES = DASHBOARD_PAGES


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_the_sidebar(monkeypatch, page):
    app = run_app(monkeypatch)
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "the page draws its title"
    assert [w.key for w in app.multiselect if w.key.startswith("filter.")] == [
        "filter.countries",
        "filter.cities",
        "filter.funders",
        "filter.programmes",
        "filter.projects",
    ]


def test_filtering_to_shtip_shows_its_132_participants(monkeypatch):
    app = run_app(monkeypatch)
    set_filter(app, "cities", ["shtip"])
    assert metrics(app)["Participants"] == "132"
    # the caption is markdown with the names escaped; a reader sees no backslash
    assert "City: Shtip" in app.caption[0].value.replace("\\", "")


def test_project_page_quotes_every_source(monkeypatch):
    app = run_app(monkeypatch)
    app.switch_page("pages/projects/app.py").run()
    app.selectbox(key="projects.show").set_value("rso-maritsa-forums").run()
    assert not app.exception
    organisations = app.dataframe[2].value.set_index("organisation")["role"]
    # the report names RSO Maritsa only in its disclaimer: the role is marked as our reading
    assert organisations["RSO Maritsa"].startswith("implementer (the curators' reading")
    assert "BG EIF 2013/01-05.01" in app.dataframe[3].value["grant reference"].tolist()
    quotes = " ".join(app.dataframe[-1].value["quote"])
    assert "през мецес юни бяха организирани и проведени форуми" in quotes
    figures = app.dataframe[1].value
    assert figures["Number"].tolist() == ["not reported", "not reported"]


def test_sources_page_lists_reports_and_what_each_gave(monkeypatch):
    app = run_app(monkeypatch)
    app.switch_page("pages/sources/app.py").run()
    assert not app.exception
    reports = app.dataframe[0].value
    assert len(reports) == 5
    assert set(reports["link"]) == {"no link known"}
    assert "passed every check" in app.success[0].value
    app.selectbox(key="sources.report").set_value("myla-results-mk").run()
    taken = app.dataframe[1].value
    assert "figure: Refugees supported = 518" in taken["what"].tolist()
    assert "figure: Citizens informed = about 84,000" in taken["what"].tolist()


def test_overview_says_22_cities_took_part_in_the_meeting_8_of_them_named(monkeypatch):
    captions = [caption.value for caption in run_app(monkeypatch).caption]
    assert any(
        "22 cities took part in CONNECTION partner meeting, 8 of them named" in text
        for text in captions
    )
