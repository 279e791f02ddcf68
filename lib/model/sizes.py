"""Roughly the bytes a value holds, worked out cheaply, and values kept within a bound of
them: what bounds the caches by bytes (the pages' results, lib/query/index.py; the validated
projects and reports a mapping keeps, lib/model/lazy.py)."""

from __future__ import annotations

import dataclasses
import itertools
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
from pydantic import BaseModel

SAMPLED = 64  # items of a long tuple or list whose size is measured; they stand for the rest
T = TypeVar("T")


def size_estimate(value: Any, depth: int = 2) -> int:
    """Roughly the bytes `value` holds: a frame's or Arrow table's buffers, a text's or a
    file's bytes, `depth` levels into tuples, lists, dicts, dataclasses and pydantic models;
    else the object itself."""
    if isinstance(value, bytes | bytearray | str):
        return sys.getsizeof(value)
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(index=True, deep=False).sum())
    if isinstance(value, pd.Series):
        return int(value.memory_usage(index=True, deep=False))
    if isinstance(value, pa.Table):
        return value.nbytes
    if depth > 0:
        if isinstance(value, tuple | list | set | frozenset | dict):
            # a funder's 80,000 project ids, 100,000 projects' titles: the first SAMPLED
            # items (a dict's values) stand for the rest
            items = value.values() if isinstance(value, dict) else value
            sampled = [size_estimate(item, depth - 1) for item in itertools.islice(items, SAMPLED)]
            share = sum(sampled) * len(value) // len(sampled) if sampled else 0
            return sys.getsizeof(value) + share
        if isinstance(value, BaseModel):  # a validated project, its events, their texts
            return sys.getsizeof(value) + sum(
                size_estimate(getattr(value, name), depth - 1) for name in type(value).model_fields
            )
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return sum(
                size_estimate(getattr(value, f.name), depth - 1) for f in dataclasses.fields(value)
            )
    return sys.getsizeof(value)


class KeptBySize:
    """Values by key, the least recently used dropped first past `count` of them or past
    `most` bytes of their size estimated `depth` levels in (the newest is kept even when it
    alone passes `most`). Shared by threads: Streamlit runs each session's rerun in its own."""

    def __init__(self, count: int, most: int, depth: int = 2) -> None:
        self.count, self.most, self._depth = count, most, depth
        self._values: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()  # value, size
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept for `key`, else `build()`'s, kept. Built outside the lock: two
        threads may build at once, and one value is kept."""
        held = self.held([key])
        if key in held:
            return held[key]
        value = build()
        self.keep([(key, value)])
        return value

    def held(self, keys: Iterable[Hashable]) -> dict[Hashable, Any]:
        """The values kept of these keys, each now the most recently used."""
        found = {}
        with self._lock:
            for key in keys:
                if key in self._values:
                    self._values.move_to_end(key)
                    found[key] = self._values[key][0]
        return found

    def keep(self, items: Iterable[tuple[Hashable, Any]]) -> None:
        """Keep these values, the last the most recently used, and drop past the bounds."""
        sized = [(key, value, size_estimate(value, self._depth)) for key, value in items]
        with self._lock:
            for key, value, size in sized:
                if key in self._values:
                    self._bytes -= self._values.pop(key)[1]
                self._values[key] = (value, size)
                self._bytes += size
            while len(self._values) > 1 and (
                len(self._values) > self.count or self._bytes > self.most
            ):
                self._bytes -= self._values.popitem(last=False)[1][1]
