"""What ties each figure of a data version to a place of the map, worked out once a version
(for the indicator that sizes the dots): a selection then picks its rows by position and
counts them with numpy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.filters import FigureRows
from lib.query.index import index_of
from lib.query.project_rows import project_numbers


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
