"""What the selected projects say about each place of the map: the roles they give it, the
events held there and the figures tied to it. Every project's places, roles, events and links
are read from the projects' parts (columns, lib/model/projects.py) once a data version; a
selection keeps its rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.filters import FigureRows
from lib.query.index import index_of
from lib.query.limits import NAMES
from lib.query.project_rows import positions_of, project_numbers
from lib.topics.map.figure_ties import figure_ties
from lib.topics.map.ordering import first_ones, group_ranks, stable_order
from lib.topics.map.place_figures import FiguresByPlace

# A place's figures written out in its row: its table cell shows the first 300 characters, and
# the CSV, made with `every_figure`, has them all (a hub's thousands took 20 MB to write out).
FIGURE_LINES = 10
TIP_LINES = 3  # projects, figures or sources a dot's tooltip lists before "and N more"


@dataclass(frozen=True)
class ByPlace:
    """What the selected projects say about each place, as numbered rows and arrays by the
    place's number (EveryPlace's): the roles projects give it and the events held there, in
    project order (of a hub's hundreds, the roles of its first `NAMES` projects and its first
    FIGURE_LINES events; every one for the CSV), and how many of each."""

    codes: np.ndarray  # the numbers of the places the projects name, in order (_named)
    places: np.ndarray  # the place of each number
    ids: np.ndarray  # the project of each position among the index's ids
    # the roles' rows: by place, each place's in project order, with the rank of its project
    # among the place's (0 for its first project)
    role_place: np.ndarray
    role_project: np.ndarray
    role: np.ndarray
    role_rank: np.ndarray
    roles: np.ndarray  # the role of each number
    projects: np.ndarray  # how many selected projects give each place a role
    network_only: np.ndarray  # named by the selected projects only as a network member
    # the events' rows, by place, each place's in project order
    event_place: np.ndarray
    event_project: np.ndarray
    event_row: np.ndarray  # its row of `event_ids`
    event_ids: pd.Series  # every event's id (EveryPlace's)
    held: np.ndarray  # how many events the selected projects held at each place
    figures: FiguresByPlace
    unplaced: int  # how many of the view's figures are tied to no place at all
    sizer: str | None  # the indicator that sizes the dots, if any
    chosen: np.ndarray  # whether each project (by chosen_projects' number) is selected

    @property
    def named(self) -> list[str]:
        return self.places[self.codes].tolist()


@dataclass(frozen=True)
class EveryPlace:
    """Every project's places, roles and events, read from its parts once a data version,
    as numbered rows (places and projects by number, projects by their positions among the
    index's sorted ids): a selection keeps its projects' rows with numpy, not a walk over
    them. Numbers, not texts: a text a row as a Python object was tens of MB at 100,000
    projects, and took a first visit a quarter of a second to make."""

    places: np.ndarray  # the place of each number
    projects: int  # how many projects there are
    ids: np.ndarray  # the index's project ids, in order (its texts shared, not copied)
    role_place: np.ndarray  # a row a (project, place it lists), in project order
    role_project: np.ndarray
    role: np.ndarray  # the number of the row's role
    roles: np.ndarray  # the role of each number
    network_role: np.ndarray  # the role is "network_member"
    event_place: np.ndarray  # a row an event held at a place, in project order
    event_project: np.ndarray
    event_id: pd.Series  # the event's id (its texts in one Arrow buffer, not as objects)
    event_listed: np.ndarray  # its project lists the place (a place's events are theirs)
    # the rows of roles and of events ordered by place (a place's in project order), and
    # each one's project: a selection keeps them in that order, with no sort of its own
    role_order: np.ndarray
    role_order_project: np.ndarray
    event_order: np.ndarray
    event_order_project: np.ndarray
    # (project, place) as the place lists name them, then as links and events do (which may
    # name more), so a selection finds its places with numpy, not a Python walk
    mention_project: np.ndarray
    mention_place: np.ndarray


def every_place(portfolio: Portfolio) -> EveryPlace:
    return index_of(portfolio).once(("map.every_place",), lambda: _every_place(portfolio))


def _every_place(portfolio: Portfolio) -> EveryPlace:
    """Read from the projects' parts (lib/model/projects.py): a walk over 10,000 projects'
    objects took most of a first visit, and validates each one from a snapshot."""
    parts = parts_of(portfolio.projects)
    places, links = parts.places, parts.links
    # held at a place; of their columns only these three taken (a copy of each of the
    # 195,000 events' dozen columns took a third of a first visit at 100,000 projects)
    events = parts.events[["project", "place", "id"]]
    held = (events["place"].fillna("") != "").to_numpy(dtype=bool)
    events = events[held]
    # each row's project as its position among the index's ids, once a version and shared
    # with the pages that number the same columns (the Overview numbers the places')
    role_project = project_numbers(portfolio, "places", places["project"])
    link_numbers = project_numbers(portfolio, "links", links["project"])
    event_project = project_numbers(portfolio, "events", parts.events["project"])[held]
    # every text naming a place, numbered once by Arrow (as texts they were 600,000 Python
    # objects); then numbered again, as integers, in the order the places are first named:
    # the place lists, then each project's links (their two ends) and events, project by
    # project, and last the events alone
    ends = len(places) + 2 * len(links)
    texts = pd.concat(
        [places["place"], links["from_place"], links["to_place"], events["place"]],
        ignore_index=True,
    )
    codes, names = pd.factorize(texts)
    named = codes[: len(places)]
    link_place = np.column_stack(
        [codes[len(places) : len(places) + len(links)], codes[len(places) + len(links) : ends]]
    )
    link_project = np.repeat(link_numbers, 2)
    also_project = np.concatenate([link_project, event_project])
    also_order = np.argsort(also_project, kind="stable")
    also_place = np.concatenate([link_place.ravel(), codes[ends:]])[also_order]
    mentioned = np.concatenate([named, also_place])
    numbers, firsts = pd.factorize(np.concatenate([mentioned, codes[ends:]]))
    every = np.asarray(names, dtype=object)[firsts]
    role_place = numbers[: len(named)]
    event_place = numbers[len(mentioned) :]
    projects = len(index_of(portfolio).ids)
    listed = role_place * projects + role_project
    role, roles = pd.factorize(places["role"], use_na_sentinel=False)
    roles = np.asarray(roles, dtype=object)
    role_order = stable_order(role_place)
    event_listed = np.isin(event_place * projects + event_project, listed)
    # an event whose project does not list its place is never shown: left out of the order
    event_order = stable_order(event_place)
    event_order = event_order[event_listed[event_order]]
    small = _int32  # positions and numbers of a version's rows: half the bytes kept
    return EveryPlace(
        places=every,
        projects=projects,
        ids=np.asarray(index_of(portfolio).ids, dtype=object),
        role_place=small(role_place),
        role_project=small(role_project),
        role=small(role),
        roles=roles,
        network_role=(roles == "network_member")[role],
        event_place=small(event_place),
        event_project=small(event_project),
        event_id=events["id"].reset_index(drop=True),
        event_listed=event_listed,
        mention_project=small(np.concatenate([role_project, also_project[also_order]])),
        mention_place=small(numbers[: len(mentioned)]),
        role_order=small(role_order),
        role_order_project=small(role_project[role_order]),
        event_order=small(event_order),
        event_order_project=small(event_project[event_order]),
    )


def _int32(numbers: np.ndarray) -> np.ndarray:
    """`numbers` as 32-bit integers: they count a version's rows (at most a few million);
    a product of two of them is made in 64 bits (gather_by_place's pairs)."""
    return numbers.astype(np.int32)


def _named(every: EveryPlace, chosen: np.ndarray) -> np.ndarray:
    """The numbers of the places the chosen projects name, each once, in the order their
    place lists name them and then their links and events."""
    return pd.unique(every.mention_place[chosen[every.mention_project]])


def chosen_projects(portfolio: Portfolio, project_ids: Sequence[str]) -> np.ndarray:
    """Whether each project (by its position among the index's ids) is one of `project_ids`,
    with one more place, never set, for the rows of no project (numbered -1): a filter's
    selection has its positions kept with it."""
    chosen = np.zeros(len(index_of(portfolio).ids) + 1, dtype=bool)
    chosen[positions_of(portfolio, project_ids)] = True
    return chosen


def _project_ranks(place: np.ndarray, project: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of rows by place (each place's in project order), the first row of each (place,
    project), and each row's project's rank among its place's. A project's rows of a place
    are together when the rows came in project order (as the parts list them): their runs
    are found then, not hashed (a funder's 100,000 rows)."""
    pairs = place.astype(np.int64) * (int(project.max(initial=0)) + 1) + project
    if (np.diff(pairs) >= 0).all():
        new = np.r_[True, pairs[1:] != pairs[:-1]] if len(pairs) else np.zeros(0, dtype=bool)
        firsts, number = np.flatnonzero(new), np.cumsum(new) - 1
    else:
        firsts = first_ones(pairs)  # pairs are numbered in the order they first come
        number = pd.factorize(pairs)[0]
    return firsts, group_ranks(place[firsts])[number]


def gather_by_place(
    portfolio: Portfolio,
    project_ids: Sequence[str],
    figures: pd.DataFrame | FigureRows,
    every_figure: bool,
) -> ByPlace:
    """`figures`: the view's, as filters.selected_figures gives them (or their frame)."""
    every = every_place(portfolio)
    chosen = chosen_projects(portfolio, project_ids)
    places = every.places
    # each place's roles, places in order and each place's in project order
    kept = every.role_order[chosen[every.role_order_project]]
    place, project = every.role_place[kept], every.role_project[kept]
    firsts, rank = _project_ranks(place, project)
    shown = np.arange(len(kept)) if every_figure else np.flatnonzero(rank < NAMES)
    not_network = np.bincount(place[~every.network_role[kept]], minlength=len(places)) > 0
    # the events held at each place by its selected projects
    held = every.event_order[chosen[every.event_order_project]]
    at = every.event_place[held]
    written = held if every_figure else held[group_ranks(at) < FIGURE_LINES]
    sizer = map_sizer(portfolio)
    adds_up = sizer is not None and portfolio.indicators[sizer].aggregation == "sum"
    ties = figure_ties(portfolio, sizer, places)
    at_figures = ties.positions(figures)
    return ByPlace(
        codes=_named(every, chosen),
        places=places,
        ids=every.ids,
        role_place=place[shown],
        role_project=project[shown],
        role=every.role[kept[shown]],
        role_rank=rank[shown],
        roles=every.roles,
        projects=np.bincount(place[firsts], minlength=len(places)),
        network_only=(np.bincount(place, minlength=len(places)) > 0) & ~not_network,
        event_place=every.event_place[written],
        event_project=every.event_project[written],
        event_row=written,
        event_ids=every.event_id,
        held=np.bincount(at, minlength=len(places)),
        figures=FiguresByPlace(ties, at_figures, index_of(portfolio).values, adds_up, TIP_LINES),
        unplaced=int(ties.unplaced[at_figures].sum()),
        sizer=sizer,
        chosen=chosen,
    )


def map_sizer(portfolio: Portfolio) -> str | None:
    """The indicator whose counts by city size the dots: the one marked `sizes_map` in
    indicators.yaml (the validator allows one at most), or None."""
    return next((code for code, ind in portfolio.indicators.items() if ind.sizes_map), None)
