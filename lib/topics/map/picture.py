"""The map as a picture: the same cities, links and outlines on plain longitude/latitude axes,
drawn by Plotly so its camera button saves a PNG with no map service and no internet.

A pure builder: lib/map_data's MapData and the outlines of lib/basemap in, a Figure out. No
geo traces (Plotly's geo and map traces fetch their base maps from the internet).
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import numpy as np
import plotly.graph_objects as go

from lib.text.escape import html_text
from lib.text.i18n import N_, tr
from lib.topics.map.basemap import outline_rings
from lib.topics.map.chart import BEND, COAST, LAND, LINK_COLOURS, SEA
from lib.topics.map.data import COUNTED, OUTSIDE, PROJECTS, MapData
from lib.topics.map.dots import drawn_cities, focus_places
from lib.topics.map.framing import MIN_SPAN_DEGREES, fit_view
from lib.topics.map.links import LINK_KINDS, LINK_WORDS

CURVE_POINTS = 24
TEXT_POSITION = {
    ("start", "center"): "middle right",
    ("end", "center"): "middle left",
    ("middle", "bottom"): "top center",
    ("middle", "top"): "bottom center",
    ("start", "bottom"): "top right",
    ("start", "top"): "bottom right",
    ("end", "bottom"): "top left",
    ("end", "top"): "bottom left",
}
GROUPS = {  # legend entry -> the dot statuses it holds
    N_("Partner city"): (COUNTED, PROJECTS),
    N_("No count for the city"): ("not reported", "no count"),
    N_("Outside the filter"): (OUTSIDE,),
}
# The compass points of the axes' ticks (10°E, 42°N), marked for the catalogs.
COMPASS = {"E": N_("E"), "W": N_("W"), "N": N_("N"), "S": N_("S")}


def curve(start: tuple[float, float], end: tuple[float, float], bend: float) -> np.ndarray:
    """A gentle arc from start to end (a quadratic Bézier), bent to one side by `bend`: the
    two links between Shtip and Strazhitsa bend apart, as the arcs on the map do."""
    (x0, y0), (x1, y1) = start, end
    control = ((x0 + x1) / 2 - (y1 - y0) * 0.15 * bend, (y0 + y1) / 2 + (x1 - x0) * 0.15 * bend)
    t = np.linspace(0, 1, CURVE_POINTS)[:, None]
    return ((1 - t) ** 2 * start + 2 * (1 - t) * t * np.array(control) + t**2 * end).round(4)


def _hover(*lines: str) -> str:
    """Plotly reads tags in hover text: the data's text is escaped, only our <br> stays."""
    return "<br>".join(html_text(line) for line in lines if line)


def _rgba(colour: list[int]) -> str:
    return f"rgba({colour[0]},{colour[1]},{colour[2]},{colour[3] / 255:.2f})"


def _add_outlines(figure: go.Figure, outlines: dict[str, Any]) -> None:
    # arrays, with a gap between rings: Plotly sends them packed, not as thousands of numbers
    gap = np.full((1, 2), np.nan)
    points = np.vstack([part for ring in outline_rings(outlines) for part in (np.array(ring), gap)])
    figure.add_scatter(
        x=points[:, 0],
        y=points[:, 1],
        mode="lines",
        fill="toself",
        fillcolor=LAND,
        line={"color": COAST, "width": 0.6},
        hoverinfo="skip",
        showlegend=False,
    )


