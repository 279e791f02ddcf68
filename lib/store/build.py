"""Build a data folder's snapshot: a consistent, validated read, written atomically.

Consistent: each file is parsed from one read, whose bytes' digest makes the version's
fingerprint, and that fingerprint is compared with the folder's after the read; when they
differ (a curator or `git pull` changed a file after it was read), or a file vanished mid-read,
the read is done again, and after READ_ATTEMPTS refused: a mix of two versions is never
validated, written or served. Atomic: the file is written under a temporary name, flushed to
disk and renamed, so a reader (another replica starting at the same moment) sees the whole
file or none.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from lib.load.data_file import recording_digests
from lib.load.known_files import KnownEntries
from lib.load.loader import (
    LoadResult,
    cycle_collector_paused,
    data_files,
    fingerprint,
    load_portfolio,
)
from lib.model.portfolio import Portfolio
from lib.model.problems import Problem
from lib.store.atomic import sync_folder
from lib.store.carried import (
    entry_rows,
    figure_rows,
    packed_texts,
    project_bodies,
    project_parts,
    source_rows,
)
from lib.store.known_stats import record, stats_key
from lib.store.published import published
from lib.store.reuse import Earlier, known_from
from lib.store.tables import (
    CREATE,
    LAYOUT_VERSION,
    PART_TABLES,
    SUFFIX,
    VALIDATOR,
)
from lib.text.i18n import N_

READ_ATTEMPTS = 3
# A file saved this recently may still be being written (an editor, a copy, a CSV rewritten
# in place): the read waits until every file is this old, so a half-written file that happens
# to be valid is not taken for the whole.
SETTLE_SECONDS = 1.0
SNAPSHOTS_KEPT = 4  # per cache folder, newest first: the disk it takes is bounded too
CHANGING = (
    "the files changed while they were being read ({n} tries); nothing is shown from a "
    "half-changed folder: this clears itself once the changes are saved"
)
# What a build is doing, for a progress bar (translated where it is shown).
STEP_READING = N_("Reading and checking every data file…")
STEP_WRITING = N_("Writing the checked data to the snapshot…")
STEP_OPENING = N_("Opening the snapshot…")

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Built:
    """The validated data (or its problems) and the snapshot written from it, if any.
    `changing` is True when the folder kept changing during the read."""

    result: LoadResult
    path: Path | None
    changing: bool = False


def cache_dir_for(data_dir: Path) -> Path:
    """DASHBOARD_CACHE_DIR when set, else `.cache/` beside the data folder (git ignores it)."""
    return Path(os.environ.get("DASHBOARD_CACHE_DIR") or data_dir.resolve().parent / ".cache")


def snapshot_path(cache_dir: Path, data_fingerprint: str) -> Path:
    return cache_dir / f"{data_fingerprint}{SUFFIX}"


def build(data_dir: Path, cache_dir: Path, progress: Progress | None = None) -> Built:
    """Validate `data_dir` from a consistent read and, when it passes, write its snapshot
    into `cache_dir`. A cache folder that cannot be written leaves `path` None: the data is
    still served, only not kept for the next start."""
    with cycle_collector_paused():  # a build makes millions of objects and no cycles
        return _build(data_dir, cache_dir, progress or (lambda _fraction, _step: None))


def _build(data_dir: Path, cache_dir: Path, report: Progress) -> Built:
    report(0.0, STEP_READING)
    stats_before = stats_key(data_dir)
    earlier = known_from(cache_dir)
    loaded = consistent_load(data_dir, earlier)
    if loaded is None:
        problem = Problem("(data folder)", None, "(files)", CHANGING.format(n=READ_ATTEMPTS))
        return Built(LoadResult(data_dir, None, (problem,), 0), None, changing=True)
    result, digests = loaded
    if result.portfolio is None:
        return Built(result, None)
    report(0.8, STEP_WRITING)
    try:
        path = write_snapshot(result, cache_dir, digests, earlier)
        stats_after = stats_key(data_dir)
        if stats_after is not None and stats_after == stats_before:
            record(cache_dir, stats_after, result.portfolio.fingerprint, data_dir)
    except (OSError, duckdb.Error):
        path = None
    return Built(result, path)


def consistent_load(
    data_dir: Path, known: KnownEntries | None = None
) -> tuple[LoadResult, dict[str, bytes]] | None:
    """load_portfolio of a folder that did not change while it was read, and the digest of
    each file's bytes, by name; None when it kept changing. A file that vanishes mid-read
    (git replaces files by unlinking them) counts as a change, never as a traceback."""
    for attempt in range(READ_ATTEMPTS):
        if attempt:
            time.sleep(0.5 * attempt)  # let an editor or `git checkout` finish
        _wait_until_settled(data_dir)
        with recording_digests() as digests:
            try:
                result = load_portfolio(data_dir, known)
            except OSError:
                continue
            files = data_files(data_dir)
            unread = _unread(files, digests)  # before the look below reads those
            read = _fingerprint_or_none(data_dir, files)  # of the bytes parsed: none read again
        # Every byte parsed is what the folder holds now: no file changed after it was read.
        if read is None or read != _fingerprint_or_none(data_dir):
            continue
        if result.portfolio is not None and result.portfolio.fingerprint != read:
            continue  # a file came or went between the load's end and the look above
        if result.portfolio is not None and unread:
            continue  # a file came after the load looked for it: it was not parsed
        prefix = len(str(data_dir)) + 1
        return result, {path[prefix:]: digest for path, digest in digests.items()}
    return None


def _wait_until_settled(data_dir: Path) -> None:
    newest = 0.0
    for path in data_files(data_dir):
        try:
            newest = max(newest, path.stat().st_mtime)
        except OSError:
            continue
    age = time.time() - newest
    if 0 <= age < SETTLE_SECONDS:
        time.sleep(SETTLE_SECONDS - age)


def _fingerprint_or_none(data_dir: Path, files: list[Path] | None = None) -> str | None:
    try:
        return fingerprint(data_dir, files)
    except OSError:
        return None


def _unread(files: list[Path], digests: dict[str, bytes]) -> bool:
    """True when the folder holds a file that a load which passed must have parsed, but did
    not read: a project file (or settings.yaml) that came after the load listed its folder,
    while the checks ran. Its bytes, read afresh for the fingerprint, would else stand for a
    version whose data lacks it. Only a report's text may go unread (none cites it)."""
    return any(str(path) not in digests for path in files if path.suffix != ".txt")


