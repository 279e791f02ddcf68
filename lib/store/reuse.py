"""What the newest earlier snapshot holds, offered to the next build by file (name and digest
of the bytes it was built from, and the stamp it had then: lib/load/known_files), so a
rebuild after one edited file reads that file only, and writes again only what that file
made: an unchanged project's packed body and its rows of the parts tables, and an unchanged
report's packed text, are taken from the earlier snapshot as they are (lib/store/carried.py,
lib/store/patched.py). A snapshot that cannot be read whole, or that other validator code
checked, offers nothing: the build then reads every file, as a first build does. The list
files' entries still pass their pydantic models on the way in; an unchanged project is
validated only when a check or a caller needs it whole (lib/load/located.py KnownProject),
its id, events and dates coming from the parts tables; the projects' bodies and the reports'
texts are read from the file when first needed (every block is read once at the start, in
DuckDB, so a damaged file is not taken).

What a file's bytes make depends on those bytes and the validator's code only (a project's
model, its JSON, its parts; a report's text): the same name, the same digest and the same
code give the same rows, so a rebuild writes what a first build of the folder writes."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from lib.load.loader import LIST_FILES
from lib.load.located import Dates, KnownProject
from lib.load.values_csv import ValueRow
from lib.model.dates import FuzzyDate
from lib.model.packed import unpack
from lib.model.projects import SCHEMAS
from lib.store.known_stats import Stamp
from lib.store.seen import Seen
from lib.store.tables import ENTRY_KINDS, PART_TABLES, SUFFIX, of_this_code

FILE_OF_KIND = {key: name for name, (key, _) in LIST_FILES.items()}
_TEXTS = (
    "SELECT 'sources/' || rows.file, texts.body"
    " FROM source_texts AS texts JOIN source_rows AS rows USING (id)"
)
_READ_ALONE = 32  # report texts read one at a time before every one is read at once
_PROJECT = ENTRY_KINDS["projects"][0]


@dataclass(frozen=True)
class Earlier:
    """An earlier snapshot's data by the file it came from. Called with a file's name and
    digest, it gives that file's entries (lib/load/known_files KnownEntries), or None when the
    earlier snapshot did not read those bytes under that name."""

    digests: dict[str, bytes]  # file name -> digest of the bytes the snapshot was built from
    stamps: dict[str, Stamp]  # file name -> its stamp when read, if that build trusted it
    files: pa.Table  # the `files` table those come from, as stored
    entries: dict[str, list[tuple[str, str]]]  # list file name -> (kind, entry as JSON)
    project_ids: list[str]  # in the data's order
    text_names: frozenset[str]  # the report text files (sources/…) whose texts it holds
    parts: dict[str, pa.Table]  # lib/model/projects.py SCHEMAS name -> the earlier rows
    figures: pa.Table  # figure_rows: indicator_values.csv as validated
    sources: pa.Table  # source_rows: the reports' table
    path: Path  # the snapshot's file, which the projects' bodies and the texts are read from

    @functools.cached_property
    def project_bodies(self) -> dict[str, bytes]:
        """Project id -> its JSON, packed: read when first asked for (a rebuild after an
        edited project needs none of them: lib/store/patched.py copies the file)."""
        return dict(self._query("SELECT id, body FROM project_bodies"))

    @functools.cached_property
    def texts(self) -> dict[str, bytes]:
        """Report text file name (sources/…) -> its text, packed, every one."""
        return dict(self._query(_TEXTS))

    def text(self, name: str) -> bytes:
        """One report's packed text: read alone while a few are asked for (a rebuild's
        checks of an edited project read its reports'), then every one at once."""
        self._texts_read.append(name)
        if "texts" in self.__dict__ or len(self._texts_read) > _READ_ALONE:
            return self.texts[name]
        return self._query(f"{_TEXTS} WHERE 'sources/' || rows.file = ?", name)[0][1]

    @functools.cached_property
    def _texts_read(self) -> list[str]:
        return []

    def _query(self, sql: str, *parameters: str) -> list[tuple]:
        connection = duckdb.connect(str(self.path), read_only=True)
        try:
            return connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()

    def __call__(self, name: str, digest: bytes) -> list[BaseModel] | None:
        if self.digests.get(name) != digest:
            return None
        if name.startswith("projects/"):
            project = self.known_projects([name])[0]
            return None if project is None else [project]
        return [
            ENTRY_KINDS[kind][0].model_validate_json(body)
            for kind, body in self.entries.get(name, [])
        ]

    @functools.cached_property
    def _project_ids(self) -> frozenset[str]:
        return frozenset(self.project_ids)

    def known_projects(self, names: list[str]) -> list[KnownProject | None]:
        """The project of each file of `names` (projects/…) as this snapshot holds it, or
        None."""
        known, cut = self._project_ids, slice(len("projects/"), -len(".yaml"))
        ids = [name[cut] for name in names]
        return [KnownProject(pid, self) if pid in known else None for pid in ids]

    def project_model(self, project_id: str) -> BaseModel:
        """A known project's model, validated from its JSON (lib/load/located.py)."""
        return _PROJECT.model_validate_json(unpack(self.project_bodies[project_id]))

    def project_events(self, project_id: str) -> dict[str, None]:
        """A known project's events' ids, each standing for its event in a check's map."""
        return {event_id: None for event_id, _, _ in self._outlines[project_id][1]}

    def project_dates(self, project_id: str) -> Dates:
        return _dates(project_id, self._outlines[project_id])

    @functools.cached_property
    def _outlines(self) -> dict[str, tuple[tuple, list[tuple]]]:
        """Each project's (start, end) and its events' (id, start, end), dates as text, from
        the parts tables: made once, when a check first reads a known project's events."""
        outlines: dict[str, tuple[tuple, list[tuple]]] = {}
        projects = self.parts["projects"].select(["id", "start", "end"]).to_pylist()
        for row in projects:
            outlines[row["id"]] = ((row["start"], row["end"]), [])
        events = self.parts["events"].select(["project", "id", "start", "end"]).to_pydict()
        for project, *event in zip(*events.values(), strict=True):
            outlines[project][1].append(tuple(event))
        return outlines

    def knows(self, name: str, digest: bytes) -> bool:
        """True when calling with these gives entries, not None (none validated here)."""
        if self.digests.get(name) != digest:
            return False
        if name.startswith("projects/"):
            return name[len("projects/") : -len(".yaml")] in self._project_ids
        return True

    def rows_but(self, skipped: frozenset[str]) -> list[ValueRow]:
        """indicator_values.csv's rows but those of the projects `skipped`, as the loader
        read them (figure_rows holds them as validated, dates as written)."""
        table = self.figures
        others = pc.invert(pc.is_in(table["project"], value_set=pa.array(sorted(skipped))))
        return [
            ValueRow(**{field: row[field] for field in _ROW_FIELDS}, **_row_dates(row))
            for row in table.filter(others).to_pylist()
        ]

    def seen(self, stamps: Mapping[str, Stamp]) -> Seen:
        """This snapshot's files as a build's look finds them: `stamps`, by path
        (lib/store/known_stats.look)."""
        return Seen(self, stamps)

    def unchanged(self, name: str, digests: dict[str, bytes]) -> bool:
        """True when the file `name` was read now with the bytes the earlier snapshot read."""
        digest = digests.get(name)
        return digest is not None and self.digests.get(name) == digest


