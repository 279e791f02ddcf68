"""Write a validated data version's snapshot: its tables, the digest and stamp of each file
read, into `<fingerprint>.duckdb` of the cache folder, atomically (written under a temporary
name, flushed to disk and renamed, so a reader sees the whole file or none), keeping the
newest SNAPSHOTS_KEPT; what an unchanged file made is taken from the earlier snapshot as it
was written there (lib/store/carried.py)."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from lib.load.loader import LoadResult
from lib.model.portfolio import Portfolio
from lib.store.atomic import sync_folder
from lib.store.carried import (
    entry_rows,
    figure_rows,
    packed_texts,
    project_bodies,
    project_parts,
    source_rows,
)
from lib.store.known_stats import Stamp
from lib.store.patched import patch_tables, patchable
from lib.store.published import published
from lib.store.reuse import Earlier
from lib.store.tables import (
    CREATE,
    FILES_TABLE,
    LAYOUT_VERSION,
    PART_TABLES,
    SUFFIX,
    VALIDATOR,
)

SNAPSHOTS_KEPT = 4  # per cache folder, newest first: the disk it takes is bounded too


def snapshot_path(cache_dir: Path, data_fingerprint: str) -> Path:
    return cache_dir / f"{data_fingerprint}{SUFFIX}"


def write_snapshot(
    result: LoadResult,
    cache_dir: Path,
    digests: dict[str, bytes],
    earlier: Earlier | None = None,
    stamps: dict[str, Stamp] | None = None,
) -> Path:
    """Write the portfolio's tables, and the digest of each file read and the stamp it may
    be known by (by name), to `<fingerprint>.duckdb` in `cache_dir`, atomically; what an
    unchanged file made is taken from the `earlier` snapshot as it was written there
    (lib/store/carried.py)."""
    temporary = written(result, cache_dir, digests, earlier, stamps)
    return publish(temporary, cache_dir, result.portfolio.fingerprint)


def copy_ahead(earlier: Earlier | None, cache_dir: Path) -> Path | None:
    """A copy of the earlier snapshot's file under a temporary name in `cache_dir`, flushed
    to disk, for a rebuild to patch (lib/store/patched.py): made while the folder is read,
    on the other core, so the write that follows flushes only the pages it changes. None
    without an earlier snapshot or when it cannot be copied (the snapshot is written whole)."""
    if earlier is None or earlier.path is None:
        return None
    copy = cache_dir / f".{earlier.path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    try:
        shutil.copyfile(earlier.path, copy)
        with open(copy, "rb") as copied:
            os.fsync(copied.fileno())
    except OSError:
        copy.unlink(missing_ok=True)
        return None
    return copy


def written(
    result: LoadResult,
    cache_dir: Path,
    digests: dict[str, bytes],
    earlier: Earlier | None = None,
    stamps: dict[str, Stamp] | None = None,
    copied: Path | None = None,
) -> Path:
    """The snapshot written under a temporary name in `cache_dir` and flushed to disk, for
    `publish` (or `discard`); `copied`, a copy_ahead of `earlier`, is patched when the
    change allows it (and removed when it does not)."""
    portfolio = result.portfolio
    assert portfolio is not None, "only validated data is written"
    cache_dir.mkdir(parents=True, exist_ok=True)
    final = snapshot_path(cache_dir, portfolio.fingerprint)
    temporary = cache_dir / f".{final.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    files = _files_table(digests, stamps or {})
    try:
        if not _patched(temporary, result, digests, earlier, files, copied):
            temporary.unlink(missing_ok=True)
            connection = duckdb.connect(str(temporary))
            try:
                _write_tables(connection, portfolio, result.files_read, digests, earlier)
                connection.register("files_in", files)
                connection.execute("INSERT INTO files SELECT * FROM files_in")
                connection.execute("CHECKPOINT")
            finally:
                connection.close()
        with open(temporary, "rb") as flushed:
            os.fsync(flushed.fileno())
    except BaseException:
        discard(temporary)
        raise
    finally:
        Path(f"{temporary}.wal").unlink(missing_ok=True)
        if copied is not None:
            copied.unlink(missing_ok=True)
    return temporary


def publish(temporary: Path, cache_dir: Path, data_fingerprint: str) -> Path:
    """Rename a `written` snapshot to its name (`<fingerprint>.duckdb`), atomically, and
    keep the newest SNAPSHOTS_KEPT."""
    final = snapshot_path(cache_dir, data_fingerprint)
    try:
        os.replace(temporary, final)
    finally:
        discard(temporary)
    sync_folder(cache_dir)
    _keep_newest(cache_dir, final)
    return final


def discard(temporary: Path) -> None:
    """Remove a `written` snapshot that is not to be published."""
    temporary.unlink(missing_ok=True)
    Path(f"{temporary}.wal").unlink(missing_ok=True)


def _patched(
    temporary: Path,
    result: LoadResult,
    digests: dict[str, bytes],
    earlier: Earlier | None,
    files: pa.Table,
    copied: Path | None = None,
) -> bool:
    """True when `temporary` was made from a copy of the earlier snapshot (`copied`, or one
    made now), patched where the data changed (lib/store/patched.py); False when the change
    is not one to patch."""
    portfolio = result.portfolio
    if earlier is None or earlier.path is None or not patchable(portfolio, digests, earlier):
        return False
    try:
        if not _taken(copied, temporary):
            shutil.copyfile(earlier.path, temporary)
        connection = duckdb.connect(str(temporary))
        try:
            done = patch_tables(connection, portfolio, digests, earlier, result.files_read, files)
            if done:
                connection.execute("CHECKPOINT")
            return done
        finally:
            connection.close()
    except (OSError, duckdb.Error):  # the earlier file gone or unreadable: written whole
        return False


def _taken(copied: Path | None, temporary: Path) -> bool:
    """True when the copy made ahead was renamed `temporary` (a second read's write finds it
    taken by the first's)."""
    if copied is None:
        return False
    try:
        os.replace(copied, temporary)
    except FileNotFoundError:
        return False
    return True


def _files_table(digests: dict[str, bytes], stamps: dict[str, Stamp]) -> pa.Table:
    found = [stamps.get(name) for name in digests]
    columns = {"name": list(digests), "digest": list(digests.values())}
    for at, column in enumerate(("size", "mtime_ns", "ctime_ns", "inode")):
        columns[column] = pa.array(
            [None if stamp is None else stamp[at] for stamp in found],
            pa.uint64() if column == "inode" else pa.int64(),
        )
    return pa.table(columns)


def _write_tables(
    connection: duckdb.DuckDBPyConnection,
    portfolio: Portfolio,
    files: int,
    digests: dict[str, bytes],
    earlier: Earlier | None,
) -> None:
    connection.execute(CREATE)
    connection.execute(FILES_TABLE)
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
