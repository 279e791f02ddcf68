"""What a data version keeps holds the project and report ids as the portfolio's own texts (one
copy of 100,000 ids, not one a structure), and says the same as before: the projects a year
filter leaves out for want of a stated year, the reports' counts, the figures' projects."""

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.query.figure_codes import figure_codes
from lib.query.filters import Filters, undated_projects
from lib.query.index import index_of
from lib.query.shared_texts import shared_texts
from lib.topics.sources.data import source_list, uses_of


@pytest.fixture(scope="module", params=["public", "board"])
def portfolio(request):
    return for_audience(load_portfolio(FIXTURE_DATA_DIR).portfolio, request.param)


def test_shared_texts_are_the_same_values_as_the_held_objects():
    held = ["".join(["a", "b"]), "".join(["c", "d"])]
    texts = ["".join(["c", "d"]), "x", "".join(["a", "b"]), "".join(["c", "d"])]
    shared = shared_texts(texts, held)
    assert shared == ["cd", "x", "ab", "cd"]
    assert shared[0] is held[1] and shared[2] is held[0] and shared[3] is held[1]
    assert shared[1] is texts[1]  # not held: kept as given


def test_a_year_filter_names_the_project_no_report_dates(portfolio):
    # the Maritsa forums' events and figures say "June" and no year
    assert undated_projects(portfolio, Filters(years=(2018, 2021))) == ["rso-maritsa-forums"]
    assert undated_projects(portfolio, Filters(years=(2019, 2019))) == ["rso-maritsa-forums"]
    assert undated_projects(portfolio, Filters()) == []  # no year filter, nothing left out
    # the city filter leaves the forums out anyway: not for want of a year
    assert undated_projects(portfolio, Filters(years=(2018, 2021), cities=("shtip",))) == []


def test_the_index_and_the_figures_hold_the_portfolios_own_ids(portfolio):
    index = index_of(portfolio)
    own = {pid: pid for pid in portfolio.projects}
    assert list(index.ids) == sorted(own)
    assert all(pid is own[pid] for pid in index.ids)
    codes = figure_codes(portfolio)
    assert codes.projects.tolist() == sorted(set(portfolio.values["project"]))
    assert all(pid is own[pid] for pid in codes.projects)
    reports = {sid: sid for sid in portfolio.sources}
    assert all(sid is reports[sid] for sid in codes.sources if sid in reports)


def test_the_reports_counts_and_projects_by_their_ids(portfolio):
    listed = source_list(portfolio)
    assert dict(zip(listed["id"], listed["facts taken"], strict=True)) == {
        "twinning-report-bg": 22,
        "twinning-report-en": 1,
        "rso-maritsa-forums-bg": 12,
        "myla-results-mk": 44,
        "sda-connection-bg": 34,
    }
    uses = uses_of(portfolio, "sda-connection-bg")
    assert len(uses) == 34
    assert set(uses["project"]) == {  # "": an organisation's entry cites it too
        "",
        "CONNECTION - Initiative for integration through connecting cities",
    }
    assert uses_of(portfolio, "no-such-report").empty
