"""The Projects page's list: its first rows written for the screen, every row in the CSV."""

from __future__ import annotations

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.topics.projects.data as projects_data
from lib.load.loader import load_portfolio
from lib.topics.projects.data import project_list, project_list_head


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_the_page_shows_the_first_rows_and_counts_them_all(portfolio, monkeypatch):
    monkeypatch.setattr(projects_data, "TABLE_ROWS", 2)
    ids = sorted(portfolio.projects)
    shown, note = project_list_head(portfolio, ids, "en")
    titles = [portfolio.projects[pid].title.get("en") for pid in ids]
    assert shown.column("title").to_pylist() == titles[:2]
    assert "id" not in shown.column_names
    assert note == "Showing 2 of 4 projects; the CSV download has them all."
    every = project_list(portfolio, ids, "en")
    assert every["title"].tolist() == titles
    assert every["id"].tolist() == ids


def test_the_rows_shown_are_those_of_the_csv_in_macedonian(portfolio):
    ids = sorted(portfolio.projects)[1:]
    shown, note = project_list_head(portfolio, ids, "mk")
    every = project_list(portfolio, ids, "mk").drop(columns="id")
    assert note == ""  # three projects: all shown
    assert shown.to_pandas().equals(every.reset_index(drop=True))
    assert "наслов" in shown.column_names  # the headers in Macedonian
