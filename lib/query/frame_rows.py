"""A frame gathered row by row into a list a column, so no dict a row is kept while it grows:
a portfolio's tens of thousands of row dicts took 15 to 20 MB more while a page's table was
built, memory the server then kept. And a frame's rows taken: those of some projects, those
at some positions (from columns in pieces, as a large snapshot's are), or as tuples."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.membership import is_in


class FrameRows:
    def __init__(self, columns: list[str]) -> None:
        self._columns: dict[str, list] = {name: [] for name in columns}

    def add(self, row: dict) -> None:
        """One row: a value for every column (other keys are left out)."""
        for name, column in self._columns.items():
            column.append(row[name])

    def frame(self) -> pd.DataFrame:
        """The rows as a frame; with none, its columns keep the object type, as
        pd.DataFrame([], columns=...) gives (empty lists would make them float)."""
        names = list(self._columns)
        return pd.DataFrame(self._columns if self else None, columns=names)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), []))


def rows_of_projects(
    every: pd.DataFrame, project_ids: Sequence[str], column: str = "project_id"
) -> pd.DataFrame:
    """The rows of `every` (written once a data version for every project, in the order of
    their ids, each project's rows together) whose `column` is one of `project_ids`, the
    projects in that order and each project's rows in theirs: what a filter change selects
    instead of writing its projects' rows again."""
    mine = every[is_in(every[column], project_ids)]
    if list(project_ids) != sorted(project_ids):  # the filters give them sorted, as `every` is
        order = pd.Index(project_ids).get_indexer(mine[column])
        mine = mine.iloc[np.argsort(order, kind="stable")]
    return mine.reset_index(drop=True)


def rows_at(frame: pd.DataFrame, positions: list[int] | np.ndarray) -> pd.DataFrame:
    """`frame.take(positions)`: the same rows, labels and types, each stretch of rows its Arrow
    columns hold in one piece taken on its own. pyarrow takes from a column of several pieces
    (a snapshot's tables come in pieces of 122,880 rows) by first joining them into a new
    column: at 100,000 projects a copy of every 195,000-event column for a few rows taken,
    a third of a second of a Timeline filter change."""
    positions = np.asarray(positions, dtype=np.int64)
    bounds = _piece_bounds(frame)
    if len(bounds) <= 2 or not len(positions):
        return frame.take(positions)
    order = np.argsort(positions, kind="stable")
    ordered = positions[order]
    starts = np.searchsorted(ordered, bounds)  # where each piece's positions begin in `ordered`
    pieces = [
        frame.iloc[low:high].take(ordered[first:last] - low)
        for low, high, first, last in zip(bounds, bounds[1:], starts, starts[1:], strict=False)
        if last > first
    ]
    return pd.concat(pieces).take(np.argsort(order, kind="stable"))  # back in the order asked


def _piece_bounds(frame: pd.DataFrame) -> list[int]:
    """Where the pieces of the frame's Arrow columns begin, and its length at the end."""
    bounds = {0, len(frame)}
    for _, column in frame.items():
        if isinstance(column.array, pd.arrays.ArrowExtensionArray):
            held = pa.array(column.array)  # the column's own Arrow data, not a copy
            if isinstance(held, pa.ChunkedArray):
                bounds.update(np.cumsum([len(piece) for piece in held.chunks]).tolist())
    return sorted(bounds)


def frame_tuples(frame: pd.DataFrame) -> Iterator[tuple]:
    """The rows of `frame` as itertuples(index=False) gives them, a named tuple a row, read
    from each column as one list: walking a text column element by element is many times
    slower (each of its Arrow values is converted on its own)."""
    row = namedtuple("Row", frame.columns, rename=True)  # noqa: PYI024
    return map(row._make, zip(*(frame[column].tolist() for column in frame.columns), strict=True))
