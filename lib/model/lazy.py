"""A read-only mapping of id -> entry whose entries are made when first asked for (validated
from a snapshot's JSON or row), the last `kept` of them kept within `kept_bytes`: a snapshot's
projects (lib/model/projects.py) and reports (lib/model/sources.py), the words written from
projects (lib/query/project_words.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

from lib.model.sizes import KeptBySize

T = TypeVar("T")
# How far into an entry its size is estimated: a project's events' titles' texts are five
# levels in (lib/model/sizes.py); 0.1-0.3 ms a project, made once, when the entry is kept.
ENTRY_DEPTH = 8


class LazyEntries(Mapping[str, T]):
    """id -> entry in the order of `ids`; `find(id, position)` makes an entry, and
    `find_many([(id, position), ...], keep)`, when given, several in one read (`many`; `keep`:
    whether a mapping it reads through may keep them). The last `kept` entries made are kept,
    the least recently used dropped first, and fewer when their estimated size passes
    `kept_bytes` (lib/model/sizes.py): a portfolio's 4,096 projects took 70 MB of a server's
    memory as the synthetic ones are, and a curator's long texts could take gigabytes. With
    `kept` 0, nothing is kept (`find` reads entries already made)."""

    def __init__(
        self,
        ids: Iterable[str] | LazyEntries,
        find: Callable[[str, int], T],
        kept: int = 0,
        find_many: Callable[[list[tuple[str, int]], bool], list[T]] | None = None,
        kept_bytes: int = 0,
    ) -> None:
        # the ids of another mapping, in its order: its positions are shared, not made again
        # (100,000 projects' took 5 MB)
        if isinstance(ids, LazyEntries):
            self._position = ids._position
        else:
            self._position = {key: at for at, key in enumerate(ids)}
        self._find, self._kept_most = find, kept
        self._find_many = find_many
        assert not kept or kept_bytes > 0, "entries kept are bounded by bytes as well"
        self._kept = KeptBySize(kept, kept_bytes, ENTRY_DEPTH)
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> T:
        at = self._position[key]  # KeyError for an unknown id, as a dict
        if not self._kept_most:
            return self._find(key, at)
        return self._kept.get(key, lambda: self._find(key, at))

    def many(self, keys: Iterable[str], keep: bool = True) -> list[T]:
        """The entries of `keys`, in their order: those not kept made together by
        `find_many` (a page's table of 80 projects scattered over a snapshot of 100,000 read
        them in 80 queries, half a second; in one, 20 ms). With `keep` False those made are
        not kept, here or in a mapping this one reads through: a table that opens hundreds
        of projects on every filter change to write a few words of each would fill the
        kept ones with objects that Python's cycle collector then walks at every full
        collection (a Funding table's 2,000 projects: 130 ms a collection at 100,000)."""
        keys = list(keys)
        if self._find_many is None:
            return [self[key] if keep else self._made(key) for key in keys]
        made: dict[str, T] = self._kept.held(keys)
        wanted = [(key, self._position[key]) for key in dict.fromkeys(keys) if key not in made]
        if wanted:
            found = self._find_many(wanted, keep)
            made.update(zip((key for key, _ in wanted), found, strict=True))
            if self._kept_most and keep:
                self._kept.keep([(key, made[key]) for key, _ in wanted])
        return [made[key] for key in keys]

    def _made(self, key: str) -> T:
        """The entry `key`, the kept one if there is one, else made and not kept."""
        held = self._kept.held([key])
        return held[key] if key in held else self._find(key, self._position[key])

    def position(self, key: str) -> int:
        """Where the entry `key` is in the order of `ids` (KeyError for an unknown id)."""
        return self._position[key]

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
