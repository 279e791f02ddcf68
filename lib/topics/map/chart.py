"""The map of partner cities as a pydeck Deck, and the styles lib/map_picture shares with it.

A pure builder: lib/map_data's MapData and the outlines of lib/basemap in, a Deck out. No tile
server: the Deck has no map provider and no map style, and the outlines are its first layer.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import pandas as pd
import pydeck as pdk

from lib.query.frame_rows import frame_tuples
from lib.query.limits import names_text
from lib.text.i18n import N_, format_number, tr
from lib.topics.map.compact_deck import CompactDeck
from lib.topics.map.data import COUNTED, OUTSIDE, PROJECTS, TIP_LINES, MapData
from lib.topics.map.framing import LABEL_PX, MAP_HEIGHT, fit_view, place_labels
from lib.topics.map.links import LINK_KINDS, LINK_WORDS
from lib.topics.map.tooltip import TOOLTIP, TOOLTIP_STYLE, tip_line
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY

LINK_COLOURS = {
    "twinning": OKABE_ITO[1],
    "network": OKABE_ITO[2],
    "travelled_to_event": OKABE_ITO[3],
}
COLOUR_WORDS = {
    OKABE_ITO[1]: N_("orange"),
    OKABE_ITO[2]: N_("bluish green"),
    OKABE_ITO[3]: N_("reddish purple"),
}
# Two links between the same two cities (twinned, and travelled to the meeting) must not
# hide each other: each kind bends to its own side.
BEND = {"twinning": 1.0, "network": 0.6, "travelled_to_event": -1.0}
DOT_COLOUR = OKABE_ITO[0]
QUOTED_ARCS = 300  # up to this many arcs, each arc's tooltip quotes its report's sentence
APPROXIMATE_ALPHA, EXACT_ALPHA = 110, 220  # an approximate count is drawn lighter
LAND, COAST, SEA = "#F4F2EC", "#A8A8A8", "#EAF1F6"


# A colour, a dot's place and a name's offset are tuples, which nobody can change and which
# the collector stops looking at once it has seen they hold only numbers: a map's deck keeps
# 1,800 cities' records, and lists in them were 10,000 objects the collector walked in every
# round after each filter change, and a round more often. JSON writes a tuple as a list.
@lru_cache(maxsize=256)
def _rgb(colour: str, alpha: int = 255) -> tuple[int, ...]:
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
        return _rgb(DOT_COLOUR, APPROXIMATE_ALPHA if approximate else EXACT_ALPHA)
    if status == OUTSIDE:
        return _rgb("#FFFFFF", 230)
    return _rgb(UNKNOWN_GREY, 230)


def drawn_cities(data: MapData, view: dict[str, float]) -> pd.DataFrame:
    """The places with coordinates, most important first (inside the filters, then biggest),
    with their dot's radius and colour and where their name goes in the first `view`."""
    on_map = data.on_map
    # the columns the deck and the picture read, not the table's long texts, taken and sorted
    places = on_map[list(_DRAWN_COLUMNS)].assign(
        radius=_radius(on_map, data.size_basis),
        # a hub (Sofia) is named before its spokes
        links=on_map["place"].map(data.link_ends).fillna(0),
    )
    places = places.sort_values(
        ["in_filter", "radius", "links", "name"], ascending=[False, False, False, True]
    )
    labels = place_labels(
        places["name"].tolist(),
        places["longitude"].tolist(),
        places["latitude"].tolist(),
        places["radius"].tolist(),
        view["zoom"],
        centre=(view["longitude"], view["latitude"]),
    )
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


def _city_records(cities: pd.DataFrame, language: str) -> list[dict[str, Any]]:
    """One small record a city: the deck's payload stays one point a city, not a figure.
    Big dots come first, so that a small dot beside a big one is drawn on top of it."""
    records = []
    full_text = tr(language, "The table under the map has the full text.")
    # each sentence translated once, filled in for each of a portfolio's 1,800 cities
    source_words, size_words = tr(language, "Source: {source}"), tr(language, "Dot size: {size}")
    outside, inside = _rgb(UNKNOWN_GREY), _rgb("#FFFFFF")
    # only the columns a record reads: each column read is made into a list of all the cities'
    shown = cities[list(_CITY_COLUMNS)].sort_values("radius", ascending=False)
    for row in frame_tuples(shown):
        sources = source_words.format(source=row.tip_sources) if row.tip_sources else ""
        where, where_cut = tip_line(f"{row.country} · {row.kind_words}")
        projects, projects_cut = tip_line(row.tip_roles)
        size, size_cut = tip_line(size_words.format(size=row.size_words))
        figures, figures_cut = tip_line(row.tip_figures)
        sources, sources_cut = tip_line(sources)
        cut = where_cut or projects_cut or size_cut or figures_cut or sources_cut
        records.append(
            {
                "name": row.name,
                "position": (row.longitude, row.latitude),
                "radius": row.radius,
                "fill": row.fill,
                "line": outside if row.status == OUTSIDE else inside,
                "tip_where": where,
                "tip_projects": projects,
                "tip_size": size,
                "tip_figures": figures,
                "tip_sources": sources,
                "tip_more": full_text if cut else "",
            }
        )
    return records


_DRAWN_COLUMNS = (
    "place", "name", "country", "kind_words", "longitude", "latitude", "in_filter", "status",
    "size_value", "size_words", "approximate", "tip_roles", "tip_figures", "tip_sources",
)  # fmt: skip
_CITY_COLUMNS = (
    "name", "longitude", "latitude", "radius", "fill", "status", "country", "kind_words",
    "tip_roles", "size_words", "tip_figures", "tip_sources",
)  # fmt: skip
_LABEL_COLUMNS = ("name", "longitude", "latitude", "anchor", "baseline", "offset", "zoom_free")


