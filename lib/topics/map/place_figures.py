"""The figures tied to each place of the map, found among the view's figures with numpy over
what ties each figure of a data version to a place (worked out once), and a figure written
out as a line of a city's tooltip and table row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.filters import FigureRows
from lib.query.index import index_of
from lib.query.project_rows import project_numbers


class PlaceFigure(NamedTuple):
    """One figure tied to a place: `sized` (counts towards its dot) and `from_here`."""

    indicator: str
    project: str
    event: str
    value: object
    precision: str
    fewer_than: object
    source: str
    quote: str
    line: int  # of indicator_values.csv: the figure's own
    sized: bool
    from_here: bool


@dataclass(frozen=True)
class FigureTies:
    """Of every figure of a data version (the index's `values`, in its order), what ties it
    to a place, worked out once: a selection then picks its rows by position and counts
    them with numpy, where frame operations over its text columns took a 10,000-project
    filter change 45 ms. Numbers stand for places, wholes and cited sentences."""

    labels: pd.Index  # the figures' row labels, which a selection's frame keeps
    tie: np.ndarray  # the number of the place a figure is tied to, or -1
    places: np.ndarray  # the place of each number
    whole: np.ndarray  # the number of its (project, event, indicator), or -1
    wholes: int  # how many numbers `whole` has
    part: np.ndarray  # it is a part of a whole (its breakdown is given)
    from_here: np.ndarray  # a part from a city, tied to it (else a whole, to its venue)
    cited: np.ndarray  # the number of its (place, source, quote)
    source: np.ndarray  # the number of its source
    sources: np.ndarray  # the source of each number
    # the number of its (place, source), numbered in that order (-1 where it has no place),
    # and the place and source of each number: a selection marks its pairs in an array of
    # them, read in order, where hashing a funder's 270,000 and sorting them took 20 ms
    pair: np.ndarray
    pair_place: np.ndarray
    pair_source: np.ndarray
    of_sizer: np.ndarray  # of the indicator that sizes the dots
    reported: np.ndarray  # with a number
    number: np.ndarray  # its number (0 where none is reported)
    approximate: np.ndarray
    # tied to no place at all: no place of its own and no venue (a project-wide figure)
    unplaced: np.ndarray

    def positions(self, values: pd.DataFrame | FigureRows) -> np.ndarray:
        """The positions among the version's figures of the view's (`values`: its selected
        figures, or their frame's rows)."""
        if isinstance(values, FigureRows):
            return values.at
        at = self.labels.get_indexer(values.index)
        if (at < 0).any():
            raise ValueError("the map's figures must be rows of the data version's figures")
        return at


def figure_ties(portfolio: Portfolio, sizer: str | None, places: np.ndarray) -> FigureTies:
    """The data version's FigureTies, worked out once (for the indicator `sizer`), its
    places numbered as `places` (by_place.every_place's, the places the projects name)."""
    index = index_of(portfolio)
    return index.once(
        ("map.figure_ties", sizer),
        lambda: _figure_ties(
            index.values,
            sizer,
            # each figure's project as the filters number it (once a version, at the start)
            (project_numbers(portfolio, "values", index.values["project"]), len(index.ids)),
            places,
        ),
    )


def _figure_ties(
    values: pd.DataFrame, sizer: str | None, projects: tuple[np.ndarray, int], places: np.ndarray
) -> FigureTies:
    breakdown = values["breakdown"]
    part = (breakdown != "").to_numpy(dtype=bool, na_value=False)
    from_here = (breakdown == "origin_city").to_numpy(dtype=bool, na_value=False)
    at_venue = ~part & (values["venue"] != "").to_numpy(dtype=bool, na_value=False)
    tied = from_here | at_venue
    tie = np.full(len(values), -1, dtype=np.int64)
    # a place no project names has no row on the map: its figures are tied to none of them
    tie[tied] = pd.Index(places).get_indexer(
        values["place"].where(from_here, values["venue"])[tied]
    )
    # a whole is a (project, event, indicator), a citation a (place, source, quote): each a
    # number made of its parts' numbers; a missing text matches no other (-1)
    combined = _combined(projects, *(_codes(values[name]) for name in ("event", "indicator")))
    # numbered 0, 1, 2...: a selection marks its broken-down wholes in an array of them
    whole = np.full(len(values), -1, dtype=np.int64)
    known = combined >= 0
    whole[known], wholes = pd.factorize(combined[known])
    source, sources = pd.factorize(values["source"], use_na_sentinel=False)
    quote, quotes = pd.factorize(values["quote"], use_na_sentinel=False)
    cited = ((tie + 1) * len(sources) + source) * len(quotes) + quote
    placed = tie >= 0
    # hashed, and only the distinct pairs sorted (np.unique sorts every figure's)
    codes, pairs = pd.factorize(tie[placed] * len(sources) + source[placed])
    order = np.argsort(pairs)
    rank = np.empty(len(pairs), dtype=np.int64)
    rank[order] = np.arange(len(pairs))
    pair = np.full(len(values), -1, dtype=np.int32)
    pair[placed] = rank[codes]
    pair_place, pair_source = np.divmod(pairs[order], len(sources))
    number = values["value"]
    return FigureTies(
        labels=values.index,
        # numbers of a version's places, wholes and reports: 32 bits, half the bytes kept
        tie=tie.astype(np.int32),
        places=places,
        whole=whole.astype(np.int32),
        wholes=len(wholes),
        part=part,
        from_here=from_here,
        cited=cited,
        source=source.astype(np.int32),
        sources=np.asarray(sources, dtype=object),
        pair=pair,
        pair_place=pair_place.astype(np.int32),
        pair_source=pair_source.astype(np.int32),
        of_sizer=(values["indicator"] == sizer).to_numpy(dtype=bool, na_value=False),
        reported=number.notna().to_numpy(dtype=bool),
        number=number.fillna(0).to_numpy(dtype=np.int64),
        approximate=(values["precision"] == "approximate").to_numpy(dtype=bool, na_value=False),
        unplaced=((values["place"] == "") & (values["venue"] == "")).to_numpy(
            dtype=bool, na_value=False
        ),
    )


def _codes(column: pd.Series) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(column)
    return codes, len(uniques)


def _combined(*columns: tuple[np.ndarray, int]) -> np.ndarray:
    """One number for each row's values of `columns` together (each column as its values'
    numbers, -1 for none, and how many there are), -1 where one is missing."""
    combined = np.zeros(len(columns[0][0]), dtype=np.int64)
    missing = np.zeros(len(columns[0][0]), dtype=bool)
    for codes, count in columns:
        combined = combined * (count + 1) + codes
        missing |= codes < 0
    return np.where(missing, -1, combined)


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


class FiguresByPlace:
    """Figures tied to each place: the parts that came from a place and the wholes of events
    held there (a whole that is broken down by origin is tied to the origins, not to its
    venue), found among the view's figures (`at`: their positions among the data version's
    figures, `figures`, as filters.selected_figures gives them). Counts, the reports cited
    and the dots' sizes are arrays by the place's number (`places`'); a place's figures are
    written out as records only for the places and as many as `records` is asked for."""

    def __init__(
        self,
        every: FigureTies,
        at: np.ndarray,
        figures: pd.DataFrame,
        adds_up: bool,
        cited_kept: int,
    ) -> None:
        whole = every.whole[at] + 1  # 0 for none
        broken = np.zeros(every.wholes + 1, dtype=bool)
        broken[whole[every.part[at]]] = True  # a whole with a part among the view's
        broken[0] = False
        kept = every.tie[at] >= 0
        rows = at[kept]  # the view's figures tied to a place, in its order
        place = every.tie[rows]
        names = self.places = every.places
        self._every, self._figures, self._rows, self._place = every, figures, rows, place
        self._sized = (every.from_here[at] | ~broken[whole])[kept]
        self.counts = np.bincount(place, minlength=len(names))
        firsts = first_ones(every.cited[rows])  # each (place, source, quote) at its first figure
        cited_place = place[firsts]
        self.cited_counts = np.bincount(cited_place, minlength=len(names))
        kept_cited = np.flatnonzero(group_ranks(cited_place) < cited_kept)
        # a place's first cited, together and in the view's order: (source, quote) a place
        first_cited = rows[firsts[kept_cited[stable_order(cited_place[kept_cited])]]]
        self.cited = _slices(
            every.tie[first_cited],
            list(
                zip(
                    _objects(figures, "source", first_cited),
                    _objects(figures, "quote", first_cited),
                    strict=True,
                )
            ),
        )
        self.source_ids = _sources_of(every, rows)
        of_sizer = self._sized & every.of_sizer[rows]
        self.sized_places = np.zeros(len(names), dtype=bool)
        self.sized_places[place[of_sizer]] = True
        reported = rows[of_sizer & every.reported[rows]]
        self.sizes = _sizes(every, reported, adds_up)

    def records(self, lines: np.ndarray) -> ShownFigures:
        """Each place's first figures (by its number), at most `lines[place]` of each, in the
        view's order: what its rows write out."""
        place = self._place
        shown = np.flatnonzero(group_ranks(place) < lines[place])
        # each place's together (in the view's order), found in one pass and sliced a place
        shown = shown[stable_order(place[shown])]
        starts, ends = runs(place[shown])
        return ShownFigures(
            self._figures,
            self._rows[shown],
            self._sized[shown],
            self._every.from_here,
            {
                code: range(start, end)
                for code, start, end in zip(
                    place[shown][starts].tolist(), starts, ends, strict=True
                )
            },
        )


class ShownFigures:
    """The figures a selection's rows write out, place by place (`of`, by the place's number:
    the positions of its figures here), known by their lines of indicator_values.csv; a
    figure's record is made only when its words are not kept already (lib/topics/map/
    written.py): a funder's 13,000 records made on every filter change took a tenth of it."""

    def __init__(
        self,
        figures: pd.DataFrame,
        at: np.ndarray,
        sized: np.ndarray,
        from_here: np.ndarray,
        of: dict[int, range],
    ) -> None:
        self._figures, self._at, self._sized, self._from_here = figures, at, sized, from_here
        self.of = of
        self.lines: list[int] = figures["line"].to_numpy()[at].tolist()
        self._made: dict[int, PlaceFigure] = {}

    def make(self, shown: list[int]) -> list[PlaceFigure]:
        """Make the records of these figures (positions here) at once."""
        at = self._at[shown]
        fields = [_objects(self._figures, name, at) for name in _FIGURE_COLUMNS]
        fields += [self._sized[shown].tolist(), self._from_here[at].tolist()]
        made = list(map(PlaceFigure._make, zip(*fields, strict=True)))
        self._made.update(zip(shown, made, strict=True))
        return made

    def record(self, shown: int) -> PlaceFigure:
        if shown not in self._made:
            self.make([shown])
        return self._made[shown]


def _slices(place: np.ndarray, items: list) -> dict[int, list]:
    """The items of each place (given with their places in order, a place's together), a
    list a place's number."""
    starts, ends = runs(place)
    return {
        code: items[start:end]
        for code, start, end in zip(place[starts].tolist(), starts, ends, strict=True)
    }


def _sources_of(every: FigureTies, rows: np.ndarray) -> dict[int, tuple]:
    """The reports each place's figures cite (by the place's number), each once: a tuple a
    place sliced from its (place, report) pairs in order, not a set grown a report at a time
    (a funder's 80,000 pairs). Tuples, not sets: the collector stops walking a tuple of texts
    once it has seen one, and a map keeps 1,800 of them after each filter change."""
    marked = np.zeros(len(every.pair_place), dtype=bool)
    marked[every.pair[rows]] = True
    chosen = np.flatnonzero(marked)
    codes = every.pair_place[chosen]
    sources = every.sources[every.pair_source[chosen]].tolist()
    starts, ends = runs(codes)
    return {
        code: tuple(sources[start:end])
        for code, start, end in zip(codes[starts].tolist(), starts, ends, strict=True)
    }


def _objects(figures: pd.DataFrame, column: str, rows: np.ndarray) -> list:
    """The column's values at these positions of the version's figures, as Python objects:
    taken for the few rows written (the version's every figure's nine columns numbered and
    kept as objects took a fifth of a 100,000-project first visit, and tens of MB)."""
    return figures[column].array.take(rows).to_numpy(dtype=object).tolist()


@dataclass(frozen=True)
class PlaceSizes:
    """What each place's figures of the indicator that sizes the dots add up to, by the
    place's number: how many have a number, their sum (or the largest, when the indicator's
    figures may overlap), and whether any of them is approximate."""

    counted: np.ndarray
    total: np.ndarray
    approximate: np.ndarray


def _sizes(every: FigureTies, reported: np.ndarray, adds_up: bool) -> PlaceSizes:
    place = every.tie[reported]
    numbers = every.number[reported]
    counted = np.bincount(place, minlength=len(every.places))
    total = np.zeros(len(every.places), dtype=np.int64)
    if adds_up:
        np.add.at(total, place, numbers)
    else:
        total[:] = np.iinfo(np.int64).min
        np.maximum.at(total, place, numbers)
    approximate = np.bincount(place, every.approximate[reported], len(every.places)) > 0
    return PlaceSizes(counted, total, approximate)


_FIGURE_COLUMNS = (
    "indicator", "project", "event", "value", "precision", "fewer_than", "source", "quote", "line",
)  # fmt: skip
