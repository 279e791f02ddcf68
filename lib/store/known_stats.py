"""A data folder's fingerprint known from its files' names, sizes and modification times, so
that a server starting on data that was built before need not read and hash every file
(0.9 s at 10,000 projects, ten times that at 100,000) to know which snapshot to open.

A build records the fingerprint of the bytes it read beside the stats its files had before
and after the read, only when the two agree: a file saved during the read leaves nothing
recorded. A file changed since has another size or time, so its folder's stats are not
found here and the fingerprint is worked out from the bytes, as before. (Like git's index,
this trusts that a file rewritten within the same nanosecond timestamp keeps neither its
size nor its time.)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lib.store.atomic import write_text_atomically
from lib.store.top_files import TOP_FILES

KNOWN_FILE = "known-stats.json"
# A file's (size, mtime_ns, ctime_ns, inode): what a build compares to know it unchanged.
Stamp = tuple[int, int, int, int]
KEPT = 16  # the latest recorded versions; a few bytes each


def stats_key(data_dir: Path) -> str | None:
    """A digest of the folder's path and every data file's name, size and time (the files
    lib/load/loader.data_files lists, in its order); None when a file vanished while it was
    looked at."""
    return look(data_dir).key


@dataclasses.dataclass(frozen=True)
class FileStats:
    """Entries' (path, size, time) in the order they were looked at, held compactly: the
    paths joined by NUL (which no path holds), the sizes and times (ns) as arrays of 64-bit
    whole numbers. A server keeps its last look's: the 200,000 files of 100,000 projects took
    44 MB as tuples of a text and two numbers, 12 MB so. Two looks compare equal when every
    entry's path, size and time are the same, in the same order."""

    paths: str
    sizes: array
    times: array

    def __len__(self) -> int:
        return len(self.sizes)

    def __iter__(self) -> Iterator[tuple[str, int, int]]:
        return zip(self._path_list(), self.sizes, self.times, strict=True)

    def times_by_path(self) -> dict[str, int]:
        """Each entry's modification time (ns) by its path."""
        return dict(zip(self._path_list(), self.times, strict=True))

    def _path_list(self) -> list[str]:
        return self.paths.split("\0") if len(self) else []


class _Gathered:
    """Entries' stats as a look finds them, for FileStats."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.sizes, self.times = array("q"), array("q")

    def stats(self) -> FileStats:
        return FileStats("\0".join(self.paths), self.sizes, self.times)


class Look:
    """One look at every entry of the data folder and of its projects/ and sources/ folders
    (folders, and files through links: a change to any shows): `files`, their FileStats in
    the order the folders list them, and their stats_key, `key`, worked out when first asked
    for. A server's look beside the reruns compares `files` with its last look's and needs
    no key while they are the same: at 200,000 files, sorting them and the key's digest took
    0.5 s of a 1.1 s look, with Python's lock held."""

    def __init__(
        self,
        data_dir: Path,
        files: FileStats,
        listed: list[tuple[list[tuple[str, int, int]], str]],
        whole: bool,
        stamps: dict[str, Stamp] | None = None,
    ) -> None:
        self.data_dir, self.files, self._listed, self._whole = data_dir, files, listed, whole
        self._stamps = stamps or {}

    def data_stamps(self) -> dict[str, Stamp]:
        """The stamps (size, mtime_ns, ctime_ns, inode), by path, of the files a load reads
        or refuses by name (the data folder's data files, projects/*.yaml and *.yml,
        sources/*.txt, none hidden, no link): an editor's swap file or a README saved
        during a build's read is no change of the data. Empty for a look without stamps.
        Gathered as the look stats each entry: sorting them out of every entry's stamp
        afterwards took 0.3 s a call at 100,000 projects, and a build asks four times."""
        return self._stamps

    @functools.cached_property
    def key(self) -> str | None:
        """None when a file vanished while it was looked at."""
        if not self._whole:
            return None
        lines: list[str] = []
        for entries, suffix in self._listed:
            if not suffix:  # the top-level files the loader reads, in its order
                found = {name: (size, time) for name, size, time in entries}
                lines += [
                    f"{name}\0{found[name][0]}\0{found[name][1]}\n"
                    for name in _TOP_FILES
                    if name in found
                ]
            else:
                # sorted as lines, not as tuples by their name: a name ends at its NUL,
                # which comes before every character, so the lines sort as their names do
                # (a folder's names are unique)
                listed = [
                    f"{name}\0{size}\0{time}\n"
                    for name, size, time in entries
                    if name.endswith(suffix) and not name.startswith(".")
                ]
                lines += sorted(listed)
        digest = hashlib.sha256(str(self.data_dir.resolve()).encode() + b"\0")
        # digested as one text (the same digest as a line at a time: 200,000 calls)
        digest.update("".join(lines).encode())
        return digest.hexdigest()


def look(data_dir: Path, stamped: bool = False) -> Look:
    """Every entry of the data folder and of its projects/ and sources/ folders: one
    directory read and one stat an entry (a second walk for the key took 1.7 s of a
    100,000-project start). `stamped`: with each entry's Stamp too (a build's look, which
    tells a file unchanged since an earlier build from it: lib/store/build.py)."""
    # projects/ looked at on another thread while this one looks at the rest: the stats let
    # go of Python's lock, so on two cores the 200,000 entries' take less time
    folders = _folders(data_dir)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="look-projects") as other:
        projects = other.submit(_look_at, *folders[1], stamped)
        top, sources = (_look_at(*found, stamped) for found in (folders[0], folders[2]))
        seen = [top, projects.result(), sources]
    stamps: dict[str, Stamp] | None = {} if stamped else None
    every = _Gathered()
    listed: list[tuple[list[tuple[str, int, int]], str]] = []
    for (folder, suffix), (gathered, found, entries, _whole) in zip(folders, seen, strict=True):
        every.paths += gathered.paths
        every.sizes.extend(gathered.sizes)
        every.times.extend(gathered.times)
        if stamps is not None:
            stamps.update(found)
        if not suffix or not os.path.islink(folder):  # as loader.files_in: no linked folder
            listed.append((entries, suffix))
    whole = all(complete for *_, complete in seen)
    return Look(data_dir, every.stats(), listed, whole, stamps)


