"""The curators' command line: `dashboard-data validate`, `places lookup`, `places add`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.loader import data_dir_from_env, load_portfolio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dashboard-data", description="Check and curate the dashboard's data."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file; exit 1 on problems")
    validate.add_argument(
        "data_dir", nargs="?", type=Path, help="default: DASHBOARD_DATA_DIR or data/"
    )

    places = commands.add_parser("places", help="offline GeoNames look-up for places.yaml")
    place_commands = places.add_subparsers(dest="places_command", required=True)
    lookup = place_commands.add_parser("lookup", help="list GeoNames places with this name")
    lookup.add_argument("name")
    lookup.add_argument("--country", help="two-letter code, e.g. MK")
    add = place_commands.add_parser("add", help="add a GeoNames place to places.yaml")
    add.add_argument("geonames_id", type=int)
    add.add_argument("--bg", required=True, help="the name in Bulgarian (Cyrillic)")
    add.add_argument("--mk", required=True, help="the name in Macedonian (Cyrillic)")
    add.add_argument("--id", dest="place_id", help="default: made from the Latin name")
    add.add_argument("--kind", choices=["city", "municipality"], default="city")
    add.add_argument("--data-dir", type=Path)

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.data_dir or data_dir_from_env())
    if args.places_command == "lookup":
        return _lookup(args.name, args.country)
    return _add(args)


def _validate(data_dir: Path) -> int:
    result = load_portfolio(data_dir)
    for problem in result.problems:
        print(problem)
    if result.problems:
        count = len(result.problems)
        print(f"\n{count} problem{'s' if count > 1 else ''} in {data_dir}; nothing was loaded.")
        return 1
    portfolio = result.portfolio
    print(
        f"{data_dir}: valid. {len(portfolio.projects)} projects, {len(portfolio.values)} figures, "
        f"{len(portfolio.places)} places, {len(portfolio.sources)} sources, "
        f"{result.files_read} files."
    )
    return 0


def _lookup(name: str, country: str | None) -> int:
    from lib.gazetteer import GazetteerMissing, search

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
    print("\nAdd one with: dashboard-data places add GEONAMES_ID --bg NAME --mk NAME")
    return 0


def _add(args: argparse.Namespace) -> int:
    from lib.gazetteer import GazetteerMissing, by_id
    from lib.place_entry import append_place, entry_text, slug
    from lib.yaml_source import read_yaml

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
    append_place(places_file, entry_text(place, place_id, args.kind, args.bg, args.mk))
    print(f"Added {place.name} ({place.country}) as `{place_id}` to {places_file}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
