"""`places lookup` and `places add`: the offline GeoNames look-up; no curator types coordinates."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lib.load.loader import data_dir_from_env
from lib.model.languages import TRANSLATED_LANGUAGES

if TYPE_CHECKING:
    pass


def run_places_lookup(name: str, country: str | None) -> int:
    from lib.curation.gazetteer import GazetteerMissing, search

    try:
        found = search(name, country)
    except GazetteerMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not found:
        print(f"No place named '{name}' in the offline GeoNames extract (places of 500+ people).")
        return 1
    for place in found:
        cyrillic = ", ".join(place.cyrillic_names) or "-"
        print(
            f"{place.geonames_id:>9}  {place.name} ({place.country})  "
            f"{place.latitude:.5f}, {place.longitude:.5f}  pop. {place.population:,}  {cyrillic}"
        )
    names = " ".join(f"--{code} NAME" for code in TRANSLATED_LANGUAGES)
    print(f"\nAdd one with: dashboard-data places add GEONAMES_ID {names}")
    return 0


def run_places_add(args: argparse.Namespace) -> int:
    from lib.curation.gazetteer import GazetteerMissing, by_id
    from lib.curation.place_entry import append_place, entry_text, slug
    from lib.load.yaml_reader import read_yaml

    data_dir = args.data_dir or data_dir_from_env()
    places_file = data_dir / "places.yaml"
    try:
        place = by_id(args.geonames_id)
    except GazetteerMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if place is None:
        print(f"GeoNames id {args.geonames_id} is not in the offline extract.", file=sys.stderr)
        return 1
    place_id = args.place_id or slug(place.name)
    existing = read_yaml(places_file, "places.yaml").value or {}
    for entry in existing.get("places") or []:
        if entry.get("id") == place_id or entry.get("geonames_id") == place.geonames_id:
            print(f"places.yaml already has this place (id {entry.get('id')}).", file=sys.stderr)
            return 1
    append_place(places_file, entry_text(place, place_id, args.kind, _names(args)))
    print(f"Added {place.name} ({place.country}) as `{place_id}` to {places_file}.")
    return 0


def _names(args: argparse.Namespace) -> dict[str, str]:
    """The place's names that `places add` was given, one option a translated language."""
    return {code: getattr(args, code) for code in TRANSLATED_LANGUAGES}
