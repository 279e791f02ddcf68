"""What the curators read into a report is shown as theirs, and a figure of no stated year is
in no year's range (issue 18): what a reader sees on the pages and in the open formats."""

from __future__ import annotations

import csv
import io

import pytest
from app_support import open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR

from lib.exports.formats import export
from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_values, year_unstated
from lib.topics.funding.data import funding_rows
from lib.topics.projects.data import project_funding, project_organisations

READING = "the curators' reading, not the report's words"


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_a_year_filter_leaves_out_figures_whose_year_no_report_states(portfolio):
    """MYLA's 518 refugees and ~84,000 citizens ("1 January to the end of April this year")
    are not 2017's figures, though the project started in 2017."""
    chosen = selected_values(portfolio, Filters(years=(2017, 2017)))
    assert "myla-refugee-integration" in set(chosen["project"])
    assert not {518, 84000} & set(chosen["value"].dropna().astype(int))
    left_out = year_unstated(portfolio, Filters(years=(2017, 2017)))
    assert sorted(left_out["value"].astype(int)) == [518, 84000]
    everything = selected_values(portfolio, Filters())
    assert {518, 84000} <= set(everything["value"].dropna().astype(int))
    assert year_unstated(portfolio, Filters()).empty


def test_the_page_says_why_a_year_filter_leaves_figures_out():
    at = open_app("pages/people_supported/app.py")
    set_filter(at, "years", (2017, 2017))
    notes = [info.value for info in at.info]
    assert any(
        "2 figures of these projects cover a period whose year no report" in n for n in notes
    )


def test_an_inferred_role_and_co_funding_are_shown_as_the_curators_reading(portfolio):
    organisations = project_organisations(portfolio, "rso-maritsa-forums")
    role = organisations.set_index("organisation").loc["RSO Maritsa", "role"]
    assert role.startswith(f"implementer ({READING}: The report names RSO Maritsa only")
    funding = project_funding(portfolio, "rso-maritsa-forums")
    assert funding.iloc[0]["co-funded"] == f"yes ({READING})"
    assert funding.iloc[0]["grant reference"] == "BG EIF 2013/01-05.01"  # stated: no mark
    rows = funding_rows(portfolio, ["rso-maritsa-forums"], "mk")
    assert "толкувањето на уредниците" in rows.iloc[0]["co_funded"]


def test_a_stated_role_has_no_mark(portfolio):
    organisations = project_organisations(portfolio, "myla-refugee-integration")
    roles = organisations.set_index("organisation")["role"]
    assert roles["Macedonian Young Lawyers Association"] == "implementer"
    assert READING in roles["Municipality of Kumanovo"]


def test_hxl_leaves_an_inferred_implementer_out(portfolio):
    text = export(portfolio, "hxl", Filters(projects=("rso-maritsa-forums",))).data
    rows = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
    implementers = {row["Implementers"] for row in rows[1:]}  # row 0 holds the hashtags
    assert implementers == {""}, implementers
    funded = [row for row in rows[1:] if row["Record"] == "funding"]
    assert funded and all(row["Grant reference"] == "BG EIF 2013/01-05.01" for row in funded)
