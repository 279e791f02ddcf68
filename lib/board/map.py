"""The board pack's map: the partner cities over the offline country outlines, with their links
and names, drawn by matplotlib as SVG (see lib/board/charts.py) with no tile server.

A pure builder: lib/map_data's MapData and lib/basemap's outlines in, SVG bytes out. As on the
dashboard, the map fits the cities where the projects work; when a network reaches further, a
small map of the whole in a corner shows it. A place without coordinates is not drawn (the page
lists it); a name that would hide another is left off the picture, never the place's dot.
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from lib.board.charts import STYLE, page_figure, svg_bytes  # sets the Agg backend
from lib.board.rows import PAGE, Medium, wrap
from lib.text.i18n import tr
from lib.topics.map.basemap import outline_rings
from lib.topics.map.chart import BEND, COAST, LAND, LINK_COLOURS, SEA
from lib.topics.map.data import COUNTED, MapData
from lib.topics.map.dots import focus_places
from lib.topics.map.framing import MIN_SPAN_DEGREES
from lib.topics.map.picture import curve
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY

MAP_SHAPE = 5.4 / 7.4  # height for width, where the medium leaves room for it
INSET = (0.66, 0.0, 0.34, 0.34)  # the whole network's small map: x, y, width, height
LABELLED = 40  # names tried on the map, biggest dots first: more would not fit a page


def map_picture_svg(data: MapData, outlines: dict[str, Any], medium: Medium = PAGE) -> bytes | None:
    """The partner cities over the offline country outlines, with their links and names; a
    dot's area is in proportion to its count. None when no place has coordinates."""
    on_map = data.on_map
    if on_map.empty:
        return None
    counted = on_map["status"] == COUNTED
    largest = on_map.loc[counted, "size_value"].max() if counted.any() else 1.0
    scale = (medium.font_pt / PAGE.font_pt) ** 2  # dots grow with the type
    sizes = [
        (40 + 300 * (value / largest) if ok else 18) * scale
        for ok, value in zip(counted, on_map["size_value"].fillna(0), strict=True)
    ]
    with plt.rc_context(STYLE):
        figure, axes = page_figure(medium.width_in * MAP_SHAPE, medium)
        _draw(axes, data, outlines, sizes, line_width=1.6 * medium.font_pt / PAGE.font_pt)
        # the kinds of link under the map, not over it: at a screen's size they hid cities
        handles, names = axes.get_legend_handles_labels()
        unique = {
            wrap(name, medium.label_chars): handle
            for name, handle in zip(names, handles, strict=True)
        }
        lines = sum(name.count("\n") + 1 for name in unique)
        legend_in = lines * medium.line_in * 1.2 + medium.gap_in if unique else 0.0
        height = medium.width_in * MAP_SHAPE
        if medium.max_height_in is not None:
            height = min(height, medium.max_height_in - legend_in)
        figure.set_size_inches(medium.width_in, height + legend_in)
        bottom = legend_in / (height + legend_in)
        figure.subplots_adjust(left=0.005, right=0.995, bottom=bottom, top=0.995)
        ratio = medium.width_in * 0.99 / (height * 0.99)
        west, east, south, north = _extent(focus_places(data))
        _fit(axes, west, east, south, north, ratio)
        if unique:
            figure.legend(
                unique.values(),
                unique.keys(),
                loc="lower left",
                frameon=False,
                bbox_to_anchor=(0, 0),
                fontsize=medium.font_pt,
            )
        taken = []  # what a name must not cover besides dots and names: the inset
        if len(_outside(axes, on_map)):
            whole = axes.inset_axes(INSET)
            _draw(whole, data, outlines, [size / 4 for size in sizes], line_width=0.8)
            _fit(whole, *_extent(on_map), INSET[2] / INSET[3] * ratio)
            title = tr(data.language, "All partner cities")
            whole.set_title(title, fontsize=medium.font_pt, pad=2)
            taken.append(whole)
        _label_cities(figure, axes, on_map, sizes, taken, medium.font_pt)
        return svg_bytes(figure)


def _draw(
    axes: Any, data: MapData, outlines: dict[str, Any], sizes: list[float], line_width: float
) -> None:
    """Country outlines, the links as curves and the cities as dots, with no ticks."""
    on_map = data.on_map
    axes.set_facecolor(SEA)
    for ring in outline_rings(outlines):
        xs, ys = zip(*ring, strict=True)
        axes.fill(xs, ys, facecolor=LAND, edgecolor=COAST, linewidth=0.4)
    pairs, _ = data.linked_pairs
    for row in pairs.itertuples(index=False):
        points = curve((row.from_lon, row.from_lat), (row.to_lon, row.to_lat), BEND[row.kind])
        axes.plot(
            points[:, 0],
            points[:, 1],
            color=LINK_COLOURS[row.kind],
            linewidth=line_width,
            label=row.kind_words,
        )
    counted = on_map["status"] == COUNTED
    axes.scatter(
        on_map["longitude"],
        on_map["latitude"],
        s=sizes,
        c=[OKABE_ITO[0] if ok else UNKNOWN_GREY for ok in counted],
        alpha=0.85,
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
    )
    axes.set_xticks([])
    axes.set_yticks([])
    axes.spines[["top", "right"]].set_visible(True)


