"""The headline figures of a filtered selection, as the Overview's cards show them: a city's
part of the twinning, both cities' parts adding up to the whole, the sources in the order
cited, and a frame that is not the portfolio's own figures added up from its own numbers."""

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.query.figures import indicator_figure, network_sizes
from lib.query.filters import Filters, selected_values


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_a_city_counts_its_part_of_the_twinning(portfolio):
    figure = indicator_figure(
        portfolio, "participants", selected_values(portfolio, Filters(cities=("shtip",)))
    )
    assert (figure.value, figure.figures_added) == (132, 1)
    assert figure.projects_reporting == ("shtip-strazhitsa-twinning",)
    assert figure.sources == ("twinning-report-bg",)
    assert figure.not_reported_in == ()


def test_both_cities_parts_add_up_to_the_whole(portfolio):
    values = selected_values(portfolio, Filters(cities=("strazhitsa", "shtip")))
    figure = indicator_figure(portfolio, "participants", values)
    assert (figure.value, figure.figures_added, figure.citation_count) == (259, 2, 1)
    assert indicator_figure(portfolio, "refugees-supported", values).value is None


def test_every_project_cites_its_sources_in_order_and_names_the_silent_one(portfolio):
    figure = indicator_figure(portfolio, "participants", selected_values(portfolio, Filters()))
    assert (figure.value, figure.citation_count) == (291, 3)
    assert figure.sources == ("twinning-report-bg", "myla-results-mk", "rso-maritsa-forums-bg")
    assert [citation.source for citation in figure.citations] == list(figure.sources)
    assert figure.not_reported_in == ("rso-maritsa-forums",)
    assert figure.projects_reporting == ("myla-refugee-integration", "shtip-strazhitsa-twinning")


def test_a_year_with_no_figure_gives_no_number_not_zero(portfolio):
    figure = indicator_figure(
        portfolio, "participants", selected_values(portfolio, Filters(years=(2019, 2019)))
    )
    assert (figure.value, figure.citation_count, figure.projects_reporting) == (None, 0, ())


def test_a_frame_not_of_the_portfolio_is_added_up_from_its_own_numbers(portfolio):
    values = selected_values(portfolio, Filters()).copy()
    whole = (
        (values["project"] == "shtip-strazhitsa-twinning")
        & (values["indicator"] == "participants")
        & (values["place"] == "")
    )
    values.loc[whole, "value"] = 300
    assert indicator_figure(portfolio, "participants", values).value == 300 + 32


def test_the_network_names_8_of_its_22_cities_in_macedonian(portfolio):
    (network,) = network_sizes(portfolio, selected_values(portfolio, Filters()), "mk")
    assert (network.size, network.named) == (22, 8)
    assert network.event == "Партнерска средба на проектот CONNECTION"
    assert network_sizes(portfolio, selected_values(portfolio, Filters(cities=("shtip",)))) == []
