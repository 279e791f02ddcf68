"""Which rows of a whole-portfolio column belong to some projects, found by numbers, not text.

Arrow's is_in hashed the column's project ids again on every filter change: 17 ms for a
funder's 270,000 figures at 100,000 projects, and a page asked it of four or five columns.
Here a column's projects are numbered once a data version (their positions among the index's
sorted ids), a selection's positions are kept with it, and its rows are then a look-up of
booleans at those numbers. Plain numpy, pandas and Arrow, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.model.portfolio import Portfolio
from lib.query.index import PortfolioIndex, index_of


def keep_positions(index: PortfolioIndex, ids: tuple[str, ...], positions: np.ndarray) -> None:
    """Remember that `ids` (a selection, sorted) are at `positions` among `index.ids`, so
    `rows_of` need not look them up again."""
    index.remember(("id positions", ids), lambda: positions)


def positions_of(portfolio: Portfolio, project_ids: Sequence[str]) -> np.ndarray:
    """The positions of `project_ids` among the index's ids (those not in it left out): kept
    per list, so a page's several columns look a selection up once."""
    index = index_of(portfolio)
    return index.remember(("id positions", tuple(project_ids)), lambda: _found(index, project_ids))


def _found(index: PortfolioIndex, project_ids: Sequence[str]) -> np.ndarray:
    at = index.id_index.get_indexer(list(project_ids))
    return at[at >= 0]


def project_numbers(portfolio: Portfolio, name: str, column: pd.Series) -> np.ndarray:
    """Each row's project as its position among the index's ids, -1 where the row names no
    project of the index; once a data version under `name`, which must stand for `column`
    (one of the portfolio's own whole columns) and no other."""
    index = index_of(portfolio)

    def numbered() -> np.ndarray:
        ids = pa.array(index.ids, type=pa.string())
        found = pc.index_in(pa.array(column, from_pandas=True).cast(pa.string()), value_set=ids)
        return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)

    return index.once(("project numbers", name), numbered)


def rows_of(
    portfolio: Portfolio, name: str, column: pd.Series, project_ids: Sequence[str]
) -> np.ndarray:
    """A boolean array: True where `column` (named `name`, as `project_numbers`) holds one of
    `project_ids`, as lib/model/membership.is_in gives it for ids of the portfolio."""
    return rows_at(portfolio, name, column, positions_of(portfolio, project_ids))


def rows_at(
    portfolio: Portfolio, name: str, column: pd.Series, positions: np.ndarray
) -> np.ndarray:
    """`rows_of` for projects given by their positions among the index's ids."""
    numbers = project_numbers(portfolio, name, column)
    # one more slot, never set, for the rows numbered -1: they belong to no project asked for
    chosen = np.zeros(len(index_of(portfolio).ids) + 1, dtype=bool)
    chosen[positions] = True
    return chosen[numbers]
