"""Odd files in the data folder (issue 20, points 2, 5 and 11): a link, a named pipe, a folder
named like a data file, a 1 GB sparse file and an unreadable file are each refused with a
message naming them, never opened or read whole, and never quoted; the whole-data ZIP never
hangs; `--out` that cannot take a file is said in words. Each test breaks its own copy of
the bundled data. The tests run as root, where chmod cannot make a file unreadable, so an
unreadable file is made by having os.open raise PermissionError for it."""

from __future__ import annotations

import io
import os
import resource
import threading
import time
import zipfile
from pathlib import Path

import pytest
from broken_data import MYLA, TWINNING, assert_problem, copy_data, listing

from lib import cli
from lib.exports.data_folder import data_zip
from lib.exports.formats import export
from lib.load.audience import for_audience
from lib.load.decode import size_limit
from lib.load.loader import fingerprint, load_portfolio

REPORT = "sources/003_6e458a75d0498bbb.txt"  # the MYLA report, cited by a published project
SECRET = "root:x:0:0:root:/root:/bin/bash\nCOOKIE_SECRET=do-not-show-me\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def within(seconds: float, work):
    """`work()`, failing (not hanging) when it does not return in time: a pipe read hangs."""
    done: list = []
    thread = threading.Thread(target=lambda: done.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert done, f"it did not return within {seconds} s (a named pipe was opened?)"
    return done[0]


def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "passwd"
    outside.parent.mkdir()
    outside.write_text(SECRET, "utf-8")
    return outside


# --- point 2: regular files inside the data folder only ----------------------------------------


def test_a_report_that_is_a_link_is_refused_and_never_quoted(data, tmp_path, capsys):
    (data / REPORT).unlink()
    (data / REPORT).symlink_to(secret_file(tmp_path))
    result = load_portfolio(data)
    problem = assert_problem(result, REPORT, None, "(file)", "symbolic link", "regular file")
    assert "root:" not in listing(result.problems)
    assert cli.main(["validate", str(data)]) == 1
    said = capsys.readouterr().out
    assert str(problem) in said and "root:" not in said and "COOKIE" not in said


@pytest.mark.parametrize("kind", ["link", "pipe", "folder"])
def test_a_project_file_that_is_not_a_regular_file_is_refused_by_name(data, tmp_path, kind):
    odd = data / "projects" / "odd.yaml"
    words = {"link": "symbolic link", "pipe": "named pipe", "folder": "a folder"}[kind]
    if kind == "link":
        odd.symlink_to(data / TWINNING)
    elif kind == "pipe":
        os.mkfifo(odd)
    else:
        odd.mkdir()
    result = within(30, lambda: load_portfolio(data))
    assert_problem(result, "projects/odd.yaml", None, "(file)", words)


def test_a_linked_projects_folder_is_refused(data, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (data / "projects").rename(elsewhere)
    (data / "projects").symlink_to(elsewhere)
    result = load_portfolio(data)
    assert_problem(result, "projects/", None, "(folder)", "symbolic link")


@pytest.mark.parametrize("kind", ["broken link", "folder", "pipe"])
def test_an_odd_settings_file_is_an_error_not_the_default_threshold(data, kind):
    settings = data / "settings.yaml"
    settings.unlink()
    if kind == "broken link":
        settings.symlink_to(data / "nowhere.yaml")
    elif kind == "folder":
        settings.mkdir()
    else:
        os.mkfifo(settings)
    result = within(30, lambda: load_portfolio(data))
    assert_problem(result, "settings.yaml", None, "(file)", "not a regular file")


def test_the_data_zip_leaves_out_odd_files_and_never_hangs_on_a_pipe(data, tmp_path):
    (data / "README.md").unlink()
    os.mkfifo(data / "README.md")
    (data / REPORT).unlink()
    (data / REPORT).symlink_to(secret_file(tmp_path))
    archive = within(30, lambda: data_zip(data))
    assert b"COOKIE_SECRET" not in archive and b"root:x" not in archive
    assert b"data/sources.yaml" in archive


def test_a_linked_package_descriptor_is_not_published(data, tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text('{"name": "COOKIE_SECRET", "resources": []}', "utf-8")
    (data / "datapackage.json").unlink()
    (data / "datapackage.json").symlink_to(outside)
    portfolio = load_portfolio(data).portfolio
    package = export(for_audience(portfolio, "public"), "datapackage").data
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert b"COOKIE_SECRET" not in archive.read("datapackage.json")


# --- point 5: sizes before reading -------------------------------------------------------------


def test_a_huge_sparse_file_is_refused_without_being_read(data):
    huge = data / "projects" / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(1024**3)  # 1 GB of nothing, on no disk space
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    started = time.monotonic()
    digest = fingerprint(data)
    result = load_portfolio(data)
    archive = data_zip(data)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert_problem(result, "projects/huge.yaml", None, "(file)", "larger than 5 MB", "1024.0 MB")
    assert b"huge.yaml" not in archive
    assert grown_mb < 300, f"the process grew by {grown_mb:.0f} MB: the file was read"
    assert time.monotonic() - started < 30
    with huge.open("ab") as stream:  # the version still changes when the refused file does
        stream.truncate(1024**3 + 1)
    assert fingerprint(data) != digest


def test_the_files_that_grow_with_the_portfolio_may_be_larger():
    assert size_limit("indicator_values.csv") > size_limit("projects/one.yaml")
    assert size_limit("sources.yaml") > size_limit("projects/one.yaml") == 5 * 1024 * 1024


# --- point 11: unreadable files and odd --out --------------------------------------------------


def unreadable(monkeypatch, path: Path) -> None:
    """os.open raises PermissionError for `path`, as for a file the server may not read
    (chmod does not stop root, which runs these tests)."""
    real_open = os.open

    def refusing(file, flags, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.mark.parametrize("file", ["indicator_values.csv", REPORT, MYLA])
def test_an_unreadable_file_is_a_message_not_a_traceback(monkeypatch, capsys, data, file):
    unreadable(monkeypatch, data / file)
    assert cli.main(["validate", str(data)]) == 1
    said = capsys.readouterr().out
    assert f"{file}: (file): the file cannot be read (Permission denied)" in said
    assert "Traceback" not in said
    fingerprint(data)  # the app's version of the data: no exception either


def test_the_app_says_an_unreadable_project_file_is_a_problem(monkeypatch, data):
    from app_support import open_app

    unreadable(monkeypatch, data / MYLA)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")
    app = open_app()
    assert not app.exception, [e.value for e in app.exception]
    assert any("Permission denied" in block.value for block in app.code)


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("missing/figures.csv", "does not exist; create it first"),
        (".", "is a folder; give the file's name"),
        ("/proc/figures.csv", "cannot be written"),
    ],
)
def test_export_out_that_cannot_take_a_file_is_said_in_words(tmp_path, capsys, out, words):
    target = tmp_path / out if not out.startswith("/") else Path(out)
    arguments = ["export", "--format", "csv", "--out", str(target), "--audience", "board"]
    assert cli.main(arguments) == 2
    said = capsys.readouterr().err
    assert said.startswith("error: ") and words in said


def test_board_pack_and_synth_out_into_proc_are_said_in_words(capsys):
    assert cli.main(["board-pack", "--out", "/proc/pack.pdf", "--audience", "board"]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert cli.main(["synth", "--projects", "1", "--out", "/proc/portfolio"]) == 2
    assert "cannot be written" in capsys.readouterr().err
