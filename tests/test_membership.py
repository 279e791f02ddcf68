"""is_in: the same rows as pandas' isin, for text columns of either kind, with gaps."""

from __future__ import annotations

import pandas as pd

from lib.model.membership import is_in


def test_is_in_finds_the_rows_pandas_finds() -> None:
    for dtype in ("str", object):
        column = pd.Series(["a", "b", None, "c", "a"], dtype=dtype)
        assert is_in(column, {"a", "c"}).tolist() == [True, False, False, True, True]
        assert is_in(column, []).tolist() == [False] * 5
    numbers = pd.Series([1, 2, 3])
    assert is_in(numbers, {2}).tolist() == [False, True, False]
