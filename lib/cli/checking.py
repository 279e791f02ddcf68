"""`validate` and `build`: check a data folder, and compile it into the snapshot the app opens."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lib.load.loader import LoadResult, load_portfolio
from lib.load.place_checks import gazetteer_problems

if TYPE_CHECKING:
    pass


def run_validate(data_dir: Path) -> int:
    # The GeoNames checks read a large extract, so the dashboard's load leaves them to here.
    return report(load_portfolio(data_dir), gazetteer_problems(data_dir))


def run_build(data_dir: Path) -> int:
    import time

    from lib.store.build import build, cache_dir_for
    from lib.store.published import publish, published

    started = time.monotonic()
    cache_dir = cache_dir_for(data_dir)
    built = build(data_dir, cache_dir)
    status = report(built.result)
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


def report(result: LoadResult, more: list | None = None) -> int:
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
