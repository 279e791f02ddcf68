"""The data folder as downloads: every file in one ZIP, and which files a view was read from
and when they last changed."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path

from lib.load.data_file import is_regular, read_data_file
from lib.load.loader import LIST_FILES, SETTINGS_FILE, data_files
from lib.load.values_csv import VALUES_FILE
from lib.model.portfolio import Portfolio
from lib.model.sources import source_column


def data_zip(data_dir: Path) -> bytes:
    """Every data file (YAML, CSV, the reports' texts, the READMEs) in one ZIP, paths kept.
    Only regular files are read: a link, a pipe (which would hang the download) or a file
    too large is left out."""
    readmes = [path for path in sorted(data_dir.glob("**/README.md")) if is_regular(path)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in data_files(data_dir) + readmes:
            name = str(path.relative_to(data_dir))
            data, _ = read_data_file(path, name)
            if data is not None:
                archive.writestr(str(Path("data") / name), data)
    return buffer.getvalue()


def portfolio_files(portfolio: Portfolio) -> list[Path]:
    """The data files `portfolio` was read from: for the public, the shared files and the
    published projects' files and reports, not the unpublished ones'."""
    data_dir = portfolio.data_dir
    shared = [data_dir / name for name in (*LIST_FILES, VALUES_FILE, SETTINGS_FILE)]
    projects = sorted(data_dir / "projects" / f"{pid}.yaml" for pid in portfolio.projects)
    files = source_column(portfolio.sources, "file")
    reports = sorted(data_dir / "sources" / file for file in files)
    return [path for path in shared + projects + reports if is_regular(path)]


def last_changed(files: list[Path]) -> dt.datetime:
    """The latest modification time of `files`, in UTC."""
    latest = max(path.stat().st_mtime for path in files)
    return dt.datetime.fromtimestamp(latest, tz=dt.UTC)


def files_and_last_change(
    portfolio: Portfolio, times: Mapping[str, int] | None = None
) -> tuple[int, dt.datetime]:
    """How many files `portfolio_files` gives and `last_changed` of them, in one look at each
    file: a portfolio's 20,000 files as Paths, each looked at twice, took a third of a second
    of the Sources page's first visit. `times` (each file's modification time in ns, by path,
    from the server's own look at the folder) saves that look: a second of the page's first
    visit at 100,000 projects."""
    data_dir = str(portfolio.data_dir)
    names = [os.path.join(data_dir, name) for name in (*LIST_FILES, VALUES_FILE, SETTINGS_FILE)]
    # a project's file and a report's are plain names (the validator says so): joined as
    # text, os.path.join for each of 200,000 took most of the page's first visit
    projects, reports = (os.path.join(data_dir, folder) for folder in ("projects", "sources"))
    names += [f"{projects}{os.sep}{pid}.yaml" for pid in portfolio.projects]
    names += [f"{reports}{os.sep}{file}" for file in source_column(portfolio.sources, "file")]
    if times:
        changed = [found for found in map(times.get, names) if found is not None]
        return len(changed), dt.datetime.fromtimestamp(max(changed) / 1e9, tz=dt.UTC)
    changed = []
    for name in names:
        try:
            found = os.lstat(name)  # a link is not a regular file, as is_regular says
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode):
            changed.append(found.st_mtime)
    return len(changed), dt.datetime.fromtimestamp(max(changed), tz=dt.UTC)
