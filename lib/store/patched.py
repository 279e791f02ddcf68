"""A rebuild's snapshot made from a copy of the earlier one, patched where the data changed:
at 100,000 projects, writing every table anew took DuckDB some 6 s of CPU (255 MB compressed
again), while a copy of the file takes 0.2 s and the rows of one edited project are a few.

Only a change that leaves every row where a first build of the folder puts it is patched: the
same projects in the same order, and the list files, the reports' texts, settings.yaml and
indicator_values.csv as the earlier snapshot read them. An edited project's body is updated in
place, and so are its rows of each parts table when it has as many as before (a table where
it has more or fewer is written again whole, as a first build writes it); `meta` and `files`
are written again. What comes out is row for row what a first build writes
(tests/test_rebuild_cases.py compares them); any other change is written whole by
lib/store/writer.py.
"""

from __future__ import annotations

import itertools

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from lib.load.loader import LIST_FILES
from lib.load.values_csv import VALUES_FILE
from lib.model.packed import pack
from lib.model.portfolio import Portfolio
from lib.model.projects import part_tables
from lib.store.carried import project_file, project_parts
from lib.store.reuse import Earlier
from lib.store.tables import FILES_TABLE, PART_TABLES


def patchable(portfolio: Portfolio, digests: dict[str, bytes], earlier: Earlier | None) -> bool:
    """True when the earlier snapshot can be patched into this version's (see above)."""
    if earlier is None or earlier.path is None:
        return False
    if list(portfolio.projects) != earlier.project_ids:
        return False
    if not all(earlier.unchanged(name, digests) for name in (*LIST_FILES, VALUES_FILE)):
        return False
    return len(earlier.text_names) == len(portfolio.source_texts) and not _changed(
        list(earlier.text_names), digests, earlier
    )


def _changed(names: list[str], digests: dict[str, bytes], earlier: Earlier) -> list[int]:
    """The places in `names` of the files not read now with the bytes the earlier snapshot
    read (earlier.unchanged of each, looked up by map: 100,000 calls took 0.2 s)."""
    now = map(digests.get, names, itertools.repeat(_NOT_READ))
    then = map(earlier.digests.get, names)
    return [at for at, (new, old) in enumerate(zip(now, then, strict=True)) if new != old]


_NOT_READ = object()  # equal to no digest, not even to a file the earlier snapshot lacks


def patch_tables(
    connection: duckdb.DuckDBPyConnection,
    portfolio: Portfolio,
    digests: dict[str, bytes],
    earlier: Earlier,
    files_read: int,
    files: pa.Table,
) -> bool:
    """Patch the copy of `earlier` open as `connection`; False (nothing committed) when its
    settings differ, so the caller writes every table."""
    settings = connection.execute("SELECT body FROM entries WHERE kind = 'settings'").fetchall()
    if settings != [(portfolio.settings.model_dump_json(),)]:
        return False
    projects = portfolio.projects
    ids = list(projects)
    changed = sorted(ids[at] for at in _changed(list(map(project_file, ids)), digests, earlier))
    connection.execute("BEGIN TRANSACTION")
    packed = [pack(projects[pid].model_dump_json()) for pid in changed]
    bodies = pa.table({"id": pa.array(changed, pa.string()), "body": pa.array(packed, pa.binary())})
    connection.register("bodies_in", bodies)
    connection.execute(
        "UPDATE project_bodies SET body = b.body FROM bodies_in AS b WHERE project_bodies.id = b.id"
    )
    made = part_tables({pid: projects[pid] for pid in changed})
    whole = None
    for name, table in PART_TABLES.items():
        rows = _rows_in_place(earlier.parts[name], made[name], name, changed)
        if rows is None:  # the project has more or fewer rows here: the table written again
            whole = whole or project_parts(projects, earlier, digests)
            connection.execute(f"DROP TABLE {table}")
            connection.register("part_in", whole[name])
            connection.execute(f"CREATE TABLE {table} AS SELECT * FROM part_in")
        elif rows.num_rows:
            columns = ", ".join(f'"{column}" = u."{column}"' for column in made[name].column_names)
            connection.register("part_in", rows)
            connection.execute(
                f"UPDATE {table} SET {columns} FROM part_in AS u WHERE {table}.rowid = u._row"
            )
        connection.unregister("part_in")
    # the other counts are of tables left as they were
    meta = {"fingerprint": portfolio.fingerprint, "files_read": str(files_read)}
    for table in PART_TABLES.values():
        (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        meta[table] = str(count)
    connection.executemany(
        "UPDATE meta SET value = ? WHERE key = ?", [(value, key) for key, value in meta.items()]
    )
    _patch_files(connection, files, earlier.files)
    connection.execute("COMMIT")
    return True


def _patch_files(connection: duckdb.DuckDBPyConnection, files: pa.Table, before: pa.Table) -> None:
    """Make the `files` table `files`: the rows whose digest or stamp changed are updated in
    place when the same files were read in the same order (inserting 200,000 rows again,
    with the names' index, took half a second); else it is written again."""
    if files.num_rows != before.num_rows or not files["name"].equals(
        before["name"].cast(files.schema.field("name").type)
    ):
        connection.execute("DROP TABLE files")
        connection.execute(FILES_TABLE)
        connection.register("files_in", files)
        connection.execute("INSERT INTO files SELECT * FROM files_in")
        return
    differs = pa.array([False] * files.num_rows)
    for column in _FILE_FIELDS:
        now, then = files[column], before[column].cast(files.schema.field(column).type)
        same = pc.or_(
            pc.fill_null(pc.equal(now, then), False), pc.and_(pc.is_null(now), pc.is_null(then))
        )
        differs = pc.or_(differs, pc.invert(same))
    rows = pc.indices_nonzero(differs)
    if not len(rows):
        return
    changed = files.select(_FILE_FIELDS).take(rows).append_column("_row", rows.cast(pa.int64()))
    columns = ", ".join(f"{column} = u.{column}" for column in _FILE_FIELDS)
    connection.register("files_in", changed)
    connection.execute(f"UPDATE files SET {columns} FROM files_in AS u WHERE files.rowid = u._row")


_FILE_FIELDS = ["digest", "size", "mtime_ns", "ctime_ns", "inode"]


def _rows_in_place(
    before: pa.Table, made: pa.Table, name: str, changed: list[str]
) -> pa.Table | None:
    """The changed projects' new rows of one parts table, each with `_row`, the row it
    takes the place of; None when a project has another number of rows than before."""
    column = "id" if name == "projects" else "project"
    places: list[int] = []
    for pid in changed:
        count = pc.sum(pc.equal(made[column], pid)).as_py() or 0
        if count != (pc.sum(pc.equal(before[column], pid)).as_py() or 0):
            return None
        if count:
            first = pc.index(before[column], pid).as_py()
            places += range(first, first + count)
    # made's rows come by project id, each project's in its order (part_tables), as the
    # places by the sorted `changed`
    return made.append_column("_row", pa.array(places, pa.int64()))
