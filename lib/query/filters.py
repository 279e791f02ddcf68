"""Which projects and figures the current filters select; plain Python, no Streamlit.

The look-ups come from lib/portfolio_index, built once per portfolio, and each selection is
kept per filter there: a rerun costs what it selects, not what the portfolio holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.query.index import FACETS, index_of
from lib.query.index import programme_chain as programme_chain
from lib.query.project_rows import keep_positions, rows_at


@dataclass(frozen=True)
class Filters:
    """An empty tuple means "all"; `years` None means any year, including unstated ones. A
    year range selects the projects of those years, and of their figures those whose period
    is not given or states a year: a period of no stated year is in no year's range."""

    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    projects: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self != Filters()


def year_bounds(portfolio: Portfolio) -> tuple[int, int] | None:
    return index_of(portfolio).year_bounds


def selected_projects(portfolio: Portfolio, filters: Filters) -> list[str]:
    """Ids of the projects the filters select, sorted."""
    return list(selected_ids(portfolio, filters))


def selected_ids(portfolio: Portfolio, filters: Filters) -> tuple[str, ...]:
    """selected_projects' ids as the tuple the index keeps, not copied: what a run's view
    holds. A tuple of texts is left out of the cyclic collector's rounds once it has seen it;
    a list is walked in every full round: a view's 100,000 ids were over 40% of what a round
    walked during a filter change at 100,000 projects (8 -> 4 ms a round)."""
    index = index_of(portfolio)
    return index.remember(("projects", filters), lambda: _selected_ids(portfolio, filters))


def _selected_ids(portfolio: Portfolio, filters: Filters) -> tuple[str, ...]:
    index = index_of(portfolio)
    chosen = selected_positions(portfolio, filters)
    ids = tuple(index.id_index[chosen].tolist())  # ascending positions: the ids sorted
    keep_positions(index, ids, chosen)  # for the pages' look-ups of these ids' rows
    return ids


def selected_positions(portfolio: Portfolio, filters: Filters) -> np.ndarray:
    """The positions among the index's ids of the projects the filters select, ascending."""
    index = index_of(portfolio)
    return index.remember(("positions", filters), lambda: _selected(portfolio, filters))


def _selected(portfolio: Portfolio, filters: Filters) -> np.ndarray:
    index = index_of(portfolio)
    chosen: np.ndarray | None = None  # the chosen projects' positions among index.ids
    if filters.projects:
        at = index.id_index.get_indexer(list(filters.projects))
        chosen = np.unique(at[at >= 0])
    for facet in FACETS:
        wanted = getattr(filters, facet)
        if wanted:
            chosen = _both(chosen, index.projects_with[facet].of(wanted))
    if filters.years is not None:
        low, high = filters.years
        chosen = _both(chosen, index.projects_in_year.of(range(low, high + 1)))
    return np.arange(len(index.ids)) if chosen is None else chosen


def _both(chosen: np.ndarray | None, matching: np.ndarray) -> np.ndarray:
    return matching if chosen is None else np.intersect1d(chosen, matching, assume_unique=True)


def undated_projects(portfolio: Portfolio, filters: Filters) -> list[str]:
    """Projects a year filter leaves out only because no report states their year."""
    if filters.years is None:
        return []
    without_years = Filters(**{**filters.__dict__, "years": None})
    index = index_of(portfolio)
    chosen = selected_positions(portfolio, without_years)
    return index.id_index[chosen[~index.dated[chosen]]].tolist()


@dataclass(frozen=True)
class FigureRows:
    """The selected figures as numbers: their positions among the index's `values` rows,
    ascending, and whether each counts in a total (selected_values' `counts_in_total`)."""

    at: np.ndarray
    counted: np.ndarray


def selected_figures(portfolio: Portfolio, filters: Filters) -> FigureRows:
    """selected_values' rows as positions, without taking their columns: the headlines, a
    picture's reports and the people pages' rows need only a few columns of a funder's
    270,000 figures, and taking all of them took 60 ms at 100,000 projects."""
    index = index_of(portfolio)
    return index.remember(("figures", filters), lambda: _figures(portfolio, filters))


def _figures(portfolio: Portfolio, filters: Filters) -> FigureRows:
    keep, counted = _kept(portfolio, filters)
    at = np.flatnonzero(keep).astype(np.int32)  # small: kept per filter, with the others
    return FigureRows(at=at, counted=counted[at])


def _kept(portfolio: Portfolio, filters: Filters) -> tuple[np.ndarray, np.ndarray]:
    """Whether each of the index's figures is selected, and whether it counts in a total."""
    index = index_of(portfolio)
    values = index.values
    mine = _mine(portfolio, filters)
    if filters.years is not None:  # a figure of no stated year is in no year's range
        mine &= ~index.yearless.to_numpy(dtype=bool)
    is_whole = _wholes(portfolio)
    if not filters.cities:
        return mine, is_whole
    cities = list(filters.cities)
    in_city = np.where(
        is_whole,
        ~index.broken_down.to_numpy(dtype=bool) & is_in(values["venue"], cities),
        is_in(values["place"], cities),
    )
    return mine & in_city, np.ones(len(values), dtype=bool)


def _wholes(portfolio: Portfolio) -> np.ndarray:
    """Whether each of the index's figures is a whole (not a part by city), once a version."""
    index = index_of(portfolio)
    return index.once(
        ("filters.wholes",), lambda: (index.values["breakdown"] == "").to_numpy(dtype=bool)
    )


def selected_values(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    """The figures of the selected projects, with `venue` (the place of the figure's event)
    and `counts_in_total` columns. Do not change the frame: it is kept for the next rerun.

    Without a city filter the wholes count and their parts do not (they are inside the
    wholes). With a city filter, a figure broken down by city counts through its parts from
    the selected cities; one that is not broken down counts whole where its event took place
    in a selected city. Other figures are left out, because no report ties them to a city
    (a project-wide 518 is not "518 in Kumanovo"): `city_unattributed` lists them.
    """
    index = index_of(portfolio)
    frame = index.remember(("values", filters), lambda: _values(portfolio, filters))
    return frame.copy(deep=False)  # a new frame object sharing the data: adding a column is safe


def _values(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    values = index_of(portfolio).values
    figures = selected_figures(portfolio, filters)
    if len(figures.at) == len(values):  # every figure: share the index's columns, not copy
        return values.assign(counts_in_total=figures.counted)
    return values.take(figures.at).assign(counts_in_total=figures.counted)


def _mine(portfolio: Portfolio, filters: Filters) -> np.ndarray:
    """Whether each of the index's figures is of a selected project."""
    values = index_of(portfolio).values
    return rows_at(portfolio, "values", values["project"], selected_positions(portfolio, filters))


def year_unstated(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    """Figures of the selected projects that a year filter leaves out because their period
    states no year ("from 1 January to the end of April this year")."""
    if filters.years is None:
        return portfolio.values.iloc[0:0]
    index = index_of(portfolio)
    return index.values[_mine(portfolio, filters) & index.yearless.to_numpy()]


def city_unattributed(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    """Figures of the selected projects that a city filter leaves out because they are
    neither broken down by city nor tied to an event in a city."""
    if not filters.cities:
        return portfolio.values.iloc[0:0]
    return index_of(portfolio).remember(
        ("unattributed", filters), lambda: _unattributed(portfolio, filters)
    )


def _unattributed(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    index = index_of(portfolio)
    values = index.values
    unplaced = (values["breakdown"] == "") & (values["venue"] == "") & ~index.broken_down
    left_out = _mine(portfolio, filters) & unplaced.to_numpy(dtype=bool)
    return values[left_out].assign(counts_in_total=True)
