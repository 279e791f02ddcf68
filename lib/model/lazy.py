"""A read-only mapping of id -> entry whose entries are made when first asked for (validated
from a snapshot's JSON or row), the last `kept` of them kept: a snapshot's projects
(lib/model/projects.py) and reports (lib/model/sources.py)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

T = TypeVar("T")


class LazyEntries(Mapping[str, T]):
    """id -> entry in the order of `ids`; `find(id, position)` makes an entry, and
    `find_many([(id, position), ...], keep)`, when given, several in one read (`many`; `keep`:
    whether a mapping it reads through may keep them). With `kept` 0, nothing is kept (`find`
    reads entries already made)."""

    def __init__(
        self,
        ids: Iterable[str] | LazyEntries,
        find: Callable[[str, int], T],
        kept: int = 0,
        find_many: Callable[[list[tuple[str, int]], bool], list[T]] | None = None,
    ) -> None:
        # the ids of another mapping, in its order: its positions are shared, not made again
        # (100,000 projects' took 5 MB)
        if isinstance(ids, LazyEntries):
            self._position = ids._position
        else:
            self._position = {key: at for at, key in enumerate(ids)}
        self._find, self._kept_most = find, kept
        self._find_many = find_many
        self._kept: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> T:
        at = self._position[key]  # KeyError for an unknown id, as a dict
        if not self._kept_most:
            return self._find(key, at)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        entry = self._find(key, at)
        with self._lock:
            self._kept[key] = entry
            while len(self._kept) > self._kept_most:
                self._kept.popitem(last=False)
        return entry

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
        made: dict[str, T] = {}
        with self._lock:
            for key in keys:
                if key in self._kept:
                    self._kept.move_to_end(key)
                    made[key] = self._kept[key]
        wanted = [(key, self._position[key]) for key in dict.fromkeys(keys) if key not in made]
        if wanted:
            found = self._find_many(wanted, keep)
            made.update(zip((key for key, _ in wanted), found, strict=True))
            if self._kept_most and keep:
                with self._lock:
                    for key, _ in wanted:
                        self._kept[key] = made[key]
                    while len(self._kept) > self._kept_most:
                        self._kept.popitem(last=False)
        return [made[key] for key in keys]

    def _made(self, key: str) -> T:
        """The entry `key`, the kept one if there is one, else made and not kept."""
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        return self._find(key, self._position[key])

    def position(self, key: str) -> int:
        """Where the entry `key` is in the order of `ids` (KeyError for an unknown id)."""
        return self._position[key]

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
