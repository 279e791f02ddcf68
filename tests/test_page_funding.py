"""Funding: funder › programme › project, amounts only where reported, never 0 for unknown."""

from __future__ import annotations

import dataclasses
import gc
import json
import weakref

import pandas as pd
import pytest
from app_support import numbers, open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR

import lib.topics.funding.data as funding_data
from lib.load.loader import load_portfolio
from lib.model.projects import Projects
from lib.model.schema import Amount, Funding
from lib.query.filters import programme_chain
from lib.topics.funding.chart import funding_chart, text_colour, tint
from lib.topics.funding.data import (
    NO_AMOUNT_REPORTED,
    TABLE_COLUMNS,
    amount_summary,
    funder_count,
    funding_lines,
    funding_rows,
    funding_table,
    funding_table_head,
    reported_totals,
    size_basis,
    size_label,
)
from lib.topics.funding.line_words import NOT_REPORTED, amount_text
from lib.topics.funding.tree import funding_tree, programme_tree, without_projects

EFC_PATH = "Europe for Citizens › Strand 2 › Measure 2.1 Town-Twinning"
MYLA = "Strengthening local actors in the process of refugee integration in Macedonia"


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


def with_amounts(portfolio, amounts: dict[str, list[Amount | None]]):
    """A copy of the portfolio whose projects' funding lines carry the given amounts."""
    projects = dict(portfolio.projects)
    for project_id, project_amounts in amounts.items():
        project = projects[project_id]
        funding = [
            line.model_copy(update={"amount": amount})
            for line, amount in zip(project.funding, project_amounts, strict=True)
        ]
        projects[project_id] = project.model_copy(update={"funding": funding})
    return dataclasses.replace(portfolio, projects=projects)


# Pure builders --------------------------------------------------------------------------------


def test_amount_text_states_the_currency_or_not_reported():
    assert amount_text(None) == NOT_REPORTED
    assert amount_text(Amount(value=12000, currency="EUR")) == "12,000 EUR"
    assert amount_text(Amount(value=1234.5, currency="MKD")) == "1,234.50 MKD"


def test_bundled_funding_lines(portfolio):
    rows = funding_rows(portfolio, sorted(portfolio.projects))
    table = funding_table(rows)
    assert list(table.columns) == list(TABLE_COLUMNS.values())
    assert list(TABLE_COLUMNS.values()) == [
        "Amount",
        "Funder",
        "Project",
        "Programme path",
        "Grant reference",
        "Co-funded",
        "Source",
        "Quote",
    ]
    assert set(table["Amount"]) == {NOT_REPORTED}
    assert rows["amount_value"].isna().all()
    assert EFC_PATH in set(table["Programme path"])
    assert programme_chain(portfolio, "efc-measure-2-1") == [
        "europe-for-citizens",
        "efc-strand-2",
        "efc-measure-2-1",
    ]
    rso = table[table["Grant reference"] == "BG EIF 2013/01-05.01"]
    assert rso["Programme path"].tolist() == [
        "European Fund for the Integration of Third-Country Nationals"
    ]
    amif = table[table["Programme path"] == "Asylum, Migration and Integration Fund"]
    assert amif["Co-funded"].tolist() == ["co-funded"]
    assert sorted(table.loc[table["Project"] == MYLA, "Funder"]) == [
        "Group 484",
        "Norwegian Embassy in Belgrade",
    ]
    assert amount_summary(rows) == NO_AMOUNT_REPORTED
    assert size_basis(rows) == "projects"
    assert size_label(rows) == "Size: number of funded projects (no amount is reported)"


def test_lines_are_written_the_same_whatever_their_projects_are_opened_by(portfolio, monkeypatch):
    """The projects of a slice of lines are opened together (LazyEntries.many): a slice of
    one line or of all of them writes the same words, each line with its own project's."""
    ids = sorted(portfolio.projects)
    lazy = dataclasses.replace(portfolio, projects=Projects.held(dict(portfolio.projects)))
    whole = funding_rows(lazy, ids[::-1], "bg")
    assert len(whole) == 5
    for row in whole.itertuples():
        project = portfolio.projects[row.project_id]
        assert row.project == project.title.get("bg")
        assert row.quote in [line.quote for line in project.funding]
    monkeypatch.setattr(funding_data, "_OPENED_LINES", 1)
    pd.testing.assert_frame_equal(funding_rows(lazy, ids[::-1], "bg"), whole)
    pd.testing.assert_frame_equal(funding_rows(portfolio, ids[::-1], "bg"), whole)


