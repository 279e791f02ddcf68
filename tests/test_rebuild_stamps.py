"""A build tells a file unchanged from its stamp (size, modification and change times,
inode), as git's index does (lib/store/build.py, lib/store/seen.py Seen): a rebuild does not
read a file whose stamp is the one the earlier build recorded, and a file saved during a read
is caught by its stamp, even when it keeps its size."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

import lib.load.data_file as data_file
import lib.load.figures_and_texts as figures_and_texts
import lib.load.known_files as known_files
import lib.load.loader as loader
import lib.load.yaml_reader as yaml_reader
import lib.store.build as store_build
from lib.load.loader import fingerprint, load_portfolio
from lib.store.build import build

PROJECT = "projects/rso-maritsa-forums.yaml"
VALUES = "indicator_values.csv"
ROUTE = "Building capacity and creating an active platform in support of immigrant integration"


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the data files read (their bytes, whether parsed or only hashed)."""
    paths: list[str] = []
    real_read = data_file.read_data_file

    def read_data_file(path, file, *args, **kwargs):
        paths.append(file)
        return real_read(path, file, *args, **kwargs)

    for module in (loader, known_files, figures_and_texts, yaml_reader):
        monkeypatch.setattr(module, "read_data_file", read_data_file)
    return paths


def stamps(snapshot: Path) -> dict[str, tuple]:
    connection = duckdb.connect(str(snapshot), read_only=True)
    try:
        rows = connection.execute("SELECT name, size, mtime_ns, ctime_ns, inode FROM files")
        return {name: tuple(stamp) for name, *stamp in rows.fetchall()}
    finally:
        connection.close()


def test_a_rebuild_reads_only_the_file_whose_stamp_changed(fresh_copy, tmp_path, read):
    data, cache = fresh_copy, tmp_path / "cache"
    first = build(data, cache)
    assert first.path is not None
    status = os.stat(data / PROJECT)
    assert stamps(first.path)[PROJECT] == (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
    )
    read.clear()
    text = (data / PROJECT).read_text(encoding="utf-8")
    (data / PROJECT).write_text(text.replace(ROUTE, "Capacity and a platform for integration"))
    rebuilt = build(data, cache)
    projects_read = [name for name in read if name.startswith("projects/")]
    assert projects_read == [PROJECT, PROJECT]  # hashed, then parsed: not known
    assert VALUES not in read and not any(name.startswith("sources/") for name in read)
    assert rebuilt.result.portfolio.projects["rso-maritsa-forums"].title.en.startswith(
        "Capacity and a platform"
    )
    assert rebuilt.result.portfolio.fingerprint == fingerprint(data)
    assert rebuilt.result.problems == load_portfolio(data).problems == ()


def test_a_file_touched_since_is_read_again_but_not_parsed(fresh_copy, tmp_path, read):
    data, cache = fresh_copy, tmp_path / "cache"
    first = build(data, cache)
    read.clear()
    os.utime(data / PROJECT)  # the same bytes, another time: read and hashed, known by them
    rebuilt = build(data, cache)
    assert [name for name in read if name.startswith("projects/")] == [PROJECT]
    assert rebuilt.path == first.path


def test_a_file_saved_by_renaming_another_into_place_is_read(fresh_copy, tmp_path, read):
    """An editor that saves by writing a new file and renaming it over the old gives the
    file another inode, though its size and times may be set back to the old ones."""
    data, cache = fresh_copy, tmp_path / "cache"
    build(data, cache)
    target = data / PROJECT
    status = os.stat(target)
    text = target.read_text(encoding="utf-8")
    swapped = data / "projects" / ".swap"
    swapped.write_text(text.replace("Building capacity", "Building-capacity"))
    os.utime(swapped, ns=(status.st_atime_ns, status.st_mtime_ns))
    os.replace(swapped, target)
    assert os.stat(target).st_size == status.st_size
    read.clear()
    rebuilt = build(data, cache)
    assert PROJECT in read
    assert rebuilt.result.portfolio.projects["rso-maritsa-forums"].title.en.startswith(
        "Building-capacity"
    )


