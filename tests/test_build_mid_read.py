"""A file that comes while a build reads the folder is never left out of a version that
claims it (lib/store/build.py consistent_load): the build reads again, and serves the
folder as it then is, whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.load.loader as loader
import lib.store.build as store_build
from lib.load.loader import fingerprint
from lib.store.build import build, snapshot_path


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 0.0)  # the copy is seconds old
    monkeypatch.setattr(store_build.time, "sleep", lambda seconds: None)
    return folder


def test_a_project_file_added_while_the_checks_run_is_in_the_version_served(data, monkeypatch):
    """The loader has listed projects/ and parsed every file when a curator saves a new
    project: the build must not serve the data without it under a fingerprint with it."""
    text = (data / "projects" / "connection-network.yaml").read_text(encoding="utf-8")
    added = data / "projects" / "connection-network-two.yaml"
    real_checks = loader.check_portfolio
    calls = []

    def checks_while_a_file_is_saved(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            added.write_text(
                text.replace("id: connection-network\n", "id: connection-network-two\n")
            )
        return real_checks(*args, **kwargs)

    monkeypatch.setattr(loader, "check_portfolio", checks_while_a_file_is_saved)
    built = build(data, data.parent / "cache")
    assert len(calls) == 2  # the first read is refused, the second serves the folder
    portfolio = built.result.portfolio
    assert portfolio is not None and "connection-network-two" in portfolio.projects
    assert portfolio.fingerprint == fingerprint(data)
    assert built.path == snapshot_path(data.parent / "cache", fingerprint(data))


def test_a_rebuild_whose_folder_changed_mid_read_publishes_only_the_read_after(data, monkeypatch):
    """A rebuild writes its snapshot (a patched copy of the earlier one) once its look after
    the read agrees: when a project was saved during the read, that read is not written (a
    write of it, made beside the look, was thrown away: 1 s more at 100,000 projects); the
    one served is of the folder as saved, and no temporary file is left in the cache."""
    cache = data.parent / "cache"
    first = build(data, cache)
    assert first.path is not None
    project = data / "projects" / "connection-network.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text + "# edited\n", encoding="utf-8")
    real_checks = loader.check_portfolio
    calls = []

    def checks_while_the_project_is_saved_again(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            project.write_text(text + "# edited twice\n", encoding="utf-8")
        return real_checks(*args, **kwargs)

    monkeypatch.setattr(loader, "check_portfolio", checks_while_the_project_is_saved_again)
    real_written, writes = store_build.written, []

    def counted_write(*args, **kwargs):
        writes.append(1)
        return real_written(*args, **kwargs)

    monkeypatch.setattr(store_build, "written", counted_write)
    built = build(data, cache)
    assert len(calls) == 2
    assert len(writes) == 1  # the second read's only
    assert built.result.portfolio.fingerprint == fingerprint(data)
    assert built.path == snapshot_path(cache, fingerprint(data))
    assert sorted(cache.glob("*.duckdb")) == sorted([first.path, built.path])
    assert [path.name for path in cache.iterdir() if path.name.endswith((".tmp", ".wal"))] == []
