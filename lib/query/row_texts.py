"""What a page writes about each figure (its project's title, its event, its date in words,
its source's title), worked out once a data version and language for every figure, so that a
filter change only picks its figures' rows: the words of a figure do not depend on which
other figures the filters select. Plain pandas, no Streamlit."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.index import index_of


def row_texts(
    portfolio: Portfolio,
    name: str,
    language: str,
    write: Callable[[pd.DataFrame], pd.DataFrame],
    rows: pd.DataFrame,
) -> pd.DataFrame:
    """`write(figures)`'s columns for `rows` (a selection of the portfolio's figures, as
    filters.selected_values gives them, by their index). `write` is given every figure of the
    portfolio once a version and language (under `name`), and must give one row for each,
    on the same index."""
    index = index_of(portfolio)
    every = index.once(("row_texts", name, language), lambda: write(index.values))
    return every.loc[rows.index]