def test_a_file_saved_in_the_same_tick_as_the_read_gets_no_stamp(
    fresh_copy, tmp_path, read, monkeypatch
):
    """Git's "racy" rule: a file whose times are not older than the read's start by more
    than the settle time could be saved again with the same times; its stamp is not kept,
    so the next build reads it."""
    data, cache = fresh_copy, tmp_path / "cache"
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 3600.0)  # every file is too young
    monkeypatch.setattr(store_build.time, "sleep", lambda seconds: None)
    first = build(data, cache)
    assert first.path is not None
    assert set(stamps(first.path).values()) == {(None, None, None, None)}
    read.clear()
    build(data, cache)
    assert "projects/connection-network.yaml" in read


def test_a_file_rewritten_with_its_size_during_the_read_is_caught(
    fresh_copy, tmp_path, monkeypatch
):
    """A file saved while the checks run, with another byte but the same size: its
    modification and change times differ from the look before the read, so the build
    reads again and serves the folder as it then is."""
    data, cache = fresh_copy, tmp_path / "cache"
    monkeypatch.setattr(store_build.time, "sleep", lambda seconds: None)
    target = data / PROJECT
    text = target.read_text(encoding="utf-8")
    assert text.count("Building capacity") == 1
    real_checks = loader.check_portfolio
    calls = []

    def checks_while_a_file_is_saved(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            target.write_text(text.replace("Building capacity", "Building-capacity"))
        return real_checks(*args, **kwargs)

    monkeypatch.setattr(loader, "check_portfolio", checks_while_a_file_is_saved)
    built = build(data, cache)
    assert len(calls) == 2  # the first read is refused, the second serves the folder
    project = built.result.portfolio.projects["rso-maritsa-forums"]
    assert project.title.en.startswith("Building-capacity")
    assert built.result.portfolio.fingerprint == fingerprint(data)


def test_an_event_renamed_in_a_project_is_unknown_to_its_unchanged_figures(
    fresh_copy, tmp_path, read
):
    """indicator_values.csv is unchanged, so it is not read: its rows come from the earlier
    snapshot, and those of the edited project are checked as on a first read."""
    data, cache = fresh_copy, tmp_path / "cache"
    assert build(data, cache).path is not None
    read.clear()
    text = (data / PROJECT).read_text(encoding="utf-8")
    renamed = "  - id: rso-maritsa-june-forums\n", "  - id: rso-maritsa-forums-in-june\n"
    (data / PROJECT).write_text(text.replace(*renamed), encoding="utf-8")
    rebuilt = build(data, cache)
    assert VALUES not in read and not any(name.startswith("sources/") for name in read)
    assert rebuilt.result.problems == load_portfolio(data).problems
    assert any(
        problem.file == VALUES and problem.field == "event" and "june-forums" in problem.message
        for problem in rebuilt.result.problems
    )


def test_a_country_renamed_is_unknown_to_the_unchanged_places_and_organisations(
    fresh_copy, tmp_path
):
    """The list files' references and quotes pass again only while every list file and
    report text is unchanged (lib/load/passed_checks.py `lists`): countries.yaml alone
    changed, places.yaml and organisations.yaml are known, and checked again."""
    data, cache = fresh_copy, tmp_path / "cache"
    assert build(data, cache).path is not None
    text = (data / "countries.yaml").read_text(encoding="utf-8")
    (data / "countries.yaml").write_text(text.replace("  - code: MK\n", "  - code: MKD\n"))
    rebuilt = build(data, cache)
    assert rebuilt.result.problems == load_portfolio(data).problems
    files = {problem.file for problem in rebuilt.result.problems if "'MK'" in problem.message}
    assert files == {"places.yaml", "organisations.yaml"}


def test_an_editors_swap_file_saved_during_the_read_is_no_change(fresh_copy, tmp_path, monkeypatch):
    """Only the files a load reads count: an editor's hidden swap file beside a project
    file, saved while the build reads, does not make it read the folder again."""
    data = fresh_copy
    real_checks = loader.check_portfolio
    calls = []

    def checks_while_an_editor_saves(*args, **kwargs):
        calls.append(1)
        (data / "projects" / f".rso-maritsa-forums.yaml.swp{len(calls)}").write_bytes(b"\0")
        (data / "README.md").write_text(f"notes {len(calls)}\n", encoding="utf-8")
        return real_checks(*args, **kwargs)

    monkeypatch.setattr(loader, "check_portfolio", checks_while_an_editor_saves)
    built = build(data, tmp_path / "cache")
    assert len(calls) == 1 and built.path is not None
