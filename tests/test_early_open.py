"""A server's start opens the newest build's snapshot (a replica's, the published one) in a
thread while the page is set up and the data folder is looked at
(lib/ui/current_data.open_early), and serves it only when it is current: data changed since
that build is never served from it, nor a published snapshot that cannot be opened."""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path

import pytest
from fixture_data import ROOT, drop_the_seminar
from streamlit.testing.v1 import AppTest

import lib.ui.current_data as current_data
from lib.cli import main as cli
from lib.store.build import build, cache_dir_for
from lib.store.published import SNAPSHOT_ONLY_VARIABLE, publish


@pytest.fixture
def data(served_copy: Path) -> Path:
    """The served copy of the tests' data (tests/conftest.py)."""
    return served_copy


def participants() -> str:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return {metric.label: metric.value for metric in app.metric}["Participants"]


def a_new_server(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Nothing held, the early open not yet tried; gives the threads that open snapshots."""
    monkeypatch.setattr(current_data, "_held", None)
    monkeypatch.setattr(current_data, "_early_tried", False)
    monkeypatch.setattr(current_data, "_early", None)
    return threads_calling(monkeypatch, "open_snapshot")


def threads_calling(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The names of the threads that call current_data's `name` from now on, in order."""
    called_in: list[str] = []
    real = getattr(current_data, name)

    def recorded(*args):
        called_in.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(current_data, name, recorded)
    return called_in


def test_the_snapshot_opened_early_is_the_one_served(data, monkeypatch):
    assert participants() == "291"  # builds the snapshot and records its version
    opened_in = a_new_server(monkeypatch)
    monkeypatch.setattr(current_data, "build", _must_not_build)
    assert participants() == "291"
    assert opened_in == [current_data.EARLY_THREAD]  # opened once, beside the look


def test_data_changed_since_the_build_is_never_served_from_the_early_snapshot(data, monkeypatch):
    assert participants() == "291"
    drop_the_seminar(data)
    opened_in = a_new_server(monkeypatch)
    assert participants() == "259"
    assert opened_in[0] == current_data.EARLY_THREAD  # the older version, opened and let go


def test_in_a_cache_folder_shared_with_another_data_folder_its_own_newest_build_opens_early(
    data, monkeypatch
):
    """The bench's rebuild, or a curator's second portfolio, builds another folder into the
    same cache after this one: the early open is still of this folder's version."""
    assert participants() == "291"
    other = data.parent / "other"
    shutil.copytree(data, other)
    drop_the_seminar(other)
    assert build(other, cache_dir_for(data)).path is not None  # the newest build is other's
    opened_in = a_new_server(monkeypatch)
    monkeypatch.setattr(current_data, "build", _must_not_build)
    assert participants() == "291"
    assert opened_in == [current_data.EARLY_THREAD]


def _must_not_build(*args, **kwargs):
    raise AssertionError("the app built a snapshot that was on disk and whole")


def test_the_early_open_prepares_the_audiences_view_in_its_thread(data, monkeypatch):
    assert participants() == "291"
    a_new_server(monkeypatch)
    seen_in = threads_calling(monkeypatch, "for_audience")
    monkeypatch.setattr(current_data, "build", _must_not_build)
    assert participants() == "291"
    assert seen_in == [current_data.EARLY_THREAD]  # made beside the look, and only there


def test_a_replica_opens_its_published_snapshot_early_and_a_damaged_one_is_not_served(
    data, monkeypatch, caplog
):
    """A replica (DASHBOARD_SNAPSHOT_ONLY) opens the published snapshot in a thread while the
    page is set up; one that cannot be opened is not served, early or not."""
    assert cli(["build", str(data)]) == 0  # writes and publishes the snapshot
    monkeypatch.setenv(SNAPSHOT_ONLY_VARIABLE, "1")
    opened_in = a_new_server(monkeypatch)
    monkeypatch.setattr(current_data, "build", _must_not_build)
    assert participants() == "291"
    assert opened_in == [current_data.EARLY_THREAD]
    cache = cache_dir_for(data)
    (cache / f"{'0' * 64}.duckdb").write_bytes(b"not a snapshot")  # as a half-copied cache
    publish(cache, "0" * 64)
    opened_in = a_new_server(monkeypatch)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    with caplog.at_level(logging.ERROR, logger="lib.ui.current_data"):
        app.run()
    assert opened_in[0] == current_data.EARLY_THREAD  # tried early, then once more: refused
    assert app.metric.len == 0 and f"{'0' * 64}.duckdb cannot be opened" in caplog.text
