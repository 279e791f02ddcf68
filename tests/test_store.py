"""The snapshot (lib/store): built from a consistent, validated read, written atomically,
rebuilt when stale or damaged, never served half; the app shows the same figures from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from fixture_data import ROOT, drop_the_seminar
from streamlit.testing.v1 import AppTest

import lib.store.build as store_build
import lib.store.snapshot as store_snapshot
import lib.ui.current_data as current_data
from lib.cli import main as cli
from lib.load.loader import data_files, fingerprint, load_portfolio
from lib.store.build import build, snapshot_path
from lib.store.snapshot import open_snapshot
from lib.topics.people.data import SUMMED_LABEL

VALUES = "indicator_values.csv"


@pytest.fixture
def data(served_copy: Path) -> Path:
    """The served copy of the tests' data (tests/conftest.py)."""
    return served_copy


def cache(data: Path) -> Path:
    return data.parent / "cache"


def snapshots(data: Path) -> list[Path]:
    return sorted(cache(data).glob("*.duckdb")) if cache(data).is_dir() else []


def change_figure(data: Path, old: str, new: str) -> None:
    path = data / VALUES
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def headline(page: str | None = None) -> dict[str, str]:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return {metric.label: metric.value for metric in app.metric}


def test_build_writes_a_snapshot_that_holds_exactly_the_validated_data(data, capsys):
    assert cli(["build", str(data)]) == 0
    out = capsys.readouterr().out
    assert "valid. 4 projects, 16 figures" in out and "Wrote the snapshot" in out
    loaded = load_portfolio(data).portfolio
    assert snapshots(data) == [snapshot_path(cache(data), loaded.fingerprint)]
    opened = open_snapshot(snapshots(data)[0], data, loaded.fingerprint).portfolio
    pd.testing.assert_frame_equal(opened.values, loaded.values)
    for kind in ("projects", "sources", "places", "organisations", "programmes", "indicators"):
        assert getattr(opened, kind) == getattr(loaded, kind), kind
        assert list(getattr(opened, kind)) == list(getattr(loaded, kind)), kind
    assert opened.source_texts == loaded.source_texts
    assert opened.settings == loaded.settings


def test_failed_validation_lists_the_problems_as_validate_does_and_writes_nothing(data, capsys):
    change_figure(data, ",132,", ",133,")
    assert cli(["validate", str(data)]) == 1
    validated = capsys.readouterr().out
    assert cli(["build", str(data)]) == 1
    built = capsys.readouterr().out
    assert "the parts on lines 3, 4 add up" in validated
    assert built == validated + "No snapshot was written.\n"
    assert snapshots(data) == []


def test_the_app_builds_the_snapshot_and_then_serves_the_bundled_figures_from_it(data, monkeypatch):
    first = headline()
    assert len(snapshots(data)) == 1
    # A new server process: nothing held, and no way to build: it must open the snapshot.
    monkeypatch.setattr(current_data, "_held", None)
    monkeypatch.setattr(current_data, "build", _must_not_build)
    served = headline()
    assert served == first
    assert served["Participants"] == "291" and served["Refugees supported"] == "518"
    assert served["Citizens informed"] == "about 84,000"
    monkeypatch.setattr(current_data, "_held", None)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/participants/app.py").run()
    assert not app.exception
    assert {"259", "132", "127"} <= set(app.dataframe[0].value["Participants"])
    assert {m.label: m.value for m in app.metric} == {SUMMED_LABEL: "291"}


def _must_not_build(*args, **kwargs):
    raise AssertionError("the app rebuilt a snapshot that was on disk and whole")


def test_a_stale_snapshot_is_rebuilt_when_the_data_changes(data, monkeypatch):
    assert headline()["Participants"] == "291"
    old = snapshots(data)
    drop_the_seminar(data)
    monkeypatch.setattr(current_data, "_held", None)  # as a restart after `git pull`
    assert headline()["Participants"] == "259"
    new = [path for path in snapshots(data) if path not in old]
    assert [path.stem for path in new] == [fingerprint(data)]
    assert open_snapshot(old[0], data, fingerprint(data)) is None  # never served for new data


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "another version"])
def test_a_damaged_snapshot_is_rebuilt_never_served(data, monkeypatch, damage):
    assert cli(["build", str(data)]) == 0
    path = snapshots(data)[0]
    raw = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00not a database\xff" * 5000)
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # a whole snapshot of other data, under this data's name
        other = data.parent / "other"
        shutil.copytree(data, other)
        drop_the_seminar(other)
        built = build(other, data.parent / "other-cache")
        shutil.copyfile(built.path, path)
    assert open_snapshot(path, data, fingerprint(data)) is None
    shown = headline()
    assert shown["Refugees supported"] == "518" and shown["Participants"] == "291"
    assert open_snapshot(path, data, fingerprint(data)) is not None  # rebuilt whole


