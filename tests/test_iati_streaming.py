"""`import-iati` and memory (issue 20, point 9): the file is read as a stream, an activity at a
time; a compressed file (which libxml2 would decompress by itself, a 1 MB gzip holding a
gigabyte of elements) is refused; the import says as it goes, and at the end, how many
activities it read; thousands of activities take seconds, not minutes."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path

import pytest
from iati_generated import EXAMPLE, write_activities

from lib.cli import main
from lib.iati.importer import import_iati

ROOT = Path(__file__).resolve().parents[1]


def test_a_gzip_file_named_xml_is_refused_unread(tmp_path, capsys):
    packed = tmp_path / "activities.xml"
    packed.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    assert main(["import-iati", str(packed), "--out", str(tmp_path / "out")]) == 1
    printed = capsys.readouterr().out
    assert "activities.xml: refused: the file is compressed (gzip)" in printed
    assert not (tmp_path / "out").exists()


def test_the_import_says_how_many_activities_it_read(tmp_path, capsys):
    assert main(["import-iati", str(EXAMPLE), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert f"{EXAMPLE.name}: read 1 activity" in captured.out
    assert f"{EXAMPLE.name}: 1 activity read so far" in captured.err  # progress: stderr


@pytest.mark.slow
def test_progress_is_told_while_the_file_is_read(tmp_path):
    big = write_activities(tmp_path / "big.xml", 2_100)
    told: list[tuple[str, int]] = []
    started = time.process_time()
    result = import_iati([big], lambda name, count: told.append((name, count)))
    seconds = time.process_time() - started
    assert told == [("big.xml", 1000), ("big.xml", 2000), ("big.xml", 2100)]
    assert result.projects == 2_100
    assert "  - big.xml: read 2,100 activities" in result.report
    # 2,000 activities took 61 s of CPU (the gazetteer scanned for every location)
    assert seconds < 30, seconds


def _peak_megabytes(path: Path) -> float:
    """The peak memory of a fresh Python that reads `path` with read_iati."""
    script = (
        "import resource, sys; from pathlib import Path; from lib.iati.read import read_iati; "
        "file = read_iati(Path(sys.argv[1])); assert file.activities; "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        check=True,
    )
    return float(done.stdout.strip())


@pytest.mark.slow
def test_memory_grows_with_what_is_kept_not_with_the_file(tmp_path):
    small = _peak_megabytes(write_activities(tmp_path / "small.xml", 100))  # 1.4 MB
    large = _peak_megabytes(write_activities(tmp_path / "large.xml", 5_000))  # 72 MB
    # the whole tree of the large file alone was several times its 72 MB
    assert large - small < 72, (small, large)
