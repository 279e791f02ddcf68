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
    """id -> entry in the order of `ids`; `find(id, position)` makes an entry. With `kept` 0,
    nothing is kept (`find` reads entries already made)."""

    def __init__(
        self, ids: Iterable[str] | LazyEntries, find: Callable[[str, int], T], kept: int = 0
    ) -> None:
        # the ids of another mapping, in its order: its positions are shared, not made again
        # (100,000 projects' took 5 MB)
        if isinstance(ids, LazyEntries):
            self._position = ids._position
        else:
            self._position = {key: at for at, key in enumerate(ids)}
        self._find, self._kept_most = find, kept
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

    def position(self, key: str) -> int:
        """Where the entry `key` is in the order of `ids` (KeyError for an unknown id)."""
        return self._position[key]

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)
