"""The index's look-ups (a city's, a funder's, a programme's, a year's projects), made from the
projects' parts with numpy and pandas: at 100,000 projects, sets built an element at a time
for some 2 million pairs took seconds of every start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.model.dates import FuzzyDate
from lib.model.projects import ProjectParts


def objects(items: Iterable[Any]) -> np.ndarray:
    """An object array of `items`: iterating over an Arrow-backed text column an element at a
    time took a quarter of a 10,000-project index's time."""
    if isinstance(items, pd.Series):
        return items.to_numpy(dtype=object)
    return np.fromiter(items, dtype=object) if not isinstance(items, np.ndarray) else items


@dataclass(frozen=True)
class Pairs:
    """Which projects have each value of a facet (a city, a funder, a year), in numbers: the
    projects' positions among the index's sorted ids, grouped by value. A funder's 80,000
    projects held as a set of ids, and every city's and year's, took half a second of each
    start at 100,000 projects and ten times the memory."""

    values: pd.Index  # each value once
    starts: np.ndarray  # where each value's positions begin; one more entry, the end
    positions: np.ndarray  # each value's projects, ascending, none twice

    def of(self, wanted: Iterable[Any]) -> np.ndarray:
        """The positions of the projects with any of `wanted` (a value no project has, none),
        ascending."""
        codes = self.values.get_indexer(list(wanted))
        chunks = [self.positions[self.starts[c] : self.starts[c + 1]] for c in codes[codes >= 0]]
        if len(chunks) == 1:
            return chunks[0]
        return distinct(np.concatenate(chunks)) if chunks else self.positions[:0]

    def counts(self) -> dict[Any, int]:
        """How many projects have each value."""
        return dict(zip(self.values.tolist(), np.diff(self.starts).tolist(), strict=True))


def pairs_of(values: Iterable[Any], projects: Iterable[Any], ids: pa.Array) -> Pairs:
    """The Pairs of (project, value) rows; `ids` are the index's sorted project ids."""
    return pairs_at(values, positions(projects, ids), len(ids))


def positions(projects: Iterable[Any], ids: pa.Array) -> np.ndarray:
    """Each row's project's position among the sorted `ids`, -1 for a project not among them.
    Found once a table (by Arrow's hash look-up: pandas' took five times as long for 300,000
    rows) and shared by the look-ups made of it: each facet looking its projects up again
    took half a second of every start at 100,000 projects."""
    found = pc.index_in(pa.array(projects, type=pa.string(), from_pandas=True), value_set=ids)
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def pairs_at(values: Iterable[Any], at: np.ndarray, size: int) -> Pairs:
    """The Pairs of rows of `values` whose projects are at positions `at` (`positions`) among
    `size` sorted ids; a row at -1 is of no known project."""
    codes, uniques = pd.factorize(values if isinstance(values, pd.Series) else objects(values))
    known = at >= 0
    # one number a pair, ordered by value, then project; a pair met twice is one
    size = max(size, 1)
    pairs = distinct(codes[known].astype(np.int64) * size + at[known])
    value_codes, found = np.divmod(pairs, size)
    starts = np.searchsorted(value_codes, np.arange(len(uniques) + 1))
    return Pairs(pd.Index(uniques, dtype=object), starts, found.astype(np.int32))


