"""The index made from each table's projects' positions (lib/query/index_sets.positions): a
country's, a programme's and a year's projects are those the project files name, and each
figure's venue is its event's place; a snapshot whose project bodies are not its parts'
projects is never served (lib/store/snapshot.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.store.build as store_build
from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.index import index_of, programme_chain
from lib.query.index_sets import positions, venues
from lib.store.build import build
from lib.store.snapshot import open_snapshot


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_each_country_and_programme_selects_the_projects_that_name_it(portfolio):
    parts, index = parts_of(portfolio.projects), index_of(portfolio)
    for country in index.options["countries"]:
        places = zip(parts.places["project"], parts.places["place"], strict=True)
        in_it = {pid for pid, place in places if portfolio.places[place].country == country}
        assert in_it and index.projects_having("countries", [country]) == sorted(in_it)
    for programme in portfolio.programmes:
        under = {
            pid
            for pid, funded in zip(
                parts.funding["project"], parts.funding["programme"], strict=True
            )
            if isinstance(funded, str) and programme in programme_chain(portfolio, funded)
        }
        assert index.projects_having("programmes", [programme]) == sorted(under)


def test_each_year_selects_the_projects_whose_dates_or_figures_state_it(portfolio):
    index = index_of(portfolio)
    first, last = index.year_bounds
    for year in range(first, last + 1):
        having = index.id_index[index.projects_in_year.of([year])].tolist()
        for pid in having:
            project = portfolio.projects[pid]
            stated = {d.year for d in (project.start, project.end) if d is not None}
            stated |= {d.year for e in project.events for d in (e.start, e.end) if d is not None}
            figures = portfolio.values[portfolio.values["project"] == pid]
            for column in ("period_start", "period_end"):
                stated |= {d.year for d in figures[column] if d is not None}
            assert year in stated, (pid, year)


def test_a_figures_venue_is_its_events_place_the_last_of_an_id_given_twice():
    ids = pa.array(["a", "b"])
    events = pd.DataFrame(
        {
            "project": ["a", "a", "b", "b"],
            "id": ["forum", "visit", "forum", "forum"],
            "place": ["sofia", None, "skopje", "shtip"],
        }
    )
    values = pd.DataFrame(
        {
            "project": ["a", "a", "a", "b", "b", "c"],
            "event": ["forum", "visit", "", "forum", "fair", "forum"],
        }
    )
    at = {"events": positions(events["project"], ids), "values": positions(values["project"], ids)}
    assert at["values"].tolist() == [0, 0, 0, 1, 1, -1]  # "c" is no project of the index
    assert venues(values, events, at).tolist() == ["sofia", "", "", "shtip", "", ""]
    no_events = events.iloc[:0]
    assert venues(values, no_events, {**at, "events": np.zeros(0, dtype=np.int64)}).tolist() == [
        ""
    ] * len(values)


def test_a_snapshot_whose_bodies_are_not_its_parts_projects_is_never_served(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 0.0)
    built = build(folder, tmp_path / "cache")
    path: Path = built.path
    fingerprint = built.result.portfolio.fingerprint
    assert open_snapshot(path, folder, fingerprint) is not None
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE project_bodies SET id = 'another-project' WHERE position = 0")
    assert open_snapshot(path, folder, fingerprint) is None
