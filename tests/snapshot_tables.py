"""Every table of a snapshot file as Arrow, for tests that compare two snapshots row for row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa


def tables(path: Path) -> dict[str, pa.Table]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        names = [row[0] for row in connection.execute("SHOW TABLES").fetchall()]
        return {name: connection.sql(f"SELECT * FROM {name}").to_arrow_table() for name in names}
    finally:
        connection.close()