def _label_records(cities: pd.DataFrame, zoom: float) -> list[dict]:
    """The names free of collisions at the first view. A name that would cover another's, or
    a dot, is left off: its dot's tooltip and the table name it (the first view is what a
    reader sees, and zooming in only moves the names apart)."""
    return [
        {
            "name": row.name,
            "position": (row.longitude, row.latitude),
            "anchor": row.anchor,
            "baseline": row.baseline,
            "offset": row.offset,
        }
        for row in frame_tuples(cities[list(_LABEL_COLUMNS)])
        if row.zoom_free <= zoom
    ]


def _text_layer(records: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer",
        data=records,
        id="labels",
        get_position="position",
        get_text="name",
        get_size=LABEL_PX,
        size_units="'pixels'",
        get_color=[34, 34, 34, 255],
        font_family="'Source Sans Pro, Helvetica, Arial, sans-serif'",
        get_text_anchor="anchor",
        get_alignment_baseline="baseline",
        get_pixel_offset="offset",
        background=True,
        get_background_color=[255, 255, 255, 235],
        background_padding=[2, 1],
        # deck.gl draws only ASCII unless told otherwise: Cyrillic names need "auto".
        # Quoted, as every constant string: pydeck reads a bare string as an expression.
        character_set="'auto'",
        # names over the lines: an arc's height would otherwise put it in front of them
        parameters={"depthCompare": "always"},
        pickable=False,
    )


def _link_records(data: MapData) -> list[dict[str, Any]]:
    """One arc a pair of cities and kind of link, however many projects link them: the
    payload grows with the cities, not the portfolio."""
    records = []
    pairs, _ = data.linked_pairs
    # Hundreds of arcs name their report but leave its sentence to the Sources page: the
    # sentences would double what the browser is sent.
    quoted = len(pairs) <= QUOTED_ARCS
    language = data.language
    for row in frame_tuples(pairs):  # read a column at a time, not a value
        titles, more = row.titles, row.more
        where = tr(language, "{kind} link", kind=row.kind_words)
        if len(titles) > 1:
            count = format_number(len(titles), language)
            where = tr(language, "{kind} link of {n} projects", kind=row.kind_words, n=count)
        sources = tr(language, "Source: {source}", source=row.source)
        if quoted:
            sources += f": “{row.quote}”"
        if more:
            sources += " " + tr(language, "(and {n} more)", n=format_number(more, language))
        records.append(
            {
                "name": row.name,
                "from": (row.from_lon, row.from_lat),
                "to": (row.to_lon, row.to_lat),
                "colour": _rgb(LINK_COLOURS[row.kind]),
                "tilt": 50.0 * BEND[row.kind],
                "tip_where": where,
                "tip_projects": names_text(titles, TIP_LINES, "; ", language=language),
                "tip_size": "",
                "tip_figures": "",
                "tip_sources": tip_line(sources)[0],
                "tip_more": "",
            }
        )
    return records


def map_deck(data: MapData, outlines: dict[str, Any]) -> pdk.Deck:
    """Country outlines, links as arcs, a dot and a name for every city with coordinates."""
    focus = focus_places(data)
    view = fit_view(focus["latitude"].tolist(), focus["longitude"].tolist())
    cities = drawn_cities(data, view)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            data=outlines,
            id="countries",
            stroked=True,
            filled=True,
            get_fill_color=_rgb(LAND),
            get_line_color=_rgb(COAST),
            line_width_min_pixels=0.7,
            pickable=False,
        ),
        pdk.Layer(
            "ArcLayer",
            data=_link_records(data),
            id="links",
            get_source_position="from",
            get_target_position="to",
            get_source_color="colour",
            get_target_color="colour",
            get_tilt="tilt",
            get_height=0.3,
            get_width=3,
            width_units="'pixels'",
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            data=_city_records(cities, data.language),
            id="cities",
            get_position="position",
            get_radius="radius",
            radius_units="'pixels'",
            get_fill_color="fill",
            get_line_color="line",
            stroked=True,
            line_width_min_pixels=1.2,
            pickable=True,
        ),
        _text_layer(_label_records(cities, view["zoom"])),
    ]
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(**view),
        map_provider=None,
        height=MAP_HEIGHT,
        tooltip={"html": TOOLTIP, "style": TOOLTIP_STYLE},
    )


def legend_text(data: MapData) -> str:
    """The colours of the lines and dots in words (the map itself has no legend)."""
    language = data.language
    kinds = [k for k in LINK_KINDS if k in data.link_kinds]
    lines = ", ".join(
        f"{tr(language, COLOUR_WORDS[LINK_COLOURS[k]])} = {tr(language, LINK_WORDS[k]).lower()}"
        for k in kinds
    )
    if lines:
        words = [tr(language, "Lines: {lines}.", lines=lines)]
    else:
        words = [tr(language, "No links between these cities.")]
    drawn, pairs = data.linked_pairs
    if len(drawn) < pairs:
        words.append(
            tr(
                language,
                "Of {pairs} linked pairs of cities, the {drawn} that most projects link are "
                "drawn; the table lists every city's projects.",
                pairs=format_number(pairs, language),
                drawn=format_number(len(drawn), language),
            )
        )
    statuses = set(data.on_map["status"].tolist())
    words.append(tr(language, "Blue dots: sized as said below."))
    if statuses - {COUNTED, PROJECTS, OUTSIDE}:
        words.append(
            tr(language, "Small grey dots: no count of participants for the city (small, not 0).")
        )
    if OUTSIDE in statuses:
        words.append(
            tr(language, "Small white dots: partner cities outside the country or city filter.")
        )
    return " ".join(words)