def distinct(numbers: np.ndarray) -> np.ndarray:
    """The distinct numbers, ascending: numpy's unique took a tenth of a second for 300,000."""
    ordered = np.sort(numbers)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def programme_pairs(
    funding: pd.DataFrame, chains: dict[str, list[str]], at: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(projects' positions, programmes): each funding line's programme and every programme
    above it, a line's chain after the line before's; `at` is each line's project's position
    (`positions`). A portfolio's lines share a few dozen chains: each is laid out once and
    the lines take theirs by position."""
    with_programme = funding["programme"].notna().to_numpy(dtype=bool)
    codes, programmes = pd.factorize(objects(funding["programme"][with_programme]))
    laid = [chains[programme] for programme in programmes]
    lengths = np.array([len(chain) for chain in laid], dtype=np.int64)[codes]
    flat = np.array([step for chain in laid for step in chain], dtype=object)
    firsts = np.r_[0, np.cumsum([len(chain) for chain in laid])][codes]
    # each pair's step along its line's chain: 0, 1, ... from where the line's pairs begin
    begins = np.repeat(np.cumsum(lengths) - lengths, lengths)
    steps = np.arange(int(lengths.sum())) - begins
    return np.repeat(at[with_programme], lengths), flat[np.repeat(firsts, lengths) + steps]


@dataclass(frozen=True)
class Periods:
    """Each figure's period start and end as text (str(None), "None", when not given, as the
    validator's part-whole check writes it) and as a year (NaN when it states none)."""

    start_text: np.ndarray
    end_text: np.ndarray
    start_year: np.ndarray
    end_year: np.ndarray


def periods(values: pd.DataFrame) -> Periods:
    start_text, start_year = _dates(values["period_start"])
    end_text, end_year = _dates(values["period_end"])
    return Periods(start_text, end_text, start_year, end_year)


def _dates(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's date as text and as a year, worked out once a distinct date object (a
    snapshot's dates are parsed once a text: a column of 300,000 holds a few hundred)."""
    dates = objects(column)
    codes, _ = pd.factorize(np.fromiter(map(id, dates), dtype=np.int64, count=len(dates)))
    distinct = dates[np.unique(codes, return_index=True)[1]]
    texts = np.array([str(date) for date in distinct], dtype=object)
    years = np.array([_year(date) for date in distinct], dtype=float)
    return texts[codes], years[codes]


def _year(date: object) -> float:
    return float(date.year) if isinstance(date, FuzzyDate) and date.year is not None else np.nan


def venues(values: pd.DataFrame, events: pd.DataFrame, at: dict[str, np.ndarray]) -> np.ndarray:
    """The place of each figure's event ("" for a figure of no event, or an event held at no
    place), found by the positions of the figures' and events' projects (`at`, from
    `positions`) and their event ids numbered together: a join on the two texts took a
    seventh of a second at 100,000 projects. An event id given twice in a project: its last."""
    codes = pd.factorize(pd.concat([events["id"], values["event"]], ignore_index=True))[0]
    width = int(codes.max()) + 2 if len(codes) else 1
    keys = at["events"] * width + codes[: len(events)] + 1
    wanted = at["values"] * width + codes[len(events) :] + 1
    # each key's last event: the first of the keys reversed
    last = len(keys) - 1 - np.unique(keys[::-1], return_index=True)[1]
    known = keys[last]  # ascending
    place = events["place"].fillna("").to_numpy(dtype=object)[last]
    found = np.minimum(np.searchsorted(known, wanted), max(len(known) - 1, 0))
    hit = np.zeros(len(values), dtype=bool)  # no events: no venues
    if len(known):
        hit = (at["values"] >= 0) & (known[found] == wanted)
    venue = np.full(len(values), "", dtype=object)
    venue[hit] = place[found[hit]]
    venue[(values["event"] == "").to_numpy()] = ""
    return venue


def groups(values: pd.DataFrame, dates: Periods) -> np.ndarray:
    """A number for each figure's project|event|indicator|start|end, what ties a whole to its
    parts: the same number, the same group, numbered in the order first met; -1 where one of
    them is missing (as text, 300,000 of them took 40 MB; joined as texts and numbered, a
    quarter of a second of each start at 100,000 projects: each column is numbered instead,
    and the numbers of the five taken together, as the digits of one number while that fits
    in 62 bits, else renumbered after each column (each renumbering took 13 ms))."""
    columns = [values[name] for name in ("project", "event", "indicator")]
    columns += [dates.start_text, dates.end_text]
    together = np.zeros(len(values), dtype=np.int64)
    missing = np.zeros(len(values), dtype=bool)
    span = 1  # how many numbers `together` may take
    for column in columns:
        codes, distinct_values = pd.factorize(column)
        missing |= codes < 0
        if span * (len(distinct_values) + 1) >= 2**62:
            together, span = pd.factorize(together)[0], len(values)
        together = together * (len(distinct_values) + 1) + (codes + 1)
        span *= len(distinct_values) + 1
    numbers = np.full(len(values), -1, dtype=np.intp)
    numbers[~missing] = pd.factorize(together[~missing])[0]
    return numbers


def year_pairs(
    parts: ProjectParts, values: pd.DataFrame, dates: Periods, at: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """(projects' positions, years): each year a project's dates, its events' dates and its
    figures' periods state; `at` holds the positions (`positions`) of the events' and the
    figures' projects, the projects' own being their rows (the parts are sorted by id)."""
    own = np.arange(len(parts.projects), dtype=np.int64)
    dated = [(own, parts.projects[name]) for name in ("start", "end")] + [
        (at["events"], parts.events[name]) for name in ("start", "end")
    ]
    # each distinct text's year once: a missing date is code -1, the last year, NaN
    codes, texts = pd.factorize(pd.concat([text for _, text in dated], ignore_index=True))
    year_of = np.array([*(_year(FuzzyDate.parse(text)) for text in texts), np.nan], dtype=float)
    ends = np.cumsum([len(text) for _, text in dated])
    each = np.split(year_of[codes], ends[:-1])
    stated = [(projects, years) for (projects, _), years in zip(dated, each, strict=True)]
    stated += [(at["values"], dates.start_year), (at["values"], dates.end_year)]
    owners = [projects[~np.isnan(year)] for projects, year in stated]
    years = [year[~np.isnan(year)].astype(np.int64) for _, year in stated]
    return np.concatenate(owners), np.concatenate(years)
