"""The app's one way to get the data: one version a run, opened from its snapshot (built
when missing), never mutated."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from pathlib import Path

import streamlit as st

from lib.exports.data_folder import files_and_last_change
from lib.load.audience import Audience, audience_from_env
from lib.load.loader import LoadResult, data_dir_from_env, fingerprint
from lib.model.portfolio import Portfolio
from lib.model.problems import problem_listing
from lib.store.build import cache_dir_for
from lib.store.known_stats import FileStats, look, outline, recall
from lib.store.published import published, snapshot_only
from lib.store.sweep import CHILD_LOOK_ENTRIES, digest_in_child, stats_digest
from lib.text.i18n import ntr, tr
from lib.ui.allocators import give_memory_back
from lib.ui.current_data import (
    current_result,
    open_early,
    pin_for_run,
    pinned_result,
    starting,
)

# The data folder's own entries (its top-level files, and the folders projects/ and sources/,
# whose times change when a file in them is added, removed or saved by renaming) are looked at
# on every rerun: a dozen stats. Every file's size and time (thousands in a funder's portfolio)
# are looked at beside the reruns, at most every RECHECK_SECONDS, so a file changed in place
# shows a rerun or two later, and no rerun waits for that look. A look that takes long (0.7 s
# for the 200,000 files of 100,000 projects) comes at most every 1 / SWEEP_SHARE times its
# length: a twentieth of the server's time at most, a file saved in place showing within a
# minute at 100,000 projects. A large folder's look is made by a child process
# (lib/store/sweep.py): in the server it held Python's lock most of its 0.9 s, and a rerun
# beside it waited.
RECHECK_SECONDS = 5.0
SWEEP_SHARE = 0.05
SWEEP_THREAD = "look-beside"  # the thread of a look beside the reruns


class _Version:
    """Each data folder's content fingerprint (the cache key), worked out again only when a
    file's name, size or modification time has changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # folder -> (outline, every file's stats, fingerprint)
        self._known: dict[str, tuple[tuple, FileStats, str]] = {}
        self._swept: dict[str, float] = {}  # folder -> when the last look at every file began
        self._took: dict[str, float] = {}  # folder -> how long that look took, in seconds
        self._sweeping: set[str] = set()
        # folder -> its last look's stats and their digest, which a child's look is compared
        # with: worked out once a look (a 100,000-project folder's took 30 ms of every sweep)
        self._digests: dict[str, tuple[FileStats, str]] = {}

    def _look(self, data_dir: Path) -> None:
        key = str(data_dir)
        top, found = outline(data_dir), look(data_dir)
        files = found.files
        with self._lock:
            known = self._known.get(key)
        if known is not None and known[1] == files:
            digest = known[2]
        else:
            try:  # known from a build when no file changed since, else from the bytes
                digest = recall(cache_dir_for(data_dir), found.key) or fingerprint(data_dir)
            except OSError:  # a file replaced mid-read (git unlinks, then writes): look again
                return
        with self._lock:
            self._known[key] = (top, files, digest)

    def times(self, data_dir: Path) -> dict[str, int]:
        """Each entry's modification time (ns) by path, from the latest look at every file
        of `data_dir`; {} before one (a replica serving a published snapshot looks at none)."""
        with self._lock:
            known = self._known.get(str(data_dir))
        return known[1].times_by_path() if known else {}

    def _sweep_beside(self, data_dir: Path) -> None:
        key, began = str(data_dir), time.monotonic()
        try:
            if not self._same_in_child(data_dir):
                self._look(data_dir)
        finally:
            with self._lock:
                self._sweeping.discard(key)
                self._took[key] = time.monotonic() - began

    def _same_in_child(self, data_dir: Path) -> bool:
        """Whether a child's look at a large folder found every entry as this server's last
        look did (False for a small folder, or a child that failed: the server looks)."""
        with self._lock:
            known = self._known.get(str(data_dir))
        if known is None or len(known[1]) < CHILD_LOOK_ENTRIES:
            return False
        found = digest_in_child(data_dir)
        return found is not None and found == self._digest_of(str(data_dir), known[1])

    def _digest_of(self, key: str, files: FileStats) -> str:
        """stats_digest of the folder's last look, `files`, kept until the next look."""
        with self._lock:
            held = self._digests.get(key)
        if held is None or held[0] is not files:
            held = (files, stats_digest(files))
            with self._lock:
                self._digests[key] = held
        return held[1]

    def of(self, data_dir: Path) -> str:
        key, now = str(data_dir), time.monotonic()
        with self._lock:
            known = self._known.get(key)
        if known is None or known[0] != outline(data_dir):
            self._look(data_dir)  # first sight, or a file added, removed or replaced
            with self._lock:
                self._swept[key] = now
        with self._lock:
            every = max(RECHECK_SECONDS, self._took.get(key, 0.0) / SWEEP_SHARE)
            due = now - self._swept.get(key, now) >= every
            if due and key not in self._sweeping:
                self._sweeping.add(key)
                self._swept[key] = now
                threading.Thread(
                    target=self._sweep_beside, args=(data_dir,), name=SWEEP_THREAD, daemon=True
                ).start()
            # "" while the folder could not be read whole yet: the build finds the version
            return self._known[key][2] if key in self._known else ""


