"""Map: what a filter change writes only for what the screen shows (a table's first rows, the
lines drawn) reads the same to a user as when everything is written."""

from __future__ import annotations

import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_projects, selected_values
from lib.query.limits import CELL_CHARACTERS
from lib.topics.map.basemap import load_country_outlines
from lib.topics.map.chart import legend_text, map_deck
from lib.topics.map.city_table import cities_table
from lib.topics.map.data import map_data
from lib.topics.map.links import link_pairs


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


def page_data(portfolio, language: str, table_rows: int | None = None):
    filters = Filters()
    projects = selected_projects(portfolio, filters)
    values = selected_values(portfolio, filters)
    return map_data(
        portfolio, projects, values, filters, language, cells=CELL_CHARACTERS, table_rows=table_rows
    )


@pytest.mark.parametrize(("language", "first"), [("en", "Shtip"), ("mk", "Штип")])
def test_a_table_of_four_rows_shows_the_cities_and_cells_of_the_whole_table(
    portfolio, language, first
):
    whole, screenful = page_data(portfolio, language), page_data(portfolio, language, 4)
    shown = cities_table(screenful, 4)
    pd.testing.assert_frame_equal(shown, cities_table(whole, 4))
    assert shown.iloc[0, 1] == first  # the biggest dot first: 132 participants
    assert "132" in shown.iloc[0, 0] and "132" in shown.iloc[0, 4]  # its size, its figures
    # the cities past the table keep their tooltips: the deck is the same
    outlines = load_country_outlines()
    assert map_deck(screenful, outlines).to_json() == map_deck(whole, outlines).to_json()


def test_the_legend_names_every_kind_of_line_drawn(portfolio):
    data = page_data(portfolio, "en")
    assert legend_text(data).startswith(
        "Lines: orange = twinning, bluish green = network, reddish purple = travelled to an event."
    )
    assert data.link_ends.to_dict() == {
        "sofia": 7, "shtip": 2, "strazhitsa": 2, "antwerp": 1, "athens": 1, "dortmund": 1,
        "madrid": 1, "tampere": 1, "thessaloniki": 1, "stockholm": 1,
    }  # fmt: skip


def test_past_the_limit_the_pair_most_projects_link_is_drawn_and_all_are_counted(portfolio):
    data = page_data(portfolio, "en")
    pairs, total = link_pairs(data.selected_links, data.places, limit=1)
    assert total == 9 == len(data.linked_pairs[0])
    assert pairs["name"].tolist() == ["Sofia – Antwerp"]
    assert pairs["more"].tolist() == [0]


def test_past_the_limit_the_lines_between_the_busiest_cities_are_drawn(portfolio):
    data = page_data(portfolio, "en")
    busiest = ("shtip", "strazhitsa")
    places = data.places.assign(
        projects=[5 if place in busiest else 1 for place in data.places["place"]]
    )
    pairs, total = link_pairs(data.selected_links, places, limit=2)
    assert total == 9
    assert pairs["name"].tolist() == ["Shtip – Strazhitsa", "Shtip – Strazhitsa"]
    assert pairs["kind"].tolist() == ["twinning", "travelled_to_event"]
    # a city the places do not list has no count: its line comes after every counted one
    unlisted = data.places[data.places["place"] != "antwerp"]
    pairs, _ = link_pairs(data.selected_links, unlisted, limit=1)
    assert pairs["name"].tolist() == ["Sofia – Athens"]