def _look_at(
    folder: Path, suffix: str, stamped: bool
) -> tuple[_Gathered, dict[str, Stamp], list[tuple[str, int, int]], bool]:
    """One folder's part of a look: its entries' stats, their stamps (when `stamped`), its
    regular files and whether none vanished mid-look (_stat_entries)."""
    gathered, stamps = _Gathered(), {}
    entries, complete = _stat_entries(
        folder, gathered, stamps if stamped else None, _DATA_NAMES[suffix]
    )
    return gathered, stamps, entries, complete


def data_stamps(data_dir: Path) -> dict[str, Stamp]:
    """What a stamped look's data_stamps gives, from a look at those files alone (no stat of
    another entry, no stats kept for a key): a build's look after its read, which only
    compares them with the look's before it. An entry that vanished mid-look leaves a stamp
    no whole look has."""
    stamps: dict[str, Stamp] = {}
    for folder, suffix in _folders(data_dir):
        data_name = _DATA_NAMES[suffix]
        try:
            listing = os.scandir(folder)
        except OSError:
            continue
        try:
            with listing:
                for entry in listing:
                    if not data_name(entry.name) or entry.is_symlink():
                        continue
                    if entry.is_dir() or entry.is_file():
                        stat = entry.stat()
                        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
                        stamps[entry.path] = stamp
        except OSError:
            stamps[str(folder)] = (-1, -1, -1, -1)
    return stamps


def _folders(data_dir: Path) -> tuple[tuple[Path, str], ...]:
    """The folders a look reads, each with the suffix of the files the loader lists there."""
    return ((data_dir, ""), (data_dir / "projects", ".yaml"), (data_dir / "sources", ".txt"))


def outline(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """The data folder's own entries (its files and folders) as (path, size, time), sorted:
    a file added, removed or replaced by renaming changes it."""
    every = _Gathered()
    _stat_entries(data_dir, every)
    return tuple(sorted(every.stats()))


_TOP_FILES = TOP_FILES  # no import of the loader: a start's child look imports this module
_TOP_NAMES = frozenset(_TOP_FILES)
# by the folder's suffix: whether an entry's name is one a load reads or refuses by name
_DATA_NAMES: dict[str, Callable[[str], bool]] = {
    "": _TOP_NAMES.__contains__,
    ".yaml": lambda name: name.endswith((".yaml", ".yml")) and not name.startswith("."),
    ".txt": lambda name: name.endswith(".txt") and not name.startswith("."),
}


def _stat_entries(
    folder: Path,
    every: _Gathered,
    stamps: dict[str, Stamp] | None = None,
    data_name: Callable[[str], bool] = _TOP_NAMES.__contains__,
) -> tuple[list[tuple[str, int, int]], bool]:
    """Add the folder's folders and files (through links) to `every`, and to `stamps` if
    given the Stamp of each that is no link and whose name is a `data_name`; give back its
    regular files' (name, size, time), and False when an entry vanished mid-look (a missing
    folder has no entries: it did not vanish)."""
    regular: list[tuple[str, int, int]] = []
    try:
        listing = os.scandir(folder)
    except OSError:
        return regular, True
    # bound once: 200,000 entries at 100,000 projects
    paths, sizes, times = every.paths.append, every.sizes.append, every.times.append
    try:
        with listing:
            for entry in listing:
                if entry.is_dir() or entry.is_file():
                    stat = entry.stat()
                    size, time = stat.st_size, stat.st_mtime_ns
                    paths(entry.path)
                    sizes(size)
                    times(time)
                    # a link is read anew
                    if stamps is not None and data_name(entry.name) and not entry.is_symlink():
                        stamps[entry.path] = (size, time, stat.st_ctime_ns, stat.st_ino)
                    if entry.is_file(follow_symlinks=False):
                        regular.append((entry.name, size, time))
    except OSError:
        return regular, False
    return regular, True


def recall(cache_dir: Path, key: str | None) -> str | None:
    """The fingerprint recorded for `key`, if any."""
    if key is None:
        return None
    return _known(cache_dir).get(key)


def latest(cache_dir: Path, data_dir: Path) -> str | None:
    """The fingerprint the newest build of `data_dir` recorded, if any: likely what the
    folder holds (a cache folder may serve several data folders)."""
    return _known(cache_dir).get(_newest_of(data_dir))


def record(cache_dir: Path, key: str, data_fingerprint: str, data_dir: Path) -> None:
    """Record that the folder with stats `key` has the fingerprint `data_fingerprint`, the
    newest of `data_dir`."""
    known = _known(cache_dir)
    for name in (key, _newest_of(data_dir)):
        known.pop(name, None)
        known[name] = data_fingerprint
    kept = dict(list(known.items())[-KEPT:])
    write_text_atomically(cache_dir / KNOWN_FILE, json.dumps(kept, indent=0))


def _newest_of(data_dir: Path) -> str:
    """The record of a folder's newest build: a folder's path, never a stats key's digest."""
    return f"newest:{data_dir.resolve()}"


def _known(cache_dir: Path) -> dict[str, str]:
    try:
        known = json.loads((cache_dir / KNOWN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)}
