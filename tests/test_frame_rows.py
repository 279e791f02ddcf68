"""Rows gathered a list a column make the frame a list of row dicts would."""

from __future__ import annotations

import pandas as pd

from lib.query.frame_rows import FrameRows, rows_of_projects

ROWS = [
    {"city": "Shtip", "participants": 132, "note": "left out"},
    {"city": "Strazhitsa", "participants": 127, "note": "left out"},
]


def test_rows_make_the_same_frame_as_row_dicts():
    rows = FrameRows(["city", "participants"])
    for row in ROWS:
        rows.add(row)
    expected = pd.DataFrame(ROWS, columns=["city", "participants"])
    assert len(rows) == 2
    pd.testing.assert_frame_equal(rows.frame(), expected)
    assert rows.frame()["participants"].sum() == 259


def test_no_rows_keep_the_columns_object_typed():
    frame = FrameRows(["city", "participants"]).frame()
    pd.testing.assert_frame_equal(frame, pd.DataFrame([], columns=["city", "participants"]))
    assert list(frame.dtypes) == [object, object]


def test_rows_of_projects_keeps_the_order_asked_for_and_each_projects_own_order() -> None:
    every = pd.DataFrame({"project_id": ["a", "a", "b", "c", "c"], "n": [1, 2, 3, 4, 5]})
    assert rows_of_projects(every, ["c", "a"])["n"].tolist() == [4, 5, 1, 2]
    assert rows_of_projects(every, [])["n"].tolist() == []
    assert rows_of_projects(every, ["b", "z"]).index.tolist() == [0]
