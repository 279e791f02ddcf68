"""Open a data file only when it is what a data file must be: a regular file inside the data
folder, no larger than a data file of its kind can be. A symbolic link (which could point at
/etc/passwd or /proc/self/environ), a named pipe (which would hang the reader for ever), a
device or a folder named like a data file is refused with a message and never opened; its
size is looked at before a byte is read."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import overload

from lib.load.decode import size_limit, too_big
from lib.model.problems import Problem


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


def files_in(folder: Path, suffix: str, regular_only: bool = True) -> list[Path]:
    """The entries of `folder` whose names end in `suffix`, by name: the regular files only
    (not links, pipes or folders), or every entry so the loader can refuse the odd ones. One
    directory read, without a stat a file (a portfolio has thousands); never a linked folder."""
    return [folder / name for name in names_in(folder, suffix, regular_only)]


class FolderFiles(Sequence[Path]):
    """files_in's entries as the folder and their names, each Path made when it is asked
    for: a rebuild that takes 100,000 project files unread needs none (their Paths took a
    third of a second)."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        self.folder, self.names = folder, names

    @overload
    def __getitem__(self, at: int) -> Path: ...

    @overload
    def __getitem__(self, at: slice) -> list[Path]: ...

    def __getitem__(self, at: int | slice) -> Path | list[Path]:
        if isinstance(at, slice):
            return [self.folder / name for name in self.names[at]]
        return self.folder / self.names[at]

    def __len__(self) -> int:
        return len(self.names)


def names_in(folder: Path, suffix: str, regular_only: bool = True) -> list[str]:
    """The names of files_in's entries, sorted, as text (100,000 Path objects take half a
    second)."""
    if not os.path.isdir(folder) or os.path.islink(folder):
        return []
    try:
        with os.scandir(folder) as entries:
            return sorted(
                entry.name
                for entry in entries
                if entry.name.endswith(suffix)
                and not entry.name.startswith(".")
                and (not regular_only or entry.is_file(follow_symlinks=False))
            )
    except OSError:
        return []


def is_regular(path: Path) -> bool:
    """True for a regular file, not a link to one (nothing is opened)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


# While a data version is read (lib/store/build), the digest of the bytes each file gave, by
# path: the version's fingerprint is made of the bytes that were parsed, not of a second read.
_digests: ContextVar[dict[str, bytes] | None] = ContextVar("data_file_digests", default=None)


@contextmanager
def recording_digests() -> Iterator[dict[str, bytes]]:
    """Within it, each data file's first read records the sha256 digest of its bytes (by
    path); a read nested in another recording adds to the outer one."""
    outer = _digests.get()
    if outer is not None:
        yield outer
        return
    token = _digests.set({})
    try:
        yield _digests.get()
    finally:
        _digests.reset(token)


def record_digests(digests: Mapping[str, bytes]) -> None:
    """Add digests recorded elsewhere (in a worker process, lib/load/many_files) to the current
    recording, in their order; a path recorded already keeps its first digest."""
    recorded = _digests.get()
    if recorded is not None:
        for path, digest in digests.items():
            recorded.setdefault(path, digest)


def in_read_order(paths: Iterable[str]) -> None:
    """Within recording_digests, put the digests of `paths` last, in their order: where a
    read of them one after another records them (lib/load/many_files reads a chunk of
    them as it comes to hand)."""
    recorded = _digests.get()
    if recorded is not None:
        moved = [(path, recorded.pop(path)) for path in paths if path in recorded]
        recorded.update(moved)


def read_data_file(
    path: Path, file: str, limit: int | None = None, record: bool = True
) -> tuple[bytes | None, list]:
    """The bytes of the data file at `path` (problems name it `file`), or None and why not.
    Within recording_digests, their digest is recorded unless `record` is False."""
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
    try:
        opened = os.fstat(handle)
        problem = kind_problem(opened.st_mode, file)
        if problem is not None:
            return None, [problem]
        data = _read_to_end(handle, min(opened.st_size, limit) + 1, limit + 1)
    except OSError as error:
        return None, [_cannot_open(file, error)]
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew since the look above
        return None, [too_big(file, len(data), limit)]
    recorded = _digests.get() if record else None
    if recorded is not None and str(path) not in recorded:
        recorded[str(path)] = hashlib.sha256(data).digest()
    return data, []


def _read_to_end(handle: int, expected: int, most: int) -> bytes:
    """The file's bytes up to its end, or `most` of them. Read straight from the descriptor:
    a portfolio has tens of thousands of small files, and a buffered file object for each
    costs more than the read. `expected` is its size and one byte, asked for first (read(2)
    sets that much aside); a file that grew since is read on a megabyte at a time."""
    chunks, total = [], 0
    while total < most:
        wanted = expected - total if expected > total else min(most - total, 1 << 20)
        chunk = os.read(handle, wanted)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


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


def digests_read() -> dict[str, bytes]:
    """The digests recorded so far by the current recording_digests (empty outside one)."""
    return _digests.get() or {}
