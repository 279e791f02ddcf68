"""A rebuild after project files alone changed patches a copy of the earlier snapshot
(lib/store/patched.py) instead of writing every table: what it writes is row for row what a
first build of the folder writes, whether the edit kept each table's rows or changed their
number; any other change is written whole."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from snapshot_tables import tables

import lib.store.writer as writer
from lib.store.build import build
from lib.store.patched import _changed

PROJECT = "projects/rso-maritsa-forums.yaml"
EVENT = """  - id: rso-maritsa-practicum
    type: workshop
"""


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each snapshot written was patched (True) or would not be (False)."""
    done: list[bool] = []
    real_patch = writer.patch_tables

    def patch_tables(*args, **kwargs):
        done.append(real_patch(*args, **kwargs))
        return done[-1]

    monkeypatch.setattr(writer, "patch_tables", patch_tables)
    return done


def rebuilt_as_first_built(data: Path, cache: Path) -> None:
    rebuilt = build(data, cache)
    first = build(data, cache.parent / "first-build-cache")
    assert rebuilt.path is not None and first.path is not None
    assert rebuilt.path.name == first.path.name
    rebuilt_tables, first_tables = tables(rebuilt.path), tables(first.path)
    assert list(rebuilt_tables) == list(first_tables)
    for name, table in first_tables.items():
        assert rebuilt_tables[name].equals(table), name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_title_edited_is_patched_in_place(fresh_copy, tmp_path, patched):
    cache = tmp_path / "cache"
    assert build(fresh_copy, cache).path is not None
    edit(fresh_copy / PROJECT, "Building capacity", "Building-capacity")
    rebuilt_as_first_built(fresh_copy, cache)
    assert patched == [True]


def test_an_event_added_rewrites_the_events_table_whole(fresh_copy, tmp_path, patched):
    cache = tmp_path / "cache"
    assert build(fresh_copy, cache).path is not None
    text = (fresh_copy / PROJECT).read_text(encoding="utf-8")
    start, end = text.index(EVENT), text.index("# The report never says where")
    copied = text[start:end].replace("id: rso-maritsa-practicum", "id: rso-maritsa-practicum-2")
    (fresh_copy / PROJECT).write_text(text[:end] + copied + text[end:], encoding="utf-8")
    rebuilt_as_first_built(fresh_copy, cache)
    assert patched == [True]


def test_a_figure_edited_is_written_whole(fresh_copy, tmp_path, patched):
    cache = tmp_path / "cache"
    assert build(fresh_copy, cache).path is not None
    edit(fresh_copy / "indicator_values.csv", ",259,exact,", ",259,approximate,")
    build(fresh_copy, cache)
    assert patched == []  # not patchable: patch_tables is not called


def test_a_stamp_changed_with_the_bytes_is_updated_in_the_files_table(
    fresh_copy, tmp_path, patched
):
    """A report text touched (its bytes as they were) and a project edited: the rebuild reads
    both and patches the `files` rows of both in place; the table is the first build's."""
    cache = tmp_path / "cache"
    assert build(fresh_copy, cache).path is not None
    touched = next((fresh_copy / "sources").glob("*.txt"))
    later = touched.stat().st_mtime_ns + 5_000_000_000
    os.utime(touched, ns=(later, later))
    edit(fresh_copy / PROJECT, "Building capacity", "Building-capacity")
    rebuilt_as_first_built(fresh_copy, cache)
    assert patched == [True]
    files = tables(build(fresh_copy, cache).path)["files"].to_pylist()
    stamp = {row["name"]: row["mtime_ns"] for row in files}
    assert stamp[f"sources/{touched.name}"] == later


def test_the_files_that_differ_are_those_read_with_other_bytes_or_not_read_then_or_now():
    """What a patch takes for changed: a file read with other bytes than the earlier snapshot
    read, one the earlier snapshot did not read, and one not read now; never a file read with
    the same bytes, whatever else differs elsewhere."""
    earlier = SimpleNamespace(
        digests={
            "projects/same.yaml": b"a",
            "projects/edited.yaml": b"b",
            "projects/gone.yaml": b"c",
        }
    )
    now = {"projects/same.yaml": b"a", "projects/edited.yaml": b"B", "projects/new.yaml": b"d"}
    names = [
        "projects/same.yaml",
        "projects/edited.yaml",
        "projects/gone.yaml",
        "projects/new.yaml",
    ]
    assert _changed(names, now, earlier) == [1, 2, 3]
    assert _changed(names[:1], now, earlier) == []
