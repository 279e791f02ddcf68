"""The tests' data (tests/data/, a frozen copy of data/) validates, and its figures equal what the
reports say: 259 = 132 + 127, 518 exact, about 84,000, nothing invented."""

import pytest
from fixture_data import BUNDLED_DATA_DIR, FIXTURE_DATA_DIR

from lib.cli import main
from lib.load.loader import data_dir_from_env, load_portfolio
from lib.query.figures import (
    headline_counts,
    indicator_figure,
    network_count_at,
    network_sizes_at,
    network_words,
)
from lib.query.filters import Filters, selected_figures, selected_values


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert [str(problem) for problem in result.problems] == []
    return result.portfolio


def everything(portfolio):
    return selected_values(portfolio, Filters())


def test_the_app_and_the_command_line_read_the_tests_copy_not_data():
    """conftest.py sets DASHBOARD_DATA_DIR for the session: AppTest runs and `main([...])`
    without a folder read the frozen copy, so a curator's edit of data/ cannot change them."""
    assert data_dir_from_env() == FIXTURE_DATA_DIR != BUNDLED_DATA_DIR


def test_validate_command_accepts_the_tests_data(capsys):
    assert main(["validate", str(FIXTURE_DATA_DIR)]) == 0
    assert "valid. 4 projects" in capsys.readouterr().out


def test_twinning_participants_are_259_from_132_and_127(portfolio):
    rows = portfolio.values[portfolio.values["project"] == "shtip-strazhitsa-twinning"]
    by_place = dict(zip(rows["place"], rows["value"], strict=True))
    assert by_place == {"": 259, "shtip": 132, "strazhitsa": 127}


def test_refugees_supported_is_518_exact(portfolio):
    figure = indicator_figure(portfolio, "refugees-supported", everything(portfolio))
    assert (figure.value, figure.approximate) == (518, False)
    assert figure.citations[0].source == "myla-results-mk"


def test_citizens_informed_stays_approximate(portfolio):
    figure = indicator_figure(portfolio, "citizens-informed", everything(portfolio))
    assert (figure.value, figure.approximate) == (84000, True)


def test_two_training_series_are_not_added(portfolio):
    figure = indicator_figure(portfolio, "people-trained", everything(portfolio))
    assert (figure.value, figure.approximate, figure.at_least) == (16, True, True)
    assert figure.not_reported_in == ("rso-maritsa-forums",)


def test_participants_add_events_and_name_the_silent_project(portfolio):
    figure = indicator_figure(portfolio, "participants", everything(portfolio))
    assert figure.value == 259 + 32
    assert figure.not_reported_in == ("rso-maritsa-forums",)


def test_headline_counts(portfolio):
    counts = headline_counts(portfolio, sorted(portfolio.projects))
    # 13 named cities and municipalities (the region is not a city), in 8 countries
    assert counts == {"projects": 4, "cities": 13, "countries": 8, "funders": 3}


def test_network_of_22_cities_names_8(portfolio):
    project = portfolio.projects["connection-network"]
    assert len({entry.place for entry in project.places}) == 8
    rows = portfolio.values[portfolio.values["indicator"] == "network-cities"]
    assert rows["value"].tolist() == [22]


def test_june_of_unstated_year_keeps_its_precision(portfolio):
    forums = portfolio.projects["rso-maritsa-forums"].events[0]
    assert (forums.start.year, forums.start.month, forums.start.precision) == (
        None,
        6,
        "month_no_year",
    )


def test_no_budget_is_invented(portfolio):
    amounts = [f.amount for p in portfolio.projects.values() for f in p.funding]
    assert amounts == [None] * len(amounts)


def test_places_match_the_offline_geonames_extract(portfolio):
    gazetteer = pytest.importorskip("lib.curation.gazetteer")
    for place in portfolio.places.values():
        if place.geonames_id is None:
            continue
        record = gazetteer.by_id(place.geonames_id)
        assert record is not None, place.id
        assert (record.latitude, record.longitude, record.country) == (
            place.latitude,
            place.longitude,
            place.country,
        )


def test_a_copy_with_an_update_leaves_the_loaded_entry_unchanged(portfolio):
    """Loaded data is never mutated: model_copy gives a new entry and a new set of fields."""
    places = [place for project in portfolio.projects.values() for place in project.places]
    first = places[0]
    copy = first.model_copy(update={"role": "venue"})
    assert copy.role == "venue" and "role" in copy.model_fields_set
    assert copy.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == {"place", "role", "source", "quote"}  # unchanged


def test_the_overview_writes_the_first_networks_and_counts_the_rest(portfolio):
    """network_sizes_at(first=n) gives the first n networks of the whole list, written the
    same; network_count_at counts all of them."""
    figures = selected_figures(portfolio, Filters())
    every = network_sizes_at(portfolio, figures, "bg")
    assert [(n.size, n.named) for n in every] == [(22, 8)]
    assert network_count_at(portfolio, figures) == 1
    assert network_sizes_at(portfolio, figures, "bg", first=5) == every
    assert network_sizes_at(portfolio, figures, "bg", first=0) == []
    assert "22" in network_words(every[0], "bg")
    elsewhere = selected_figures(portfolio, Filters(cities=("kumanovo",)))
    assert network_count_at(portfolio, elsewhere) == 0