def write_snapshot(
    result: LoadResult,
    cache_dir: Path,
    digests: dict[str, bytes],
    earlier: Earlier | None = None,
) -> Path:
    """Write the portfolio's tables, and the digest of each file read (by name), to
    `<fingerprint>.duckdb` in `cache_dir`, atomically; what an unchanged file made is taken
    from the `earlier` snapshot as it was written there (lib/store/carried.py)."""
    portfolio = result.portfolio
    assert portfolio is not None, "only validated data is written"
    cache_dir.mkdir(parents=True, exist_ok=True)
    final = snapshot_path(cache_dir, portfolio.fingerprint)
    temporary = cache_dir / f".{final.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        connection = duckdb.connect(str(temporary))
        try:
            _write_tables(connection, portfolio, result.files_read, digests, earlier)
            files = pa.table({"name": list(digests), "digest": list(digests.values())})
            connection.register("files_in", files)
            connection.execute("INSERT INTO files SELECT * FROM files_in")
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}.wal").unlink(missing_ok=True)
    sync_folder(cache_dir)
    _keep_newest(cache_dir, final)
    return final


def _write_tables(
    connection: duckdb.DuckDBPyConnection,
    portfolio: Portfolio,
    files: int,
    digests: dict[str, bytes],
    earlier: Earlier | None,
) -> None:
    connection.execute(CREATE)
    entries = entry_rows(portfolio, earlier, digests)
    texts = pa.table(
        {
            "id": list(portfolio.source_texts),
            "body": packed_texts(portfolio.source_texts, portfolio.sources, earlier, digests),
        }
    )
    figures = figure_rows(portfolio.values, earlier, digests)
    projects = portfolio.projects
    packed = pa.table(
        {
            "id": list(projects),
            "position": list(range(len(projects))),
            "body": project_bodies(projects, earlier, digests),
        }
    )
    connection.register("bodies_in", packed)
    connection.execute("INSERT INTO project_bodies SELECT * FROM bodies_in")
    connection.register("entries_in", entries)
    connection.register("texts_in", texts)
    connection.register("figures_in", figures)
    connection.execute("INSERT INTO entries SELECT * FROM entries_in")
    connection.execute("INSERT INTO source_texts SELECT * FROM texts_in")
    connection.execute("CREATE TABLE figure_rows AS SELECT * FROM figures_in")
    reports = source_rows(portfolio.sources, earlier, digests)
    connection.register("sources_in", reports)
    connection.execute("CREATE TABLE source_rows AS SELECT * FROM sources_in")
    parts = project_parts(projects, earlier, digests)
    for name, table in PART_TABLES.items():
        connection.register("part_in", parts[name])
        connection.execute(f"CREATE TABLE {table} AS SELECT * FROM part_in")
        connection.unregister("part_in")
    meta = {
        "layout": LAYOUT_VERSION,
        "validator": VALIDATOR,
        "fingerprint": portfolio.fingerprint,
        "files_read": str(files),
        "entries": str(entries.num_rows),
        "projects": str(len(projects)),
        "figure_rows": str(figures.num_rows),
        "source_rows": str(reports.num_rows),
        **{table: str(parts[name].num_rows) for name, table in PART_TABLES.items()},
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))


def _keep_newest(cache_dir: Path, written: Path) -> None:
    """Remove all but the newest SNAPSHOTS_KEPT snapshots (never the published one, which
    replicas serve), and temporary files of builds that died more than an hour ago. A replica
    that has one open keeps reading it: POSIX frees a removed file's blocks only when the last
    reader closes it."""
    served = snapshot_path(cache_dir, published(cache_dir))
    snapshots = sorted(
        (path for path in cache_dir.glob(f"*{SUFFIX}") if path not in (written, served)),
        key=_modified,
        reverse=True,
    )
    for path in snapshots[SNAPSHOTS_KEPT - 1 :]:
        path.unlink(missing_ok=True)
    for path in cache_dir.glob(".*.tmp"):
        if time.time() - _modified(path) > 3600:
            path.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
