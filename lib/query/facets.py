"""Which projects have each value of a sidebar facet (a country, a city, a funder, a
programme), worked out when a filter first asks for that facet: at a start, the four took
some 0.15 s of CPU at 100,000 projects before the first page was drawn, and a visit that
filters by none of them never needs them. Plain Python, no Streamlit."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.query.index_sets import Pairs, pairs_at, positions, programme_pairs


class Facets(Mapping[str, Pairs]):
    """facet -> its Pairs, each made once, when first asked for (by one session at a time:
    another that asks meanwhile waits for it)."""

    def __init__(self, makers: Mapping[str, Callable[[], Pairs]]) -> None:
        self._names = tuple(makers)
        self._makers = dict(makers)  # each let go once it has made its facet
        self._made: dict[str, Pairs] = {}
        self._lock = threading.Lock()

    def __getitem__(self, facet: str) -> Pairs:
        with self._lock:
            if facet not in self._made:
                self._made[facet] = self._makers[facet]()
                del self._makers[facet]
            return self._made[facet]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def facets(
    places: pd.DataFrame,
    funding: pd.DataFrame,
    ids: pa.Array,
    country_of: Mapping[str, str],
    chains: Mapping[str, list[str]],
) -> Facets:
    """The facets of the projects' places and funding lines (their parts' tables), among the
    index's sorted project `ids`; `country_of` each place's country, `chains` each
    programme's chain up to its top. Only these are held, not the portfolio: the index,
    which holds them, must not keep its portfolio alive."""
    size = len(ids)

    def at(table: str) -> np.ndarray:
        # looked up again by the other facet of the same table (15 ms at 100,000 projects),
        # not kept: 3 MB more held than an index that made its facets at once
        return positions((places if table == "places" else funding)["project"], ids)

    def countries() -> np.ndarray:
        # each row's country by its place's, a place at a time (2,000 places, 220,000 rows)
        codes, used = pd.factorize(places["place"])
        found = [*(country_of[place] for place in used), None]  # code -1: no place
        return np.array(found, dtype=object)[codes]

    def programmes() -> Pairs:
        lines, programme_ids = programme_pairs(funding, chains, at("funding"))
        return pairs_at(programme_ids, lines, size)

    return Facets(
        {
            "countries": lambda: pairs_at(countries(), at("places"), size),
            "cities": lambda: pairs_at(places["place"], at("places"), size),
            "funders": lambda: pairs_at(funding["funder"], at("funding"), size),
            "programmes": programmes,
        }
    )
