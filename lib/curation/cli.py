"""The curators' command line: `dashboard-data validate`, `build` (the snapshot the app
opens), `places lookup`, `places add`,
`export` (IATI, HXL, CSV, Frictionless), `import-iati`, `synth` (a synthetic portfolio) and
`board-pack` (the A4 PDF for a board meeting)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lib.load.loader import LoadResult, data_dir_from_env, load_portfolio
from lib.load.place_checks import gazetteer_problems
from lib.model.languages import LANGUAGE_CODES, LANGUAGES, SOURCE_LANGUAGE, TRANSLATED_LANGUAGES

if TYPE_CHECKING:
    from lib.model.portfolio import Portfolio
    from lib.query.filters import Filters


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
    _add_open_format_parsers(commands)
    _add_synth_parser(commands)
    _add_board_pack_parser(commands)

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.data_dir or data_dir_from_env())
    if args.command == "build":
        return _build(args.data_dir or data_dir_from_env())
    if args.command == "synth":
        return _synth(args)
    if args.command == "export":
        return _export(args)
    if args.command == "board-pack":
        return _board_pack(args)
    if args.command == "import-iati":
        return _import_iati(args)
    if args.places_command == "lookup":
        return _lookup(args.name, args.country)
    return _add(args)


FILTER_OPTIONS = {
    "country": "countries",
    "city": "cities",
    "funder": "funders",
    "programme": "programmes",
    "project": "projects",
}


def _add_open_format_parsers(commands: argparse._SubParsersAction) -> None:
    from lib.exports.formats import FORMATS

    export = commands.add_parser(
        "export", help="write the data (or the filtered part) as IATI XML, HXL CSV, CSV or ZIP"
    )
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", type=Path, help="the file to write; default: standard output")
    export.add_argument("--data-dir", type=Path, help="default: DASHBOARD_DATA_DIR or data/")
    export.add_argument("--language", choices=LANGUAGE_CODES, default=SOURCE_LANGUAGE)
    _add_audience_and_filters(export)

    iati = commands.add_parser(
        "import-iati", help="convert IATI activity files into a new data folder"
    )
    iati.add_argument("files", nargs="+", type=Path, metavar="FILE.xml")
    iati.add_argument("--out", type=Path, required=True, help="a new or empty folder")


def _add_audience_and_filters(parser: argparse.ArgumentParser) -> None:
    """The options `export` and `board-pack` share: who the output is for, and the filters."""
    parser.add_argument(
        "--audience",
        choices=["public", "board"],
        help="public: published projects only, small counts of vulnerable people hidden; "
        "board: everything. Default: DASHBOARD_AUDIENCE, else public",
    )
    for option, field in FILTER_OPTIONS.items():
        parser.add_argument(
            f"--{option}", dest=field, action="append", default=[],
            help=f"{option} id(s); repeat the option or separate ids with commas",
        )  # fmt: skip
    parser.add_argument("--from", dest="first_year", type=int, help="first year")
    parser.add_argument("--to", dest="last_year", type=int, help="last year")


def _audience_view(args: argparse.Namespace) -> tuple[Portfolio, Filters] | int:
    """The data as the chosen audience may see it, and the filters; or the exit status after
    saying on standard error what is wrong (2: the options, 1: the data)."""
    from lib.exports.formats import filters_from_ids
    from lib.load.audience import audience_from_env, for_audience

    audience, unknown = (args.audience, None) if args.audience else audience_from_env()
    if unknown is not None:
        print(f"error: DASHBOARD_AUDIENCE is '{unknown}', not public or board", file=sys.stderr)
        return 2
    data_dir = args.data_dir or data_dir_from_env()
    result = load_portfolio(data_dir)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"\n{data_dir} has problems; run `dashboard-data validate`.", file=sys.stderr)
        return 1
    portfolio = for_audience(result.portfolio, audience)
    chosen = {field: getattr(args, field) for field in FILTER_OPTIONS.values()}
    filters, errors = filters_from_ids(portfolio, chosen, args.first_year, args.last_year)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 2 if errors else (portfolio, filters)


def _export(args: argparse.Namespace) -> int:
    from lib.curation.atomic import write_bytes_atomically, write_error
    from lib.exports.formats import export

    if args.out is not None and _unwritable(args.out):
        return 2
    view = _audience_view(args)
    if isinstance(view, int):
        return view
    portfolio, filters = view
    output = export(portfolio, args.format, filters, args.language)
    # The report goes where it does not mix with the data: standard error when the data
    # itself goes to standard output.
    report = sys.stdout if args.out else sys.stderr
    if args.out is None:
        sys.stdout.buffer.write(output.data)
        sys.stdout.flush()
    else:
        try:
            write_bytes_atomically(args.out, output.data)
        except OSError as error:
            print(f"error: {write_error(args.out, error)}", file=sys.stderr)
            return 2
    for line in output.report:
        print(line, file=report)
    if args.out:
        print(f"Wrote {args.out} ({len(output.data):,} bytes).", file=report)
    return 0


def _import_iati(args: argparse.Namespace) -> int:
    from lib.curation.atomic import write_error
    from lib.curation.writer import existing_data_files, write_data_dir
    from lib.iati.importer import import_iati

    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    existing = existing_data_files(args.out)
    if existing:
        print(
            f"error: {args.out} already holds {', '.join(existing)}; "
            "give a new or empty folder, so that no curated file is overwritten",
            file=sys.stderr,
        )
        return 2
    if args.out.exists() and not args.out.is_dir():
        print(f"error: {args.out} is a file; give a new or empty folder", file=sys.stderr)
        return 2
    result = import_iati(args.files, _reading_progress)
    print("\n".join(result.report))
    if result.projects == 0:
        print("Nothing could be imported as a project, so no folder was written.")
        return 1
    try:
        write_data_dir(args.out, result.files)
    except OSError as error:
        print(f"error: {write_error(args.out, error)}", file=sys.stderr)
        return 2
    print(f"Wrote {len(result.files)} files to {args.out}. Checking them:")
    return _validate(args.out)


def _reading_progress(name: str, activities: int) -> None:
    """A long import says it is working: a 200 MB file is minutes of reading."""
    from lib.iati.importer import activities_text

    print(f"{name}: {activities_text(activities)} read so far", file=sys.stderr, flush=True)


def _validate(data_dir: Path) -> int:
    # The GeoNames checks read a large extract, so the dashboard's load leaves them to here.
    return _report(load_portfolio(data_dir), gazetteer_problems(data_dir))


def _build(data_dir: Path) -> int:
    import time

    from lib.store.build import build, cache_dir_for
    from lib.store.published import publish, published

    started = time.monotonic()
    cache_dir = cache_dir_for(data_dir)
    built = build(data_dir, cache_dir)
    status = _report(built.result)
    if status and not built.changing:
        print("No snapshot was written.")
    elif not status and built.path is None:
        print(f"error: could not write the snapshot into {cache_dir}", file=sys.stderr)
        status = 1
    if status:
        if published(cache_dir):  # what a replica serving the old version keeps serving
            print(f"The snapshot served stays {published(cache_dir)}.", file=sys.stderr)
        return status
    publish(cache_dir, built.result.portfolio.fingerprint)
    size = built.path.stat().st_size / 1024 / 1024
    seconds = time.monotonic() - started
    print(f"Wrote the snapshot {built.path} ({size:,.1f} MB) in {seconds:.1f} s; it is served.")
    return 0


def _report(result: LoadResult, more: list | None = None) -> int:
    """Print the problems as `validate` does (exit 1), or what the valid data holds; `more`
    are problems found beside the loader's (the GeoNames checks)."""
    data_dir = result.data_dir
    problems = sorted(
        {*result.problems, *(more or ())},
        key=lambda p: (p.file, p.line or 0, p.field, p.message),
    )
    for problem in problems:
        print(problem)
    if problems:
        count = len(problems)
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


