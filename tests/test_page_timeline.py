"""Timeline: dates keep their precision; a date of an unstated year never reaches the axis."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from app_support import open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR, ROOT
from streamlit.testing.v1 import AppTest

from lib.load.loader import load_portfolio
from lib.model.dates import FuzzyDate
from lib.topics.timeline import tables as timeline_tables_module
from lib.topics.timeline.chart import chart_rows, mark_label, timeline_chart
from lib.topics.timeline.data import (
    START_AND_END_NOT_STATED,
    coarsest,
    projects_off_axis,
    timeline_places,
    timeline_rows,
    written,
)
from lib.topics.timeline.tables import (
    WHAT_AND_WHEN_FIRST,
    readable_table,
    timeline_tables,
    without_date,
    without_year,
)

TWINNING_DAYS = [
    "2018-06-19T12:00:00",
    "2018-06-20T12:00:00",
    "2018-06-21T12:00:00",
    "2018-06-22T12:00:00",
]
FORUMS = "Forums on intercultural competence and the integration of third-country nationals"
RSO_TITLE = (
    "Building capacity and creating an active platform in support of immigrant integration policy"
)


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


def _date(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


def _trace(figure_json: dict, name: str) -> dict:
    return next(trace for trace in figure_json["data"] if trace.get("name") == name)


# Pure builders --------------------------------------------------------------------------------


def test_dates_are_written_in_words_and_spans_take_the_coarser_precision():
    assert written(_date("2018-06-19"), _date("2018-06-22")) == "19 June 2018 – 22 June 2018"
    assert written(_date("--06"), None) == "June, year not stated"
    assert written(_date("--01"), _date("--04"), "bg") == "януари – април, годината не е посочена"
    assert written(None, None) == "not stated"
    assert coarsest(_date("2018-06"), _date("2018-06-22")) == "month"
    assert coarsest(_date("2018"), _date("--06")) == "month_no_year"
    assert coarsest(None, None) is None


def test_bundled_rows_place_only_dates_with_a_year_on_the_axis(portfolio):
    rows = timeline_rows(portfolio, sorted(portfolio.projects))
    by_item = {(r.project_id, r.item): r for r in rows.itertuples()}
    forums = by_item[("rso-maritsa-forums", FORUMS)]
    assert (forums.placement, forums.date, forums.date_written) == (
        "no_year",
        "June, year not stated",
        "June, year not stated",
    )
    assert forums.x_start is None
    myla = by_item[("myla-refugee-integration", "The project as a whole")]
    assert myla.date == "started 1 January 2017; end not stated"
    assert myla.placement == "axis"
    connection = by_item[("connection-network", "The project as a whole")]
    assert connection.date == START_AND_END_NOT_STATED
    workshop = by_item[
        ("myla-refugee-integration", "Validation workshop for the comprehensive assessment")
    ]
    assert (workshop.status, workshop.placement) == ("planned", "no_year")
    refugees = by_item[("myla-refugee-integration", "Refugees supported: 518")]
    assert (refugees.date, refugees.placement) == ("January – April, year not stated", "no_year")
    assert projects_off_axis(rows) == [RSO_TITLE]
    assert set(without_year(rows)["What"]) >= {FORUMS, "Refugees supported: 518"}
    assert "Orientation sessions on the Refugee Convention (6 sessions)" in set(
        without_date(rows)["What"]
    )


@pytest.mark.parametrize("language", ["en", "mk"])
@pytest.mark.parametrize("shown_rows", [500, 3])
def test_the_three_tables_show_each_row_as_the_rows_write_it(
    portfolio, language, shown_rows, monkeypatch
):
    """The tables' words are written once for the rows of all three: each table still shows
    its own first rows, in its order, with the words the rows have."""
    monkeypatch.setattr(timeline_tables_module, "TABLE_ROWS", shown_rows)
    ids = sorted(portfolio.projects)
    tables = timeline_tables(portfolio, timeline_places(portfolio, ids), language)
    rows = timeline_rows(portfolio, ids, language)
    expected = {
        "all": readable_table(rows, WHAT_AND_WHEN_FIRST, language),
        "no year": without_year(rows, language),
        "no date": without_date(rows, language),
    }
    for name, table in expected.items():
        got = tables[name][0].to_pandas().to_dict("list")
        assert got == table.head(shown_rows).to_dict("list"), name
    assert len(rows) > len(tables["no year"][0]) > 0
    if language == "en" and shown_rows > len(rows):
        assert "Town-twinning meeting of Shtip and Strazhitsa" in set(expected["all"]["Part of"])
        assert FORUMS in set(tables["no year"][0].to_pandas()["What"])


def test_chart_draws_the_four_twinning_days_and_nothing_without_a_year(portfolio):
    rows = timeline_rows(portfolio, sorted(portfolio.projects))
    figure = json.loads(timeline_chart(rows).to_json())
    days = _trace(figure, "days")
    for day in TWINNING_DAYS:
        assert day in days["x"]
    assert "2021-09-14T00:00:00" in days["x"]  # CONNECTION, 13–14 September 2021
    drawn = json.dumps(figure, ensure_ascii=False)
    assert FORUMS not in drawn
    assert "year not stated" not in drawn
    assert "Validation workshop" not in drawn
    assert "start and end not stated" in drawn  # CONNECTION's own line says so
    assert RSO_TITLE not in drawn


def test_month_and_year_precise_dates_are_hatched_bars_across_the_whole_period(portfolio):
    twinning = portfolio.projects["shtip-strazhitsa-twinning"]
    myla = portfolio.projects["myla-refugee-integration"]
    connection = portfolio.projects["connection-network"]
    meeting = connection.events[0].model_copy(update={"status": "planned"})
    changed = dataclasses.replace(
        portfolio,
        projects={
            **portfolio.projects,
            twinning.id: twinning.model_copy(
                update={"start": _date("2018-06"), "end": _date("2018-06")}
            ),
            myla.id: myla.model_copy(update={"start": _date("2017")}),
            connection.id: connection.model_copy(update={"events": [meeting]}),
        },
    )
    rows = timeline_rows(changed, sorted(changed.projects))
    drawn = chart_rows(rows)
    project = drawn[drawn["project_id"] == twinning.id].iloc[0]
    assert mark_label(project) == "June 2018 (month only)"
    assert (project.x_start.isoformat(), project.x_end.isoformat()) == ("2018-06-01", "2018-07-01")
    started = drawn[drawn["project_id"] == myla.id].iloc[0]
    assert mark_label(started) == "started 2017 (year only); end not stated"
    figure = json.loads(timeline_chart(rows).to_json())
    hatching = {
        base: shape
        for trace in figure["data"]
        if trace.get("name") == "periods"
        for base, shape in zip(trace["base"], trace["marker"]["pattern"]["shape"], strict=True)
    }
    assert hatching["2018-06-01"] == "/"
    assert hatching["2017-01-01"] == "."
    # one colour a trace: Plotly logs "Invalid color specifier" for a list of hatching colours
    assert all(
        isinstance(trace["marker"]["pattern"]["fgcolor"], str)
        for trace in figure["data"]
        if trace.get("name") == "periods"
    )
    assert "June 2018 (month only)" in json.dumps(figure, ensure_ascii=False)
    days = _trace(figure, "days")
    planned = days["x"].index("2021-09-14T00:00:00")
    assert days["marker"]["symbol"][planned] == "diamond-open"
    written = re.sub(r"<[^>]+>|\u2007", " ", json.dumps(figure, ensure_ascii=False))
    assert "13 September 2021 – 14 September 2021 · planned" in " ".join(written.split())


def test_zooming_to_a_project_shows_only_its_days(portfolio):
    rows = timeline_rows(portfolio, sorted(portfolio.projects))
    figure = json.loads(timeline_chart(rows, "shtip-strazhitsa-twinning").to_json())
    assert figure["layout"]["xaxis"]["range"][0].startswith("2018-06")
    assert figure["layout"]["xaxis"]["range"][1].startswith("2018-06")
    assert "CONNECTION" not in json.dumps(figure, ensure_ascii=False)


# The page -------------------------------------------------------------------------------------


def test_page_draws_the_twinning_days_and_lists_the_forums_without_a_year():
    app = open_app("pages/timeline/app.py")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    days = _trace(spec, "days")
    for day in TWINNING_DAYS:
        assert day in days["x"]
    assert FORUMS not in json.dumps(spec, ensure_ascii=False)
    assert "Dates without a stated year" in [header.value for header in app.header]
    no_year = app.dataframe[1].value  # the full table comes first, in its expander
    forums = no_year[no_year["What"] == FORUMS]
    assert forums[["Date", "Date as written", "Place"]].values.tolist() == [
        ["June, year not stated", "June, year not stated", "not stated"]  # no report says where
    ]
    full = app.dataframe[0].value
    assert {"Type", "Date as written", "Known to", "Place", "Status", "Source"} <= set(full)
    connection = full[full["Project"].str.startswith("CONNECTION")]
    assert START_AND_END_NOT_STATED in set(connection["Date"])
    assert "online" in set(connection["Place"])


def test_year_filter_names_the_projects_with_no_stated_year():
    app = open_app("pages/timeline/app.py")
    set_filter(app, "years", (2018, 2018))
    assert any(RSO_TITLE in info.value for info in app.info)
    spec = app.get("plotly_chart")[0].proto.spec
    assert "Town-twinning meeting" in spec
    assert "CONNECTION" not in spec
    assert len(app.dataframe) == 1  # the full table only: no date of 2018's project lacks a year
    assert "Every date of the selected projects states its year." in [i.value for i in app.info]


def test_zoom_is_kept_in_the_link_and_read_back(monkeypatch):
    """?zoom=<project> opens the timeline on that project's days; choosing "All projects"
    takes it out of the link again; a project not on the timeline is refused with a notice."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DATA_DIR))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["zoom"] = "shtip-strazhitsa-twinning"
    app.run()
    app.switch_page("pages/timeline/app.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.selectbox(key="timeline.zoom").value == "shtip-strazhitsa-twinning"
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["xaxis"]["range"][0].startswith("2018-06")
    assert not [w.value for w in app.warning]
    app.selectbox(key="timeline.zoom").set_value(None).run()
    assert "zoom" not in app.query_params
    app.selectbox(key="timeline.zoom").set_value("connection-network").run()
    assert app.query_params["zoom"] in ("connection-network", ["connection-network"])

    refused = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    refused.query_params["zoom"] = "rso-maritsa-forums"  # no year stated: not on the axis
    refused.run()
    refused.switch_page("pages/timeline/app.py").run()
    assert refused.selectbox(key="timeline.zoom").value is None
    assert any("no dated line on this timeline" in w.value for w in refused.warning)
