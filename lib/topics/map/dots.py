"""The map's cities as drawn: which come first, each dot's radius and colour, where its name
goes, and the deck's records of the dots and the names, read from MapData's places.

The order and the names' sides are worked out once a deck, on the few columns that sort the
cities; the records are made from a list a column taken in that order, not from a sorted copy
of the places' frame walked row by row (at 100,000 projects the sorts, copies and walks of
1,800 cities' sixteen columns were a tenth of a filter change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from lib.text.i18n import tr
from lib.topics.map.data import COUNTED, OUTSIDE, PROJECTS, MapData
from lib.topics.map.framing import Label, place_labels
from lib.topics.map.tooltip import tip_line
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY

DOT_COLOUR = OKABE_ITO[0]
APPROXIMATE_ALPHA, EXACT_ALPHA = 110, 220  # an approximate count is drawn lighter


# A colour, a dot's place and a name's offset are tuples, which nobody can change and which
# the collector stops looking at once it has seen they hold only numbers: a map's deck keeps
# 1,800 cities' records, and lists in them were 10,000 objects the collector walked in every
# round after each filter change, and a round more often. JSON writes a tuple as a list.
@lru_cache(maxsize=256)
def rgba(colour: str, alpha: int = 255) -> tuple[int, ...]:
    return (*_channels(colour), alpha)  # one tuple a colour and alpha, shared


@lru_cache(maxsize=64)
def _channels(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # once a colour, not a dot


def focus_places(data: MapData) -> pd.DataFrame:
    """The places the first view fits: those inside the filters (all when none is), and of
    them the places where the projects work rather than their network's far members, when
    they are two or more (the six Balkan cities of our data, not Madrid and Stockholm, which
    are a zoom or a drag away). One city and its network are fitted whole: there the network
    is what the map shows."""
    on_map = data.on_map
    inside = on_map[on_map["in_filter"]]
    chosen = inside if len(inside) else on_map
    working = chosen[~chosen["network_only"]]
    return working if len(working) >= 2 else chosen


def _radius(places: pd.DataFrame, basis: str) -> list[float]:
    """Dot radius in pixels: area in proportion to the count; small fixed dots for no count."""
    sized = places["status"].isin([COUNTED, PROJECTS])
    largest = places.loc[sized, "size_value"].max() if sized.any() else 1.0
    radii = []
    for is_sized, value in zip(sized.tolist(), places["size_value"].tolist(), strict=True):
        if not is_sized:
            radii.append(4.0)
        elif basis == PROJECTS:
            radii.append(7.0 + 3.0 * (value - 1))
        else:
            radii.append(round(5.0 + 11.0 * math.sqrt(value / largest), 1))
    return radii


def dot_rgba(status: str, approximate: bool) -> tuple[int, ...]:
    if status in (COUNTED, PROJECTS):
        return rgba(DOT_COLOUR, APPROXIMATE_ALPHA if approximate else EXACT_ALPHA)
    if status == OUTSIDE:
        return rgba("#FFFFFF", 230)
    return rgba(UNKNOWN_GREY, 230)


@dataclass(frozen=True)
class Drawn:
    """The places with coordinates, most important first (inside the filters, then biggest,
    then with most links: a hub, Sofia, is named before its spokes, then by name): `order`,
    their positions among MapData.on_map's rows; `radius`, `links` and `labels` (where each
    name goes in the first view) in on_map's order and in this one."""

    order: np.ndarray
    radius: list[float]
    links: pd.Series
    labels: list[Label]

    def column(self, places: pd.DataFrame, name: str) -> list:
        """A column of `places` (MapData.on_map) in the drawn order, as Python values."""
        values = places[name].tolist()
        return [values[at] for at in self.order.tolist()]


def drawn(data: MapData, view: dict[str, float]) -> Drawn:
    on_map = data.on_map
    radius = _radius(on_map, data.size_basis)
    links = on_map["place"].map(data.link_ends).fillna(0)
    # only the four columns that order the cities sorted, as the whole rows were sorted
    keys = pd.DataFrame(
        {
            "in_filter": on_map["in_filter"].array,
            "radius": radius,
            "links": links.array,
            "name": on_map["name"].array,
        }
    )
    order = keys.sort_values(
        ["in_filter", "radius", "links", "name"], ascending=[False, False, False, True]
    ).index.to_numpy()
    at = order.tolist()
    names, longitudes = on_map["name"].tolist(), on_map["longitude"].tolist()
    latitudes = on_map["latitude"].tolist()
    labels = place_labels(
        [names[i] for i in at],
        [longitudes[i] for i in at],
        [latitudes[i] for i in at],
        [radius[i] for i in at],
        view["zoom"],
        centre=(view["longitude"], view["latitude"]),
    )
    return Drawn(order, radius, links, labels)


