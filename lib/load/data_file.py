"""Open a data file only when it is what a data file must be: a regular file inside the data
folder, no larger than a data file of its kind can be. A symbolic link (which could point at
/etc/passwd or /proc/self/environ), a named pipe (which would hang the reader for ever), a
device or a folder named like a data file is refused with a message and never opened; its
size is looked at before a byte is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lib.model.problems import Problem

MB = 1024 * 1024
# The limits guard against a wrong file (a video, a database dump, a 4 GB sparse file), not
# against a large portfolio: the files that grow with the portfolio may be large.
# One project, one report's text, the settings: 5 MB is hundreds of times what one holds.
MAX_BYTES = 5 * MB
# indicator_values.csv holds every figure of the portfolio: a funder's 10,000 projects with a
# quote beside each of their ~50,000 figures come to some 10 MB.
MAX_TABLE_BYTES = 50 * MB
# The list files that grow with the portfolio (a report, a place, an organisation an entry).
MAX_LIST_BYTES = 50 * MB
_LIST_FILES = ("sources.yaml", "places.yaml", "organisations.yaml", "programmes.yaml")


def size_limit(name: str) -> int:
    """The largest a data file may be; `name` is its path in the data folder (or any path
    ending in it)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base == "indicator_values.csv":
        return MAX_TABLE_BYTES
    if base in _LIST_FILES:
        return MAX_LIST_BYTES
    return MAX_BYTES


def too_big(file: str, size: int, limit: int | None = None) -> Problem:
    limit = size_limit(file) if limit is None else limit
    message = (
        f"the file is larger than {limit // MB} MB ({size / MB:.1f} MB), far "
        "more than a data file needs; check that it is the right file, or split it"
    )
    return Problem(file, None, "(file)", message)


def kind_problem(mode: int, file: str) -> Problem | None:
    """Why a file of this `mode` (from lstat) is not a data file, or None when it is one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        what = "a symbolic link"
    elif stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "a special file"
    message = (
        f"this is {what}, not a regular file; a data folder holds regular files only "
        "(never a link to a file elsewhere): put the file itself here, or remove the entry"
    )
    return Problem(file, None, "(file)", message)


def is_regular(path: Path) -> bool:
    """True for a regular file, not a link to one (nothing is opened)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_data_file(path: Path, file: str, limit: int | None = None) -> tuple[bytes | None, list]:
    """The bytes of the data file at `path` (problems name it `file`), or None and why not."""
    limit = size_limit(file) if limit is None else limit
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None, [Problem(file, None, "(file)", "this file is missing from the data folder")]
    except OSError as error:
        return None, [_cannot_open(file, error)]
    problem = kind_problem(status.st_mode, file)
    if problem is None and status.st_size > limit:  # said without reading: it may be gigabytes
        problem = too_big(file, status.st_size, limit)
    if problem is not None:
        return None, [problem]
    try:
        # O_NOFOLLOW and O_NONBLOCK: should the file be swapped for a link or a pipe since the
        # look above, the open fails or returns at once instead of following or hanging.
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(path, flags)
    except OSError as error:
        return None, [_cannot_open(file, error)]
    with os.fdopen(handle, "rb") as stream:
        try:
            opened = os.fstat(stream.fileno())
            problem = kind_problem(opened.st_mode, file)
            if problem is not None:
                return None, [problem]
            data = stream.read(limit + 1)
        except OSError as error:
            return None, [_cannot_open(file, error)]
    if len(data) > limit:  # it grew since the look above
        return None, [too_big(file, len(data), limit)]
    return data, []


def stand_in(path: Path, problems: list[Problem]) -> bytes:
    """What a data version's fingerprint takes for a file it may not read (too large, odd,
    unreadable or gone): its size, time and kind, so the version changes when it does."""
    try:
        status = os.lstat(path)
        said = f"{status.st_size} {status.st_mtime_ns} {status.st_mode}"
    except OSError as error:
        said = str(error.errno)
    return f"(refused: {said} {problems[0].message if problems else ''})".encode()


def linked_folder(data_dir: Path, name: str) -> Problem | None:
    """projects/ and sources/ must be folders of the data folder, not links to others."""
    if not os.path.islink(data_dir / name):
        return None
    problem = kind_problem(os.lstat(data_dir / name).st_mode, f"{name}/")
    return None if problem is None else Problem(f"{name}/", None, "(folder)", problem.message)


def _cannot_open(file: str, error: OSError) -> Problem:
    reason = error.strerror or type(error).__name__
    message = f"the file cannot be read ({reason}); check that the dashboard may read it"
    return Problem(file, None, "(file)", message)
