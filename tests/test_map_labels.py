"""Map: a city's name goes on the side of its dot free of every dot and earlier name from the
lowest zoom; the boxes that cannot touch it are left out of the look only to save time, so
the names land where a look at every box puts them."""

from __future__ import annotations

import random

from lib.topics.map import framing
from lib.topics.map.framing import MOST_EXTRA_ZOOM, SIDES, place_labels, world_pixels


def _touch(mine: tuple, here: tuple, other: tuple, there: tuple, scale: float) -> bool:
    """The two boxes overlap at this scale (each around its point, in pixels)."""
    hx, hy, x, y = here[0] * scale, here[1] * scale, there[0] * scale, there[1] * scale
    return (
        mine[0] + hx < other[2] + x
        and other[0] + x < mine[2] + hx
        and mine[1] + hy < other[3] + y
        and other[1] + y < mine[3] + hy
    )


def labels_by_every_box(names, longitudes, latitudes, radii, zoom, centre, labelled=None):
    """place_labels' names (of the first `labelled` cities, when given), each side checked
    against every box taken at every step."""
    positions = [world_pixels(x, y) for x, y in zip(longitudes, latitudes, strict=True)]
    inside = framing._first_view(centre, zoom)
    taken = [(here, (-r, -r, r, r)) for here, r in zip(positions, radii, strict=True)]
    placed = []
    for index, (name, here, radius) in enumerate(zip(names, positions, radii, strict=True)):
        if labelled is not None and index >= labelled:
            break
        boxes = [framing._box(name, radius, side) for side in SIDES]
        others = [box for at, box in enumerate(taken) if at != index]
        found = [None] * len(boxes)
        for first, last in framing._PASSES:
            for side, (_, box) in enumerate(boxes):
                for step in range(first, last):
                    scale = 2 ** (zoom + step / 4)
                    if not any(_touch(box, here, b, at, scale) for at, b in others):
                        found[side] = step
                        break
            if any(step is not None for step in found):
                break
        ranked = []
        for side, (offset, box), step in zip(SIDES, boxes, found, strict=True):
            free = zoom + MOST_EXTRA_ZOOM if step is None else zoom + step / 4
            ranked.append(((free, not inside(here, box)), side, offset, box))
        (free, _), side, offset, box = min(ranked, key=lambda item: item[0])
        taken.append((here, box))
        placed.append((side[0], side[1], offset, free))
    return placed


def crowd(
    chosen: random.Random, count: int, width: float, height: float
) -> tuple[list[str], list[float], list[float], list[float]]:
    """A crowded corner of the map, `width` by `height` degrees from 20° E, 42° N: long names
    and short ones, dots big and small (names, longitudes, latitudes, radii)."""
    names = [
        "".join(chosen.choice("abcdefghij") for _ in range(chosen.randint(3, 16)))
        for _ in range(count)
    ]
    longitudes = [20 + chosen.uniform(0, width) for _ in range(count)]
    latitudes = [42 + chosen.uniform(0, height) for _ in range(count)]
    radii = [chosen.choice([4.0, 6.5, 9.0, 16.0]) for _ in range(count)]
    return names, longitudes, latitudes, radii


def test_crowded_names_land_where_a_look_at_every_box_puts_them():
    count = 36
    names, longitudes, latitudes, radii = crowd(random.Random(16), count, 3, 1.5)
    zoom, centre = 5.0, (21.5, 42.75)
    labels = place_labels(names, longitudes, latitudes, radii, zoom, labelled=count, centre=centre)
    expected = labels_by_every_box(names, longitudes, latitudes, radii, zoom, centre)
    assert [
        (label.anchor, label.baseline, label.offset, label.zoom_free) for label in labels
    ] == expected
    waits = [label.zoom_free for label in labels]
    assert any(zoom < free < zoom + MOST_EXTRA_ZOOM for free in waits), "some names wait"
    assert waits.count(zoom) >= 3, "some names are free at the first view"


def test_names_in_a_crowd_of_hundreds_land_where_a_look_at_every_box_puts_them():
    """A portfolio's map: hundreds of dots close to each name, where the nearest are looked
    at first and the pass is over when they cover every side (framing._NEAREST)."""
    count, labelled = 400, 16
    names, longitudes, latitudes, radii = crowd(random.Random(12), count, 2.5, 1.2)
    zoom, centre = 5.0, (21.25, 42.6)
    assert count > 2 * framing._NEAREST  # more boxes close to a name than are looked at first
    labels = place_labels(
        names, longitudes, latitudes, radii, zoom, labelled=labelled, centre=centre
    )
    expected = labels_by_every_box(names, longitudes, latitudes, radii, zoom, centre, labelled)
    assert [
        (label.anchor, label.baseline, label.offset, label.zoom_free) for label in labels[:labelled]
    ] == expected
    waits = [label.zoom_free for label in labels[:labelled]]
    assert any(zoom < free < zoom + MOST_EXTRA_ZOOM for free in waits), "names wait in a crowd"
    assert all(label.zoom_free == float("inf") for label in labels[labelled:])
