"""Entries of files already validated in an earlier version of the data, taken again
without parsing them: a curator who edits one project file of 10,000 waits for that file
and the cross-file checks, not for 10,000 files to be parsed again.

A file is known by its name and the sha256 digest of its bytes, so a file renamed, or
changed by a single byte, is read and checked again as new; a file whose stamp (size,
modification and change times, inode) is the one an earlier build recorded is not even read:
its digest is the one recorded then (lib/store/seen.py Seen). The entries come from a
snapshot built from a read that passed every check (lib/store/reuse.py supplies them); the
cross-file checks run over every entry, known or new, as on a first read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import pandas as pd
from pydantic import BaseModel

from lib.load.data_file import FolderFiles, digests_read, read_data_file, record_digests
from lib.load.located import KnownProject, Located
from lib.load.values_csv import ValueRow
from lib.load.yaml_reader import lines_on_demand, lines_on_demand_in
from lib.model.packed import unpack


class KnownEntries(Protocol):
    """What an earlier version of the data knows of its files."""

    def __call__(self, name: str, digest: bytes) -> list[BaseModel] | None:
        """The entries, in file order, of the file `name` (as problems give it) with the
        bytes of this sha256 `digest`, or None when that file, with those bytes, is not
        known."""

    def unchanged_digest(self, path: str, name: str) -> bytes | None:
        """The digest of the bytes of the file at `path` when it is known unchanged since
        the earlier version read it, without reading it; else None (read it)."""

    def unchanged_digests(self, paths: list[str], names: list[str]) -> list[bytes | None]:
        """unchanged_digest of each of the files at `paths`, named `names`."""

    def known_projects(self, names: list[str]) -> list[KnownProject | None]:
        """The project of each file of `names` (projects/…) as the earlier version read it,
        or None: what calling with its known digest gives, without a call a file."""

    def knows(self, name: str, digest: bytes) -> bool:
        """True when the file `name` with the bytes of `digest` is known (what calling
        gives is not None), without validating its entries."""

    def value_rows(self) -> CarriedRows | None:
        """indicator_values.csv's rows as the earlier version read them, or None when it
        holds none."""

    def unchanged_texts(self, paths: list[str], names: list[str]) -> list[bytes | None]:
        """unchanged_digests of the reports' files, None too for a file whose text the
        earlier version does not hold."""

    def packed_text(self, name: str) -> bytes:
        """The text of the report's file `name` (sources/…) as the earlier version held it,
        packed (lib/model/packed.py)."""


def known_entries(
    path: Path, name: str, known: KnownEntries | None, base: Callable[[int], tuple]
) -> list[Located] | None:
    """The entries of the file at `path` when its bytes are known, else None (read it).
    `base(index)` is where the index-th entry stands in the file, for a later problem's line.
    The file is read here once, and its digest recorded (lib/load/data_file), unless it is
    known unchanged: a new file that must be parsed is read again, and the build checks that
    the folder did not change during the read (lib/store/build.py)."""
    if known is None:
        return None
    digest = _digest(path, name, known)
    if digest is None:
        return None
    models = known(name, digest)
    if models is None:
        return None
    lines = lines_on_demand(path)  # worked out only if a later check names a line
    return [
        Located(model, name, lines, base(index), known=True) for index, model in enumerate(models)
    ]


def known_projects(
    paths: FolderFiles, prefix: str, known: KnownEntries | None
) -> list[list[Located] | None]:
    """known_entries of each project file of `paths` (named `prefix` + its file name, one
    entry at the top of the file), in one pass: the digests of the files known unchanged
    are recorded together, in the files' order (one call a file took a second at 100,000
    projects; their Paths are made only for the files read)."""
    if known is None:
        return [None] * len(paths)
    folder, names = paths.folder, paths.names
    at = f"{folder}/"
    texts, named = [at + name for name in names], [prefix + name for name in names]
    projects = known.known_projects(named)
    found: list[list[Located] | None] = []
    unchanged: dict[str, bytes] = {}
    for index, digest in enumerate(known.unchanged_digests(texts, named)):
        if digest is None:  # read, its digest recorded after those before it
            record_digests(unchanged)
            unchanged = {}
            found.append(known_entries(paths[index], named[index], known, _top))
            continue
        unchanged[texts[index]] = digest
        project = projects[index]
        if project is None:
            found.append(None)
            continue
        lines = lines_on_demand_in(folder, names[index])
        found.append([Located(project, named[index], lines, (), known=True)])
    record_digests(unchanged)
    return found


def _top(_index: int) -> tuple:
    return ()


def _digest(path: Path, name: str, known: KnownEntries) -> bytes | None:
    """The digest of the file's bytes, recorded as read: the earlier one when the file is
    known unchanged, else that of a read (None when it cannot be read)."""
    digest = known.unchanged_digest(str(path), name)
    if digest is not None:
        record_digests({str(path): digest})
        return digest
    data, _ = read_data_file(path, name)
    return None if data is None else digests_read().get(str(path))


def bytes_known(path: Path | str, name: str, known: KnownEntries | None) -> bool:
    """True when the file at `path` was read (in this recording) with the bytes an earlier
    version passed every check with: a report's text or the CSV, which hold no entries."""
    digest = digests_read().get(str(path))
    return known is not None and digest is not None and known.knows(name, digest)


