"""`synth`: a synthetic portfolio in our data format, for testing the dashboard at scale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


# The largest portfolio synth writes: the size the dashboard is measured at (bench/), which
# lib/load/decode's file limits hold with room to spare, so every portfolio it writes validates.
MAX_SYNTH_PROJECTS = 100_000


def add_synth_parser(commands: argparse._SubParsersAction) -> None:
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


def run_synth(args: argparse.Namespace) -> int:
    from lib.curation.gazetteer import GazetteerMissing
    from lib.store.atomic import write_error
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
