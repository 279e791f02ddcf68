"""The filters' look-ups held as numbers (lib/query/index_sets.Pairs): a city's, a funder's
and a year's projects must be exactly those the project files name."""

from __future__ import annotations

import gc

import pyarrow as pa
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.filters import Filters, selected_ids, selected_projects
from lib.query.index import index_of
from lib.query.index_sets import pairs_of


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_each_city_and_funder_selects_the_projects_that_name_it(portfolio):
    parts, index = parts_of(portfolio.projects), index_of(portfolio)
    for facet, table, column in (
        ("cities", parts.places, "place"),
        ("funders", parts.funding, "funder"),
    ):
        for value in index.options[facet]:
            naming = sorted(set(table.loc[table[column] == value, "project"]))
            assert index.projects_having(facet, [value]) == naming
            assert selected_projects(portfolio, Filters(**{facet: (value,)})) == naming
            assert index.projects_with[facet].counts()[value] == len(naming)


def test_two_filters_select_the_projects_both_select(portfolio):
    both = Filters(cities=("kumanovo",), funders=("group-484",))
    expected = sorted(
        set(selected_projects(portfolio, Filters(cities=("kumanovo",))))
        & set(selected_projects(portfolio, Filters(funders=("group-484",))))
    )
    assert expected and selected_projects(portfolio, both) == expected
    assert selected_projects(portfolio, Filters(funders=("no-such-funder",))) == []
    one = sorted(portfolio.projects)[0]
    assert selected_projects(portfolio, Filters(projects=("no-such-project", one))) == [one]


def test_a_views_ids_are_the_indexs_tuple_which_the_collector_stops_walking(portfolio):
    # a run's view holds them: at 100,000 projects a list of them was over 40% of what each
    # full round of the cyclic collector walked, in whichever visitor's rerun it fell
    filters = Filters(cities=("kumanovo",))
    ids = selected_ids(portfolio, filters)
    assert list(ids) == selected_projects(portfolio, filters) == ["myla-refugee-integration"]
    assert selected_ids(portfolio, filters) is ids  # kept, not copied for each run
    gc.collect()
    assert not gc.is_tracked(ids)


def test_a_pair_met_twice_counts_once_and_an_unknown_value_selects_none():
    ids = pa.array(["a", "b", "c"])
    pairs = pairs_of(["x", "y", "x", "x"], ["c", "a", "a", "c"], ids)
    assert pairs.counts() == {"x": 2, "y": 1}
    assert pairs.of(["x"]).tolist() == [0, 2]
    assert pairs.of(["x", "y"]).tolist() == [0, 2]
    assert pairs.of(["z"]).tolist() == []
    assert pairs_of([], [], ids).of(["x"]).tolist() == []
