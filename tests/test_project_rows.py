"""What a filter selects, found by the projects' numbers (lib/query/project_rows.py) and the
figures' (lib/query/figure_codes.py): the Overview's counts of a funder's cities and funders,
the places of the projects asked for and no others, the reports a chart's picture names in
the order first cited, and the events a chart of the largest ones keeps."""

import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.figure_codes import cited_sources
from lib.query.figures import headline_counts
from lib.query.filters import Filters, selected_projects, selected_values
from lib.query.limits import largest_groups
from lib.query.project_rows import rows_of
from lib.ui.downloads import pictured
from lib.ui.view import View


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_a_funders_counts_are_of_its_own_projects(portfolio):
    union = selected_projects(portfolio, Filters(funders=("european-union",)))
    assert headline_counts(portfolio, union) == {
        "projects": 3,
        "cities": 10,
        "countries": 8,
        "funders": 1,
    }
    group_484 = selected_projects(portfolio, Filters(funders=("group-484",)))
    assert headline_counts(portfolio, group_484) == {
        "projects": 1,
        "cities": 3,
        "countries": 1,
        "funders": 2,
    }


def test_the_rows_of_the_projects_asked_for_and_no_others(portfolio):
    places = parts_of(portfolio.projects).places
    asked = ["myla-refugee-integration", "no-such-project"]
    mine = places[rows_of(portfolio, "places", places["project"], asked)]
    assert set(mine["project"]) == {"myla-refugee-integration"}
    assert sorted(mine["place"]) == ["butel", "gevgelija", "kumanovo"]
    assert not rows_of(portfolio, "places", places["project"], []).any()


def test_a_pictures_reports_in_the_order_first_cited(portfolio):
    values = selected_values(portfolio, Filters())
    cited = ["twinning-report-bg", "rso-maritsa-forums-bg", "myla-results-mk", "sda-connection-bg"]
    assert cited_sources(portfolio, values) == cited  # the English twinning report is not cited
    # a frame that is not the portfolio's own figures: read from its own column
    backwards = values.reset_index(drop=True).iloc[::-1]
    assert cited_sources(portfolio, backwards) == list(dict.fromkeys(backwards["source"].tolist()))
    view = View(portfolio, Filters(), selected_projects(portfolio, Filters()), "en")
    footer = pictured(view, {"data": [], "layout": {}}, "Funding")["layout"]["annotations"][-1]
    titles = [portfolio.sources[sid].title for sid in cited[:3]]
    assert all(title[:20] in footer["text"] for title in titles)
    assert portfolio.sources["sda-connection-bg"].title[:20] not in footer["text"]
    assert "1 more" in footer["text"]


def test_the_largest_events_in_their_order_and_none_without_an_event():
    rows = pd.DataFrame(
        {
            "group": pd.array(["a", None, "b", "a", "c", None, "d"], dtype="str"),
            "value": pd.array([1, 50, None, 7, 7, 90, 2], dtype="Int64"),
        }
    )
    assert largest_groups(rows, "group", "value", 2)["group"].tolist() == ["a", "a", "c"]
    assert largest_groups(rows, "group", "value", 3)["value"].tolist() == [1, 7, 7, 2]
    assert len(largest_groups(rows, "group", "value", 4)) == 7  # every group fits


def test_of_events_tied_at_the_cut_the_chart_draws_those_listed_first():
    rows = pd.DataFrame(
        {
            "group": pd.array(["e", "f", "h", "g", "f", "e"], dtype="str"),
            "value": pd.array([5, 5, 9, 5, None, 1], dtype="Int64"),
        }
    )
    assert largest_groups(rows, "group", "value", 2)["group"].tolist() == ["e", "h", "e"]
    assert largest_groups(rows, "group", "value", 3)["group"].tolist() == ["e", "f", "h", "f", "e"]
