"""The index's look-ups (a city's, a funder's, a programme's, a year's projects), made from the
projects' parts with numpy and pandas: at 100,000 projects, sets built an element at a time
for some 2 million pairs took seconds of every start."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from lib.model.dates import FuzzyDate
from lib.model.projects import ProjectParts


def objects(items: Iterable[Any]) -> np.ndarray:
    """An object array of `items`: iterating over an Arrow-backed text column an element at a
    time took a quarter of a 10,000-project index's time."""
    if isinstance(items, pd.Series):
        return items.to_numpy(dtype=object)
    return np.fromiter(items, dtype=object) if not isinstance(items, np.ndarray) else items


def grouped(keys: Iterable[Any], values: Iterable[Any]) -> dict[Any, frozenset]:
    """key -> the set of the values beside it, for each key that has one."""
    keys, values = objects(keys), objects(values)
    if not len(keys):
        return {}
    codes, uniques = pd.factorize(keys)
    order = np.argsort(codes, kind="stable")
    codes, values = codes[order], values[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)]
    return {
        uniques[codes[start]]: frozenset(values[start:end].tolist())
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True)
    }


def programme_pairs(
    funding: pd.DataFrame, chains: dict[str, list[str]]
) -> tuple[list[str], list[str]]:
    """(projects, programmes): each funding line's programme and every programme above it."""
    lines = funding[funding["programme"].notna()]
    owners, programmes = [], []
    for pid, programme in zip(objects(lines["project"]), objects(lines["programme"]), strict=True):
        chain = chains[programme]
        owners += [pid] * len(chain)
        programmes += chain
    return owners, programmes


def year_pairs(parts: ProjectParts, values: pd.DataFrame) -> tuple[list[str], list[int]]:
    """(projects, years): each year a project's dates, its events' dates and its figures'
    periods state."""
    dated = [(parts.projects["id"], parts.projects[name]) for name in ("start", "end")] + [
        (parts.events["project"], parts.events[name]) for name in ("start", "end")
    ]
    texts = pd.concat([text for _, text in dated]).dropna().unique()
    year_of = {text: FuzzyDate.parse(text).year for text in texts}
    owners: list[str] = []
    years: list[int] = []
    for projects, text in dated:
        for pid, written in zip(objects(projects), objects(text), strict=True):
            year = year_of.get(written)
            if year is not None:
                owners.append(pid)
                years.append(year)
    for name in ("period_start", "period_end"):
        for pid, date in zip(objects(values["project"]), objects(values[name]), strict=True):
            if isinstance(date, FuzzyDate) and date.year is not None:
                owners.append(pid)
                years.append(date.year)
    return owners, years
