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
# Rows read together: a download that walks every project or report (the data package's
# 100,000 texts) reads them in order, a query a block (2-3 ms for 256 of them; a query for
# one took 0.5 ms); KEPT_BLOCKS of them are kept, as neighbours are read together.
BLOCK = 256
KEPT_BLOCKS = 4
# table -> the column that numbers its rows in the data's order (a report's text keeps the
# row number DuckDB gave it when the build wrote them in order)
_NUMBERED = {"project_bodies": "position", "source_texts": "rowid"}


class HeldSnapshot:
    """A read-only connection to a snapshot, used by one thread at a time."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute(f"SET memory_limit = '{POOL}'")
        self._connection = connection
        self._lock = threading.Lock()
        self._blocks: OrderedDict[tuple[str, int], dict[int, bytes]] = OrderedDict()

    def verify(self) -> tuple[int, int]:
        """Read every body and text once, so that DuckDB checks each of their blocks'
        checksums now: a damaged file is rebuilt at the start, not found out on a page.
        Gives how many project bodies and texts there are."""
        counts = []
        with self._lock:
            for table in _NUMBERED:
                # fetched whole (one row), so no unfinished result holds the connection
                counts.append(
                    self._connection.execute(
                        f"SELECT count(*), sum(octet_length(body)) FROM {table}"
                    ).fetchall()[0][0]
                )
        return counts[0], counts[1]

    def project_body(self, at: int) -> bytes:
        """The packed JSON of the project at position `at` in the data's order."""
        return self._row("project_bodies", at)

    def project_bodies(self, positions: list[int]) -> list[bytes]:
        """The packed JSON of the projects at `positions`, in their order: those of the kept
        blocks from them, the others in one query (a query a block each took 2 ms)."""
        found: dict[int, bytes] = {}
        with self._lock:
            for at in positions:
                block = self._blocks.get(("project_bodies", at // BLOCK))
                if block is not None and at in block:
                    found[at] = block[at]
            missing = sorted({at for at in positions if at not in found})
            if missing:
                found.update(
                    self._connection.execute(
                        "SELECT position, body FROM project_bodies"
                        " WHERE position IN (SELECT unnest(?::BIGINT[]))",
                        [missing],
                    ).fetchall()
                )
        return [found[at] for at in positions]

    def texts(self) -> StoredTexts:
        with self._lock:
            rows = self._connection.sql(
                "SELECT id, rowid FROM source_texts ORDER BY rowid"
            ).to_arrow_table()
        # by columns: 100,000 rows fetched as tuples took a third longer
        ids, numbers = rows["id"].to_pylist(), rows["rowid"].to_pylist()
        return StoredTexts(self, dict(zip(ids, numbers, strict=True)))

    def text(self, number: int) -> bytes:
        """The packed text of the report whose row is `number`."""
        return self._row("source_texts", number)

    def _row(self, table: str, number: int) -> bytes:
        key = (table, number // BLOCK)
        with self._lock:
            if key not in self._blocks:
                column, first = _NUMBERED[table], key[1] * BLOCK
                rows = self._connection.execute(
                    f"SELECT {column}, body FROM {table} WHERE {column} >= ? AND {column} < ?",
                    [first, first + BLOCK],
                ).fetchall()
                self._blocks[key] = dict(rows)
                while len(self._blocks) > KEPT_BLOCKS:
                    self._blocks.popitem(last=False)
            self._blocks.move_to_end(key)
            return self._blocks[key][number]


class StoredTexts(Mapping[str, bytes]):
    """Report id -> its packed text, read from the held snapshot when asked for."""

    def __init__(self, held: HeldSnapshot, numbers: dict[str, int]) -> None:
        self._held, self._numbers = held, numbers

    def __getitem__(self, sid: str) -> bytes:
        return self._held.text(self._numbers[sid])  # KeyError for an unknown id, as a dict

    def __contains__(self, sid: object) -> bool:
        return sid in self._numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)
