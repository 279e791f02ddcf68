"""Where the map looks and where its names go: the first view that fits the selected cities,
and a side of its dot for each city's name, so that close cities do not write over each other.

Kumanovo, Butel, Shtip and Gevgelija lie within 120 km: on a map of Europe their names would
pile up, so the first view fits the cities where the projects work (lib/topics/map/chart.py's
focus_places). Each name tries eight sides of its dot, in the order of the cities' importance;
a name that still collides at the first view is marked with the zoom from which it no longer
does, and the map leaves it off (its tooltip names the city). deck.gl's own collision filter
would do this in the browser, but it hid every label in our tests, so it is computed here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LABEL_PX = 13  # font size of a name, in pixels
CHAR_PX = 7.0  # an average letter at that size, Latin or Cyrillic
# (text anchor, baseline, which way from the dot): right, left, above, below, then the corners
SIDES = (
    ("start", "center", 1, 0),
    ("end", "center", -1, 0),
    ("middle", "bottom", 0, -1),
    ("middle", "top", 0, 1),
    ("start", "bottom", 1, -1),
    ("start", "top", 1, 1),
    ("end", "bottom", -1, -1),
    ("end", "top", -1, 1),
)
DIAGONAL = 0.7  # a corner name sits this far along each axis, so it stays as close as a side's
MOST_EXTRA_ZOOM = 6.0
MAP_HEIGHT = 480
# The chart's width is only known in the browser; fitting a phone-wide box (390 px screen)
# keeps every city in view there, and a wider screen simply shows more around them.
FIT_WIDTH, FIT_HEIGHT = 340, MAP_HEIGHT
MIN_SPAN_DEGREES = 4.0


@dataclass(frozen=True)
class Label:
    """How one name is drawn: anchored on one side of its dot, `offset` pixels away, and
    free of collisions from `zoom_free` on."""

    anchor: str
    baseline: str
    offset: tuple[float, float]
    zoom_free: float


def _mercator_y(latitude: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def fit_view(latitudes: list[float], longitudes: list[float]) -> dict[str, float]:
    """Centre and zoom that show every given point with a margin, in a FIT_WIDTH x
    FIT_HEIGHT map (deck.gl's world is 512 px wide at zoom 0)."""
    west, east = min(longitudes), max(longitudes)
    south, north = min(latitudes), max(latitudes)
    # at least a region's width, so one city is shown with its surroundings, not a street map
    lon_span = max(east - west, MIN_SPAN_DEGREES) * 1.5  # room for names on either side
    y_span = max(_mercator_y(north) - _mercator_y(south), math.radians(MIN_SPAN_DEGREES * 0.6))
    y_span *= 1.35
    zoom = min(
        math.log2(FIT_WIDTH * 360 / (512 * lon_span)),
        math.log2(FIT_HEIGHT * 2 * math.pi / (512 * y_span)),
    )
    middle_y = (_mercator_y(north) + _mercator_y(south)) / 2
    latitude = math.degrees(2 * math.atan(math.exp(middle_y)) - math.pi / 2)
    return {
        "latitude": round(latitude, 4),
        "longitude": round((west + east) / 2, 4),
        "zoom": round(min(max(zoom, 1.0), 8.0), 2),
    }


def world_pixels(longitude: float, latitude: float) -> tuple[float, float]:
    """Web Mercator position in pixels at zoom 0, where the world is 512 pixels wide."""
    y = _mercator_y(latitude)
    return 512 * (longitude + 180) / 360, 512 * (math.pi - y) / (2 * math.pi)


def _box(name: str, radius: float, side: tuple) -> tuple[tuple[float, float], tuple]:
    """The pixel offset of the text and its box around the dot's centre (x0, y0, x1, y1)."""
    _, _, dx, dy = side
    width, height = CHAR_PX * len(name) + 4, LABEL_PX + 2
    gap = radius + 4
    if dx and dy:
        gap *= DIAGONAL
    offset = (dx * gap, dy * gap)
    x0 = offset[0] if dx > 0 else offset[0] - width if dx < 0 else -width / 2
    y0 = offset[1] if dy > 0 else offset[1] - height if dy < 0 else -height / 2
    return offset, (x0, y0, x0 + width, y0 + height)


_STEPS = int(MOST_EXTRA_ZOOM * 4) + 1  # the quarter steps of zoom a name may wait for
# The steps are checked a few at a time, the first first: a name is placed on a side free from
# the earliest step, so once a side is free, a side free only later could not be chosen over
# it. Each pass compares only the boxes close enough to touch at its first step: of a crowded
# map's 1,800 dots, fewer at each pass (most names of a portfolio's map wait for many steps).
_PASSES = ((0, 4), (4, 6), (6, 8), (8, 12), (12, 16), (16, 20), (20, _STEPS))
_NEAREST = 120  # of the boxes close to a name, those compared first (see free_steps)


class _Taken:
    """The boxes already placed (every dot, then each name), as arrays: a name's sides are
    checked against them at many steps of zoom in one comparison of arrays. The arrays have
    room for the names from the start (`more`), and each box's reach (its largest distance
    from its point) is kept: a name's look at a crowded map's 1,800 dots copied them all
    twice and measured every box again."""

    def __init__(
        self, positions: list[tuple[float, float]], radii: list[float], zoom: float, more: int
    ) -> None:
        count = len(radii)
        self.count = count
        self.at = np.zeros((count + more, 2))
        self.at[:count] = np.array(positions, dtype=float).reshape(-1, 2)
        r = np.array(radii, dtype=float)
        self.boxes = np.zeros((count + more, 4))
        if count:
            self.boxes[:count] = np.column_stack([-r, -r, r, r])
        # how far each box reaches from its point, across and up or down
        self.reach_x = np.abs(self.boxes[:, [0, 2]]).max(axis=1)
        self.reach_y = np.abs(self.boxes[:, [1, 3]]).max(axis=1)
        self.scales = np.array([2 ** (zoom + step / 4) for step in range(_STEPS)])
        self.skip = -1  # the dot whose name is being placed: its own dot is not in its way

    def add(self, here: tuple[float, float], box: tuple) -> None:
        self.at[self.count] = here
        self.boxes[self.count] = box
        self.reach_x[self.count] = max(abs(box[0]), abs(box[2]))
        self.reach_y[self.count] = max(abs(box[1]), abs(box[3]))
        self.count += 1

    def free_steps(self, here: tuple[float, float], mine: list[tuple]) -> list[int | None]:
        """For each box of `mine` around `here`, the first quarter step of zoom from the
        first view's at which it touches no box taken (boxes keep their pixel size while the
        distances between them grow), or None. Past a pass of steps, only when no box is
        free in it.

        Only the boxes that may touch one of `mine` are compared: distances only grow as one
        zooms in, so a box already farther, across or up or down, than both boxes' reach
        that way never will (a pixel of margin covers rounding). Names are wider than they
        are tall: a square reach, the width's both ways, compared four times the boxes."""
        count, scales = self.count, self.scales
        taken_at, taken_boxes = self.at[:count], self.boxes[:count]
        reach_x = max(max(abs(box[0]), abs(box[2])) for box in mine)
        reach_y = max(max(abs(box[1]), abs(box[3])) for box in mine)
        # the distance of each box over the distance it may touch from, across and up or down
        apart = np.maximum(
            np.abs(taken_at[:, 0] - here[0]) / (self.reach_x[:count] + reach_x + 1),
            np.abs(taken_at[:, 1] - here[1]) / (self.reach_y[:count] + reach_y + 1),
        )
        if 0 <= self.skip < len(apart):
            apart[self.skip] = np.inf
        boxes = np.array(mine, dtype=float)[:, :, None, None]  # box, corner, step, other box
        found: list[int | None] = [None] * len(mine)

        def free_of(close: np.ndarray, first: int, last: int) -> np.ndarray:
            """Whether each of `mine` (a row) is free of the `close` boxes at each step of
            the pass (a column)."""
            at, b = taken_at[close], taken_boxes[close]
            s = scales[first:last, None]
            x, y = at[:, 0] * s, at[:, 1] * s
            hx, hy = here[0] * s, here[1] * s
            return ~(
                (boxes[:, 0] + hx < b[:, 2] + x) & (b[:, 0] + x < boxes[:, 2] + hx)
                & (boxes[:, 1] + hy < b[:, 3] + y) & (b[:, 1] + y < boxes[:, 3] + hy)
            ).any(axis=2)  # fmt: skip

        for first, last in _PASSES:
            # the boxes close enough to touch at this pass's first (smallest) scale: the later
            # steps' scales, twice the first's and more, leave fewer of a crowded map's to compare
            close = np.flatnonzero(apart * scales[first] < 1)
            # In a crowd the nearest boxes alone already cover every side at every step of
            # the pass, and then the farther ones cannot free any: the pass is over without
            # them (most of a portfolio's names wait past the first passes, of 1,000 boxes).
            if len(close) > 2 * _NEAREST:
                nearest = close[np.argpartition(apart[close], _NEAREST)[:_NEAREST]]
                if not free_of(nearest, first, last).any():
                    continue
            free = free_of(close, first, last)  # a row a side, a column a step
            # each side's first free step, read for all sides at once
            for side, (any_free, step) in enumerate(
                zip(free.any(axis=1).tolist(), free.argmax(axis=1).tolist(), strict=True)
            ):
                if found[side] is None and any_free:
                    found[side] = first + step
            if any(step is not None for step in found):
                break
        return found


def _moved(box: tuple, at: tuple[float, float], scale: float) -> tuple:
    x, y = at[0] * scale, at[1] * scale
    return (box[0] + x, box[1] + y, box[2] + x, box[3] + y)


def _first_view(centre: tuple[float, float] | None, zoom: float):
    """Whether a name's box around a point lies inside the FIT_WIDTH x FIT_HEIGHT first view."""
    if centre is None:
        return lambda here, box: True
    scale = 2**zoom
    middle_x, middle_y = world_pixels(*centre)
    frame = (
        middle_x * scale - FIT_WIDTH / 2,
        middle_y * scale - FIT_HEIGHT / 2,
        middle_x * scale + FIT_WIDTH / 2,
        middle_y * scale + FIT_HEIGHT / 2,
    )

    def inside(here: tuple[float, float], box: tuple) -> bool:
        x0, y0, x1, y1 = _moved(box, here, scale)
        return frame[0] <= x0 and x1 <= frame[2] and frame[1] <= y0 and y1 <= frame[3]

    return inside


# A portfolio's hundreds of cities: only the most important are named (placing a name costs a
# look at every dot and name before it); the others show theirs on hover.
LABELLED = 60
UNLABELLED = Label("start", "center", (0.0, 0.0), math.inf)


def place_labels(
    names: list[str],
    longitudes: list[float],
    latitudes: list[float],
    radii: list[float],
    zoom: float,
    labelled: int = LABELLED,
    centre: tuple[float, float] | None = None,
) -> list[Label]:
    """A label for each of the first `labelled` cities, given most important first; each
    avoids every dot and the names placed before it, on whichever side frees it at the lowest
    zoom, and of those, on a side that stays inside a phone-wide first view around `centre`
    (longitude, latitude), when given. The cities after them get UNLABELLED (zoom_free
    infinite: never drawn)."""
    positions = [world_pixels(x, y) for x, y in zip(longitudes, latitudes, strict=True)]
    inside = _first_view(centre, zoom)
    taken = _Taken(positions, radii, zoom, min(labelled, len(names)))  # every dot
    labels: list[Label] = []
    for index, (name, here, radius) in enumerate(zip(names, positions, radii, strict=True)):
        if index >= labelled:
            labels.append(UNLABELLED)
            continue
        taken.skip = index
        boxes = [_box(name, radius, side) for side in SIDES]
        steps = taken.free_steps(here, [box for _, box in boxes])
        best: tuple[tuple[float, bool], tuple, tuple, tuple] | None = None
        for side, (offset, box), step in zip(SIDES, boxes, steps, strict=True):
            # of the sides free from the same zoom, one inside the first view
            free = zoom + MOST_EXTRA_ZOOM if step is None else zoom + step / 4
            rank = (free, not inside(here, box))
            if best is None or rank < best[0]:
                best = (rank, side, offset, box)
        assert best is not None
        (free, _), side, offset, box = best
        taken.add(here, box)
        labels.append(Label(side[0], side[1], offset, free))
    return labels
