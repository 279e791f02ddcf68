"""The words under the map: what a dot's size means, the table of every city with the figures and
sources behind its dot, and the places the map cannot show."""

from __future__ import annotations

import pandas as pd

from lib.text.i18n import N_, format_coordinate, ntr, tr
from lib.topics.map.data import PARTICIPANTS, MapData
from lib.topics.map.place_rows import table_order

NOT_IN_DATA = N_("not in the data")


def size_caption(data: MapData) -> str:
    """What a dot's size means, in words for the caption under the map."""
    if data.size_basis == PARTICIPANTS:
        return tr(
            data.language,
            "Dot size: participants from the city (where the report breaks a count down by "
            "origin) or at an event held there (where it does not); the area grows with the "
            "number.",
        )
    return tr(
        data.language,
        "Dot size: the number of selected projects that name the city (no report ties a "
        "count of participants to these cities).",
    )


def cities_table(data: MapData, rows: int | None = None) -> pd.DataFrame:
    """The table under the map: every place (its first `rows`, the ones a screen shows,
    when given), with the figures and sources behind its dot; as on the map, the biggest
    first, then by name, and the places not on the map last. What sizes the dot and the city
    lead (on a phone the first columns are the ones in view); a coordinate or id the data
    lacks reads as words, never as an empty number."""
    places = table_order(data.places, rows)
    language = data.language
    roles, events, on_map, kinds = (
        places[column].tolist() for column in ("roles", "events", "on_map", "kind_words")
    )
    yes, missing = tr(language, "yes"), tr(language, NOT_IN_DATA)

    def coordinates(column: str) -> list[str]:
        return [
            missing if absent else format_coordinate(degrees, language)
            for degrees, absent in _with_gaps(places[column])
        ]

    return pd.DataFrame(
        {
            tr(language, "Dot size"): places["size_words"],
            tr(language, "City"): places["name"],
            tr(language, "Country"): places["country"],
            tr(language, "What happened"): [
                tr(language, "{roles}; events held here: {events}", roles=named, events=held)
                if held
                else named
                for named, held in zip(roles, events, strict=True)
            ],
            tr(language, "Figures and their sources"): places["figures"].replace(
                "", tr(language, "none tied to this city")
            ),
            tr(language, "Projects"): places["project_titles"],
            tr(language, "On the map"): [
                yes if on else tr(language, "no: a {kind}; no coordinates in the data", kind=kind)
                for on, kind in zip(on_map, kinds, strict=True)
            ],
            tr(language, "Kind"): places["kind_words"],
            tr(language, "Latitude"): coordinates("latitude"),
            tr(language, "Longitude"): coordinates("longitude"),
            # an identifier: its digits as GeoNames writes them, not a number to group
            tr(language, "GeoNames id"): [
                missing if absent else str(int(key))
                for key, absent in _with_gaps(places["geonames_id"])
            ],
        }
    ).reset_index(drop=True)


def _with_gaps(column: pd.Series) -> zip:
    """Each value with whether it is missing: found for the column at once, not a value at a
    time (a table's thousand coordinates)."""
    return zip(column.tolist(), column.isna().tolist(), strict=True)


def not_on_map_text(data: MapData) -> str:
    """'Not on the map: Haskovo region (a region; no coordinates in the data)', or ''."""
    missing = data.not_on_map
    if missing.empty:
        return ""
    language = data.language
    parts = [
        tr(language, "{name} (a {kind}; no coordinates in the data)", name=name, kind=kind)
        for name, kind in zip(missing["name"].tolist(), missing["kind_words"].tolist(), strict=True)
    ]
    return tr(language, "Not on the map: {places}", places=", ".join(parts))


def unplaced_figures_text(data: MapData) -> str:
    """Why some of the selected projects' figures are not on the map: they are tied to no city."""
    return ntr(
        data.language,
        "{n} figure of these projects is not tied to a city (it is for a whole project, or "
        "for an event held online or at a place the report does not name), so the map does "
        "not place it: see the Overview.",
        "{n} figures of these projects are not tied to a city (they are for a whole project, "
        "or for an event held online or at a place the report does not name), so the map "
        "does not place them: see the Overview.",
        data.project_wide_figures,
    )
