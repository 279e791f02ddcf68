"""A large portfolio's files read on two cores give exactly what one core gives: the same
values, the same problems with the same lines, in the same order; and if the second process
fails, the files are still all read."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.load.yaml_files as yaml_files
from lib.load.loader import files_in, load_portfolio
from lib.load.yaml_reader import read_yaml


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The tests' project files, a broken one among them, and a file that is not UTF-8."""
    for path in (FIXTURE_DATA_DIR / "projects").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "zz-broken.yaml").write_text("id: x\nid: y\nstart: [\n", encoding="utf-8")
    (tmp_path / "zz-latin.yaml").write_bytes("title: Caf\xe9\n".encode("latin-1"))
    return tmp_path


def name(path: Path) -> str:
    return f"projects/{path.name}"


def one_core(paths: list[Path]) -> list[tuple]:
    return [(p, (d := read_yaml(p, name(p))).value, d.problems, dict(d.lines)) for p in paths]


def both_cores(paths: list[Path]) -> list[tuple]:
    read = yaml_files.read_yaml_files(paths, name)
    return [(p, d.value, d.problems, dict(d.lines)) for p, d in read]


def test_two_cores_read_what_one_core_reads(monkeypatch, folder: Path, caplog) -> None:
    monkeypatch.setattr(yaml_files, "SECOND_CORE_FROM", 2)
    paths = files_in(folder, ".yaml")
    got = both_cores(paths)
    assert "the second process failed" not in caplog.text  # the second process did read
    # values, problems and every line (a clean file read elsewhere finds its lines on demand)
    assert got == one_core(paths)
    assert [p.name for p, *_ in got][-2:] == ["zz-broken.yaml", "zz-latin.yaml"]
    assert any(problem.line == 3 for problem in got[-2][2])  # the broken file's own problem
    assert "not saved as UTF-8" in got[-1][2][0].message


def test_when_the_second_process_fails_this_one_reads_its_files(
    monkeypatch, folder: Path, caplog
) -> None:
    monkeypatch.setattr(yaml_files, "SECOND_CORE_FROM", 2)
    monkeypatch.setattr(sys, "executable", str(folder / "no-such-python"))
    paths = files_in(folder, ".yaml")
    assert both_cores(paths) == one_core(paths)
    assert "the second process failed" in caplog.text


def test_a_second_process_that_crashes_is_named_with_its_last_words(
    monkeypatch, folder: Path, caplog
) -> None:
    monkeypatch.setattr(yaml_files, "SECOND_CORE_FROM", 2)
    crashing = folder / "crashing-python"
    crashing.write_text("#!/bin/sh\necho 'Traceback ...' >&2\necho 'MemoryError' >&2\nexit 1\n")
    crashing.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(crashing))
    paths = files_in(folder, ".yaml")
    assert both_cores(paths) == one_core(paths)
    assert "the second process failed (MemoryError)" in caplog.text


def test_a_portfolio_loads_the_same_on_two_cores(monkeypatch) -> None:
    one = load_portfolio(FIXTURE_DATA_DIR).portfolio
    monkeypatch.setattr(yaml_files, "SECOND_CORE_FROM", 2)
    two = load_portfolio(FIXTURE_DATA_DIR).portfolio
    assert one is not None and two is not None
    assert one.projects == two.projects
    assert list(one.projects) == list(two.projects)