def test_the_words_kept_do_not_keep_a_data_version_alive(portfolio):
    """A portfolio's index keeps its lines' words (lib/topics/funding/line_words.py), and
    goes with the portfolio: a replaced data version is freed, without the cycle collector
    (a start freezes what it made)."""
    version = dataclasses.replace(portfolio, projects=Projects.held(dict(portfolio.projects)))
    assert len(funding_rows(version, sorted(version.projects))) == 5
    gone = weakref.ref(version)
    gc.disable()
    try:
        del version
        assert gone() is None
    finally:
        gc.enable()


def test_tree_is_sized_by_project_count_when_no_amount_is_reported(portfolio):
    rows = funding_rows(portfolio, sorted(portfolio.projects))
    nodes = funding_tree(portfolio, rows)
    leaves = nodes[nodes["level"] == "project"]
    assert leaves["value"].tolist() == [1.0] * 5
    assert (nodes.loc[nodes["level"] != "project", "value"] == 0).all()
    measure = nodes[nodes["level"] == "measure"].iloc[0]
    assert measure["id"] == "all/european-union/europe-for-citizens/efc-strand-2/efc-measure-2-1"
    assert nodes.set_index("id").loc["all/european-union", "projects"] == 3
    figure = json.loads(funding_chart(nodes, size_label(rows)).to_json())
    assert figure["layout"]["title"]["text"].startswith("Size: number of funded projects")
    assert "amount not reported" in json.dumps(figure)


# Amounts the bundled reports do not give, for the tests of how amounts are shown
AMOUNTS = {
    "shtip-strazhitsa-twinning": [Amount(value=12000, currency="EUR")],
    "myla-refugee-integration": [
        Amount(value=30000, currency="EUR"),
        Amount(value=5000.5, currency="EUR"),
    ],
}


def test_amounts_size_the_chart_only_when_every_line_reports_one_currency(portfolio):
    every = with_amounts(portfolio, AMOUNTS)
    ids = ["myla-refugee-integration", "shtip-strazhitsa-twinning"]
    rows = funding_rows(every, ids)
    assert funding_table(rows)["Amount"].tolist() == ["30,000 EUR", "5,000.50 EUR", "12,000 EUR"]
    assert size_basis(rows) == "amount"
    assert size_label(rows) == "Size: amount reported (EUR)"
    assert (
        amount_summary(rows)
        == "Amounts reported for 3 of 3 funding lines, adding up to 47,000.50 EUR."
    )
    nodes = funding_tree(every, rows)
    leaves = nodes[nodes["level"] == "project"].set_index("id")
    twinning = "all/european-union/europe-for-citizens/efc-strand-2/efc-measure-2-1/"
    assert leaves.loc[twinning + "shtip-strazhitsa-twinning", "value"] == 12000
    assert leaves.loc["all/group-484/myla-refugee-integration", "amount"] == "5,000.50 EUR"
    figure = json.loads(funding_chart(nodes, size_label(rows), by_amount=True).to_json())
    bars = next(trace for trace in figure["data"] if trace["name"] == "funding")
    assert {5000.5, 12000.0, 30000.0} <= set(numbers(bars["x"]))
    assert "12,000 EUR" in bars["text"]


def test_the_programme_tree_folds_the_project_leaves_into_their_blocks(portfolio):
    """The chart of thousands of projects stops at the programmes: the same blocks, sizes and
    project counts as the full tree with its leaves folded, by count and by amount."""
    every = with_amounts(portfolio, AMOUNTS)
    for data, ids in (
        (portfolio, sorted(portfolio.projects)),
        (every, ["myla-refugee-integration", "shtip-strazhitsa-twinning"]),
    ):
        rows = funding_rows(data, ids, "bg")
        folded = without_projects(funding_tree(data, rows, "bg"))
        pd.testing.assert_frame_equal(programme_tree(data, rows, "bg"), folded)
    nodes = programme_tree(every, funding_rows(every, ids)).set_index("id")
    assert nodes.loc["all/group-484", "value"] == 5000.5
    assert nodes["value"].sum() == 47000.5  # every line's amount, once
    assert nodes.loc["all", "projects"] == 2
    assert "project" not in set(nodes["level"])


