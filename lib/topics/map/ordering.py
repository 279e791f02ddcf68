"""Orders and runs of numbered rows, found with numpy: the map's selections keep a data
version's rows in orders made once, and group them by place without a walk over them."""

from __future__ import annotations

import numpy as np
import pandas as pd


def stable_order(numbers: np.ndarray) -> np.ndarray:
    """np.argsort(numbers, kind="stable"), sorted as 16-bit numbers when they fit: numpy
    then sorts by radix, ten times faster than its merge sort of a funder's 270,000 figures
    by place (a stable order is one order, whichever sort makes it)."""
    if len(numbers) and numbers.min() >= 0 and numbers.max() < 2**16:
        return np.argsort(numbers.astype(np.uint16), kind="stable")
    return np.argsort(numbers, kind="stable")


def group_ranks(groups: np.ndarray) -> np.ndarray:
    """Each item's place among the items of its group before it (0 for the first)."""
    if not (groups[1:] >= groups[:-1]).all():
        order = stable_order(groups)
    else:  # already in order (a selection's rows by place): no sort
        order = np.arange(len(groups))
    ordered = groups[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    lengths = np.diff(np.r_[starts, len(groups)])
    ranks = np.empty(len(groups), dtype=np.int64)
    ranks[order] = np.arange(len(groups)) - np.repeat(starts, lengths)
    return ranks


def first_ones(items: np.ndarray) -> np.ndarray:
    """The position of each distinct item where it first comes, in order: np.unique's
    `return_index` sorted, found by hashing instead of sorting (a funder's 270,000 figures
    took 30 ms to sort)."""
    return np.flatnonzero(~pd.Series(items).duplicated().to_numpy())


def runs(groups: np.ndarray) -> tuple[list[int], list[int]]:
    """Where each run of equal items of `groups` starts and ends (past its last)."""
    if not len(groups):
        return [], []
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    return starts.tolist(), [*starts[1:].tolist(), len(groups)]
