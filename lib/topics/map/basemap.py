"""The country outlines the map is drawn over, so the app needs no tile server or internet.

They ship with the code, not with the curated data: a data folder set by DASHBOARD_DATA_DIR
holds projects and figures, while the outlines stay the same for every data set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BASEMAP_FILE = Path(__file__).resolve().parents[3] / "data" / "basemap" / "countries.geojson"


def load_country_outlines(path: Path = BASEMAP_FILE) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of country outlines (Polygon or MultiPolygon features).

    Read on every call: the file is 36 KB, and a fresh dict each time means no caller can
    change what another one draws.
    """
    outlines = json.loads(path.read_text(encoding="utf-8"))
    if outlines.get("type") != "FeatureCollection":
        raise ValueError(f"{path} is not a GeoJSON FeatureCollection")
    return outlines


def outline_rings(outlines: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every ring (outer boundary or hole) of every country as (longitude, latitude) points:
    what a plain line drawing of the outlines needs."""
    rings: list[list[tuple[float, float]]] = []
    for feature in outlines["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            rings.extend([(float(x), float(y)) for x, y in ring] for ring in polygon)
    return rings