def test_the_page_reads_lines_without_words_and_writes_those_it_shows(portfolio, monkeypatch):
    """The counts and the programme chart come from the lines without words; the table
    writes its first rows' words (here 2 of them) and counts every line; the CSV has all."""
    monkeypatch.setattr(funding_data, "TABLE_ROWS", 2)
    ids = sorted(portfolio.projects)
    lines = funding_lines(portfolio, ids)
    rows = funding_rows(portfolio, ids, "mk")
    assert "funder" not in lines.columns and len(lines) == len(rows)
    assert funder_count(portfolio, lines, "mk") == rows["funder"].nunique()
    pd.testing.assert_frame_equal(
        programme_tree(portfolio, lines, "mk"), programme_tree(portfolio, rows, "mk")
    )
    shown, note = funding_table_head(portfolio, lines, "en")
    assert shown.to_pandas().equals(funding_table(funding_rows(portfolio, ids)).head(2))
    assert note == f"Showing 2 of {len(lines)} funding lines; the CSV download has them all."


def test_a_missing_amount_or_a_second_currency_sizes_by_project_count(portfolio):
    partly = with_amounts(
        portfolio, {"shtip-strazhitsa-twinning": [Amount(value=12000, currency="EUR")]}
    )
    rows = funding_rows(partly, sorted(partly.projects))
    assert size_basis(rows) == "projects"
    assert amount_summary(rows) == (
        "Amounts reported for 1 of 5 funding lines, adding up to 12,000 EUR. "
        "4 line(s) report no amount: left out of the sum, not counted as 0."
    )
    assert funding_tree(partly, rows).query("level == 'project'")["value"].tolist() == [1.0] * 5
    euro_and_dinar = [Amount(value=100, currency="EUR"), Amount(value=200, currency="RSD")]
    two = with_amounts(portfolio, {"myla-refugee-integration": euro_and_dinar})
    rows = funding_rows(two, ["myla-refugee-integration"])
    assert reported_totals(rows) == {"EUR": 100.0, "RSD": 200.0}
    assert size_basis(rows) == "projects"
    assert amount_summary(rows).endswith("adding up to 100 EUR, 200 RSD (each currency apart).")


def test_a_hand_made_funding_line_with_an_amount(portfolio):
    line = Funding(
        funder="group-484",
        amount=Amount(value=12000, currency="EUR"),
        source="myla-results-mk",
        quote="Проектот е финансиран од Норвешка амбасада во Белград и Група 484",
    )
    project = portfolio.projects["myla-refugee-integration"]
    changed = dataclasses.replace(
        portfolio,
        projects={**portfolio.projects, project.id: project.model_copy(update={"funding": [line]})},
    )
    rows = funding_rows(changed, [project.id])
    assert funding_table(rows).iloc[0][["Funder", "Programme path", "Amount"]].tolist() == [
        "Group 484",
        "not stated",
        "12,000 EUR",
    ]


def test_text_on_blocks_keeps_its_contrast():
    assert text_colour("#0072B2") == "#FFFFFF"
    assert text_colour("#E69F00") == "#000000"
    assert tint("#000000", 0.5) == "#808080"


# The page -------------------------------------------------------------------------------------


def test_page_shows_grants_programme_paths_funders_and_unreported_amounts():
    app = open_app("pages/funding/app.py")
    table = app.dataframe[0].value
    assert "BG EIF 2013/01-05.01" in set(table["Grant reference"])
    assert EFC_PATH in set(table["Programme path"])
    assert sorted(table.loc[table["Project"] == MYLA, "Funder"]) == [
        "Group 484",
        "Norwegian Embassy in Belgrade",
    ]
    assert set(table["Amount"]) == {"not reported"}
    assert "съфинансиран" in " ".join(table["Quote"])
    assert any(
        "No report gives an amount of money for these projects" in info.value for info in app.info
    )
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert "Size: number of funded projects" in spec["layout"]["title"]["text"]
    bars = next(trace for trace in spec["data"] if trace["name"] == "funding")
    # European Union: 3 projects; each programme and project below it: 1
    assert sorted(numbers(bars["x"]), reverse=True)[:2] == [3.0, 1.0]
    assert "3 funded projects" in bars["text"]


def test_funder_filter_leaves_only_the_myla_project():
    app = open_app("pages/funding/app.py")
    set_filter(app, "funders", ["norwegian-embassy-belgrade"])
    table = app.dataframe[0].value
    assert set(table["Project"]) == {MYLA}
    assert sorted(table["Funder"]) == ["Group 484", "Norwegian Embassy in Belgrade"]