def known_texts(
    folder: str, files: list[str], known: KnownEntries | None
) -> list[tuple[str, str, bytes | None]]:
    """Each report file `files` of `folder` (its path ends in "/") as (its path, its name as
    problems give it, the digest of its bytes when it is known unchanged and the earlier
    version holds its text, else None: read it). Nothing is recorded: the caller records
    the digests in the order of its reads (record_digests), all at once where none is read
    between (one call a file took a second at 100,000 reports)."""
    paths = [folder + file for file in files]
    names = [f"sources/{file}" for file in files]
    if known is None:
        return [(path, name, None) for path, name in zip(paths, names, strict=True)]
    return list(zip(paths, names, known.unchanged_texts(paths, names), strict=True))


class CarriedRows(list):
    """Rows of indicator_values.csv known unchanged (lib/load/figures_and_texts.py): none
    until `but(projects)` gives those a check may read (the rows of every project but
    `projects`, whose checks pass again), and `frame()`, the tidy table of every row, as
    values_frame makes it."""

    def __init__(
        self,
        rows: Iterable[ValueRow],
        frame: Callable[[], pd.DataFrame],
        rows_but: Callable[[frozenset[str]], list[ValueRow]],
    ) -> None:
        super().__init__(rows)
        self.frame, self._rows_but = frame, rows_but

    def but(self, projects: frozenset[str]) -> CarriedRows:
        return CarriedRows(self._rows_but(projects), self.frame, self._rows_but)


def known_rows(path: str, name: str, known: KnownEntries | None) -> CarriedRows | None:
    """The rows of the CSV at `path` when it is known unchanged (not read; its digest
    recorded as read), else None (read it)."""
    if known is None:
        return None
    digest = known.unchanged_digest(path, name)
    if digest is None:
        return None
    carried = known.value_rows()
    if carried is not None:
        record_digests({str(path): digest})
    return carried


class ReportTexts(Mapping[str, str]):
    """Source id -> the report's text, in the order added: a text read is held as it is, one
    known unchanged is read from the earlier version when asked for (100,000 reports' texts
    took 150 MB as strings, and a rebuild's checks read a few)."""

    def __init__(self) -> None:
        self._held: dict[str, str | Callable[[], bytes]] = {}

    def add(self, key: str, text: str) -> None:
        self._held[key] = text

    def add_known(self, key: str, packed: Callable[[], bytes]) -> None:
        self._held[key] = packed

    def __getitem__(self, key: str) -> str:
        held = self._held[key]
        return held if isinstance(held, str) else unpack(held())

    def __contains__(self, key: object) -> bool:
        return key in self._held

    def __iter__(self) -> Iterator[str]:
        return iter(self._held)

    def __len__(self) -> int:
        return len(self._held)
