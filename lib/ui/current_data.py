"""The one data version this server process holds, and the one each run of the script sees.

The process holds one opened snapshot (its memory is what bounds the data's: a new version
replaces the old, which is freed once the runs still reading it end). A run pins the version
it starts with (the router pins it; pages read the pin), so a file saved mid-run never gives
the router one version and a page another. A version is held only once it is whole: read
consistently, validated, and opened from a snapshot that passed its checks (lib/store).
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import threading
from pathlib import Path

import streamlit as st

from lib.load.audience import Audience, for_audience
from lib.load.loader import LoadResult, cycle_collector_paused
from lib.model.problems import Problem
from lib.query.index import index_of
from lib.store.build import STEP_OPENING, build, cache_dir_for, snapshot_path
from lib.store.known_stats import latest
from lib.store.snapshot import open_snapshot
from lib.text.i18n import tr


@dataclasses.dataclass(frozen=True)
class _Held:
    data_dir: str
    audience: Audience
    fingerprint: str  # the fingerprint asked for (the data's own is in the portfolio)
    result: LoadResult


_lock = threading.Lock()
_held: _Held | None = None
_run = threading.local()  # Streamlit runs each rerun of a session in its own thread
EARLY_THREAD = "snapshot-opened-early"


class _EarlyOpen:
    """A snapshot opened, and made into what the audience sees with its index, in a thread
    while the router sets the page up (Streamlit's emoji catalogue, for the page's icon, took
    0.5 s) and the server's first look at the data folder finds which version the folder
    holds: the look (0.7 s at 100,000 projects) is mostly the file system's work, and the
    open (0.8 s), the audience's view and the index (0.9 s) mostly DuckDB's and Python's, so
    they share the cores. It is served only if the look finds its version, as any snapshot
    is; a replica's, only if it is still the one published."""

    def __init__(
        self, path: Path, data_dir: Path, data_fingerprint: str, audience: Audience
    ) -> None:
        self.path, self.audience = path, audience
        self._result: LoadResult | None = None
        self._thread = threading.Thread(
            target=self._open,
            args=(path, data_dir, data_fingerprint),
            name=EARLY_THREAD,
            daemon=True,
        )
        self._thread.start()

    def _open(self, path: Path, data_dir: Path, data_fingerprint: str) -> None:
        opened = open_snapshot(path, data_dir, data_fingerprint)
        with cycle_collector_paused():
            self._result = _as_seen_by(opened, self.audience)

    def result(self) -> LoadResult | None:
        self._thread.join()
        return self._result


_early: _EarlyOpen | None = None
_early_lock = threading.Lock()
_early_tried = False  # once a process: at its start


def open_early(data_dir: Path, audience: Audience, published: str | None = None) -> None:
    """At a server's start, begin opening in a thread, for `audience`, the snapshot of
    `published` (a replica's, lib/store/published.py), else the one the newest build of
    `data_dir` recorded (lib/store/known_stats.latest); once a process."""
    global _early, _early_tried
    with _early_lock:
        if _early_tried or _held is not None:
            return
        _early_tried = True
        cache_dir = cache_dir_for(data_dir)
        newest = latest(cache_dir, data_dir) if published is None else published
        path = snapshot_path(cache_dir, newest) if newest else None
        if newest and path.is_file():
            _early = _EarlyOpen(path, data_dir, newest, audience)


def starting() -> bool:
    """Whether this process has yet to try its early open (and holds no data version)."""
    return not _early_tried and _held is None


def _opened_early() -> tuple[Path, Audience, LoadResult | None] | None:
    """The early open's snapshot, audience and what it opened (waited for), once; None
    without one."""
    global _early
    with _early_lock:
        early, _early = _early, None
    return None if early is None else (early.path, early.audience, early.result())


def _as_seen_by(result: LoadResult | None, audience: Audience) -> LoadResult | None:
    """`result` with its data as `audience` sees it, and that data's index built."""
    if result is None or result.portfolio is None:
        return result
    portfolio = for_audience(result.portfolio, audience)
    index_of(portfolio)
    return dataclasses.replace(result, portfolio=portfolio)


def pinned_result() -> LoadResult | None:
    """The data version this run pinned, if the router has pinned one."""
    return getattr(_run, "result", None)


def pin_for_run(result: LoadResult) -> LoadResult:
    _run.result = result
    return result


