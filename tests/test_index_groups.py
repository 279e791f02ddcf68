"""The index's groups (lib/query/index_sets.groups): figures share a number exactly when their
project, event, indicator and period are the same, numbered in the order first met, -1 where
one is missing; with few distinct values (digits of one number) and with many (renumbered)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from lib.query.index_sets import Periods, groups

FIELDS = ("project", "event", "indicator", "start", "end")


def _by_text(rows: pd.DataFrame) -> list[int]:
    """The same numbering worked out the plain way: each row's five texts joined."""
    numbers: dict[str, int] = {}
    found = []
    for row in rows.itertuples(index=False):
        texts = [getattr(row, name) for name in FIELDS]
        if any(pd.isna(text) for text in texts):
            found.append(-1)
            continue
        found.append(numbers.setdefault("|".join(texts), len(numbers)))
    return found


def _groups(rows: pd.DataFrame) -> list[int]:
    dates = Periods(
        start_text=rows["start"].to_numpy(dtype=object),
        end_text=rows["end"].to_numpy(dtype=object),
        start_year=np.full(len(rows), np.nan),
        end_year=np.full(len(rows), np.nan),
    )
    return groups(rows[["project", "event", "indicator"]], dates).tolist()


@pytest.mark.parametrize("distinct", [3, 7_000])  # 7,000 of each: past 62 bits together
def test_figures_are_grouped_as_their_texts_joined_would_group_them(distinct):
    chooser = random.Random(distinct)
    rows = pd.DataFrame(
        {name: [f"{name}-{chooser.randrange(distinct)}" for _ in range(9_000)] for name in FIELDS}
    )
    rows.loc[5, "event"] = None  # a missing one: no group
    rows.loc[7] = rows.loc[2]  # a repeat: the same group as the row it repeats
    rows.loc[8] = rows.loc[2]
    rows.loc[8, "end"] = "end-other"  # one field apart: another group
    numbers = _groups(rows)
    assert numbers == _by_text(rows)
    assert numbers[5] == -1 and numbers[7] == numbers[2] != numbers[8]
    assert numbers[:2] == [0, 1]  # numbered in the order first met
