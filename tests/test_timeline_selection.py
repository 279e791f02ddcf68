"""The Timeline's rows of a selection: its projects in the order given, each in its own colour,
whatever order the filters or a board pack give them; and the same words from a snapshot
whose tables come in pieces (a snapshot's columns come in pieces of 122,880 rows, and the
Timeline takes a few rows from them a piece at a time)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pyarrow as pa
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.model.portfolio import Portfolio
from lib.model.projects import ProjectParts, Projects, parts_of
from lib.query.frame_rows import rows_at
from lib.topics.timeline.data import (
    projects_off_axis_ids,
    projects_on_axis,
    timeline_places,
    timeline_rows,
)
from lib.topics.timeline.tables import timeline_csv, timeline_tables

TWINNING = "shtip-strazhitsa-twinning"
CONNECTION = "connection-network"
FORUMS = "rso-maritsa-forums"  # no date of it states a year: off the axis
MYLA = "myla-refugee-integration"


@pytest.fixture(scope="module")
def loaded() -> Portfolio:
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_projects_come_in_the_order_given_each_in_its_own_colour(loaded):
    given = [TWINNING, FORUMS, CONNECTION, MYLA]
    places = timeline_places(loaded, given)
    assert list(dict.fromkeys(places["project_id"])) == given
    colours = dict(zip(places["project_id"], places["colour_index"], strict=True))
    assert colours == {TWINNING: 0, FORUMS: 1, CONNECTION: 2, MYLA: 3}
    firsts = places.groupby("project_id", sort=False)["kind"].first()
    assert set(firsts) == {"project"}  # each project's own row leads its events and figures
    assert projects_on_axis(places) == [TWINNING, CONNECTION, MYLA]
    assert projects_off_axis_ids(places) == [FORUMS]
    rows = timeline_rows(loaded, given)
    assert list(dict.fromkeys(rows["project_id"])) == given
    sorted_rows = timeline_rows(loaded, sorted(given))

    def items(frame: pd.DataFrame) -> dict[str, list[str]]:
        return {pid: frame.loc[frame["project_id"] == pid, "item"].tolist() for pid in given}

    assert items(rows) == items(sorted_rows)  # a project's rows are its own, in any order
    assert "Town-twinning meeting of Shtip and Strazhitsa" in items(rows)[TWINNING]


def test_a_selection_of_one_project_has_its_rows_only(loaded):
    places = timeline_places(loaded, [FORUMS])
    assert set(places["project_id"]) == {FORUMS}
    assert set(places["colour_index"]) == {0}
    assert projects_on_axis(places) == []
    assert projects_off_axis_ids(places) == [FORUMS]
    assert timeline_places(loaded, []).empty


def test_rows_at_gives_the_rows_asked_for_from_columns_in_pieces():
    pieces = pa.Table.from_batches(
        [
            pa.record_batch({"city": ["Shtip", None, "Skopje"], "n": [1, 2, 3]}),
            pa.record_batch({"city": ["Strazhitsa", "Madrid"], "n": [4, 5]}),
        ]
    )
    frame = pieces.to_pandas()
    frame.index = [10, 11, 12, 13, 14]
    taken = rows_at(frame, [4, 0, 3, 3, 1])
    assert taken["city"].tolist()[:4] == ["Madrid", "Shtip", "Strazhitsa", "Strazhitsa"]
    assert pd.isna(taken["city"].iloc[4])
    assert taken["n"].tolist() == [5, 1, 4, 4, 2]
    assert taken.index.tolist() == [14, 10, 13, 13, 11]
    pd.testing.assert_frame_equal(taken, frame.take([4, 0, 3, 3, 1]))


def _in_pieces(portfolio: Portfolio) -> Portfolio:
    """The portfolio with its projects' columns in pieces of two rows, as a large snapshot's
    come in pieces of 122,880."""
    tables = parts_of(portfolio.projects).tables()
    cut = {
        name: pa.Table.from_batches(t.to_batches(max_chunksize=2), t.schema)
        for name, t in tables.items()
    }
    parts = ProjectParts.from_tables(cut)
    held = portfolio.projects
    projects = Projects(list(held), lambda project_id, _position: held[project_id], lambda: parts)
    return dataclasses.replace(portfolio, projects=projects)


@pytest.mark.parametrize("language", ["en", "mk"])
def test_a_snapshot_in_pieces_shows_the_same_timeline(loaded, language):
    pieces = _in_pieces(loaded)
    assert pa.array(parts_of(pieces.projects).events["title_en"].array).num_chunks > 1
    for given in (
        sorted(loaded.projects),
        [TWINNING, MYLA],
    ):  # the second: rows taken back to front
        expected = timeline_rows(loaded, given, language)
        pd.testing.assert_frame_equal(timeline_rows(pieces, given, language), expected)
        shown = timeline_tables(pieces, timeline_places(pieces, given), language)
        wanted = timeline_tables(loaded, timeline_places(loaded, given), language)
        for name, (table, note) in wanted.items():
            assert shown[name][0].to_pylist() == table.to_pylist()
            assert shown[name][1] == note
        assert (
            timeline_csv(pieces, given, language).to_csv()
            == timeline_csv(loaded, given, language).to_csv()
        )