def _add(args: argparse.Namespace) -> int:
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


# The largest portfolio synth writes: the size the dashboard is measured at (bench/), which
# lib/load/decode's file limits hold with room to spare, so every portfolio it writes validates.
MAX_SYNTH_PROJECTS = 100_000


def _add_synth_parser(commands: argparse._SubParsersAction) -> None:
    synth = commands.add_parser(
        "synth", help="write a synthetic portfolio (for testing at scale) into a new folder"
    )
    synth.add_argument(
        "--projects",
        type=int,
        required=True,
        help=f"how many projects, at most {MAX_SYNTH_PROJECTS:,}",
    )
    synth.add_argument("--seed", type=int, default=1, help="the same seed gives the same files")
    synth.add_argument("--out", type=Path, required=True, help="a new or empty folder")


def _synth(args: argparse.Namespace) -> int:
    from lib.curation.atomic import write_error
    from lib.curation.gazetteer import GazetteerMissing
    from lib.synth.portfolio import write_portfolio

    if not 1 <= args.projects <= MAX_SYNTH_PROJECTS:
        print(f"error: --projects must be 1 to {MAX_SYNTH_PROJECTS:,}", file=sys.stderr)
        return 2
    try:
        write_portfolio(args.out, args.projects, args.seed)
    except (GazetteerMissing, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {write_error(args.out, error)}", file=sys.stderr)
        return 2
    print(
        f"Wrote {args.projects} synthetic projects (seed {args.seed}) to {args.out}; check "
        f"them with: dashboard-data validate {args.out}"
    )
    return 0


def _add_board_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser(
        "board-pack", help="write the board pack (A4 PDF) of the data or of the filtered part"
    )
    pack.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pack.add_argument("--lang", choices=LANGUAGE_CODES, default=SOURCE_LANGUAGE)
    pack.add_argument("--date", type=_iso_date, help="the pack's date, YYYY-MM-DD; default: today")
    pack.add_argument("--data-dir", type=Path, help="default: DASHBOARD_DATA_DIR or data/")
    _add_audience_and_filters(pack)


def _iso_date(text: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from error


def _board_pack(args: argparse.Namespace) -> int:
    import datetime as dt
    import time

    from lib.board.pdf import board_pack
    from lib.curation.atomic import write_bytes_atomically, write_error

    if _unwritable(args.out):
        return 2
    view = _audience_view(args)
    if isinstance(view, int):
        return view
    portfolio, filters = view
    started = time.monotonic()
    made_on = args.date or dt.datetime.now(dt.UTC).date()
    pdf = board_pack(portfolio, filters, args.lang, made_on)
    try:
        write_bytes_atomically(args.out, pdf)
    except OSError as error:
        print(f"error: {write_error(args.out, error)}", file=sys.stderr)
        return 2
    seconds = time.monotonic() - started
    print(f"Wrote {args.out} ({len(pdf):,} bytes) in {seconds:.1f} s.")
    return 0


def _unwritable(out: Path) -> bool:
    """Say on standard error, before any work, when `--out` cannot take a file."""
    from lib.curation.atomic import file_target_problem

    problem = file_target_problem(out)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
    return problem is not None


if __name__ == "__main__":
    sys.exit(main())
