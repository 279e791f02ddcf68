"""`board-pack`: the A4 PDF of the current data and filters for a board meeting."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

if TYPE_CHECKING:
    pass
from lib.cli.open_formats import add_audience_and_filters, audience_view, unwritable


def add_board_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser(
        "board-pack", help="write the board pack (A4 PDF) of the data or of the filtered part"
    )
    pack.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pack.add_argument("--lang", choices=LANGUAGE_CODES, default=SOURCE_LANGUAGE)
    pack.add_argument("--date", type=_iso_date, help="the pack's date, YYYY-MM-DD; default: today")
    pack.add_argument("--data-dir", type=Path, help="default: DASHBOARD_DATA_DIR or data/")
    add_audience_and_filters(pack)


def _iso_date(text: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from error


def run_board_pack(args: argparse.Namespace) -> int:
    import datetime as dt
    import time

    from lib.board.pdf import board_pack
    from lib.store.atomic import write_bytes_atomically, write_error

    if unwritable(args.out):
        return 2
    view = audience_view(args)
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
