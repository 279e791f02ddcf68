"""Data updates on a site of several replicas: `dashboard-data build` publishes a snapshot
beside the one served; replicas (DASHBOARD_SNAPSHOT_ONLY) switch to it on their next run and
never build; a failed build leaves the old one served and says why."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fixture_data import ROOT, drop_the_seminar
from streamlit.testing.v1 import AppTest

import lib.store.build as store_build
import lib.store.writer as writer
import lib.ui.current_data as current_data
from lib.cli import main as cli
from lib.load.loader import fingerprint
from lib.store.published import CURRENT, published


@pytest.fixture
def data(served_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The served copy (tests/conftest.py), served as a replica serves it."""
    monkeypatch.setenv("DASHBOARD_SNAPSHOT_ONLY", "1")
    monkeypatch.setattr(current_data, "build", _must_not_build)
    return served_copy


def _must_not_build(*args, **kwargs):
    raise AssertionError("a replica built a snapshot itself")


def cache(data: Path) -> Path:
    return data.parent / "cache"


def open_session() -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def participants(app: AppTest) -> str:
    return {metric.label: metric.value for metric in app.metric}["Participants"]


def test_a_replica_switches_to_a_new_build_on_the_next_run_and_open_sessions_go_on(data):
    assert cli(["build", str(data)]) == 0
    old = fingerprint(data)
    assert published(cache(data)) == old
    session = open_session()
    assert participants(session) == "291"

    drop_the_seminar(data)
    assert participants(open_session()) == "291"  # the folder changed, nothing published yet
    assert cli(["build", str(data)]) == 0
    assert published(cache(data)) == fingerprint(data) != old
    assert (cache(data) / f"{old}.duckdb").is_file()  # written beside the one served

    assert participants(open_session()) == "259"  # a new visitor
    session.run()  # the visitor already there: the next rerun works, on the new data
    assert not session.exception, [e.value for e in session.exception]
    assert participants(session) == "259"


def test_a_failed_build_leaves_the_old_snapshot_served_and_says_why(data, capsys):
    assert cli(["build", str(data)]) == 0
    served = published(cache(data))
    capsys.readouterr()
    values = data / "indicator_values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(",132,", ",133,"), "utf-8")

    assert cli(["build", str(data)]) == 1
    out, err = capsys.readouterr()
    assert "the parts on lines 3, 4 add up" in out and "No snapshot was written." in out
    assert err == f"The snapshot served stays {served}.\n"
    assert published(cache(data)) == served
    assert participants(open_session()) == "291"


def test_a_damaged_published_snapshot_is_logged_and_the_version_held_stays(data, caplog):
    assert cli(["build", str(data)]) == 0
    assert participants(open_session()) == "291"
    drop_the_seminar(data)
    newer = fingerprint(data)
    (cache(data) / f"{newer}.duckdb").write_bytes(b"not a snapshot")
    (cache(data) / CURRENT).write_text(newer, encoding="utf-8")  # as a half-copied cache

    with caplog.at_level(logging.ERROR, logger="lib.ui.current_data"):
        assert participants(open_session()) == "291"
    assert f"{newer}.duckdb cannot be opened" in caplog.text


def test_a_replica_with_nothing_published_shows_why_and_builds_nothing(data):
    app = open_session()
    assert not app.metric
    problems = "\n".join(block.value for block in app.code)
    assert "no snapshot has been published" in problems and "dashboard-data build" in problems
    assert not (cache(data) / CURRENT).exists()


def test_clearing_old_snapshots_never_removes_the_published_one(data, monkeypatch):
    assert cli(["build", str(data)]) == 0
    served = published(cache(data))
    monkeypatch.setattr(writer, "SNAPSHOTS_KEPT", 1)
    drop_the_seminar(data)
    store_build.build(data, cache(data))  # a build that does not publish (a curator's app)
    assert (cache(data) / f"{served}.duckdb").is_file()
