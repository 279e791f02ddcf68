"""Entries of files already validated in an earlier version of the data, taken again
without parsing them: a curator who edits one project file of 10,000 waits for that file
and the cross-file checks, not for 10,000 files to be parsed again.

A file is known by its name and the sha256 digest of its bytes, so a file renamed, or
changed by a single byte, is read and checked again as new; a file whose stamp (size,
modification and change times, inode) is the one an earlier build recorded is not even read:
its digest is the one recorded then (lib/store/reuse.py Seen). The entries come from a
snapshot built from a read that passed every check (lib/store/reuse.py supplies them); the
cross-file checks run over every entry, known or new, as on a first read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from lib.load.cross_checks import Located
from lib.load.data_file import digests_read, read_data_file, record_digest
from lib.load.yaml_reader import lines_on_demand


class KnownEntries(Protocol):
    """What an earlier version of the data knows of its files."""

    def __call__(self, name: str, digest: bytes) -> list[BaseModel] | None:
        """The entries, in file order, of the file `name` (as problems give it) with the
        bytes of this sha256 `digest`, or None when that file, with those bytes, is not
        known."""

    def unchanged_digest(self, path: str, name: str) -> bytes | None:
        """The digest of the bytes of the file at `path` when it is known unchanged since
        the earlier version read it, without reading it; else None (read it)."""


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


def _digest(path: Path, name: str, known: KnownEntries) -> bytes | None:
    """The digest of the file's bytes, recorded as read: the earlier one when the file is
    known unchanged, else that of a read (None when it cannot be read)."""
    digest = known.unchanged_digest(str(path), name)
    if digest is not None:
        record_digest(path, digest)
        return digest
    data, _ = read_data_file(path, name)
    return None if data is None else digests_read().get(str(path))


def bytes_known(path: Path | str, name: str, known: KnownEntries | None) -> bool:
    """True when the file at `path` was read (in this recording) with the bytes an earlier
    version passed every check with: a report's text or the CSV, which hold no entries."""
    digest = digests_read().get(str(path))
    return known is not None and digest is not None and known(name, digest) is not None
