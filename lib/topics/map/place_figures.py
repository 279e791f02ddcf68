"""The figures tied to each place of the map, found among the view's figures with numpy over
what ties each figure of a data version to a place (worked out once), and a figure written
out as a line of a city's tooltip and table row."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.index import index_of
from lib.query.names import report_titles
from lib.query.project_rows import project_numbers
from lib.text.i18n import tr


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


class PlaceSize(NamedTuple):
    """What a place's figures of the indicator that sizes the dots add up to."""

    counted: int  # figures with a number
    total: int  # their sum, or the largest when the indicator's figures may overlap
    approximate: bool  # any of them is approximate


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
    of_sizer: np.ndarray  # of the indicator that sizes the dots
    reported: np.ndarray  # with a number
    number: np.ndarray  # its number (0 where none is reported)
    approximate: np.ndarray


def figure_ties(portfolio: Portfolio, sizer: str | None) -> FigureTies:
    """The data version's FigureTies, worked out once (for the indicator `sizer`)."""
    index = index_of(portfolio)
    return index.once(
        ("map.figure_ties", sizer),
        lambda: _figure_ties(
            index.values,
            sizer,
            # each figure's project as the filters number it (once a version, at the start)
            (project_numbers(portfolio, "values", index.values["project"]), len(index.ids)),
        ),
    )


def _figure_ties(
    values: pd.DataFrame, sizer: str | None, projects: tuple[np.ndarray, int]
) -> FigureTies:
    breakdown = values["breakdown"]
    part = (breakdown != "").to_numpy(dtype=bool, na_value=False)
    from_here = (breakdown == "origin_city").to_numpy(dtype=bool, na_value=False)
    at_venue = ~part & (values["venue"] != "").to_numpy(dtype=bool, na_value=False)
    tied = from_here | at_venue
    tie = np.full(len(values), -1, dtype=np.int64)
    codes, places = pd.factorize(values["place"].where(from_here, values["venue"])[tied])
    tie[tied] = codes
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
    number = values["value"]
    return FigureTies(
        labels=values.index,
        # numbers of a version's places, wholes and reports: 32 bits, half the bytes kept
        tie=tie.astype(np.int32),
        places=np.asarray(places, dtype=object),
        whole=whole.astype(np.int32),
        wholes=len(wholes),
        part=part,
        from_here=from_here,
        cited=cited,
        source=source.astype(np.int32),
        sources=np.asarray(sources, dtype=object),
        of_sizer=(values["indicator"] == sizer).to_numpy(dtype=bool, na_value=False),
        reported=number.notna().to_numpy(dtype=bool),
        number=number.fillna(0).to_numpy(dtype=np.int64),
        approximate=(values["precision"] == "approximate").to_numpy(dtype=bool, na_value=False),
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
    venue), found among the view's figures (`values`: rows of the index's, as
    filters.selected_values gives them). Of each place only the first `lines` figures are
    kept as records (every one when `lines` is None, for the CSV); the count, the reports
    cited and the dot's size are worked out for all of them."""

    def __init__(
        self,
        every: FigureTies,
        values: pd.DataFrame,
        adds_up: bool,
        lines: int | None,
        cited_kept: int,
    ) -> None:
        at = every.labels.get_indexer(values.index)
        if (at < 0).any():
            raise ValueError("the map's figures must be rows of the data version's figures")
        whole = every.whole[at] + 1  # 0 for none
        broken = np.zeros(every.wholes + 1, dtype=bool)
        broken[whole[every.part[at]]] = True  # a whole with a part among the view's
        broken[0] = False
        broken_down = broken[whole]
        kept = every.tie[at] >= 0
        rows = at[kept]  # the view's figures tied to a place, in its order
        # the same figures as rows of the view's frame, whose columns the records are read from
        mine = np.flatnonzero(kept)
        place = every.tie[rows]
        sized = (every.from_here[at] | ~broken_down)[kept]
        names = every.places
        self.counts = _per_place(names, np.bincount(place, minlength=len(names)))
        shown = (
            np.arange(len(rows)) if lines is None else np.flatnonzero(group_ranks(place) < lines)
        )
        # each place's together (in the view's order), made in one pass and sliced a place
        shown = shown[stable_order(place[shown])]
        fields = [_objects(values, name, mine[shown]) for name in _FIGURE_COLUMNS]
        fields += [sized[shown].tolist(), every.from_here[rows[shown]].tolist()]
        records = list(map(PlaceFigure._make, zip(*fields, strict=True)))
        starts, ends = runs(place[shown])
        named = names[place[shown[starts]]].tolist()
        self.rows: dict[str, list[PlaceFigure]] = {
            name: records[start:end] for name, start, end in zip(named, starts, ends, strict=True)
        }
        firsts = first_ones(every.cited[rows])  # each (place, source, quote) at its first figure
        cited_place = place[firsts]
        self.cited_counts = _per_place(names, np.bincount(cited_place, minlength=len(names)))
        self.cited: dict[str, list[tuple[str, str]]] = defaultdict(list)
        first_cited = firsts[group_ranks(cited_place) < cited_kept]
        for name, source, quote in zip(
            names[place[first_cited]].tolist(),
            _objects(values, "source", mine[first_cited]),
            _objects(values, "quote", mine[first_cited]),
            strict=True,
        ):
            self.cited[name].append((source, quote))
        self.source_ids = _sources_of(every, place, rows)
        of_sizer = sized & every.of_sizer[rows]
        self.sized_places = set(names[np.unique(place[of_sizer])].tolist())
        reported = rows[of_sizer & every.reported[rows]]
        self.sizes = _sizes(every, reported, adds_up)

    def of(self, place: str) -> list[PlaceFigure]:
        """The place's first figures (all of them without a `lines` bound)."""
        return self.rows.get(place, [])


