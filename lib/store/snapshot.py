"""Open a snapshot file and give back the validated data it holds, or None when it is not a
whole, current snapshot of this data (missing, of another layout, data version or validator
code, truncated, corrupt): the caller then rebuilds it. A snapshot is never trusted blindly:
DuckDB checks each block's checksum, the row counts are checked against the ones written, and
every entry goes through its pydantic model again on the way in; a project or a report when
a page first asks for it (lib/model/projects.py, lib/model/sources.py): for a start,
validating 100,000 projects took 5 to 8 s, and 100,000 reports half a second. The file stays
open while its data is served: the projects' JSON and the reports' texts are read from it
when asked for (lib/store/held.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from lib.load.loader import LoadResult, cycle_collector_paused
from lib.model.packed import PackedTexts
from lib.model.portfolio import Portfolio
from lib.model.projects import ProjectParts, Projects
from lib.model.schema import Settings
from lib.model.sources import Sources
from lib.store.held import HeldSnapshot
from lib.store.tables import ENTRY_KINDS, PART_TABLES, figures_frame, of_this_code

# What a damaged, foreign or half-written file can raise on the way in.
_UNREADABLE = (duckdb.Error, OSError, ValidationError, ValueError, KeyError, TypeError)


def open_snapshot(path: Path, data_dir: Path, data_fingerprint: str) -> LoadResult | None:
    """The data of the snapshot at `path` when it is whole and of `data_fingerprint`; the
    file stays open for as long as the data is held (closed when it is dropped)."""
    if not path.is_file():
        return None
    try:
        connection = duckdb.connect(str(path), read_only=True)
    except _UNREADABLE:
        return None
    try:
        with cycle_collector_paused():
            result = _read(connection, data_dir, data_fingerprint)
    except _UNREADABLE:
        result = None
    if result is None:
        connection.close()
    return result


def _read(
    connection: duckdb.DuckDBPyConnection, data_dir: Path, data_fingerprint: str
) -> LoadResult | None:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("fingerprint") != data_fingerprint or not of_this_code(meta):
        return None
    # the reports from their table, each validated when first asked for (lib/model/sources.py)
    rows = connection.execute(
        "SELECT kind, id, body FROM entries WHERE kind <> 'sources' ORDER BY kind, position"
    )
    entries: dict[str, Any] = {kind: {} for kind in ENTRY_KINDS}
    count = 0
    for kind, entry_id, body in rows.fetchall():
        model, _ = ENTRY_KINDS[kind]
        entries[kind][entry_id] = model.model_validate_json(body)
        count += 1
    entries["sources"] = Sources(connection.sql("SELECT * FROM source_rows").to_arrow_table())
    count += len(entries["sources"])
    values = figures_frame(
        connection.sql("SELECT * FROM figure_rows").to_arrow_table().combine_chunks()
    )
    parts = _parts(connection, meta)
    held = HeldSnapshot(connection)  # from here on, what DuckDB reads is kept within its POOL
    bodies, _texts = held.verify()
    projects = _projects(connection, held, parts)
    written = (int(meta["entries"]), int(meta["projects"]), int(meta["figure_rows"]))
    if (count, len(projects), len(values)) != written or len(entries["sources"]) != int(
        meta["source_rows"]
    ):
        return None
    if bodies != len(projects):
        return None
    settings = entries.pop("settings").get("", Settings())
    entries["projects"] = projects
    portfolio = Portfolio(
        data_dir=data_dir,
        source_texts=PackedTexts(held.texts()),
        values=values,
        fingerprint=data_fingerprint,
        settings=settings,
        **entries,
    )
    return LoadResult(data_dir, portfolio, (), int(meta["files_read"]))


def _parts(connection: duckdb.DuckDBPyConnection, meta: dict[str, str]) -> ProjectParts:
    """The projects' parts' tables, each of the row count written. DuckDB gives a table in
    pieces of 122,880 rows, and pyarrow copies a column in pieces whole each time rows are
    taken from it (tens of MB a filter change at 100,000 projects): the parts and figures are
    joined into one piece a column once, here."""
    tables = {}
    for name, table in PART_TABLES.items():
        tables[name] = connection.sql(f"SELECT * FROM {table}").to_arrow_table().combine_chunks()
        if tables[name].num_rows != int(meta[table]):
            raise ValueError(f"{table}: {tables[name].num_rows} rows, {meta[table]} written")
    return ProjectParts.from_tables(tables)


def _projects(
    connection: duckdb.DuckDBPyConnection, held: HeldSnapshot, parts: ProjectParts
) -> Projects:
    """The projects, each read and validated by its model when a page first asks for it."""
    ordered = connection.sql("SELECT id FROM project_bodies ORDER BY position").to_arrow_table()
    ids = ordered["id"].combine_chunks()
    # compared in Arrow (as Python texts, sorted and compared, 0.1 s at 100,000 projects):
    # the parts hold the same ids, sorted (by their UTF-8 bytes, as Python's code points)
    if not pc.take(ids, pc.sort_indices(ids)).equals(
        pa.array(parts.projects["id"], type=pa.string(), from_pandas=True)
    ):
        raise ValueError("the projects' parts are not those of the projects")
    return Projects.stored(ids.to_pylist(), held.project_body, parts, held.project_bodies)