def _add_links(figure: go.Figure, data: MapData) -> None:
    """One curve a pair of cities and kind of link, however many projects link them, with its
    words on a point at its middle: a portfolio's thousands of links stay a small figure."""
    links, _ = data.linked_pairs
    gap = np.full((1, 2), np.nan)  # breaks the line between one curve and the next
    for kind in LINK_KINDS:
        pairs = links[links["kind"] == kind]
        if pairs.empty:
            continue
        rows = list(pairs.itertuples(index=False))
        curves = [
            curve((row.from_lon, row.from_lat), (row.to_lon, row.to_lat), BEND[kind])
            for row in rows
        ]
        # single precision: a hundred metres at most, and half the bytes sent
        points = np.vstack([part for points in curves for part in (points, gap)]).astype("f4")
        figure.add_scatter(
            x=points[:, 0],
            y=points[:, 1],
            mode="lines",
            name=tr(data.language, LINK_WORDS[kind]),
            hoverinfo="skip",
            line={"color": LINK_COLOURS[kind], "width": 2.5},
        )
        middles = np.array([points[CURVE_POINTS // 2] for points in curves])
        figure.add_scatter(
            x=middles[:, 0],
            y=middles[:, 1],
            mode="markers",
            name=tr(data.language, LINK_WORDS[kind]),
            marker={"size": 10, "color": LINK_COLOURS[kind], "opacity": 0.01},
            hovertext=[
                _hover(
                    row.name,
                    tr(data.language, "{kind} link", kind=row.kind_words),
                    row.project_title,
                )
                for row in rows
            ],
            hoverinfo="text",
            showlegend=False,
        )


def _add_cities(figure: go.Figure, data: MapData, view: dict[str, float]) -> None:
    zoom = view["zoom"]
    cities = drawn_cities(data, view)
    for name, statuses in GROUPS.items():
        group = cities[cities["status"].isin(statuses)]
        if group.empty:
            continue
        figure.add_scatter(
            x=group["longitude"],
            y=group["latitude"],
            mode="markers+text",
            name=tr(data.language, name),
            text=[
                "" if math.isinf(z) else html_text(n)  # unnamed on the map: hover names it
                for n, z in zip(group["name"], group["zoom_free"], strict=True)
            ],
            textposition=[
                TEXT_POSITION[a, b] for a, b in zip(group["anchor"], group["baseline"], strict=True)
            ],
            # a name that collides on the first view of the map is written smaller here
            textfont={
                "size": [12 if z <= zoom else 9 for z in group["zoom_free"]],
                "color": "#222222",
            },
            marker={
                "size": (group["radius"] * 2).tolist(),
                "color": [_rgba(fill) for fill in group["fill"]],
                "line": {"color": COAST if OUTSIDE in statuses else "white", "width": 1},
            },
            hovertext=[
                _hover(
                    r.name,
                    f"{r.country} · {r.kind_words}",
                    r.tip_roles,
                    tr(data.language, "Dot size: {size}", size=r.size_words),
                )
                for r in group.itertuples(index=False)
            ],
            hoverinfo="text",
        )


def degree_ticks(
    low: float, high: float, positive: str, negative: str, language: str = "en"
) -> dict:
    """Tick marks such as 10°W, 0°, 10°E. They run past the range on both sides, because
    Plotly widens one axis to keep the two in proportion and the widened part needs ticks."""
    span = high - low
    step = next((s for s in (1, 2, 5, 10, 20) if span / s <= 6), 30)
    values = range(math.floor(low - span) // step * step, math.ceil(high + span) + 1, step)
    east, west = tr(language, COMPASS[positive]), tr(language, COMPASS[negative])
    texts = [f"{abs(v)}°{east if v > 0 else west if v < 0 else ''}" for v in values]
    return {"tickvals": list(values), "ticktext": texts}


def _title(title: str) -> str:
    """Plotly does not wrap a title; a long one is broken into lines that fit a phone."""
    return "<br>".join(html_text(line) for line in textwrap.wrap(title, 48))


def map_picture(data: MapData, outlines: dict[str, Any], title: str) -> go.Figure:
    """The map on plain longitude/latitude axes, with equal distances at the map's centre."""
    focus = focus_places(data)
    view = fit_view(focus["latitude"].tolist(), focus["longitude"].tolist())
    figure = go.Figure()
    _add_outlines(figure, outlines)
    _add_links(figure, data)
    _add_cities(figure, data, view)
    west, east = focus["longitude"].min(), focus["longitude"].max()
    south, north = focus["latitude"].min(), focus["latitude"].max()
    # as on the map: at least a region's width, so one city is shown with its surroundings
    pad_x = (max(east - west, MIN_SPAN_DEGREES) - (east - west)) / 2 + 0.15 * (east - west) + 0.3
    pad_y = (max(north - south, MIN_SPAN_DEGREES * 0.6) - (north - south)) / 2
    pad_y += 0.15 * (north - south) + 0.3
    figure.update_layout(
        title={"text": _title(title)},
        height=600,
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        plot_bgcolor=SEA,
        legend={"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0},
        xaxis={
            "range": [west - pad_x, east + pad_x * 2.5],  # room for names right of the dots
            "showgrid": False,
            "zeroline": False,
            **degree_ticks(west - pad_x, east + pad_x * 2.5, "E", "W", data.language),
        },
        # 1° of latitude is 1/cos(latitude) times as long as 1° of longitude
        yaxis={
            "range": [south - pad_y, north + pad_y],
            "scaleanchor": "x",
            "scaleratio": 1 / math.cos(math.radians((south + north) / 2)),
            "showgrid": False,
            "zeroline": False,
            **degree_ticks(south - pad_y, north + pad_y, "N", "S", data.language),
        },
    )
    return figure
