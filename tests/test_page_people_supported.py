"""People supported: each kind of people apart, periods as written, unknown never 0."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from app_support import numbers, open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR
from plotly.subplots import make_subplots

from lib.load.loader import load_portfolio
from lib.query.figure_text import figure_text, value_text
from lib.query.figures import indicator_figure
from lib.query.filters import Filters, selected_values
from lib.query.limits import largest_rows
from lib.topics.people.bar_style import APPROXIMATE_OPACITY
from lib.topics.people.data import at_least_note, people_figures, people_table, people_words
from lib.topics.people.figure_rows import people_rows
from lib.topics.people.people_chart import panels_layout, people_chart, people_chart_spec
from lib.topics.picture_frame import PictureWords, framed


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


@pytest.fixture(scope="module")
def figures(portfolio):
    return people_figures(portfolio, selected_values(portfolio, Filters()))


# Pure builders --------------------------------------------------------------------------------


def test_value_text_keeps_approximate_and_unknown():
    assert value_text(518, "exact") == "518"
    assert value_text(84_000, "approximate") == "about 84,000"
    assert value_text(None, "not_reported") == "not reported"


def test_figures_keep_each_kind_and_the_period_as_written(figures):
    table = people_table(figures)
    by_kind = table.groupby("Kind of people")["Number"].apply(list).to_dict()
    assert by_kind == {
        "Refugees supported": ["518"],
        "People trained": ["not reported", "about 16", "about 16"],
        "Citizens informed": ["about 84,000"],
        "People engaged to prepare action plans": ["12"],
    }
    supported = table[table["Kind of people"] == "Refugees supported"].iloc[0]
    assert supported["Period (as the report writes it)"] == "January – April, year not stated"
    assert "вкупно 518 бегалци" in supported["Quote"]
    assert list(table["Kind of people"].drop_duplicates()) == [
        "Refugees supported",
        "People trained",
        "Citizens informed",
        "People engaged to prepare action plans",
    ]


@pytest.mark.parametrize("language", ["en", "bg", "mk"])
def test_the_rows_shown_have_the_words_and_order_of_the_whole_table(portfolio, language):
    # the page sorts the figures without their words, then writes those of the rows it shows
    values = selected_values(portfolio, Filters())
    rows = people_rows(portfolio, values, language)
    every = people_figures(portfolio, values, language)
    assert rows["indicator"].tolist() == every["indicator"].tolist()
    for shown in ([0], [1, len(rows) - 1], list(range(len(rows)))):
        words = people_words(portfolio, rows.iloc[shown], language)
        pd.testing.assert_frame_equal(words, every.iloc[shown].reset_index(drop=True))


def test_the_chart_framed_for_its_picture_is_the_chart(portfolio, figures):
    spec = people_chart_spec(figures)
    words = PictureWords("People supported", "All projects", dt.date(2026, 1, 2), ("A report",))
    picture = framed(spec, words)
    assert picture.data == people_chart(figures).data
    assert spec == people_chart_spec(figures)  # the dict given is left as it was
    assert "People supported" in picture.layout.title.text


def test_trained_total_is_at_least_the_largest_series_not_the_sum(portfolio, figures):
    values = selected_values(portfolio, Filters())
    figure = indicator_figure(portfolio, "people-trained", values)
    assert figure_text(figure) == "about 16 or more"
    note = at_least_note(figure, figures, figure_text(figure))
    assert note.startswith("2 series report about 16, about 16.")
    assert "about 16 or more, not their sum" in note
    supported = indicator_figure(portfolio, "refugees-supported", values)
    assert at_least_note(supported, figures, "518") is None


def test_chart_gives_each_kind_its_own_panel_and_axis(figures):
    chart = people_chart(figures)
    bars = [trace for trace in chart.data if trace.type == "bar"]
    assert len(bars) == 4  # supported, trained, informed, employed: never one stack
    assert [trace.xaxis for trace in bars] == ["x", "x2", "x3", "x4"]
    supported, trained, informed, employed = bars
    assert numbers(supported.x) == [518] and list(supported.text) == ["518"]
    assert numbers(informed.x) == [84_000] and list(informed.text) == ["≈ 84,000"]
    assert list(informed.marker.opacity) == [APPROXIMATE_OPACITY]
    assert numbers(employed.x) == [12]
    # RSO Maritsa trained people without a count: words at its row, no bar there
    assert numbers(trained.x) == [16, 16] and numbers(trained.y) == [1, 2]
    assert [a.text for a in chart.layout.annotations if a.text == "not reported"] == [
        "not reported"
    ]
    # each panel's axis is scaled to its own numbers, so 84,000 does not flatten 518
    assert chart.layout.xaxis.range[1] < 1_000 < chart.layout.xaxis3.range[1]
    # each bar's name stands above it, its period included (bar_names.py)
    (names,) = [trace for trace in chart.data if trace.type == "scatter" and trace.yaxis == "y3"]
    assert len(names.text) == 1 and "January – April, year not stated" in names.text[0]
    # above its bar: the name's foot at the bar's top, the row's number less half a bar
    assert names.textposition == "top right" and names.y[0] == pytest.approx(-informed.width / 2)
    assert not any(axis.type == "date" for axis in (chart.layout.xaxis, chart.layout.xaxis3))


def test_chart_has_no_panel_without_a_number(portfolio):
    values = selected_values(portfolio, Filters(projects=("rso-maritsa-forums",)))
    only_unknown = people_figures(portfolio, values)
    assert only_unknown["number"].tolist() == ["not reported"]
    assert len(people_chart(only_unknown).data) == 0


# The page -------------------------------------------------------------------------------------


def test_page_shows_each_kind_with_its_own_figure():
    at = open_app("pages/people_supported/app.py")
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown == {
        "Refugees supported": "518",
        "People trained": "about 16 or more",
        "Citizens informed": "about 84,000",
        "People engaged to prepare action plans": "12",
    }
    assert any("not their sum" in caption.value for caption in at.caption)
    assert "None" not in [caption.value for caption in at.caption]  # a figure with no note
    table = at.dataframe[0].value
    assert "not reported" in set(table["Number"])
    assert "January – April, year not stated" in set(table["Period (as the report writes it)"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = [trace for trace in spec["data"] if trace["type"] == "bar"]
    assert sorted(x for trace in bars for x in numbers(trace["x"])) == [
        12,
        16,
        16,
        518,
        84_000,
    ]
    assert any("вкупно 518 бегалци" in text.value for text in at.text)


def test_rso_maritsa_shows_trained_not_reported_and_says_the_rest_is_absent():
    at = open_app("pages/people_supported/app.py")
    set_filter(at, "projects", ["rso-maritsa-forums"])
    assert {metric.label: metric.value for metric in at.metric} == {
        "People trained": "not reported"
    }
    table = at.dataframe[0].value
    assert table["Number"].tolist() == ["not reported"]
    infos = [info.value for info in at.info]
    assert any(
        "Refugees supported" in i
        and "Citizens informed" in i
        and "People engaged to prepare action plans" in i
        for i in infos
    )
    assert len(at.get("plotly_chart")) == 0


def test_a_note_of_many_series_names_the_first_twelve_and_counts_the_rest(portfolio):
    """A funder's thousands of training series: the note names 12, counts the others, and
    says how many there are in all; a figure given without a number is not a series."""
    figure = indicator_figure(portfolio, "people-trained", selected_values(portfolio, Filters()))
    series = pd.DataFrame(
        {
            "indicator": ["people-trained"] * 15 + ["refugees-supported"],
            "value": pd.array([*range(1, 15), None, 99], dtype="Int64"),
            "precision": ["exact"] * 13 + ["approximate", "not_reported", "exact"],
        }
    )
    note = at_least_note(figure, series, "about 16 or more")
    assert note.startswith("14 series report 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more.")
    assert "about 14" not in note and "99" not in note


@pytest.mark.parametrize(
    "heights, spacing", [([120], 0.0), ([300, 800, 200, 150], 0.05), ([90, 2_000], 0.01)]
)
def test_panels_stand_where_plotly_would_stack_them(heights, spacing):
    """The panels' layout, written out, is Plotly's make_subplots for one column: each panel's
    share of the height, the gaps, and its title at its top, left-aligned."""
    titles = [f"<b>Kind {n}</b><br>counts people" for n in range(len(heights))]
    ours = panels_layout(heights, spacing, titles)
    plotly = make_subplots(
        rows=len(heights),
        cols=1,
        row_heights=heights,
        vertical_spacing=spacing,
        subplot_titles=titles,
    ).to_dict()["layout"]
    for name in [key for key in plotly if key.startswith(("xaxis", "yaxis"))]:
        assert ours[name]["anchor"] == plotly[name]["anchor"]
        assert ours[name]["domain"] == pytest.approx(plotly[name]["domain"])
    assert len(ours) == len([key for key in plotly if key != "template"])
    for mine, theirs in zip(ours["annotations"], plotly["annotations"], strict=True):
        assert (mine["text"], mine["yanchor"]) == (theirs["text"], "bottom")
        assert mine["y"] == pytest.approx(theirs["y"])
        assert (mine["x"], mine["xanchor"], mine["align"]) == (0, "left", "left")


def test_each_panel_draws_its_largest_figures_in_their_order():
    """largest_rows: a panel of more figures than it draws keeps the largest (of equal
    numbers, the first; none without a number), in the table's order; a smaller panel keeps
    every row, those without a number too."""
    frame = pd.DataFrame(
        {
            "indicator": ["a", "b", "a", "a", "b", "a", "a", "a"],
            "value": [5.0, None, 9.0, None, 1.0, 5.0, 2.0, 9.0],
        },
        index=[70, 71, 72, 73, 74, 75, 76, 77],
    )
    drawn = largest_rows(frame, "indicator", "value", 3)
    # "a": 9, 9 and the first 5 (row 70, not 75); "b": both rows, one without a number
    assert drawn.index.tolist() == [70, 71, 72, 74, 77]
    assert largest_rows(frame, "indicator", "value", 6).index.tolist() == frame.index.tolist()
