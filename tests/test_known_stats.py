"""A server starting on data built before knows its version from the files' stats, without
reading every file; a changed file is never taken for the version built before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.store.build as store_build
import lib.ui.app_data as app_data
from lib.load.loader import fingerprint
from lib.store.build import build
from lib.store.known_stats import KNOWN_FILE, recall, stats_key

VALUES = "indicator_values.csv"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 0.0)  # the copy is seconds old
    return folder


def test_a_start_after_a_build_knows_the_version_without_reading_the_files(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build(data, data.parent / "cache")
    assert built.path is not None
    version = built.result.portfolio.fingerprint

    def no_reading(_folder: Path) -> str:
        raise AssertionError("every file was read and hashed again")

    monkeypatch.setattr(app_data, "fingerprint", no_reading)
    assert app_data._Version().of(data) == version


def test_a_file_changed_after_the_build_gives_the_new_version(data: Path) -> None:
    cache = data.parent / "cache"
    before = build(data, cache).result.portfolio.fingerprint
    values = data / VALUES
    values.write_text(values.read_text(encoding="utf-8").replace(",259,", ",258,", 1))
    assert recall(cache, stats_key(data)) is None
    now = app_data._Version().of(data)
    assert now == fingerprint(data) != before


def test_a_damaged_record_is_ignored(data: Path) -> None:
    cache = data.parent / "cache"
    build(data, cache)
    (cache / KNOWN_FILE).write_text("{not json", encoding="utf-8")
    assert recall(cache, stats_key(data)) is None
    assert app_data._Version().of(data) == fingerprint(data)
