"""What the filters and pages look up on every rerun, worked out once per loaded portfolio.

A funder's portfolio has thousands of projects: a rerun must not walk all of them to find the
few a filter selects. `index_of` builds, once per portfolio, the projects of each country, city,
funder, programme and year (from the projects' parts), the filter options
and each figure's venue; selections and what pages derive from them are then kept per filter
(`remember`), and what does not depend on the filters once a version (`once`), so a rerun that
changes nothing redoes nothing. Plain Python, no Streamlit.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.model.sizes import KeptBySize
from lib.query.facets import facets
from lib.query.index_sets import (
    Pairs,
    groups,
    pairs_at,
    periods,
    positions,
    venues,
    year_pairs,
)
from lib.query.shared_texts import shared_texts

T = TypeVar("T")
FACETS = ("countries", "cities", "funders", "programmes")
# Results kept per portfolio (selections, page frames, charts, files built on a click), for
# recent filter combinations: at most _REMEMBERED of them and, by their estimated size,
# _REMEMBERED_BYTES, the least recently used dropped first. With one portfolio a server process
# (lib/ui/current_data.py), this bounds what the pages keep beside the data itself.
_REMEMBERED = 64
_REMEMBERED_BYTES = 256 * 1024 * 1024
# What does not depend on the filters (every figure's words in a language, each place's
# projects) is kept apart, by its own bound: among the filter results a 100,000-project
# portfolio's frames of a few tens of MB each pushed one another out, and each rerun wrote
# them again (seconds). Its size follows the data and the languages read, not the visitors.
_ONCE_BYTES = 768 * 1024 * 1024


@dataclass
class PortfolioIndex:
    """Look-ups of one portfolio; built by index_of, never changed after but for what
    `remember` and `once` keep."""

    ids: tuple[str, ...]  # every project id, sorted
    id_index: pd.Index  # the same ids: a project's position among them, the ids at positions
    projects_with: Mapping[str, Pairs]  # facet (FACETS) -> which projects have each value
    projects_in_year: Pairs  # the years each project's dates and figures state
    # whether the project at each position states a year: as a set of ids, 95,000 texts of
    # their own and a hash table, it took 10 MB at 100,000 projects
    dated: np.ndarray
    year_bounds: tuple[int, int] | None
    options: dict[str, list[str]]  # what each sidebar filter offers
    values: pd.DataFrame  # the portfolio's figures with each one's venue (event place)
    group: pd.Series  # ties a whole to its parts: a number a project|event|indicator|period
    broken_down: pd.Series  # the row's group has parts by city
    yearless: pd.Series  # the row's period is given but states no year ("January to April")
    _recent: KeptBySize = field(default_factory=lambda: KeptBySize(_REMEMBERED, _REMEMBERED_BYTES))
    _once: KeptBySize = field(default_factory=lambda: KeptBySize(sys.maxsize, _ONCE_BYTES))

    def projects_having(self, facet: str, values: Iterable[Any]) -> list[str]:
        """The ids of the projects with any of `values` of `facet` (FACETS), sorted."""
        return self.id_index[self.projects_with[facet].of(values)].tolist()

    def remember(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()` once per key for this portfolio (the latest _REMEMBERED kept): what a page
        derives from the data and filters, so a rerun with the same view reuses it. Callers
        must not change what they get back: it is shared by every rerun and session."""
        return self._recent.get(key, build)

    def once(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()` once per key for this portfolio, for what does not depend on the
        filters (kept apart from `remember`'s recent results, within _ONCE_BYTES). Callers
        must not change what they get back."""
        return self._once.get(key, build)


_INDEXES: dict[int, tuple[weakref.ref[Portfolio], PortfolioIndex]] = {}
_INDEXES_LOCK = threading.Lock()


def index_of(portfolio: Portfolio) -> PortfolioIndex:
    """The index of this portfolio object, built on first use (the last few are kept)."""
    with _INDEXES_LOCK:
        held = _INDEXES.get(id(portfolio))
        if held is not None and held[0]() is portfolio:
            return held[1]
    index = _build(portfolio)
    with _INDEXES_LOCK:
        # Held by a weak reference: an index (and all it remembers) goes with its portfolio,
        # so a replaced data version is not kept alive by its index.
        _INDEXES[id(portfolio)] = (weakref.ref(portfolio, _forget(id(portfolio))), index)
        while len(_INDEXES) > 4:  # data versions and test portfolios come and go
            del _INDEXES[next(iter(_INDEXES))]
    return index


def _forget(key: int) -> Callable[[Any], None]:
    def forget(gone: weakref.ref) -> None:
        with _INDEXES_LOCK:
            held = _INDEXES.get(key)
            if held is not None and held[0] is gone:
                del _INDEXES[key]

    return forget


def programme_chain(portfolio: Portfolio, programme_id: str | None) -> list[str]:
    """Ids from the top programme down to `programme_id`: a measure's programme and strand
    first. A project funded under a measure is funded under its strand and programme too."""
    chain: list[str] = []
    while programme_id and programme_id not in chain:
        chain.insert(0, programme_id)
        programme_id = portfolio.programmes[programme_id].parent
    return chain


def _build(portfolio: Portfolio) -> PortfolioIndex:
    parts = parts_of(portfolio.projects)
    # sorted; the project mapping's own texts, not a copy of each (7 MB at 100,000 projects)
    ids = shared_texts(parts.projects["id"].tolist(), portfolio.projects)
    id_index, id_array = pd.Index(ids, dtype=object), pa.array(ids, type=pa.string())
    # a programme's chain up to its top, once a programme (a funder's portfolio has dozens,
    # its funding lines hundreds of thousands)
    chains = {pid: programme_chain(portfolio, pid) for pid in portfolio.programmes}
    places, values = parts.places, portfolio.values
    # each table's projects' positions, looked up once and shared by its years and venues
    at = {
        name: positions(table["project"], id_array)
        for name, table in (("events", parts.events), ("values", values))
    }
    country_of = {place_id: place.country for place_id, place in portfolio.places.items()}
    dates = periods(values)
    owners, found_years = year_pairs(parts, values, dates, at)
    every_year = set(found_years.tolist())
    projects_in_year = pairs_at(found_years, owners, len(ids))
    dated = np.zeros(len(ids), dtype=bool)
    dated[projects_in_year.positions] = True
    group = pd.Series(groups(values, dates), index=values.index)
    used_places = parts.places["place"].unique().tolist()
    return PortfolioIndex(
        ids=tuple(ids),
        id_index=id_index,
        projects_with=facets(places, parts.funding, id_array, country_of, chains),
        projects_in_year=projects_in_year,
        dated=dated,
        year_bounds=(min(every_year), max(every_year)) if every_year else None,
        options={
            "countries": sorted({portfolio.places[p].country for p in used_places}),
            "cities": sorted(used_places, key=lambda p: portfolio.places[p].names.en),
            "funders": sorted(parts.funding["funder"].unique().tolist()),
            "programmes": list(portfolio.programmes),
            "projects": list(ids),
        },
        values=values.assign(venue=venues(values, parts.events, at)),
        group=group,
        broken_down=group.isin(set(group[values["breakdown"] != ""])),
        yearless=pd.Series(
            ((dates.start_text != "None") | (dates.end_text != "None"))
            & np.isnan(dates.start_year)
            & np.isnan(dates.end_year),
            index=values.index,
            dtype=bool,
        ),
    )
