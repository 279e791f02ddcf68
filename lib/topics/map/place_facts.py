"""What the map writes about a place whatever the filters: its name, country, kind, GeoNames id
and coordinates, for every place the data version's projects name, as arrays by the place's
number (by_place.EveryPlace's). A filter change takes its places' rows from them, where
looking each place up in the portfolio and writing its words was a third of the time the map
spent on each of a portfolio's 1,800 places."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.model.portfolio import Portfolio
from lib.query.index import index_of
from lib.text.vocabulary import code_words


@dataclass(frozen=True)
class PlaceFacts:
    """Of each place (by its number), in one language; `None` where the data has no value."""

    name: np.ndarray
    country: np.ndarray  # the country's name, or its code when the data lacks the country
    country_code: np.ndarray
    kind: np.ndarray
    kind_words: np.ndarray
    geonames_id: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray
    on_map: np.ndarray  # it has coordinates


def place_facts(portfolio: Portfolio, places: np.ndarray, language: str) -> PlaceFacts:
    """The facts of `places` (by_place.every_place's, of this data version) in `language`,
    once a version and language."""
    return index_of(portfolio).once(
        ("map.place_facts", language), lambda: _place_facts(portfolio, places, language)
    )


def _place_facts(portfolio: Portfolio, places: np.ndarray, language: str) -> PlaceFacts:
    entries = [portfolio.places[place] for place in places.tolist()]
    countries = [portfolio.countries.get(entry.country) for entry in entries]

    def column(values: list) -> np.ndarray:
        array = np.empty(len(values), dtype=object)  # each value as it is, never converted
        array[:] = values
        return array

    return PlaceFacts(
        name=column([entry.names.get(language) for entry in entries]),
        country=column(
            [
                country.names.get(language) if country else entry.country
                for entry, country in zip(entries, countries, strict=True)
            ]
        ),
        country_code=column([entry.country for entry in entries]),
        kind=column([entry.kind for entry in entries]),
        kind_words=column([code_words(entry.kind, language) for entry in entries]),
        geonames_id=column([entry.geonames_id for entry in entries]),
        latitude=column([entry.latitude for entry in entries]),
        longitude=column([entry.longitude for entry in entries]),
        on_map=np.array(
            [entry.latitude is not None and entry.longitude is not None for entry in entries],
            dtype=bool,
        ),
    )