_ROW_FIELDS = [
    field for field in ValueRow.__dataclass_fields__ if field not in ("period_start", "period_end")
]


def _row_dates(row: dict) -> dict[str, FuzzyDate | None]:
    return {field: _date(row[field]) for field in ("period_start", "period_end")}


def _dates(project_id: str, outline: tuple[tuple, list[tuple]]) -> Dates:
    """What lib/load/passed_checks.project_dates gives of the project, from its outline."""
    dates = {(project_id, ""): tuple(_date(text) for text in outline[0])}
    for event_id, *event in outline[1]:
        dates[(project_id, event_id)] = (_date(event[0]), _date(event[1]))
    return dates


def _date(text: str | None) -> FuzzyDate | None:
    return None if text is None else FuzzyDate.parse(text)


def known_from(cache_dir: Path) -> Earlier | None:
    """What the newest whole snapshot of this layout in `cache_dir` knows, or None."""
    try:
        candidates = sorted(
            cache_dir.glob(f"*{SUFFIX}"), key=lambda path: path.stat().st_mtime, reverse=True
        )
    except OSError:
        return None
    for path in candidates[:2]:
        try:
            return _known(path)
        except (duckdb.Error, OSError, KeyError, ValueError, pa.ArrowException):
            continue
    return None


def _files(files: pa.Table) -> tuple[dict[str, bytes], dict[str, Stamp]]:
    """The `files` table: each file's digest by name, and its stamp by name when one was
    recorded; taken a column at a time (200,000 rows as tuples took a second)."""
    names = files["name"].to_pylist()
    digests = dict(zip(names, files["digest"].to_pylist(), strict=True))
    stamped = files.filter(pc.is_valid(files["size"]))
    columns = [stamped[column].to_pylist() for column in ("size", "mtime_ns", "ctime_ns", "inode")]
    stamps = dict(zip(stamped["name"].to_pylist(), zip(*columns, strict=True), strict=True))
    return digests, stamps


def _known(path: Path) -> Earlier | None:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if not of_this_code(meta):
            return None
        files = connection.sql("SELECT * FROM files").to_arrow_table()
        digests, stamps = _files(files)
        rows = connection.execute(
            "SELECT kind, body FROM entries WHERE kind <> 'settings' ORDER BY kind, position"
        ).fetchall()
        for table in ("project_bodies", "source_texts"):
            # every body read once, in DuckDB, so each block's checksum is checked: a damaged
            # snapshot is neither served (lib/store/held.py) nor copied into the next one
            connection.execute(f"SELECT count(*), sum(octet_length(body)) FROM {table}")
        ordered = connection.execute("SELECT id FROM project_bodies ORDER BY position")
        project_ids = [project_id for (project_id,) in ordered.fetchall()]
        names = connection.execute(
            "SELECT 'sources/' || rows.file FROM source_texts JOIN source_rows AS rows USING (id)"
        )
        text_names = frozenset(name for (name,) in names.fetchall())
        # Read as stored (DuckDB keeps the order rows were written in), typed as written.
        parts = {
            name: connection.sql(f"SELECT * FROM {table}").to_arrow_table().cast(SCHEMAS[name])
            for name, table in PART_TABLES.items()
        }
        figures = connection.sql("SELECT * FROM figure_rows").to_arrow_table()
        sources = connection.sql("SELECT * FROM source_rows").to_arrow_table()
    finally:
        connection.close()
    entries: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, body in rows:
        entries[FILE_OF_KIND[kind]].append((kind, body))
    return Earlier(
        digests,
        stamps,
        files,
        dict(entries),
        project_ids,
        text_names,
        parts,
        figures,
        sources,
        path,
    )
