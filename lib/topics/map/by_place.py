"""What the selected projects say about each place of the map: the roles they give it, the
events held there and the figures tied to it. Every project's places, roles, events and links
are gathered in one walk over the projects a data version; a selection keeps its rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.query.index import index_of
from lib.topics.map.place_figures import FiguresByPlace

# A place's figures written out in its row: its table cell shows the first 300 characters, and
# the CSV, made with `every_figure`, has them all (a hub's thousands took 20 MB to write out).
FIGURE_LINES = 10
TIP_LINES = 3  # projects, figures or sources a dot's tooltip lists before "and N more"


@dataclass(frozen=True)
class ByPlace:
    """What the selected projects say about each place: the roles projects give it and the
    events held there, in project order."""

    roles: dict[str, list[tuple[str, str]]]
    events: dict[str, list[tuple[str, str]]]  # place -> (project, event id)
    figures: FiguresByPlace
    sizer: str | None  # the indicator that sizes the dots, if any


@dataclass(frozen=True)
class EveryPlace:
    """Every project's places, roles and events, found in one walk over the projects a data
    version; a selection then only keeps its projects' rows of each place."""

    roles: dict[str, list[tuple[str, str]]]  # place -> (project, role), in project order
    events: dict[str, list[tuple[str, str]]]  # place -> (project, id of an event held there)
    # (project, place) as the place lists name them, then as links and events do (which may
    # name more): a frame, so a selection's places are one Arrow look-up, not a Python walk
    mentions: pd.DataFrame


def every_place(portfolio: Portfolio) -> EveryPlace:
    def walk() -> EveryPlace:
        roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
        events: dict[str, list[tuple[str, str]]] = defaultdict(list)
        named: list[tuple[str, str]] = []
        also: list[tuple[str, str]] = []
        for pid in sorted(portfolio.projects):
            project = portfolio.projects[pid]
            for entry in project.places:
                roles[entry.place].append((pid, entry.role))
                named.append((pid, entry.place))
            for link in project.links:
                also.extend([(pid, link.from_place), (pid, link.to_place)])
            for event in project.events:
                if event.place:
                    events[event.place].append((pid, event.id))
                    also.append((pid, event.place))
        mentions = pd.DataFrame(named + also, columns=["project", "place"])
        return EveryPlace(roles, events, mentions)

    return index_of(portfolio).once(("map.every_place",), walk)


def places_of(portfolio: Portfolio, project_ids: list[str]) -> list[str]:
    """The places the selected projects name, each once, in the order their place lists name
    them and then their links and events."""
    mentions = every_place(portfolio).mentions
    return mentions["place"][is_in(mentions["project"], project_ids)].unique().tolist()


def _mine(rows: dict[str, list[tuple]], selected: set[str] | None) -> dict[str, list[tuple]]:
    if selected is None:
        return rows
    kept = {place: [row for row in them if row[0] in selected] for place, them in rows.items()}
    return {place: them for place, them in kept.items() if them}


def gather_by_place(
    portfolio: Portfolio, project_ids: list[str], values: pd.DataFrame, every_figure: bool
) -> ByPlace:
    every = every_place(portfolio)
    selected = None if len(project_ids) == len(portfolio.projects) else set(project_ids)
    sizer = map_sizer(portfolio)
    adds_up = sizer is not None and portfolio.indicators[sizer].aggregation == "sum"
    lines = None if every_figure else FIGURE_LINES
    return ByPlace(
        _mine(every.roles, selected),
        _mine(every.events, selected),
        FiguresByPlace(values, sizer, adds_up, lines, TIP_LINES),
        sizer,
    )


def map_sizer(portfolio: Portfolio) -> str | None:
    """The indicator whose counts by city size the dots: the one marked `sizes_map` in
    indicators.yaml (the validator allows one at most), or None."""
    return next((code for code, ind in portfolio.indicators.items() if ind.sizes_map), None)
