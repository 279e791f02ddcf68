"""What the selected projects say about each place of the map: the roles they give it, the
events held there and the figures tied to it. Every project's places, roles, events and links
are read from the projects' parts (columns, lib/model/projects.py) once a data version; a
selection keeps its rows."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.index import index_of
from lib.query.limits import NAMES
from lib.topics.map.place_figures import (
    FiguresByPlace,
    figure_ties,
    first_ones,
    group_ranks,
    runs,
)

# A place's figures written out in its row: its table cell shows the first 300 characters, and
# the CSV, made with `every_figure`, has them all (a hub's thousands took 20 MB to write out).
FIGURE_LINES = 10
TIP_LINES = 3  # projects, figures or sources a dot's tooltip lists before "and N more"


@dataclass(frozen=True)
class ByPlace:
    """What the selected projects say about each place: the roles projects give it and the
    events held there, in project order; of a hub's hundreds, the roles of its first `NAMES`
    projects and its first FIGURE_LINES events (every one for the CSV), and how many."""

    named: list[str]  # the places the projects name (_named)
    roles: dict[str, list[tuple[str, str]]]  # place -> (project, role)
    projects: dict[str, int]  # place -> how many selected projects give it a role
    network_only: set[str]  # places the selected projects name only as network members
    events: dict[str, list[tuple[str, str]]]  # place -> (project, event id)
    held: dict[str, int]  # place -> how many events its projects held there
    figures: FiguresByPlace
    sizer: str | None  # the indicator that sizes the dots, if any
    chosen: np.ndarray  # whether each project (by EveryPlace's number) is selected


@dataclass(frozen=True)
class EveryPlace:
    """Every project's places, roles and events, read from its parts once a data version,
    as numbered rows (places and projects by number, projects in the order of
    their ids): a selection keeps its projects' rows with numpy, not a walk over them."""

    places: np.ndarray  # the place of each number
    projects: np.ndarray  # the project of each number (every project, sorted)
    number: dict[str, int]  # each project's number: a dict finds a funder's 80,000 fastest
    role_place: np.ndarray  # a row a (project, place it lists), in project order
    role_project: np.ndarray
    role: np.ndarray  # the row's role
    network_role: np.ndarray  # the role is "network_member"
    event_place: np.ndarray  # a row an event held at a place, in project order
    event_project: np.ndarray
    event_id: np.ndarray
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
    ordered = sorted(portfolio.projects)
    ids = pd.Index(ordered)
    places, links = parts.places, parts.links
    # held at a place; of their columns only these three taken (a copy of each of the
    # 195,000 events' dozen columns took a third of a first visit at 100,000 projects)
    events = parts.events[["project", "place", "id"]]
    events = events[events["place"].fillna("") != ""]
    # a project's links (each as its two ends) then its events, project by project, as the
    # place lists' names are followed by what else a project names
    link_project = np.repeat(_numbers(ids, links["project"]), 2)
    link_place = np.column_stack([_texts(links["from_place"]), _texts(links["to_place"])])
    event_project = _numbers(ids, events["project"])
    also_project = np.concatenate([link_project, event_project])
    also_order = np.argsort(also_project, kind="stable")
    also_place = np.concatenate([link_place.ravel(), _texts(events["place"])])[also_order]
    role_project = _numbers(ids, places["project"])
    named = _texts(places["place"])
    mentioned = np.concatenate([named, also_place])
    numbers, every = pd.factorize(np.concatenate([mentioned, _texts(events["place"])]))
    role_place = numbers[: len(named)]
    event_place = numbers[len(mentioned) :]
    listed = role_place * len(ids) + role_project
    role = _texts(places["role"])
    role_order = np.argsort(role_place, kind="stable")
    event_listed = np.isin(event_place * len(ids) + event_project, listed)
    # an event whose project does not list its place is never shown: left out of the order
    event_order = np.argsort(event_place, kind="stable")
    event_order = event_order[event_listed[event_order]]
    return EveryPlace(
        places=np.asarray(every, dtype=object),
        projects=np.asarray(ordered, dtype=object),
        number={pid: at for at, pid in enumerate(ordered)},  # not the Index's Arrow texts
        role_place=role_place,
        role_project=role_project,
        role=role,
        network_role=role == "network_member",
        event_place=event_place,
        event_project=event_project,
        event_id=_texts(events["id"]),
        event_listed=event_listed,
        mention_project=np.concatenate([role_project, also_project[also_order]]),
        mention_place=numbers[: len(mentioned)],
        role_order=role_order,
        role_order_project=role_project[role_order],
        event_order=event_order,
        event_order_project=event_project[event_order],
    )