def current_result(
    data_dir: Path, fingerprint: str, audience: Audience, language: str, may_build: bool = True
) -> LoadResult:
    """The data of `data_dir` at `fingerprint` as `audience` sees it: held, else opened from
    its snapshot, else built (validated, written) with a progress bar. While the folder is
    changing under the read, the version held before is served, whole. A replica that may
    not build (lib/store/published.py) keeps serving what it holds when the snapshot cannot
    be opened, and says why in the log."""
    global _held
    held = _held
    if _matches(held, data_dir, fingerprint, audience):
        return held.result
    if not _lock.acquire(blocking=False):
        with st.spinner(tr(language, "Preparing the data for another visitor; a moment…")):
            _lock.acquire()
    try:
        held = _held
        if _matches(held, data_dir, fingerprint, audience):
            return held.result
        # The new version's million objects are made with the cycle collector paused: each of
        # its rounds would walk all of them again (seconds at 10,000 projects).
        with cycle_collector_paused():
            result, changing = _open_or_build(data_dir, fingerprint, audience, language, may_build)
            same_folder = held is not None and (held.data_dir, held.audience) == (
                str(data_dir),
                audience,
            )
            if changing and same_folder:
                return held.result
            _held = _Held(str(data_dir), audience, fingerprint, result)
            # while the collector is still paused: enabled first, it would walk the new
            # version's objects once before they are frozen (2.2 s at 100,000 projects)
            _settle(replacing=held is not None)
        return result
    finally:
        _lock.release()


def _settle(replacing: bool) -> None:
    """Take everything the new version holds (and its index) out of the cyclic garbage
    collector's rounds: at 10,000 projects each full round walked its million objects for
    0.4 s, in the middle of whichever visitor's rerun it fell on. When it replaces a version,
    what that one held is let go first, in one full round (it goes once no run reads it); at
    a start there is nothing to let go. What is frozen is still freed when nothing refers to
    it, only not searched for cycles."""
    if replacing:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def _matches(held: _Held | None, data_dir: Path, fingerprint: str, audience: Audience) -> bool:
    if held is None or (held.data_dir, held.audience) != (str(data_dir), audience):
        return False
    portfolio = held.result.portfolio
    own = portfolio.fingerprint if portfolio is not None else None
    return bool(fingerprint) and fingerprint in (held.fingerprint, own)


def _open_or_build(
    data_dir: Path, fingerprint: str, audience: Audience, language: str, may_build: bool
) -> tuple[LoadResult, bool]:
    """The snapshot's data when a whole one of `fingerprint` is on disk, else a build's
    result (the problems, or the data it validated and wrote), as `audience` sees it (with
    its index); and whether the folder kept changing during the build's read (or, for a
    replica that may not build, whether the snapshot could not be opened: what it holds is
    then served on)."""
    cache_dir = cache_dir_for(data_dir)
    bar = st.progress(0.0, text=tr(language, STEP_OPENING))
    path = snapshot_path(cache_dir, fingerprint) if fingerprint else None
    early = _opened_early()
    opened = early[2] if early is not None and early[:2] == (path, audience) else None
    del early  # served only if it is the version found; another is let go before a build
    try:
        if path is not None:
            opened = opened or _as_seen_by(open_snapshot(path, data_dir, fingerprint), audience)
            if opened is not None:
                return opened, False
        if not may_build:
            return _not_openable(data_dir, cache_dir, fingerprint), True
        built = build(
            data_dir, cache_dir, lambda done, step: bar.progress(done, tr(language, step))
        )
        portfolio = built.result.portfolio
        if built.path is not None and portfolio is not None:
            # served from the snapshot just written, as the next start will be: the build's
            # validated projects (2.3 GB at 100,000 projects) are let go
            bar.progress(0.95, tr(language, STEP_OPENING))
            opened = open_snapshot(built.path, data_dir, portfolio.fingerprint)
            if opened is not None:
                return _as_seen_by(opened, audience), built.changing
        return _as_seen_by(built.result, audience), built.changing
    finally:
        bar.empty()


def _not_openable(data_dir: Path, cache_dir: Path, fingerprint: str) -> LoadResult:
    path = snapshot_path(cache_dir, fingerprint)
    why = (
        f"the published snapshot {path} cannot be opened (missing, damaged or of another layout)"
        if fingerprint
        else f"no snapshot has been published in {cache_dir}"
    ) + ": run `dashboard-data build` for this data folder"
    logging.getLogger(__name__).error("Serving the data held before, if any: %s", why)
    return LoadResult(data_dir, None, (Problem("(snapshot)", None, "(files)", why),), 0)
