"""Which rows of a text column hold one of many values, for filters over thousands of ids.

pandas' isin on its Arrow-backed text columns turns each value looked for into a Python
scalar first: 34 ms for 10,000 project ids over 34,000 figures, on every filter change.
Arrow's own is_in does the same in C++ in about 1 ms."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def is_in(column: pd.Series, values: Iterable[str]) -> np.ndarray:
    """A boolean array: True where `column` holds one of `values` (never for a missing
    value)."""
    array = pa.array(column, from_pandas=True)
    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        return column.isin(set(values)).to_numpy(dtype=bool)  # not text: pandas' own way
    wanted = pa.array(list(values), type=array.type)
    found = pc.fill_null(pc.is_in(array, value_set=wanted), False)
    return found.to_numpy(zero_copy_only=False)
