"""Project files parsed by worker processes give what one core gives (lib/load/many_files)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lib.load.many_files as many_files
from lib.load.data_file import recording_digests
from lib.load.fact_checks import Names, names_of, own_checks
from lib.load.loader import load_portfolio
from lib.load.located import Located
from lib.load.many_files import ManyFiles, Parsed
from lib.load.yaml_reader import read_yaml
from lib.model import schema

FIXTURE = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def _projects(tmp_path: Path) -> list[Path]:
    """The tests' four projects, each copied five times under other names, and two broken
    files: one YAML cannot read, one with an invisible control character."""
    folder = tmp_path / "projects"
    folder.mkdir()
    for source in sorted((FIXTURE / "projects").glob("*.yaml")):
        for copy in range(5):
            shutil.copy(source, folder / f"{source.stem}-{copy}.yaml")
    (folder / "broken-syntax.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    # An event's date its quote does not write: a fact problem, found where it is parsed.
    moved = (FIXTURE / "projects" / "connection-network.yaml").read_text(encoding="utf-8")
    moved = moved.replace('start: "2021-09-13"', 'start: "2021-10-13"')
    moved = moved.replace("Партньорска среща", "Партњорска среща")  # a Macedonian letter
    (folder / "zz-moved.yaml").write_text(moved, encoding="utf-8")  # last: a worker's first
    (folder / "control-character.yaml").write_text("id: x\ntitle: a\x07b\n", encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def _as_read(parsed: list[Parsed]) -> list:
    return [(p.document.value, dict(p.document.lines), p.document.problems) for p in parsed]


def _names() -> Names:
    portfolio = load_portfolio(FIXTURE).portfolio
    assert portfolio is not None
    return names_of(
        {
            kind: [Located(model, kind, {}, ()) for model in models.values()]
            for kind, models in (
                ("places", portfolio.places),
                ("organisations", portfolio.organisations),
            )
        }
    )


def _read_on_one_core(paths: list[Path]) -> tuple[list, dict[str, bytes]]:
    with recording_digests() as digests:
        parsed = [Parsed(read_yaml(path, f"projects/{path.name}"), None) for path in paths]
    return _as_read(parsed), dict(digests)


def test_workers_give_each_document_digest_and_fact_check_in_order(tmp_path: Path) -> None:
    paths = _projects(tmp_path)
    expected, expected_digests = _read_on_one_core(paths)
    names = _names()
    with recording_digests() as digests:
        many = ManyFiles(paths, "projects/", workers=1, chunk=2, names=names)
        # The worker's first chunk is the last; this process would parse it itself if it came
        # to it first (never waiting on a worker), so let the worker finish it, however busy
        # the machine is.
        assert many._ready[-1].wait(timeout=60)
        parsed = list(many)
    assert many.chunks_from_workers >= 1
    assert _as_read(parsed) == expected
    assert list(digests.items()) == list(expected_digests.items())
    problems = [p for _value, _lines, found in expected for p in found]
    assert {p.file for p in problems} == {
        "projects/broken-syntax.yaml",
        "projects/control-character.yaml",
    }
    assert parsed[0].document.value is None  # broken-syntax.yaml, first by name
    assert parsed[1].document.value["id"] == "connection-network"

    checked = [(path, p) for path, p in zip(paths, parsed, strict=True) if p.own_checks is not None]
    assert checked, "the worker checked the projects it parsed"
    for path, item in checked:
        model = schema.Project.model_validate(item.document.value)
        here = own_checks(Located(model, f"projects/{path.name}", item.document.lines, ()), names)
        assert item.own_checks == here
    # The last chunk is a worker's first, so it made zz-moved.yaml's own checks: its event's
    # date is not in the quote, and its Bulgarian title has a Macedonian letter.
    path, item = checked[-1]
    assert path.name == "zz-moved.yaml"
    assert item.own_checks is not None
    found = {(p.file, p.line, p.field): p.message for p in item.own_checks.problems}
    assert "2021-10-13" in found["projects/zz-moved.yaml", 63, "events[1].start"]
    assert "Macedonian" in found["projects/zz-moved.yaml", 66, "events[1].title.bg"]
    assert len(found) == 2


def test_a_worker_that_dies_leaves_its_chunks_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _projects(tmp_path)
    expected, _ = _read_on_one_core(paths)
    monkeypatch.setattr(sys, "executable", shutil.which("false"))  # a worker that exits at once
    many = ManyFiles(paths, "projects/", workers=1, chunk=2)
    time.sleep(0.5)
    parsed = list(many)
    assert _as_read(parsed) == expected
    assert many.chunks_from_workers == 0
    assert all(p.own_checks is None for p in parsed)


def test_a_load_with_workers_is_the_load_on_one_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    alone = load_portfolio(folder)
    monkeypatch.setattr(many_files, "WORKERS_FROM", 1)
    monkeypatch.setattr(many_files, "CHUNK", 1)
    monkeypatch.setattr(many_files, "_spare_cores", lambda: 1)
    shared = load_portfolio(folder)
    assert shared.portfolio is not None and alone.portfolio is not None
    assert shared.portfolio.fingerprint == alone.portfolio.fingerprint
    assert list(shared.portfolio.projects) == list(alone.portfolio.projects)
    assert shared.portfolio.values.equals(alone.portfolio.values)
    assert 259 in set(shared.portfolio.values["value"])  # participants in Shtip

    (folder / "projects" / "connection-network.yaml").write_text("id: [\n", encoding="utf-8")
    broken_alone_problems = load_portfolio(folder).problems
    monkeypatch.setattr(many_files, "_spare_cores", lambda: 1)
    broken_shared = load_portfolio(folder)
    assert broken_shared.portfolio is None
    assert broken_shared.problems == broken_alone_problems
    assert any(p.file == "projects/connection-network.yaml" for p in broken_shared.problems)


def test_a_worker_asked_ahead_gives_each_chunk_as_read_on_one_core(tmp_path: Path) -> None:
    """Once a worker has sent a chunk back it is asked for the next before that one is read:
    every chunk it sends, of one file each, is still the file as one core reads it."""
    paths = _projects(tmp_path)
    expected, expected_digests = _read_on_one_core(paths)
    names = _names()
    with recording_digests() as digests:
        many = ManyFiles(paths, "projects/", workers=1, chunk=1, names=names)
        # Let the worker send its last four chunks (the files' last four) before this process
        # begins, however busy the machine is: three of them were asked for ahead.
        assert all(ready.wait(timeout=60) for ready in many._ready[-4:])
        parsed = list(many)
    assert many.chunks_from_workers >= 4
    assert _as_read(parsed) == expected
    assert list(digests.items()) == list(expected_digests.items())
    assert [p.document.value["id"] for p in parsed[-4:-1]] == ["shtip-strazhitsa-twinning"] * 3
    assert parsed[-1].own_checks is not None  # zz-moved.yaml, checked by the worker
    assert {p.field for p in parsed[-1].own_checks.problems} == {
        "events[1].start",
        "events[1].title.bg",
    }


def test_a_worker_starts_without_pandas() -> None:
    """A worker's start is part of a cold load's time: it imports the parser and the checks,
    not pandas (0.3 s of its start)."""
    code = (
        "import sys, lib.load.chunk_worker; print(sorted({'pandas', 'numpy'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
