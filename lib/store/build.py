"""Build a data folder's snapshot: a consistent, validated read, written atomically.

Consistent: each file is parsed from one read, whose bytes' digest makes the version's
fingerprint, and the files' stamps (size, modification and change times, inode: one stat a
file, known_stats.look) are compared before and after the read, as git's index compares
them; when they differ (a curator or `git pull` saved, added, removed or renamed a file
during the read), or a file vanished mid-read, the read is done again, and after
READ_ATTEMPTS refused: a mix of two versions is never validated, written or served.

Known unchanged: the snapshot records each file's stamp beside its digest, and the next
build takes a file whose stamp is the same for unchanged without reading it (its digest and
entries from that snapshot: lib/store/reuse.py). A stamp is recorded only when the file's
times are older than the read's start by more than SETTLE_SECONDS (git's "racy" rule: a file
saved again within the same tick of the file system's clock keeps its times). The one change
this cannot see is a file rewritten with the same size, the same modification and change
times and the same inode, which takes setting the system's clock back.

Atomic: the snapshot is written under a temporary name, flushed to disk and renamed
(lib/store/writer.py), so a reader (another replica starting at the same moment) sees the
whole file or none.

Two cores: the earlier snapshot is read and copied (for a patch) on a second thread while
this one looks at the folder: the stats, DuckDB and the copy let go of Python's lock. The
look after the read runs there while a first build writes the snapshot, which is published
only once that look agrees; a rebuild's look after the read is made before its write, not
beside it: each stat lets go of Python's lock and waits to take it back from the thread
that writes, so beside a rebuild's write the 0.8 s look took 1.6-2.5 s at 100,000 projects
(the write 0.7-1.7 s), and one after the other they take 1.5-1.7 s.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from lib.load.data_file import recording_digests
from lib.load.loader import (
    LoadResult,
    cycle_collector_paused,
    load_portfolio,
)
from lib.model.problems import Problem
from lib.store.known_stats import Look, Stamp, data_stamps, look, record
from lib.store.reuse import Earlier, known_from
from lib.store.writer import copy_ahead, discard, publish, written
from lib.store.writer import snapshot_path as snapshot_path  # where callers look for it
from lib.text.i18n import N_

READ_ATTEMPTS = 3
# A file saved this recently may still be being written (an editor, a copy, a CSV rewritten
# in place): the read waits until every file is this old, so a half-written file that happens
# to be valid is not taken for the whole.
SETTLE_SECONDS = 1.0
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


def build(data_dir: Path, cache_dir: Path, progress: Progress | None = None) -> Built:
    """Validate `data_dir` from a consistent read and, when it passes, write its snapshot
    into `cache_dir`. A cache folder that cannot be written leaves `path` None: the data is
    still served, only not kept for the next start."""
    with cycle_collector_paused():  # a build makes millions of objects and no cycles
        return _build(data_dir, cache_dir, progress or (lambda _fraction, _step: None))


def _build(data_dir: Path, cache_dir: Path, report: Progress) -> Built:
    report(0.0, STEP_READING)
    # The earlier snapshot is read, and copied for a patch, on another thread while this one
    # looks at the folder: DuckDB and the copy let go of Python's lock, so on two cores a
    # rebuild at 100,000 projects waits for neither.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="earlier") as helper:
        earlier = helper.submit(known_from, cache_dir)
        copied = helper.submit(lambda: copy_ahead(earlier.result(), cache_dir))
        try:
            return _read_and_write(data_dir, cache_dir, report, earlier, copied)
        finally:
            ahead = copied.result()
            if ahead is not None:  # not patched (or not written): no use
                ahead.unlink(missing_ok=True)


def _read_and_write(
    data_dir: Path,
    cache_dir: Path,
    report: Progress,
    earlier: Future[Earlier | None],
    copied: Future[Path | None],
) -> Built:
    def write(read: Read) -> Path | None:
        report(0.8, STEP_WRITING)
        try:
            return written(
                read.result, cache_dir, read.digests, earlier.result(), read.stamps, copied.result()
            )
        except (OSError, duckdb.Error):  # a cache folder that cannot be written
            return None

    read = consistent_load(data_dir, earlier, write)
    if read is None:
        problem = Problem("(data folder)", None, "(files)", CHANGING.format(n=READ_ATTEMPTS))
        return Built(LoadResult(data_dir, None, (problem,), 0), None, changing=True)
    result = read.result
    if result.portfolio is None or read.written is None:
        return Built(result, None)
    try:
        path = publish(read.written, cache_dir, result.portfolio.fingerprint)
        if read.stats_key is not None:
            record(cache_dir, read.stats_key, result.portfolio.fingerprint, data_dir)
    except (OSError, duckdb.Error):
        path = None
    return Built(result, path)


@dataclass(frozen=True)
class Read:
    """A consistent read: the load, the digest of each file's bytes by name, the stamps
    the next build may trust (by name), the look before the read, and the snapshot written
    from it under a temporary name (lib/store/writer.py written), not yet published."""

    result: LoadResult
    digests: dict[str, bytes]
    stamps: dict[str, Stamp]
    look: Look
    written: Path | None = None

    @property
    def stats_key(self) -> str | None:
        """The folder's known_stats key."""
        return self.look.key


