"""The lines between partner cities: one row a link of the selected projects, and the pairs a map
draws a line between (bounded, so a portfolio's thousands of lines do not hide the cities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.schema import Place
from lib.query.frame_rows import FrameRows, rows_of_projects
from lib.query.index import index_of
from lib.query.names import inferred_mark
from lib.text.i18n import N_, tr
from lib.topics.map.by_place import every_place

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
    for pid in every_place(portfolio).linked:  # not a walk over every project again
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
    # each pair a number, in the order of its first link; its projects, the first link of
    # each (pair, project title): counted with numpy rather than grouped and merged frames
    pair = links.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    titles_of = links["project_title"].tolist()
    title = pd.factorize(links["project_title"], use_na_sentinel=False)[0]
    _, firsts = np.unique(pair, return_index=True)
    _, title_firsts = np.unique(pair * (title.max(initial=0) + 1) + title, return_index=True)
    title_firsts.sort()
    pairs = links.iloc[firsts].reset_index(drop=True)
    projects = np.bincount(pair[title_firsts], minlength=len(firsts))
    more = np.bincount(pair, minlength=len(firsts)) - 1
    kept = np.arange(len(pairs))
    total = len(pairs)
    if total > limit:
        busy = data.places.set_index("place")["projects"]
        ends = pairs["from_place"].map(busy) + pairs["to_place"].map(busy)
        rank = pd.DataFrame({"projects": projects, "ends": ends})
        order = rank.sort_values(["projects", "ends"], ascending=False, kind="stable")
        kept = np.array(sorted(order.index[:limit]), dtype=int)
    # the titles of the drawn pairs' projects only: a list a pair, made in one pass
    titles: dict[int, list[str]] = {}
    drawn = set(kept.tolist())
    for number, row in zip(pair[title_firsts].tolist(), title_firsts.tolist(), strict=True):
        if number in drawn:
            titles.setdefault(number, []).append(titles_of[row])
    pairs = pairs.iloc[kept].reset_index(drop=True)
    pairs = pairs.assign(titles=[titles[number] for number in kept.tolist()], more=more[kept])
    return pairs, total
