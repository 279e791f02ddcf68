"""Places for imported IATI locations, placed only where the file or the offline GeoNames
extract says where they are: coordinates are never guessed."""

from __future__ import annotations

import math
from typing import Any

from lib.curation.place_entry import slug
from lib.iati.activity import Location
from lib.load.geonames import BULGARIAN_LETTERS, MACEDONIAN_LETTERS, name_in_alphabet
from lib.model.languages import LANGUAGE_CODES

NEAR_KM = 10  # a GeoNames place of the same name this close to the file's point is the place


def resolve_place(
    location: Location, countries: list[str], language: str
) -> tuple[dict[str, Any] | None, str]:
    """A places.yaml entry (without its final id) for the location, or None and the reason."""
    gazetteer = _gazetteer()
    name = location.names.get(language) or next(iter(location.names.values()), "")
    if gazetteer is not None and location.geonames_id is not None:
        found = gazetteer.by_id(location.geonames_id)
        if found is not None:
            return _city(found, location), ""
    country = location.country or (countries[0] if len(countries) == 1 else "")
    if location.point is None:
        why = "no coordinates in the file"
        if location.geonames_id is not None:
            why += f" and GeoNames id {location.geonames_id} is not in the offline extract"
        if gazetteer is None:
            why += " (the offline GeoNames extract is not installed: `uv sync` the dev group)"
        return None, why
    if not country:
        return None, (
            "no country: the location names no ISO country and the activity does not have "
            "exactly one recipient country"
        )
    if gazetteer is not None and name:
        for candidate in gazetteer.search(name, country):
            if _km(location.point, (candidate.latitude, candidate.longitude)) <= NEAR_KM:
                return _city(candidate, location), ""
    note = (
        "Imported from IATI with the file's coordinates. No GeoNames place matches it, and a "
        "city needs a GeoNames id here, so it is kept as a region: check what it is."
    )
    return {
        "kind": "region",
        "country": country,
        "latitude": location.point[0],
        "longitude": location.point[1],
        "names": _names(location.names, name or location.ref, language),
        "note": note,
        "_slug": slug(name) or slug(location.ref),
    }, ""


def country_place(code: str, names: dict[str, str]) -> dict[str, Any]:
    """A whole recipient country, for an activity with no location that can be placed."""
    return {
        "kind": "region",
        "country": code,
        "names": {**names, "original": "en"},
        "note": (
            "The whole country: the IATI file names no location in it that could be placed. "
            "It has no coordinates and is listed beside the map."
        ),
        "_slug": f"country-{code.lower()}",
    }


def _city(found: Any, location: Location) -> dict[str, Any]:
    cyrillic = {
        "bg": name_in_alphabet(found, BULGARIAN_LETTERS),
        "mk": name_in_alphabet(found, MACEDONIAN_LETTERS),
    }
    names = {
        lang: location.names.get(lang) or cyrillic.get(lang) or found.name
        for lang in LANGUAGE_CODES
    }
    names["en"] = found.name  # our convention: the Latin name is GeoNames' own
    return {
        "kind": "city",
        "country": found.country,
        "geonames_id": found.geonames_id,
        "latitude": found.latitude,
        "longitude": found.longitude,
        "names": {**names, "original": "en"},
        "_slug": slug(found.name),
    }


def _names(names: dict[str, str], fallback: str, language: str) -> dict[str, str]:
    original = language if language in LANGUAGE_CODES else "en"
    text = names.get(language) or fallback
    return {lang: names.get(lang, text) for lang in LANGUAGE_CODES} | {"original": original}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine), enough to tell the same town from another."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _gazetteer() -> Any:
    """The offline gazetteer when its GeoNames extract (a dev dependency) is there, else None."""
    from lib.curation import gazetteer

    try:
        gazetteer.by_id(0)
    except gazetteer.GazetteerMissing:
        return None
    return gazetteer
