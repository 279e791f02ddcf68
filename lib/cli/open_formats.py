"""`export` (IATI, HXL, CSV, Frictionless) and `import-iati`, with the audience and filter options
`export` shares with `board-pack`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lib.load.loader import data_dir_from_env, load_portfolio
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from lib.model.portfolio import Portfolio
    from lib.query.filters import Filters
from lib.cli.checking import run_validate

FILTER_OPTIONS = {
    "country": "countries",
    "city": "cities",
    "funder": "funders",
    "programme": "programmes",
    "project": "projects",
}


def add_open_format_parsers(commands: argparse._SubParsersAction) -> None:
    from lib.exports.formats import FORMATS

    export = commands.add_parser(
        "export", help="write the data (or the filtered part) as IATI XML, HXL CSV, CSV or ZIP"
    )
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--out", type=Path, help="the file to write; default: standard output")
    export.add_argument("--data-dir", type=Path, help="default: DASHBOARD_DATA_DIR or data/")
    export.add_argument("--language", choices=LANGUAGE_CODES, default=SOURCE_LANGUAGE)
    add_audience_and_filters(export)

    iati = commands.add_parser(
        "import-iati", help="convert IATI activity files into a new data folder"
    )
    iati.add_argument("files", nargs="+", type=Path, metavar="FILE.xml")
    iati.add_argument("--out", type=Path, required=True, help="a new or empty folder")


def add_audience_and_filters(parser: argparse.ArgumentParser) -> None:
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


def audience_view(args: argparse.Namespace) -> tuple[Portfolio, Filters] | int:
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


def run_export(args: argparse.Namespace) -> int:
    from lib.exports.formats import export
    from lib.store.atomic import write_bytes_atomically, write_error

    if args.out is not None and unwritable(args.out):
        return 2
    view = audience_view(args)
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


def run_import_iati(args: argparse.Namespace) -> int:
    from lib.curation.writer import existing_data_files, write_data_dir
    from lib.iati.importer import import_iati
    from lib.store.atomic import write_error

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
    return run_validate(args.out)


def _reading_progress(name: str, activities: int) -> None:
    """A long import says it is working: a 200 MB file is minutes of reading."""
    from lib.iati.importer import activities_text

    print(f"{name}: {activities_text(activities)} read so far", file=sys.stderr, flush=True)


def unwritable(out: Path) -> bool:
    """Say on standard error, before any work, when `--out` cannot take a file."""
    from lib.store.atomic import file_target_problem

    problem = file_target_problem(out)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
    return problem is not None
