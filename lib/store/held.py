"""A snapshot kept open while its data is served, for what pages read a few at a time: a
project's JSON (when a page opens a project) and a report's text (the Sources page, the
public audience's withheld sentences, the data package).

At 100,000 projects the two are 160 MB packed, and held in memory they took some 240 MB of
every replica, whose budget is 1 GB (issue 19); read from the file, each takes under a
millisecond. DuckDB keeps the blocks it reads in its buffer pool, whose default bound is 80%
of the machine's memory: a held snapshot's pool is bounded by POOL instead. The bound is the
database's, so another connection to the same file in this process (the next build reading
what it can reuse) shares it: such reads are streamed and need no more.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping

import duckdb

POOL = "16MB"
# Project bodies read together: a download that walks every project reads them in order,
# a query a block; KEPT_BLOCKS of them are kept, as consecutive projects are read together.
BLOCK = 64
KEPT_BLOCKS = 4


class HeldSnapshot:
    """A read-only connection to a snapshot, used by one thread at a time."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute(f"SET memory_limit = '{POOL}'")
        self._connection = connection
        self._lock = threading.Lock()
        self._blocks: OrderedDict[int, list[bytes]] = OrderedDict()

    def verify(self) -> tuple[int, int]:
        """Read every body and text once, so that DuckDB checks each of their blocks'
        checksums now: a damaged file is rebuilt at the start, not found out on a page.
        Gives how many project bodies and texts there are."""
        counts = []
        with self._lock:
            for table in ("project_bodies", "source_texts"):
                counts.append(
                    self._connection.execute(
                        f"SELECT count(*), sum(octet_length(body)) FROM {table}"
                    ).fetchone()[0]
                )
        return counts[0], counts[1]

    def project_body(self, at: int) -> bytes:
        """The packed JSON of the project at position `at` in the data's order."""
        block = at // BLOCK
        with self._lock:
            if block not in self._blocks:
                rows = self._connection.execute(
                    "SELECT body FROM project_bodies WHERE position >= ? AND position < ? "
                    "ORDER BY position",
                    [block * BLOCK, (block + 1) * BLOCK],
                ).fetchall()
                self._blocks[block] = [body for (body,) in rows]
                while len(self._blocks) > KEPT_BLOCKS:
                    self._blocks.popitem(last=False)
            self._blocks.move_to_end(block)
            return self._blocks[block][at % BLOCK]

    def texts(self) -> StoredTexts:
        with self._lock:
            ids = self._connection.execute("SELECT id FROM source_texts").fetchall()
        return StoredTexts(self, [sid for (sid,) in ids])

    def text(self, sid: str) -> bytes | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT body FROM source_texts WHERE id = ?", [sid]
            ).fetchone()
        return None if row is None else row[0]


class StoredTexts(Mapping[str, bytes]):
    """Report id -> its packed text, read from the held snapshot when asked for."""

    def __init__(self, held: HeldSnapshot, ids: list[str]) -> None:
        self._held, self._ids = held, dict.fromkeys(ids)

    def __getitem__(self, sid: str) -> bytes:
        body = self._held.text(sid) if sid in self._ids else None
        if body is None:
            raise KeyError(sid)
        return body

    def __contains__(self, sid: object) -> bool:
        return sid in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