def consistent_load(
    data_dir: Path,
    earlier: Earlier | Future[Earlier | None] | None = None,
    write: Callable[[Read], Path | None] | None = None,
) -> Read | None:
    """load_portfolio of a folder that did not change while it was read; None when it kept
    changing. A file that vanishes mid-read (git replaces files by unlinking them) counts as
    a change, never as a traceback. Whether it changed is told by the files' stamps (size,
    modification and change times, inode: known_stats.look) before and after the read, as
    git's index tells it, not by reading every byte again: a file saved, added, removed or
    renamed during the read changes them. A file an `earlier` snapshot read is not read at
    all when its stamp is the one recorded then (lib/store/seen.py Seen).

    `write` writes a validated read's snapshot under a temporary name: a first build's while
    the look after the read runs on another thread (the stats let go of Python's lock,
    DuckDB's writes too), and is discarded, never published, when that look disagrees; a
    rebuild's once the look after the read agrees (its write is short)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="look") as helper:
        for attempt in range(READ_ATTEMPTS):
            if attempt:
                time.sleep(0.5 * attempt)  # let an editor or `git checkout` finish
            before = _settled_look(data_dir)
            started = time.time_ns()
            known_earlier = earlier.result() if isinstance(earlier, Future) else earlier
            known = None if known_earlier is None else known_earlier.seen(before.data_stamps())
            with recording_digests() as digests:
                try:
                    result = load_portfolio(data_dir, known)
                except OSError:
                    continue
            # The look after the read: beside a first build's long write, before a rebuild's
            # short one (beside it, each stat waited for Python's lock from the writing thread)
            after = helper.submit(data_stamps, data_dir) if known is None else None
            if after is None and not _unchanged(data_stamps(data_dir), before):
                continue
            prefix = len(str(data_dir)) + 1
            named = {path[prefix:]: digest for path, digest in digests.items()}
            read = Read(result, named, _trusted(before, prefix, started), before)
            helper.submit(getattr, before, "key")  # for known_stats, while the write runs
            temporary = None
            if write is not None and result.portfolio is not None:
                temporary = write(read)
            if after is not None and not _unchanged(after.result(), before):
                if temporary is not None:
                    discard(temporary)
                continue
            return replace(read, written=temporary)
    return None


def _unchanged(after: dict[str, Stamp], before: Look) -> bool:
    """True when no file changed, came or went since the look before the read: every byte
    parsed (and every file listed) is what the folder holds now."""
    return after == before.data_stamps()


def _settled_look(data_dir: Path) -> Look:
    """The look at the folder before its read, which waits until every file is
    SETTLE_SECONDS old: a file saved this recently may still be being written."""
    found = look(data_dir, stamped=True)
    # the data files' times (a folder's changes when a file in it is saved by renaming)
    newest = max((stamp[1] for stamp in found.data_stamps().values()), default=0)
    age = time.time() - newest / 1e9
    if 0 <= age < SETTLE_SECONDS:
        time.sleep(SETTLE_SECONDS - age)
    return found


def _trusted(before: Look, prefix: int, started: int) -> dict[str, Stamp]:
    """The stamps, by file name, that a later build may take for the file unchanged: those
    whose modification and change times are older than the read's start by more than the
    settle time (git's "racy" rule: a file saved again within the same tick of the file
    system's clock as the read keeps its times, so it is read again)."""
    oldest = started - int(SETTLE_SECONDS * 1e9)
    return {
        path[prefix:]: stamp
        for path, stamp in before.data_stamps().items()
        if stamp[1] < oldest and stamp[2] < oldest
    }