def _outside(axes: Any, places: pd.DataFrame) -> pd.DataFrame:
    """The places that fall outside the axes' view."""
    (west, east), (south, north) = axes.get_xlim(), axes.get_ylim()
    inside = places["longitude"].between(west, east) & places["latitude"].between(south, north)
    return places[~inside]


def _extent(shown: pd.DataFrame) -> tuple[float, float, float, float]:
    """West, east, south and north of the places, padded, at least MIN_SPAN_DEGREES wide."""
    west, east = shown["longitude"].min(), shown["longitude"].max()
    south, north = shown["latitude"].min(), shown["latitude"].max()
    half_x = max(east - west, MIN_SPAN_DEGREES) * 0.6
    half_y = max(north - south, MIN_SPAN_DEGREES * 0.6) * 0.62
    middle_x, middle_y = (west + east) / 2, (south + north) / 2
    return middle_x - half_x, middle_x + half_x, middle_y - half_y, middle_y + half_y


def _fit(axes: Any, west: float, east: float, south: float, north: float, ratio: float) -> None:
    """Widen the longitudes or latitudes so the area fills a frame `ratio` times as wide as
    high, undistorted at its middle latitude."""
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    width, height = east - west, (north - south) * stretch
    if width < ratio * height:
        grow = (ratio * height - width) / 2
        west, east = west - grow, east + grow
    else:
        grow = (width / ratio - height) / stretch / 2
        south, north = south - grow, north + grow
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(stretch)


def _overlaps(box: Any, other: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = other
    return not (box.x1 < x0 or box.x0 > x1 or box.y1 < y0 or box.y0 > y1)


def _label_cities(
    figure: Figure,
    axes: Any,
    places: pd.DataFrame,
    sizes: list[float],
    taken: list[Any],
    font_pt: float,
) -> None:
    """Each city's name (and its count) beside its dot, on the first side where it hides no
    other name or dot, nor the `taken` artists: right, left, above, below, then the corners.
    The biggest dots are named first (up to LABELLED); a name that fits nowhere is left out
    (the page lists the places in words)."""
    renderer = figure.canvas.get_renderer()
    order = sorted(range(len(places)), key=lambda i: -sizes[i])
    points = axes.transData.transform(places[["longitude", "latitude"]].to_numpy(dtype=float))
    dots = {}
    for i, ((x, y), size) in enumerate(zip(points, sizes, strict=True)):
        radius = math.sqrt(size) / 2 * figure.dpi / 72
        dots[i] = (x - radius, y - radius, x + radius, y + radius)
    sides = (
        ((1, 0), "left", "center"),
        ((-1, 0), "right", "center"),
        ((0, 1), "center", "bottom"),
        ((0, -1), "center", "top"),
        ((0.7, 0.7), "left", "bottom"),
        ((0.7, -0.7), "left", "top"),
        ((-0.7, 0.7), "right", "bottom"),
        ((-0.7, -0.7), "right", "top"),
    )
    frame = axes.get_window_extent(renderer)
    names: list[tuple[float, float, float, float]] = []
    for artist in taken:
        box = artist.get_tightbbox(renderer)
        names.append((box.x0, box.y0, box.x1, box.y1))
    for i in order[:LABELLED]:
        row = places.iloc[i]
        text = row["name"] + (f"\n{row['size_words']}" if row["status"] == COUNTED else "")
        gap = 2 + math.sqrt(sizes[i]) / 2
        for (dx, dy), ha, va in sides:
            label = axes.annotate(
                text,
                (row["longitude"], row["latitude"]),
                xytext=(dx * gap, dy * gap),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=font_pt,
                linespacing=1.1,
                zorder=4,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.8, "lw": 0},
            )
            box = label.get_window_extent(renderer)
            inside = (
                frame.x0 <= box.x0
                and box.x1 <= frame.x1
                and frame.y0 <= box.y0 <= box.y1 <= frame.y1
            )
            others = [dot for j, dot in dots.items() if j != i] + names
            if inside and not any(_overlaps(box, other) for other in others):
                names.append((box.x0, box.y0, box.x1, box.y1))
                break
            label.remove()
