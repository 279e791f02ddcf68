"""lib/store/sweep.py: a large data folder's look at every file made by a child process, and a
server's use of it (lib/ui/app_data.py): a file saved in place is still seen, and while
nothing changed the server makes no look of its own beside the reruns."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import lib.ui.app_data as app_data
from lib.load.loader import fingerprint
from lib.store.known_stats import look
from lib.store.sweep import digest_in_child, stats_digest

PROJECT = "projects/connection-network.yaml"


def _save_in_place(data: Path) -> None:
    """A project file edited in place: a year changed, the same size, a later time, the same
    name (a change only a look at every file sees: the data folder's own entries, which every
    rerun looks at, are the same)."""
    project = data / PROJECT
    before = project.stat()
    text = project.read_text(encoding="utf-8")
    assert "2021" in text
    project.write_text(text.replace("2021", "2022", 1), encoding="utf-8")
    assert project.stat().st_size == before.st_size
    os.utime(project, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


def _sweeps_done() -> None:
    for thread in threading.enumerate():
        if thread.name == app_data.SWEEP_THREAD:
            thread.join()


def test_the_childs_digest_is_that_of_the_servers_own_look(fresh_copy: Path) -> None:
    assert digest_in_child(fresh_copy) == stats_digest(look(fresh_copy).files)


def test_a_file_saved_in_place_changes_the_childs_digest(fresh_copy: Path) -> None:
    before = digest_in_child(fresh_copy)
    _save_in_place(fresh_copy)
    assert digest_in_child(fresh_copy) not in (before, None)


@pytest.fixture
def counted(fresh_copy: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A server that looks through a child at any folder, as soon as a look is due; how many
    looks at `fresh_copy` it made itself, and how many through the child (a look at another
    folder, from an earlier test's server still running in this process, is not counted)."""
    monkeypatch.setattr(app_data, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(app_data, "SWEEP_SHARE", 1e9)
    monkeypatch.setattr(app_data, "CHILD_LOOK_ENTRIES", 0)
    made = {"own": 0, "child": 0}
    real_look, real_child = app_data.look, app_data.digest_in_child

    def own(folder: Path):
        made["own"] += folder == fresh_copy
        return real_look(folder)

    def child(folder: Path):
        made["child"] += folder == fresh_copy
        return real_child(folder)

    monkeypatch.setattr(app_data, "look", own)
    monkeypatch.setattr(app_data, "digest_in_child", child)
    return made


def test_an_unchanged_folder_is_looked_at_by_the_child_alone(fresh_copy, counted) -> None:
    version = app_data._Version()
    assert version.of(fresh_copy) == fingerprint(fresh_copy)  # first sight: its own look
    _sweeps_done()
    assert counted == {"own": 1, "child": 1}
    assert version.of(fresh_copy) == fingerprint(fresh_copy)


def test_a_file_saved_in_place_is_seen_through_the_child(fresh_copy, counted) -> None:
    version = app_data._Version()
    before = version.of(fresh_copy)
    _sweeps_done()
    _save_in_place(fresh_copy)
    assert version.of(fresh_copy) == before  # the look beside this rerun has begun
    _sweeps_done()
    assert counted == {"own": 2, "child": 2}  # the child saw a change: the server looked
    assert version.of(fresh_copy) == fingerprint(fresh_copy) != before


def test_the_servers_own_digest_is_worked_out_once_a_look(fresh_copy, counted, monkeypatch):
    """Each sweep compares the child's digest with that of the server's last look: worked out
    again only after a look of its own (a 100,000-project folder's took 30 ms a sweep)."""
    worked_out = []
    real = app_data.stats_digest

    def digest(files):
        if files.paths.startswith(str(fresh_copy)):  # not an earlier test's server's folder
            worked_out.append(len(files))
        return real(files)

    monkeypatch.setattr(app_data, "stats_digest", digest)
    version = app_data._Version()
    for _ in range(3):
        version.of(fresh_copy)
        _sweeps_done()
    assert counted == {"own": 1, "child": 3} and len(worked_out) == 1
    _save_in_place(fresh_copy)
    for _ in range(2):
        version.of(fresh_copy)
        _sweeps_done()
    assert counted == {"own": 2, "child": 5} and len(worked_out) == 2
