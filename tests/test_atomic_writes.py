"""Every command that writes files is interrupted half-way: the old file is left byte for byte,
no temporary file is left behind, and a new data folder is written whole or not at all.

The interruption is a KeyboardInterrupt (what Ctrl+C raises) from the last step before the
rename, or from the writing of a folder's third file; a second test kills a real writing process
outright, which no clean-up can answer, and checks that the old file is still whole.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from broken_data import copy_data
from fixture_data import ROOT

import lib.store.atomic
from lib.cli import main
from lib.store.atomic import write_text_atomically

IATI_EXAMPLE = ROOT / "tests/iati/activity-standard-example-annotated.xml"
BITOLA = "792578"


def interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def test_places_add_interrupted_before_the_rename(data: Path, monkeypatch) -> None:
    places = data / "places.yaml"
    before = places.read_bytes()
    monkeypatch.setattr(lib.store.atomic.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        main(["places", "add", BITOLA, "--bg", "Битоля", "--mk", "Битола", "--data-dir", str(data)])
    assert places.read_bytes() == before
    assert leftovers(data) == []


def test_places_add_interrupted_while_flushing(data: Path, monkeypatch) -> None:
    places = data / "places.yaml"
    before = places.read_bytes()
    monkeypatch.setattr(lib.store.atomic.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        main(["places", "add", BITOLA, "--bg", "Битоля", "--mk", "Битола", "--data-dir", str(data)])
    assert places.read_bytes() == before
    assert leftovers(data) == []


def test_places_add_keeps_the_file_mode(data: Path) -> None:
    """The temporary file is private to its owner; the file it replaces must not become so."""
    places = data / "places.yaml"
    places.chmod(0o644)
    assert (
        main(["places", "add", BITOLA, "--bg", "Битоля", "--mk", "Битола", "--data-dir", str(data)])
        == 0
    )
    assert stat.S_IMODE(places.stat().st_mode) == 0o644
    assert "id: bitola" in places.read_text(encoding="utf-8")
    assert leftovers(data) == []


@pytest.mark.parametrize(
    ("file_format", "name"), [("csv", "figures.csv"), ("datapackage", "data.zip")]
)
def test_export_interrupted_leaves_the_old_export(
    tmp_path: Path, monkeypatch, file_format: str, name: str
) -> None:
    out = tmp_path / name
    out.write_bytes(b"the export of last week\n")
    monkeypatch.setattr(lib.store.atomic.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        main(["export", "--format", file_format, "--out", str(out)])
    assert out.read_bytes() == b"the export of last week\n"
    assert leftovers(tmp_path) == []


def test_import_iati_interrupted_writes_no_folder(tmp_path: Path, monkeypatch) -> None:
    """A half-written folder would look like data, and block the next run as 'not empty'."""
    out = tmp_path / "imported"
    real_write_text = Path.write_text
    written: list[Path] = []

    def third_file_interrupts(self: Path, *args: object, **kwargs: object) -> int:
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(self)
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", third_file_interrupts)
    with pytest.raises(KeyboardInterrupt):
        main(["import-iati", str(IATI_EXAMPLE), "--out", str(out)])
    assert len(written) == 2
    assert not out.exists()
    assert os.listdir(tmp_path) == []
    monkeypatch.undo()
    assert main(["import-iati", str(IATI_EXAMPLE), "--out", str(out)]) == 0


def test_synth_interrupted_writes_no_folder(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "synthetic"
    out.mkdir()  # an empty folder is allowed, and must be left as it was
    monkeypatch.setattr(lib.store.atomic.os, "rename", interrupt)
    with pytest.raises(KeyboardInterrupt):
        main(["synth", "--projects", "3", "--out", str(out)])
    assert sorted(os.listdir(tmp_path)) == ["synthetic"]
    assert list(out.iterdir()) == []


KILLED_WRITER = """
import signal, sys, time
from pathlib import Path
import lib.store.atomic

# A shell starts a background job (CI's, say) with Ctrl+C ignored, and children inherit that:
# act on it as an interactive run does.
signal.signal(signal.SIGINT, signal.default_int_handler)

def slow_fsync(handle):
    print("writing", flush=True)  # the new text is in the temporary file, not yet renamed
    time.sleep(30)

lib.store.atomic.os.fsync = slow_fsync
lib.store.atomic.write_text_atomically(Path(sys.argv[1]), "new text\\n" * 20000)
"""


def test_a_killed_writer_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """SIGKILL mid-write: no clean-up runs, yet the old file is untouched; the temporary file
    left behind is hidden (its name starts with a dot), which the loader never reads."""
    target = tmp_path / "places.yaml"
    target.write_bytes(b"places:\n  - id: old\n")
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert target.read_bytes() == b"places:\n  - id: old\n"
    assert all(name.startswith(".places.yaml.") for name in leftovers(tmp_path))


def test_an_interrupt_signal_cleans_up(tmp_path: Path) -> None:
    """Ctrl+C (SIGINT) mid-write: the old file is whole and the temporary file removed."""
    target = tmp_path / "places.yaml"
    target.write_bytes(b"places:\n  - id: old\n")
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        writer.send_signal(signal.SIGINT)
        assert writer.wait(timeout=10) != 0
    finally:
        if writer.poll() is None:
            writer.kill()
    assert target.read_bytes() == b"places:\n  - id: old\n"
    assert leftovers(tmp_path) == []


def test_an_uninterrupted_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "places.yaml"
    target.write_bytes(b"old\n")
    started = time.monotonic()
    write_text_atomically(target, "новый\n")
    assert target.read_bytes() == "новый\n".encode()
    assert leftovers(tmp_path) == []
    assert time.monotonic() - started < 5