def _sources_of(every: FigureTies, place: np.ndarray, rows: np.ndarray) -> dict[str, frozenset]:
    """The reports each place's figures cite: a set made a place from its run of sorted
    (place, report) pairs, not a report added at a time (a funder's 80,000 pairs)."""
    pairs = np.sort(pd.unique(place.astype(np.int64) * len(every.sources) + every.source[rows]))
    codes, source_codes = np.divmod(pairs, len(every.sources))
    sources = every.sources[source_codes].tolist()
    starts, ends = runs(codes)
    return {
        name: frozenset(sources[start:end])
        for name, start, end in zip(every.places[codes[starts]].tolist(), starts, ends, strict=True)
    }


def _objects(values: pd.DataFrame, column: str, rows: np.ndarray) -> list:
    """The column's values at these positions, as Python objects: taken from the view's
    frame for the few rows written (the version's every figure's nine columns numbered and
    kept as objects took a fifth of a 100,000-project first visit, and tens of MB)."""
    return values[column].array.take(rows).to_numpy(dtype=object).tolist()


def _per_place(names: np.ndarray, counts: np.ndarray) -> dict[str, int]:
    found = np.flatnonzero(counts)
    return dict(zip(names[found].tolist(), counts[found].tolist(), strict=True))


def _sizes(every: FigureTies, reported: np.ndarray, adds_up: bool) -> dict[str, PlaceSize]:
    """What each place's reported figures of the sizing indicator add up to (the largest,
    when the indicator's figures may overlap)."""
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
    return {
        every.places[code]: PlaceSize(int(counted[code]), int(total[code]), bool(approximate[code]))
        for code in np.flatnonzero(counted).tolist()
    }


_FIGURE_COLUMNS = (
    "indicator", "project", "event", "value", "precision", "fewer_than", "source", "quote", "line",
)  # fmt: skip


def figure_line(
    portfolio: Portfolio,
    row: PlaceFigure,
    language: str,
    event: str,
) -> tuple[str, str]:
    """('Participants from this city: 132', 'report title: “the sentence”'); `event` is the
    title of the figure's event, or "" without one."""
    label = portfolio.indicators[row.indicator].labels.get(language)
    if row.from_here:
        where = tr(language, "from this city")
    elif event:
        where = tr(language, "at {event}, held here", event=event)
    else:
        where = tr(language, "at an event held here")
    shown = value_text(row.value, row.precision, language, row.fewer_than)
    return f"{label} {where}: {shown}", f"{report_titles(portfolio)[row.source]}: “{row.quote}”"
