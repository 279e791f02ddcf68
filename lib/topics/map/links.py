"""The lines between partner cities: one row a link of the selected projects, and the pairs a map
draws a line between (bounded, so a portfolio's thousands of lines do not hide the cities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from lib.model.portfolio import Portfolio
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


def place_links(
    portfolio: Portfolio, project_ids: list[str], places: pd.DataFrame, language: str
) -> pd.DataFrame:
    # plain tuples: a frame's row look-up, twice for each of a portfolio's thousands of links,
    # made and dropped a Series each time
    columns = ["place", "name", "longitude", "latitude", "on_map"]
    by_id = {row.place: row for row in places[columns].itertuples(index=False)}
    rows = []
    for pid in project_ids:
        project = portfolio.projects[pid]
        for link in project.links:
            start, end = by_id[link.from_place], by_id[link.to_place]
            rows.append(
                {
                    "project": pid,
                    "project_title": project.title.get(language),
                    "kind": link.kind,
                    "kind_words": tr(language, LINK_WORDS[link.kind])
                    + inferred_mark(link, "kind", language, with_note=True),
                    "from_place": link.from_place,
                    "to_place": link.to_place,
                    "name": f"{start.name} – {end.name}",
                    "from_lon": start.longitude,
                    "from_lat": start.latitude,
                    "to_lon": end.longitude,
                    "to_lat": end.latitude,
                    "drawn": bool(start.on_map and end.on_map),
                    "source": portfolio.sources[link.source].title,
                    "quote": link.quote,
                }
            )
    # typed even when empty: an empty object column would select columns, not rows
    return pd.DataFrame(rows, columns=_LINK_COLUMNS).astype({"drawn": bool})


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
    groups = links.groupby(keys, sort=False)
    pairs = groups.head(1).reset_index(drop=True)
    titles = groups["project_title"].agg(lambda t: list(dict.fromkeys(t)))
    counts = groups.size()
    pairs = pairs.assign(
        titles=[titles[tuple(k)] for k in pairs[keys].itertuples(index=False)],
        more=[counts[tuple(k)] - 1 for k in pairs[keys].itertuples(index=False)],
    )
    if len(pairs) <= limit:
        return pairs, len(pairs)
    busy = data.places.set_index("place")["projects"]
    rank = pd.DataFrame(
        {
            "projects": pairs["titles"].map(len),
            "ends": pairs["from_place"].map(busy) + pairs["to_place"].map(busy),
        }
    )
    chosen = rank.sort_values(["projects", "ends"], ascending=False, kind="stable").index[:limit]
    return pairs.loc[sorted(chosen)].reset_index(drop=True), len(pairs)
