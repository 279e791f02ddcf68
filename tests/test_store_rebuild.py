"""A rebuild after an edit parses only the files that changed (lib/load/known_files,
lib/store/reuse.py), yet gives exactly what a first read gives: the same data, and the
same problems with the same files, lines and words, the cross-file checks included. A start
on data built before knows its version from the files' stats (lib/store/known_stats.py),
without reading every file; a changed file is never taken for the version built before."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

import lib.load.loader as loader
import lib.load.many_files as many_files
import lib.ui.app_data as app_data
from lib.load.loader import fingerprint, load_portfolio
from lib.store.build import build, cache_dir_for
from lib.store.known_stats import KNOWN_FILE, recall, stats_key
from lib.store.reuse import known_from
from lib.store.snapshot import open_snapshot

VALUES = "indicator_values.csv"
ROUTE = "Building capacity and creating an active platform in support of immigrant integration"


@pytest.fixture
def data(fresh_copy: Path) -> Path:
    return fresh_copy


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the YAML files the loader parses (not those it takes as known): the
    list files here, the project files in lib/load/many_files (in this process: a few files
    start no worker)."""
    names: list[str] = []
    real_read_yaml = loader.read_yaml

    def read_yaml(path, name):
        names.append(name)
        return real_read_yaml(path, name)

    monkeypatch.setattr(loader, "read_yaml", read_yaml)
    monkeypatch.setattr(many_files, "read_yaml", read_yaml)
    return names


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_after_one_edited_project_parses_that_file_only(data, tmp_path, parsed):
    assert build(data, tmp_path / "cache").path is not None
    parsed.clear()
    project = data / "projects" / "rso-maritsa-forums.yaml"
    edit(project, ROUTE, "Capacity and an active platform for immigrant integration")
    rebuilt = build(data, tmp_path / "cache")
    assert parsed == ["settings.yaml", "projects/rso-maritsa-forums.yaml"]
    first_read = load_portfolio(data).portfolio
    portfolio = rebuilt.result.portfolio
    assert portfolio.projects["rso-maritsa-forums"].title.en.startswith("Capacity and an")
    for kind in ("projects", "sources", "places", "organisations", "programmes", "indicators"):
        assert list(getattr(portfolio, kind).items()) == list(getattr(first_read, kind).items())
    assert portfolio.fingerprint == first_read.fingerprint
    assert rebuilt.path is not None and rebuilt.path.stem == first_read.fingerprint


def test_a_rebuild_finds_a_cross_file_problem_in_an_unchanged_file_by_its_line(
    data, tmp_path, parsed
):
    """places.yaml loses madrid: the unchanged project that names it is not parsed again,
    yet its problem is reported as a first read reports it, line 23 and all."""
    assert build(data, tmp_path / "cache").path is not None
    parsed.clear()
    edit(data / "places.yaml", "- id: madrid", "- id: madrid-city")
    rebuilt = build(data, tmp_path / "cache")
    assert "projects/connection-network.yaml" not in parsed
    assert rebuilt.path is None and rebuilt.result.portfolio is None
    first_read = load_portfolio(data)
    assert rebuilt.result.problems == first_read.problems
    assert any(
        problem.file == "projects/connection-network.yaml" and problem.line == 23
        for problem in rebuilt.result.problems
    )


def test_a_renamed_project_file_is_read_again_as_new(data, tmp_path, parsed):
    assert build(data, tmp_path / "cache").path is not None
    parsed.clear()
    project = data / "projects" / "rso-maritsa-forums.yaml"
    project.rename(project.with_name("rso-maritsa.yaml"))
    rebuilt = build(data, tmp_path / "cache")
    assert "projects/rso-maritsa.yaml" in parsed
    assert rebuilt.result.problems == load_portfolio(data).problems != ()


