"""The figures tied to each place of the map, found among the view's figures with numpy over
what ties each figure of a data version to a place (figure_ties.py, worked out once), and a
figure written out as a line of a city's tooltip and table row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from lib.topics.map.figure_ties import FigureTies
from lib.topics.map.ordering import first_ones, group_ranks, runs, stable_order


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
        of_sizer = self._sized & every.of_sizer[rows]
        self.sized_places = np.zeros(len(names), dtype=bool)
        self.sized_places[place[of_sizer]] = True
        reported = rows[of_sizer & every.reported[rows]]
        self.sizes = _sizes(every, reported, adds_up)

    def report_ids(self) -> dict[int, tuple]:
        """The reports each place's figures cite (by the place's number), each once: made
        only when asked for (the board pack): the map page shows none, and a funder's
        selection made 150,000 texts of them on each filter change at 100,000 projects."""
        return _sources_of(self._every, self._rows)

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
    once it has seen one, and a board pack's map keeps 1,800 of them."""
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