_DRAWN_COLUMNS = (
    "place", "name", "country", "kind_words", "longitude", "latitude", "in_filter", "status",
    "size_value", "size_words", "approximate", "tip_roles", "tip_figures", "tip_sources",
)  # fmt: skip


def drawn_cities(data: MapData, view: dict[str, float]) -> pd.DataFrame:
    """The places with coordinates in drawn()'s order, with their dot's radius and colour and
    where their name goes in the first `view` (the picture's frame)."""
    found = drawn(data, view)
    on_map = data.on_map
    places = on_map[list(_DRAWN_COLUMNS)].assign(radius=found.radius, links=found.links)
    places = places.take(found.order)
    labels = found.labels
    return places.assign(
        fill=[
            dot_rgba(s, a)
            for s, a in zip(places["status"].tolist(), places["approximate"].tolist(), strict=True)
        ],
        anchor=[label.anchor for label in labels],
        baseline=[label.baseline for label in labels],
        offset=[label.offset for label in labels],
        zoom_free=[label.zoom_free for label in labels],
    )


def city_records(data: MapData, found: Drawn) -> list[dict[str, Any]]:
    """One small record a city: the deck's payload stays one point a city, not a figure.
    Big dots come first, so that a small dot beside a big one is drawn on top of it."""
    language = data.language
    full_text = tr(language, "The table under the map has the full text.")
    # each sentence translated once, filled in for each of a portfolio's 1,800 cities
    source_words, size_words = tr(language, "Source: {source}"), tr(language, "Dot size: {size}")
    outside, inside = rgba(UNKNOWN_GREY), rgba("#FFFFFF")
    on_map = data.on_map
    radius = [found.radius[at] for at in found.order.tolist()]
    # the biggest first, sorted as pandas sorts one column (not a stable sort: its order of
    # equal radii is the one the deck has always had)
    by_size = pd.Series(radius).sort_values(ascending=False).index.tolist()
    columns = {
        name: found.column(on_map, name)
        for name in (
            "name",
            "longitude",
            "latitude",
            "status",
            "approximate",
            "country",
            "kind_words",
            "tip_roles",
            "size_words",
            "tip_figures",
            "tip_sources",
        )  # fmt: skip
    }
    records = []
    for at in by_size:
        name, status = columns["name"][at], columns["status"][at]
        tip_sources = columns["tip_sources"][at]
        sources = source_words.format(source=tip_sources) if tip_sources else ""
        where, where_cut = tip_line(f"{columns['country'][at]} · {columns['kind_words'][at]}")
        projects, projects_cut = tip_line(columns["tip_roles"][at])
        size, size_cut = tip_line(size_words.format(size=columns["size_words"][at]))
        figures, figures_cut = tip_line(columns["tip_figures"][at])
        sources, sources_cut = tip_line(sources)
        cut = where_cut or projects_cut or size_cut or figures_cut or sources_cut
        records.append(
            {
                "name": name,
                "position": (columns["longitude"][at], columns["latitude"][at]),
                "radius": radius[at],
                "fill": dot_rgba(status, columns["approximate"][at]),
                "line": outside if status == OUTSIDE else inside,
                "tip_where": where,
                "tip_projects": projects,
                "tip_size": size,
                "tip_figures": figures,
                "tip_sources": sources,
                "tip_more": full_text if cut else "",
            }
        )
    return records


def label_records(data: MapData, found: Drawn, zoom: float) -> list[dict]:
    """The names free of collisions at the first view. A name that would cover another's, or
    a dot, is left off: its dot's tooltip and the table name it (the first view is what a
    reader sees, and zooming in only moves the names apart)."""
    on_map = data.on_map
    names, longitudes, latitudes = (
        found.column(on_map, name) for name in ("name", "longitude", "latitude")
    )
    return [
        {
            "name": names[at],
            "position": (longitudes[at], latitudes[at]),
            "anchor": label.anchor,
            "baseline": label.baseline,
            "offset": label.offset,
        }
        for at, label in enumerate(found.labels)
        if label.zoom_free <= zoom
    ]
