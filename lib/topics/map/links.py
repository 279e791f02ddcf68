"""The lines between partner cities: one row a link of the selected projects, and the pairs a map
draws a line between (bounded, so a portfolio's thousands of lines do not hide the cities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.schema import Place
from lib.query.frame_rows import FrameRows, frame_tuples, rows_of_projects
from lib.query.index import index_of
from lib.query.names import inferred_mark
from lib.text.i18n import N_, tr

if TYPE_CHECKING:
    from lib.topics.map.data import MapData


LINK_KINDS = ("twinning", "network", "travelled_to_event")


LINK_WORDS = {
    "twinning": N_("Twinning"),
    "network": N_("Network"),
    "travelled_to_event": N_("Travelled to an event"),
}


def place_links(portfolio: Portfolio, project_ids: list[str], language: str) -> pd.DataFrame:
    """One row a link of the selected projects, in their order. A link's row depends on it and
    the language only: every project's are written once a data version and language."""
    every = index_of(portfolio).once(
        ("map.every_link", language), lambda: _every_link(portfolio, language)
    )
    return rows_of_projects(every, project_ids, column="project")


def _every_link(portfolio: Portfolio, language: str) -> pd.DataFrame:
    rows = FrameRows(_LINK_COLUMNS)
    for pid in sorted(portfolio.projects):
        project = portfolio.projects[pid]
        for link in project.links:
            start, end = portfolio.places[link.from_place], portfolio.places[link.to_place]
            rows.add(
                {
                    "project": pid,
                    "project_title": project.title.get(language),
                    "kind": link.kind,
                    "kind_words": tr(language, LINK_WORDS[link.kind])
                    + inferred_mark(link, "kind", language, with_note=True),
                    "from_place": link.from_place,
                    "to_place": link.to_place,
                    "name": f"{start.names.get(language)} – {end.names.get(language)}",
                    "from_lon": start.longitude,
                    "from_lat": start.latitude,
                    "to_lon": end.longitude,
                    "to_lat": end.latitude,
                    "drawn": _on_map(start) and _on_map(end),
                    "source": portfolio.sources[link.source].title,
                    "quote": link.quote,
                }
            )
    # typed even when empty: an empty object column would select columns, not rows
    return rows.frame().astype({"drawn": bool})


def _on_map(place: Place) -> bool:
    return place.latitude is not None and place.longitude is not None


_LINK_COLUMNS = [
    "project",
    "project_title",
    "kind",
    "kind_words",
    "from_place",
    "to_place",
    "name",
    "from_lon",
    "from_lat",
    "to_lon",
    "to_lat",
    "drawn",
    "source",
    "quote",
]


LINKED_PAIRS = 400  # pairs of cities a map draws a line between: those most projects link


def link_pairs(data: MapData, limit: int = LINKED_PAIRS) -> tuple[pd.DataFrame, int]:
    """The lines to draw: one a pair of cities and kind of link (its first link's row, with
    `titles`, the projects that link them, and `more`, their other links), and how many pairs
    there are. Past `limit` pairs, those most projects link are kept, then those between the
    busiest cities: a portfolio's thousands of lines would hide the cities they join."""
    links = data.drawn_links
    keys = ["from_place", "to_place", "kind"]
    pairs = links.drop_duplicates(keys).reset_index(drop=True)
    projects = links.drop_duplicates([*keys, "project_title"])  # a pair's, in its links' order
    sizes = [
        links.groupby(keys, sort=False).size().rename("links"),
        projects.groupby(keys, sort=False).size().rename("projects"),
    ]
    for size in sizes:
        pairs = pairs.merge(size.reset_index(), on=keys, how="left")
    total = len(pairs)
    if total > limit:
        busy = data.places.set_index("place")["projects"]
        ends = pairs["from_place"].map(busy) + pairs["to_place"].map(busy)
        rank = pd.DataFrame({"projects": pairs["projects"], "ends": ends})
        order = rank.sort_values(["projects", "ends"], ascending=False, kind="stable")
        pairs = pairs.loc[sorted(order.index[:limit])].reset_index(drop=True)
    # the titles of the drawn pairs' projects only: a list a pair, made in one pass
    titles: dict[tuple, list[str]] = {}
    drawn = projects.merge(pairs[keys], on=keys)
    for *key, title in frame_tuples(drawn[[*keys, "project_title"]]):
        titles.setdefault(tuple(key), []).append(title)
    pairs = pairs.assign(
        titles=[titles[tuple(key)] for key in frame_tuples(pairs[keys])],
        more=pairs.pop("links") - 1,
    ).drop(columns="projects")
    return pairs, total
