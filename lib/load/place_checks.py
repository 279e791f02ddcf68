"""The places of a data folder against the offline GeoNames extract: every `geonames_id`
exists there, and the coordinates lie within 1 km of where GeoNames puts it.

`dashboard-data validate` runs this beside the loader's checks; the dashboard does not, since
reading the extract takes seconds and hundreds of megabytes (lib/load/geonames.py).
"""

from __future__ import annotations

from pathlib import Path

from lib.load.geonames import by_id, distance_km
from lib.load.yaml_reader import line_of, read_yaml
from lib.model.problems import Problem

PLACES_FILE = "places.yaml"
MAX_DISTANCE_KM = 1.0
HOW_TO_FIX = "look it up with `dashboard-data places lookup NAME` and add it with `places add ID`"


def gazetteer_problems(data_dir: Path) -> list[Problem]:
    """Problems of places.yaml's GeoNames ids and coordinates; its other problems (a missing
    field, a wrong type) are the loader's to report."""
    path = data_dir / PLACES_FILE
    if not path.is_file():
        return []
    document = read_yaml(path, PLACES_FILE)
    value = document.value
    if not isinstance(value, dict) or not isinstance(value.get("places"), list):
        return []
    problems = []
    for index, entry in enumerate(value["places"]):
        if isinstance(entry, dict):
            problems += _place_problems(entry, ("places", index), document.lines)
    return problems


def _place_problems(entry: dict, base: tuple, lines: dict) -> list[Problem]:
    geonames_id = entry.get("geonames_id")
    if not isinstance(geonames_id, int) or isinstance(geonames_id, bool):
        return []
    line = line_of(lines, base + ("geonames_id",))
    found = by_id(geonames_id)
    if found is None:
        message = f"{geonames_id} is not a GeoNames id in the offline extract; {HOW_TO_FIX}"
        return [Problem(PLACES_FILE, line, "geonames_id", message)]
    problems = []
    country = entry.get("country")
    if isinstance(country, str) and country != found.country:
        message = (
            f"GeoNames {geonames_id} is {found.name} in {found.country}, not in {country}: "
            f"the id or the country is wrong; {HOW_TO_FIX}"
        )
        problems.append(Problem(PLACES_FILE, line, "geonames_id", message))
    latitude, longitude = entry.get("latitude"), entry.get("longitude")
    if _is_number(latitude) and _is_number(longitude):
        distance = distance_km(float(latitude), float(longitude), found)
        if distance > MAX_DISTANCE_KM:
            message = (
                f"these coordinates are {distance:,.0f} km from {found.name} (GeoNames "
                f"{geonames_id}, at {found.latitude}, {found.longitude}); do not type "
                f"coordinates: {HOW_TO_FIX}, which writes them"
            )
            where = line_of(lines, base + ("latitude",))
            problems.append(Problem(PLACES_FILE, where, "latitude", message))
    return problems


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
