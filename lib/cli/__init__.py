"""The curators' command line, `dashboard-data`: `validate`, `build` (the snapshot the app opens),
`places lookup` and `places add`, `export` (IATI, HXL, CSV, Frictionless), `import-iati`, `synth`
(a synthetic portfolio) and `board-pack` (the A4 PDF for a board meeting). An interface like
lib/ui, at the top of the house: one module a group of commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from lib.cli.board_pack import add_board_pack_parser, run_board_pack
from lib.cli.checking import run_build, run_validate
from lib.cli.open_formats import add_open_format_parsers, run_export, run_import_iati
from lib.cli.places import run_places_add, run_places_lookup
from lib.cli.synth import add_synth_parser, run_synth
from lib.load.loader import data_dir_from_env
from lib.model.languages import LANGUAGES, SOURCE_LANGUAGE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dashboard-data", description="Check and curate the dashboard's data."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every data file; exit 1 on problems")
    validate.add_argument(
        "data_dir", nargs="?", type=Path, help="default: DASHBOARD_DATA_DIR or data/"
    )

    build = commands.add_parser(
        "build", help="validate, then write the snapshot the dashboard opens (lib/store)"
    )
    build.add_argument(
        "data_dir", nargs="?", type=Path, help="default: DASHBOARD_DATA_DIR or data/"
    )

    places = commands.add_parser("places", help="offline GeoNames look-up for places.yaml")
    place_commands = places.add_subparsers(dest="places_command", required=True)
    lookup = place_commands.add_parser("lookup", help="list GeoNames places with this name")
    lookup.add_argument("name")
    lookup.add_argument("--country", help="two-letter code, e.g. MK")
    add = place_commands.add_parser("add", help="add a GeoNames place to places.yaml")
    add.add_argument("geonames_id", type=int)
    for language in LANGUAGES:  # the source language's name is GeoNames' own
        if language.code != SOURCE_LANGUAGE:
            help_text = f"the name in {language.english_name}"
            add.add_argument(f"--{language.code}", required=True, help=help_text)
    add.add_argument("--id", dest="place_id", help="default: made from the Latin name")
    add.add_argument("--kind", choices=["city", "municipality"], default="city")
    add.add_argument("--data-dir", type=Path)
    add_open_format_parsers(commands)
    add_synth_parser(commands)
    add_board_pack_parser(commands)

    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.data_dir or data_dir_from_env())
    if args.command == "build":
        return run_build(args.data_dir or data_dir_from_env())
    if args.command == "synth":
        return run_synth(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "board-pack":
        return run_board_pack(args)
    if args.command == "import-iati":
        return run_import_iati(args)
    if args.places_command == "lookup":
        return run_places_lookup(args.name, args.country)
    return run_places_add(args)
