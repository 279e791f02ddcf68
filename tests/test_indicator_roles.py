"""Indicators decide their own roles in indicators.yaml: which are headline figures, which topic
page shows them, which one sizes the map's dots, which counts a network's cities. Changing a role
there changes what the dashboard shows, with no code to edit; a wrong role is a problem naming
file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import open_app
from broken_data import assert_problem, copy_data, edit, line_of
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.model.portfolio import Portfolio
from lib.query.figures import headline_codes, network_rows
from lib.query.filters import Filters, selected_projects, selected_values
from lib.topics.map.by_place import map_sizer
from lib.topics.map.data import map_data
from lib.topics.people.data import page_codes, people_figures

INDICATORS = "indicators.yaml"
TRAINED_HEADLINE = "    topic: trained\n    page: people_supported\n    headline: true\n"
EMPLOYED = "    topic: employed\n    page: people_supported\n"


def loaded(data: Path) -> Portfolio:
    result = load_portfolio(data)
    assert result.problems == (), [str(problem) for problem in result.problems]
    assert result.portfolio is not None
    return result.portfolio


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def test_the_tests_data_gives_each_indicator_its_role():
    portfolio = loaded(FIXTURE_DATA_DIR)
    assert headline_codes(portfolio) == [
        "participants",
        "refugees-supported",
        "people-trained",
        "citizens-informed",
    ]
    assert page_codes(portfolio, "participants") == ["participants"]
    assert page_codes(portfolio, "people_supported") == [
        "refugees-supported",
        "people-trained",
        "citizens-informed",
        "people-employed",
    ]
    assert map_sizer(portfolio) == "participants"
    values = selected_values(portfolio, Filters())
    assert network_rows(portfolio, values)["indicator"].tolist() == ["network-cities"]


def test_a_headline_chosen_in_the_file_is_on_the_overview(data: Path, monkeypatch):
    edit(data, INDICATORS, TRAINED_HEADLINE, TRAINED_HEADLINE.replace("    headline: true\n", ""))
    edit(data, INDICATORS, EMPLOYED, EMPLOYED + "    headline: true\n")
    assert headline_codes(loaded(data))[-1] == "people-employed"
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    shown = {metric.label: metric.value for metric in open_app().metric}
    assert shown["People engaged to prepare action plans"] == "12"
    assert "People trained" not in shown
    assert shown["Participants"] == "291"


def test_an_indicator_without_a_page_leaves_the_people_supported_page(data: Path):
    edit(data, INDICATORS, EMPLOYED, "    topic: employed\n")
    portfolio = loaded(data)
    shown = people_figures(portfolio, selected_values(portfolio, Filters()))
    assert "people-employed" not in set(shown["indicator"])
    assert "refugees-supported" in set(shown["indicator"])


def test_without_a_map_sizer_the_dots_are_sized_by_projects(data: Path):
    before = loaded(data)
    ids = selected_projects(before, Filters())
    values = selected_values(before, Filters())
    assert map_data(before, ids, values, Filters()).size_basis == "participants"
    edit(data, INDICATORS, "    sizes_map: true\n", "")
    after = loaded(data)
    assert map_sizer(after) is None
    assert map_data(after, ids, selected_values(after, Filters()), Filters()).size_basis == (
        "projects"
    )


def test_a_second_map_sizer_is_a_problem_on_its_line(data: Path):
    line = edit(data, INDICATORS, EMPLOYED, EMPLOYED + "    sizes_map: true\n") + 2
    assert_problem(
        load_portfolio(data),
        INDICATORS,
        line,
        "indicators[5].sizes_map",
        "only one indicator sizes the map's dots",
        "'participants'",
    )


def test_a_map_sizer_must_count_people(data: Path):
    edit(data, INDICATORS, "    sizes_map: true\n", "")
    edit(data, INDICATORS, "    unit: cities\n", "    unit: cities\n    sizes_map: true\n")
    assert_problem(
        load_portfolio(data),
        INDICATORS,
        line_of(data, INDICATORS, "    sizes_map: true\n"),
        "indicators[9].sizes_map",
        "only a count of people can size the map's dots, not of cities",
    )


def test_an_unknown_page_is_a_problem_on_its_line(data: Path):
    line = edit(data, INDICATORS, EMPLOYED, "    topic: employed\n    page: people\n") + 1
    assert_problem(
        load_portfolio(data),
        INDICATORS,
        line,
        "indicators[5].page",
        "'people' is not allowed",
        "'people_supported'",
    )


def test_a_headline_must_be_true_or_false(data: Path):
    line = edit(data, INDICATORS, TRAINED_HEADLINE, TRAINED_HEADLINE.replace("true", "1")) + 2
    assert_problem(
        load_portfolio(data), INDICATORS, line, "indicators[3].headline", "true or false"
    )
