"""The sidebar facets' look-ups (lib/query/facets.py), made when a filter first asks for one
and not at the start: what they select, from any session, and that they keep no data
version alive."""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.query.index as index_module
from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.index import FACETS, index_of


@pytest.fixture()
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_sessions_asking_for_a_facet_at_once_see_the_projects_the_files_name(portfolio):
    index, places = index_of(portfolio), parts_of(portfolio.projects).places
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: index.projects_with["cities"], range(8)))
    assert all(pairs is made[0] for pairs in made)  # made once, shared
    for city in index.options["cities"]:
        naming = sorted(set(places.loc[places["place"] == city, "project"]))
        assert naming and index.projects_having("cities", [city]) == naming
    assert list(index.projects_with) == list(FACETS)


def test_an_index_whose_facets_were_asked_for_still_goes_with_its_portfolio():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    index = index_of(portfolio)
    for facet in FACETS:
        assert index.projects_having(facet, index.options[facet][:1])
    key = id(portfolio)
    del portfolio, index
    gc.collect()
    assert key not in index_module._INDEXES