def test_broken_data_in_the_app_shows_problems_and_writes_no_snapshot(data):
    change_figure(data, ",132,", ",133,")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception and app.metric.len == 0
    assert "the parts on lines 3, 4 add up" in app.code[0].value
    assert snapshots(data) == []


def test_a_file_rewritten_during_every_read_is_refused_never_half_served(data, monkeypatch):
    """As a curator's editor or a script rewriting indicator_values.csv in place while it is
    read: each read sees another version, so the build refuses; nothing is written."""
    whole = (data / VALUES).read_text(encoding="utf-8")
    lines = whole.splitlines(keepends=True)
    half = "".join(lines[: len(lines) // 2])  # a valid CSV of fewer figures
    real_load = store_build.load_portfolio
    versions = iter([half, whole] * 10)

    def load_while_rewritten(folder, known=None):
        result = real_load(folder)
        (data / VALUES).write_text(next(versions), encoding="utf-8")
        return result

    monkeypatch.setattr(store_build, "load_portfolio", load_while_rewritten)
    monkeypatch.setattr(store_build.time, "sleep", lambda seconds: None)
    built = build(data, cache(data))
    assert built.changing and built.result.portfolio is None and built.path is None
    assert "changed while they were being read" in built.result.problems[0].message
    assert snapshots(data) == []


def test_a_file_replaced_mid_read_is_read_again_whole(data, monkeypatch):
    """As `git checkout` does it (unlink, then write): the first read fails or differs, the
    next one, of the settled folder, is served, and it is the new version whole."""
    project = data / "projects" / "connection-network.yaml"
    text = project.read_text(encoding="utf-8")
    real_load = store_build.load_portfolio
    calls = []

    def load_during_checkout(folder, known=None):
        calls.append(folder)
        if len(calls) == 1:
            project.unlink()
            result = real_load(folder)
            project.write_text(text, encoding="utf-8")
            drop_the_seminar(data)
            return result
        return real_load(folder)

    monkeypatch.setattr(store_build, "load_portfolio", load_during_checkout)
    monkeypatch.setattr(store_build.time, "sleep", lambda seconds: None)
    built = build(data, cache(data))
    assert len(calls) == 2
    portfolio = built.result.portfolio
    assert portfolio is not None and "connection-network" in portfolio.projects
    assert len(portfolio.values) == 15 and portfolio.fingerprint == fingerprint(data)
    assert built.path == snapshot_path(cache(data), fingerprint(data))


def test_two_builds_at_once_leave_one_whole_snapshot(data):
    env = {"PYTHONPATH": str(ROOT), "DASHBOARD_CACHE_DIR": str(cache(data)), "PATH": "/usr/bin"}
    command = [sys.executable, "-m", "lib.cli", "build", str(data)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE) for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert len(snapshots(data)) == 1
    assert list(cache(data).glob(".*.tmp")) == []
    assert open_snapshot(snapshots(data)[0], data, fingerprint(data)) is not None


def test_a_run_keeps_the_version_it_started_with(data, monkeypatch):
    """The router pins the data at the start of a run; a page asking later in the same run
    gets that version, even when a newer one is held meanwhile."""
    from lib.ui.app_data import load_for_app

    pinned = load_for_app("en", new_run=True)
    drop_the_seminar(data)
    monkeypatch.setattr(current_data, "_held", None)
    assert load_for_app() is pinned
    assert load_for_app("en", new_run=True) is not pinned  # the next run sees the new data


def test_opening_a_snapshot_pauses_the_cycle_collector_and_restores_it(data, monkeypatch):
    """Opening makes ~170,000 objects at 10,000 projects and no garbage cycles: the cycle
    collector is paused meanwhile (half the open time) and running again afterwards, also
    after a snapshot that could not be opened."""
    import gc

    assert cli(["build", str(data)]) == 0
    path = snapshots(data)[0]
    seen = []
    real_read = store_snapshot._read
    monkeypatch.setattr(
        store_snapshot, "_read", lambda *args: seen.append(gc.isenabled()) or real_read(*args)
    )
    assert open_snapshot(path, data, fingerprint(data)) is not None
    path.write_bytes(b"\x00not a database\xff" * 5000)
    assert open_snapshot(path, data, fingerprint(data)) is None
    assert seen == [False] and gc.isenabled()


def test_a_build_reads_each_data_file_once(data, monkeypatch):
    """The fingerprint is of the bytes the loader parsed (not of a read before and one after
    it), whether a file changed during the read is told by its stamp (no second read), and
    the snapshot is keyed by the same fingerprint as the app's look at the folder."""
    import os

    opened: list[str] = []
    real_open = os.open

    def counting_open(path, *args, **kwargs):
        if str(path).startswith(str(data)) and not os.path.isdir(path):
            opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    built = build(data, cache(data))
    monkeypatch.setattr(os, "open", real_open)
    files = [str(path) for path in data_files(data)]
    assert sorted(opened) == sorted(files)
    assert built.path == snapshot_path(cache(data), fingerprint(data))
