"""Participants by city: the builders keep wholes, parts and unknowns apart; the page shows them."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from app_support import numbers, open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR
from streamlit.testing.v1 import AppTest

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_values
from lib.topics.palette import UNKNOWN_GREY
from lib.topics.people import data
from lib.topics.people.bar_style import APPROXIMATE_OPACITY
from lib.topics.people.chart import participants_chart
from lib.topics.people.data import (
    ALL_CITIES,
    NOT_BROKEN_DOWN,
    SUMMED_LABEL,
    participant_figures,
    participant_words,
    participants_table,
    participants_table_head,
    parts_check,
)
from lib.topics.people.figure_rows import participant_rows


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


# Pure builders --------------------------------------------------------------------------------


def test_whole_parts_and_unknowns_are_kept_apart(portfolio):
    figures = participant_figures(portfolio, selected_values(portfolio, Filters()))
    rows = {(r.from_city, r.participants): r for r in figures.itertuples()}
    assert set(rows) == {
        (ALL_CITIES, "259"),
        ("Shtip", "132"),
        ("Strazhitsa", "127"),
        (NOT_BROKEN_DOWN, "not reported"),
        (NOT_BROKEN_DOWN, "32"),
    }
    assert rows[(ALL_CITIES, "259")].check == "132 + 127 = 259 ✓"
    assert rows[(ALL_CITIES, "259")].date == "19 June 2018 – 22 June 2018"
    assert rows[(ALL_CITIES, "259")].venue == "Strazhitsa"
    assert rows[(NOT_BROKEN_DOWN, "not reported")].date == "June, year not stated"
    assert rows[(NOT_BROKEN_DOWN, "32")].venue == "venue not stated"
    assert rows[(NOT_BROKEN_DOWN, "32")].label.endswith(
        "– Seminar with the Ministry of Labour and Social Policy, local administrations and NGOs"
    )


def test_a_city_filter_keeps_only_that_citys_part(portfolio):
    figures = participant_figures(portfolio, selected_values(portfolio, Filters(cities=("shtip",))))
    assert list(figures["participants"]) == ["132"]
    assert list(figures["role"]) == ["part"]


@pytest.mark.parametrize("language", ["en", "mk"])
def test_a_total_drawn_without_its_parts_still_says_they_add_up(portfolio, language):
    # the page writes words for the rows it shows only: a total's check reads all its parts
    values = selected_values(portfolio, Filters())
    rows = participant_rows(portfolio, values)
    every = participant_figures(portfolio, values, language)
    total = (rows["role"] == "total").to_numpy().nonzero()[0]
    for shown in ([*total], [0, len(rows) - 1], list(range(len(rows)))):
        words = participant_words(portfolio, rows, rows.iloc[shown], language)
        pd.testing.assert_frame_equal(words, every.iloc[shown].reset_index(drop=True))
    words = participant_words(portfolio, rows, rows.iloc[total], language)
    assert words["check"].tolist() == ["132 + 127 = 259 ✓"]


def test_the_table_lists_its_first_rows_and_counts_them_all(portfolio, monkeypatch):
    monkeypatch.setattr(data, "TABLE_ROWS", 2)
    rows = participant_rows(portfolio, selected_values(portfolio, Filters()))
    shown, note = participants_table_head(portfolio, rows)
    assert shown.num_rows == 2
    assert note.startswith(f"Showing 2 of {len(rows)} rows")


def test_parts_check_says_when_parts_cover_only_some_of_the_whole():
    assert parts_check([132, 127], 259) == "132 + 127 = 259 ✓"
    assert parts_check([1_200], 2_000) == f"1,200 = 1,200 of 2,000: the rest is {NOT_BROKEN_DOWN}"


def test_chart_stacks_cities_and_draws_no_bar_for_an_unknown(portfolio):
    figures = participant_figures(portfolio, selected_values(portfolio, Filters()))
    chart = participants_chart(figures)
    bars = {trace.name: trace for trace in chart.data if trace.type == "bar"}
    assert list(bars) == ["Shtip", "Strazhitsa", NOT_BROKEN_DOWN]
    assert (numbers(bars["Shtip"].x), numbers(bars["Strazhitsa"].x)) == ([132], [127])
    assert numbers(bars[NOT_BROKEN_DOWN].x) == [32]
    assert bars[NOT_BROKEN_DOWN].marker.color == UNKNOWN_GREY
    assert chart.layout.barmode == "stack"
    # the RSO forums (second row) get words, not a bar of 0
    assert all(1 not in numbers(trace.y) for trace in bars.values())
    # each event's name above its bar, the unreported one's too
    (names,) = [trace for trace in chart.data if trace.type == "scatter"]
    assert len(names.text) == 3 and "Forums" in names.text[1]
    notes = {note.text: note.y for note in chart.layout.annotations}
    assert notes["not reported"] == 1
    assert "259 in all ✓" in notes
    hover = bars["Shtip"].hovertext[0]
    assert "19 June 2018" in hover and "са от град Штип" in hover


def test_chart_marks_approximate_bars(portfolio):
    values = selected_values(portfolio, Filters(projects=("myla-refugee-integration",)))
    values = values.assign(precision=values["precision"].replace("exact", "approximate"))
    chart = participants_chart(participant_figures(portfolio, values))
    (bar,) = [trace for trace in chart.data if trace.type == "bar"]
    # dark on the stripes, which leave the bar mostly white (Plotly chose white)
    assert list(bar.text) == ["<span style='color:#444444'>≈ 32</span>"]
    assert list(bar.marker.opacity) == [APPROXIMATE_OPACITY]
    assert participants_table(participant_figures(portfolio, values))["Participants"].tolist() == [
        "about 32"
    ]


# The page -------------------------------------------------------------------------------------


def chart_values(at: AppTest) -> list[float]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [x for trace in spec["data"] if trace["type"] == "bar" for x in numbers(trace["x"])]


def test_page_shows_every_event_with_its_cities():
    at = open_app("pages/participants/app.py")
    table = at.dataframe[0].value
    assert {"259", "132", "127", "32", "not reported"} <= set(table["Participants"])
    assert "132 + 127 = 259 ✓" in set(table["Parts add up"])
    assert NOT_BROKEN_DOWN in set(table["From city"])
    assert sorted(chart_values(at)) == [32, 127, 132]
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown == {SUMMED_LABEL: "291"}
    assert any("counted once per event" in caption.value for caption in at.caption)


def test_city_filter_shows_shtips_132_and_not_strazhitsas_127():
    at = open_app("pages/participants/app.py")
    set_filter(at, "cities", ["shtip"])
    # the caption is markdown with the names escaped; a reader sees no backslash
    assert "City: Shtip" in at.caption[0].value.replace("\\", "")
    table = at.dataframe[0].value
    assert table["Participants"].tolist() == ["132"]
    assert table["From city"].tolist() == ["Shtip"]
    assert chart_values(at) == [132]
    assert at.metric[0].value == "132"


def test_a_project_without_participant_figures_gets_a_message():
    at = open_app("pages/participants/app.py")
    set_filter(at, "projects", ["connection-network"])
    assert "report no participants" in at.info[0].value
    assert len(at.get("plotly_chart")) == 0