_version = _Version()


give_memory_back()  # once a server, before the data is loaded


def begin_loading() -> None:
    """At a server's start, have the snapshot it will likely serve (a replica's published
    one, else the newest build's) opened in a thread (lib/ui/current_data.open_early) while
    the router sets the page up; it is served only once `load_for_app` finds it current."""
    if not starting():  # every later run: not even the published version is read
        return
    data_dir = data_dir_from_env()
    audience, _ = audience_from_env()
    if snapshot_only():
        open_early(data_dir, audience, published(cache_dir_for(data_dir)))
    else:
        open_early(data_dir, audience)


def load_for_app(language: str = "en", new_run: bool = False) -> LoadResult:
    """The data this run sees (with its problems, if any), as the audience DASHBOARD_AUDIENCE
    names may see it. The router asks with `new_run` at the start of every run and pins the
    current version; pages then get that same version, whatever changes on disk meanwhile."""
    pinned = None if new_run else pinned_result()
    if pinned is not None:
        return pinned
    data_dir = data_dir_from_env()
    audience, _ = audience_from_env()
    if snapshot_only():  # a replica: the version `dashboard-data build` published, never built
        served = published(cache_dir_for(data_dir))
        return pin_for_run(current_result(data_dir, served, audience, language, may_build=False))
    open_early(data_dir, audience)  # at a server's start: opened beside the first look
    return pin_for_run(current_result(data_dir, _version.of(data_dir), audience, language))


def files_and_change(portfolio: Portfolio) -> tuple[int, dt.datetime]:
    """How many files the portfolio was read from and when they last changed
    (lib/exports/data_folder.py), from the times of this server's last look at them."""
    return files_and_last_change(portfolio, _version.times(portfolio.data_dir))


def current_audience() -> Audience:
    return audience_from_env()[0]


def show_data_problems(result: LoadResult, language: str) -> None:
    """Say that the data has problems and nothing is shown. The board (and a curator who
    starts the app with DASHBOARD_AUDIENCE=board) reads every problem here; the public reads
    that the data is being corrected, and the problems go to the server's log, because they
    can name unpublished files and quote their values, and name the server's folders."""
    if current_audience() == "public":
        logging.getLogger(__name__).error(
            "The data in %s has problems, so the dashboard shows nothing:\n%s",
            result.data_dir,
            problem_listing(result.problems),
        )
        st.error(
            tr(
                language,
                "The data is being corrected, so nothing is shown until it passes its checks: "
                "a dashboard with part of the data would give wrong totals. Curators: run "
                "`uv run dashboard-data validate`, or start the dashboard with "
                "DASHBOARD_AUDIENCE=board to read the problems here.",
            )
        )
        return
    st.error(
        ntr(
            language,
            "The data in `{folder}` has {n} problem, so nothing is shown: a dashboard with part "
            "of the data would give wrong totals. Run `uv run dashboard-data validate` to see "
            "it, or read it here.",
            "The data in `{folder}` has {n} problems, so nothing is shown: a dashboard with part "
            "of the data would give wrong totals. Run `uv run dashboard-data validate` to see "
            "them, or read them here.",
            len(result.problems),
            folder=result.data_dir,
        )
    )
    st.code(problem_listing(result.problems), language=None)


def audience_notice(language: str) -> None:
    """Say in the sidebar when the view is the board's (not to be shown in public), and when
    DASHBOARD_AUDIENCE holds a value that is neither audience (the public view is shown)."""
    audience, unknown = audience_from_env()
    if unknown is not None:
        st.sidebar.warning(
            tr(
                language,
                "DASHBOARD_AUDIENCE is '{value}', which is neither public nor board: showing "
                "the public view.",
                value=unknown,
            )
        )
    elif audience == "board":
        st.sidebar.info(
            tr(
                language,
                "Board view: unpublished projects and exact small counts are shown. Do not "
                "put this view on a public site.",
            )
        )


@st.cache_data(show_spinner=False, max_entries=2)
def data_zip_for(data_dir: str, fingerprint: str) -> bytes:
    """The data folder as a ZIP, built once per data version rather than on every rerun.
    The files are the curated ones, unpublished projects included: the board's only."""
    from lib.exports.data_folder import data_zip

    if current_audience() != "board":
        raise PermissionError("the data folder's files are offered to the board only")
    return data_zip(Path(data_dir))
