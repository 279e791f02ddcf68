"""An earlier snapshot as a build's look finds its files (lib/load/known_files KnownEntries):
a file whose stamp now is the one recorded then is known unchanged, without being read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from lib.load.known_files import CarriedRows
from lib.load.located import KnownProject
from lib.store.known_stats import Stamp
from lib.store.tables import figures_frame

if TYPE_CHECKING:  # reuse.py makes a Seen of its Earlier: named here for types only
    from lib.store.reuse import Earlier


@dataclass(frozen=True)
class Seen:
    """An earlier snapshot (lib/load/known_files KnownEntries) that knows a file unchanged
    when its stamp now is the one recorded: the same size, modification and change times
    and inode. A change time cannot be set back by a tool, and a file saved by renaming
    another into place has another inode; a build records a stamp only when the file's
    times are older than its read's start by more than the settle time
    (lib/store/build.py), so a file saved again within the same tick of the file system's
    clock is read again. What this cannot see: a file rewritten with the same size and the
    same three stamps, which takes changing the clock."""

    earlier: Earlier
    stamps: Mapping[str, Stamp]  # path -> stamp, from the look before the read

    def __call__(self, name: str, digest: bytes) -> list[BaseModel] | None:
        return self.earlier(name, digest)

    def unchanged_digest(self, path: str, name: str) -> bytes | None:
        recorded = self.earlier.stamps.get(name)
        if recorded is None or self.stamps.get(path) != recorded:
            return None
        return self.earlier.digests.get(name)

    def unchanged_digests(self, paths: list[str], names: list[str]) -> list[bytes | None]:
        """unchanged_digest of each file, by map (100,000 calls took 0.4 s)."""
        recorded = map(self.earlier.stamps.get, names)
        now = map(self.stamps.get, paths)
        digests = map(self.earlier.digests.get, names)
        return [
            digest if stamp is not None and stamp == found else None
            for stamp, found, digest in zip(recorded, now, digests, strict=True)
        ]

    def known_projects(self, names: list[str]) -> list[KnownProject | None]:
        return self.earlier.known_projects(names)

    def knows(self, name: str, digest: bytes) -> bool:
        return self.earlier.knows(name, digest)

    def unchanged_texts(self, paths: list[str], names: list[str]) -> list[bytes | None]:
        held = self.earlier.text_names
        digests = self.unchanged_digests(paths, names)
        return [
            None if name not in held else digest
            for name, digest in zip(names, digests, strict=True)
        ]

    def packed_text(self, name: str) -> bytes:
        return self.earlier.text(name)

    def value_rows(self) -> CarriedRows | None:
        # the table as DuckDB gave it, in chunks: combined first, the frame took 0.1-0.2 s
        # more at 100,000 projects, and came out the same
        return CarriedRows([], lambda: figures_frame(self.earlier.figures), self.earlier.rows_but)
