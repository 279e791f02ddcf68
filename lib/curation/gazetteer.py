"""Offline GeoNames look-up for curators, so nobody types coordinates by hand.

It searches the GeoNames extract that lib/load/geonames reads (places of 500 or more people),
at curation time only: the dashboard itself never imports this module.
"""

from __future__ import annotations

import unicodedata

from lib.load.geonames import GazetteerMissing, GeoName, all_places, by_id

__all__ = ["GazetteerMissing", "GeoName", "by_id", "search"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search(name: str, country: str | None = None, limit: int = 10) -> list[GeoName]:
    """Places whose name or any Cyrillic name matches `name`, the most populous first."""
    wanted = _fold(name)
    found = [
        place
        for place in all_places().values()
        if (country is None or place.country == country.upper())
        and any(_fold(n) == wanted for n in (place.name, *place.cyrillic_names))
    ]
    return sorted(found, key=lambda place: -place.population)[:limit]
