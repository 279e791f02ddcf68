"""Entries of files already validated in an earlier version of the data, taken again
without parsing them: a curator who edits one project file of 10,000 waits for that file
and the cross-file checks, not for 10,000 files to be parsed again.

A file is known by its name and the sha256 digest of its bytes, so a file renamed, or
changed by a single byte, is read and checked again as new. The entries come from a
snapshot built from a read that passed every check (lib/store/reuse.py supplies them); the
cross-file checks run over every entry, known or new, as on a first read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from lib.load.cross_checks import Located
from lib.load.data_file import digests_read, read_data_file
from lib.load.yaml_reader import lines_on_demand

# (file name as problems give it, digest of its bytes) -> its entries in file order, or None
# when that file, with those bytes, is not known.
KnownEntries = Callable[[str, bytes], list[BaseModel] | None]


def known_entries(
    path: Path, name: str, known: KnownEntries | None, base: Callable[[int], tuple]
) -> list[Located] | None:
    """The entries of the file at `path` when its bytes are known, else None (read it).
    `base(index)` is where the index-th entry stands in the file, for a later problem's line.
    The file is read here once, and its digest recorded (lib/load/data_file): a new file
    that must be parsed is read again, and the build checks that the two reads agree."""
    if known is None:
        return None
    data, _ = read_data_file(path, name)
    digest = digests_read().get(str(path))
    if data is None or digest is None:
        return None
    models = known(name, digest)
    if models is None:
        return None
    lines = lines_on_demand(path)  # worked out only if a later check names a line
    return [
        Located(model, name, lines, base(index), known=True) for index, model in enumerate(models)
    ]


def bytes_known(path: Path | str, name: str, known: KnownEntries | None) -> bool:
    """True when the file at `path` was read (in this recording) with the bytes an earlier
    version passed every check with: a report's text or the CSV, which hold no entries."""
    digest = digests_read().get(str(path))
    return known is not None and digest is not None and known(name, digest) is not None