def _numbers(ids: pd.Index, column: pd.Series) -> np.ndarray:
    """The number of each row's project (-1 for none): each project looked up once, its rows'
    texts hashed by Arrow (a project names its places, links and events on many rows)."""
    codes, projects = pd.factorize(column)
    numbers = ids.get_indexer(projects).astype(np.int64)
    return np.where(codes >= 0, numbers[codes], -1)


def _texts(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype=object)


def _named(every: EveryPlace, chosen: np.ndarray) -> list[str]:
    """The places the chosen projects name, each once, in the order their place lists name
    them and then their links and events."""
    mentioned = every.mention_place[chosen[every.mention_project]]
    return every.places[pd.unique(mentioned)].tolist()


def chosen_projects(every: EveryPlace, project_ids: list[str]) -> np.ndarray:
    """Whether each project (by number) is one of `project_ids`."""
    found = map(every.number.get, project_ids, repeat(-1))
    numbers = np.fromiter(found, np.int64, len(project_ids))
    chosen = np.zeros(len(every.projects), dtype=bool)
    chosen[numbers[numbers >= 0]] = True
    return chosen


def _by_place(places: np.ndarray, place: np.ndarray) -> dict[str, int]:
    counts = np.bincount(place, minlength=len(places))
    found = np.flatnonzero(counts)
    return dict(zip(places[found].tolist(), counts[found].tolist(), strict=True))


def _lists(places: np.ndarray, place: np.ndarray, *columns: list) -> dict[str, list[tuple]]:
    """The rows of each place (given with their places in order, a place's rows together),
    as lists of tuples: a slice a place, not an append a row (a funder's 100,000 rows)."""
    starts, ends = runs(place)
    return {
        name: list(zip(*(column[start:end] for column in columns), strict=True))
        for name, start, end in zip(places[place[starts]].tolist(), starts, ends, strict=True)
    }


def gather_by_place(
    portfolio: Portfolio, project_ids: list[str], values: pd.DataFrame, every_figure: bool
) -> ByPlace:
    every = every_place(portfolio)
    chosen = chosen_projects(every, project_ids)
    places, ids = every.places, every.projects
    # each place's roles, places in order and each place's in project order
    kept = every.role_order[chosen[every.role_order_project]]
    place, project = every.role_place[kept], every.role_project[kept]
    pairs = place * len(ids) + project
    firsts = first_ones(pairs)  # each (place, project) at its first role
    if every_figure:
        shown = np.ones(len(kept), dtype=bool)
    else:  # the roles of each place's first NAMES projects
        # pairs numbered in the order they first come, as `firsts` are
        shown = (group_ranks(place[firsts]) < NAMES)[pd.factorize(pairs)[0]]
    roles = _lists(
        places, place[shown], ids[project[shown]].tolist(), every.role[kept[shown]].tolist()
    )
    others = place[~every.network_role[kept]]
    named = np.bincount(place, minlength=len(places)) > 0
    not_network = np.bincount(others, minlength=len(places)) > 0
    network_only = set(places[named & ~not_network].tolist())
    # the events held at each place by its selected projects
    held = every.event_order[chosen[every.event_order_project]]
    at = every.event_place[held]
    written = held if every_figure else held[group_ranks(at) < FIGURE_LINES]
    events = _lists(
        places,
        every.event_place[written],
        ids[every.event_project[written]].tolist(),
        every.event_id[written].tolist(),
    )
    sizer = map_sizer(portfolio)
    adds_up = sizer is not None and portfolio.indicators[sizer].aggregation == "sum"
    lines = None if every_figure else FIGURE_LINES
    return ByPlace(
        _named(every, chosen),
        roles,
        _by_place(places, place[firsts]),
        network_only,
        events,
        _by_place(places, at),
        FiguresByPlace(figure_ties(portfolio, sizer), values, adds_up, lines, TIP_LINES),
        sizer,
        chosen,
    )


def map_sizer(portfolio: Portfolio) -> str | None:
    """The indicator whose counts by city size the dots: the one marked `sizes_map` in
    indicators.yaml (the validator allows one at most), or None."""
    return next((code for code, ind in portfolio.indicators.items() if ind.sizes_map), None)