def test_a_start_after_a_build_knows_the_version_without_reading_the_files(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build(data, cache_dir_for(data))
    assert built.path is not None
    version = built.result.portfolio.fingerprint

    def no_reading(_folder: Path) -> str:
        raise AssertionError("every file was read and hashed again")

    monkeypatch.setattr(app_data, "fingerprint", no_reading)
    assert app_data._Version().of(data) == version


def test_a_file_changed_after_the_build_gives_the_new_version(data: Path) -> None:
    cache = cache_dir_for(data)
    before = build(data, cache).result.portfolio.fingerprint
    values = data / VALUES
    values.write_text(values.read_text(encoding="utf-8").replace(",259,", ",258,", 1))
    assert recall(cache, stats_key(data)) is None
    now = app_data._Version().of(data)
    assert now == fingerprint(data) != before


def test_a_rebuild_records_the_key_a_start_finds_its_version_by(data: Path) -> None:
    """After a first build and after a rebuild of one edited project (a patch, whose write
    ends before the look after the read) alike, a start's look finds the version built."""
    cache = cache_dir_for(data)
    first = build(data, cache).result.portfolio.fingerprint
    assert recall(cache, stats_key(data)) == first
    project = data / "projects" / "rso-maritsa-forums.yaml"
    time.sleep(0.01)
    project.write_text(project.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    rebuilt = build(data, cache).result.portfolio.fingerprint
    assert rebuilt != first
    assert recall(cache, stats_key(data)) == rebuilt == fingerprint(data)


def test_a_damaged_record_is_ignored(data: Path) -> None:
    cache = cache_dir_for(data)
    build(data, cache)
    (cache / KNOWN_FILE).write_text("{not json", encoding="utf-8")
    assert recall(cache, stats_key(data)) is None
    assert app_data._Version().of(data) == fingerprint(data)


def test_an_unchanged_project_is_checked_again_when_a_place_it_names_is_renamed(
    data, tmp_path, parsed
):
    """A project file's own fact checks are skipped on a rebuild only while its bytes and the
    names in places.yaml and organisations.yaml are those an earlier build passed: renaming
    Madrid leaves the network's unchanged quote ("…Дортмунд, Мадрид…") naming no place of its."""
    assert build(data, tmp_path / "cache").path is not None
    parsed.clear()
    edit(data / "places.yaml", '"Madrid"', '"Valladolid"')
    edit(data / "places.yaml", '"Мадрид"', '"Валадолид"')
    rebuilt = build(data, tmp_path / "cache")
    assert "projects/connection-network.yaml" not in parsed
    assert rebuilt.result.portfolio is None
    assert rebuilt.result.problems == load_portfolio(data).problems
    assert any(
        problem.file == "projects/connection-network.yaml"
        and problem.line == 23
        and "does not name this place" in problem.message
        for problem in rebuilt.result.problems
    )


def test_an_edited_project_is_checked_against_its_quotes(data, tmp_path, parsed):
    """The one edited file of a rebuild gets every check: a place its quote does not name
    ("…регион Хасково" made Kumanovo) is refused, as on a first read."""
    assert build(data, tmp_path / "cache").path is not None
    edit(data / "projects" / "rso-maritsa-forums.yaml", "place: haskovo-region", "place: kumanovo")
    rebuilt = build(data, tmp_path / "cache")
    assert rebuilt.result.problems == load_portfolio(data).problems
    assert any(
        problem.file == "projects/rso-maritsa-forums.yaml"
        and problem.line == 16
        and "does not name this place" in problem.message
        for problem in rebuilt.result.problems
    )


def test_a_snapshot_checked_by_other_validator_code_is_neither_served_nor_reused(
    data, tmp_path, parsed
):
    """A check added or tightened applies to every file at once: the snapshot that older
    checks passed is not opened, and its entries are not taken for the next build."""
    cache = tmp_path / "cache"
    built = build(data, cache)
    assert built.path is not None
    fingerprint_now = built.result.portfolio.fingerprint
    assert open_snapshot(built.path, data, fingerprint_now) is not None
    connection = duckdb.connect(str(built.path))
    connection.execute("UPDATE meta SET value = 'older checks' WHERE key = 'validator'")
    connection.close()
    assert open_snapshot(built.path, data, fingerprint_now) is None
    assert known_from(cache) is None
    parsed.clear()
    build(data, cache)
    assert "projects/rso-maritsa-forums.yaml" in parsed


def test_a_long_look_at_every_file_comes_seldom(data: Path, monkeypatch: pytest.MonkeyPatch):
    """Each look at every file's stats (0.7 s at 100,000 projects) comes at most every twenty
    times its length, so a large portfolio's server does not spend its time on them."""
    monkeypatch.setattr(app_data, "RECHECK_SECONDS", 0.0)
    looks = []
    real_look = app_data.look

    def slow_look(folder):
        looks.append(folder)
        time.sleep(0.05)
        return real_look(folder)

    monkeypatch.setattr(app_data, "look", slow_look)
    version = app_data._Version()
    ends = time.monotonic() + 0.3
    while time.monotonic() < ends:
        assert version.of(data) == fingerprint(data)
        time.sleep(0.01)
    assert 2 <= len(looks) <= 3  # the first sight, one look beside, then none for 1 s
