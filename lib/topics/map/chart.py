"""The map of partner cities as a pydeck Deck, and the styles lib/map_picture shares with it.

A pure builder: lib/map_data's MapData and the outlines of lib/basemap in, a Deck out. No tile
server: the Deck has no map provider and no map style, and the outlines are its first layer.
"""

from __future__ import annotations

from typing import Any

import pydeck as pdk

from lib.query.frame_rows import frame_tuples
from lib.query.limits import names_text
from lib.text.i18n import N_, format_number, tr
from lib.topics.map.compact_deck import CompactDeck, WrittenDeck
from lib.topics.map.data import COUNTED, OUTSIDE, PROJECTS, TIP_LINES, MapData
from lib.topics.map.dots import city_records, drawn, focus_places, label_records, rgba
from lib.topics.map.framing import LABEL_PX, MAP_HEIGHT, fit_view
from lib.topics.map.links import LINK_KINDS, LINK_WORDS
from lib.topics.map.tooltip import TOOLTIP, TOOLTIP_STYLE, tip_line
from lib.topics.palette import OKABE_ITO

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
QUOTED_ARCS = 300  # up to this many arcs, each arc's tooltip quotes its report's sentence
LAND, COAST, SEA = "#F4F2EC", "#A8A8A8", "#EAF1F6"


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
                "colour": rgba(LINK_COLOURS[row.kind]),
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
    found = drawn(data, view)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            data=outlines,
            id="countries",
            stroked=True,
            filled=True,
            get_fill_color=rgba(LAND),
            get_line_color=rgba(COAST),
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
            data=city_records(data, found),
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
        _text_layer(label_records(data, found, view["zoom"])),
    ]
    return CompactDeck(layers=layers, initial_view_state=pdk.ViewState(**view), **_DECK)


# what a deck holds besides its layers and view: Streamlit reads them from the Deck, not its JSON
_DECK: dict[str, Any] = {
    "map_provider": None,
    "height": MAP_HEIGHT,
    "tooltip": {"html": TOOLTIP, "style": TOOLTIP_STYLE},
}


def written_deck(data: MapData, outlines: dict[str, Any]) -> pdk.Deck:
    """map_deck's JSON alone: what the map page keeps for a filter (lib/topics/map/
    compact_deck.WrittenDeck)."""
    return WrittenDeck(map_deck(data, outlines).to_json(), **_DECK)


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
