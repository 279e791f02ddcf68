"""What the newest earlier snapshot holds, offered to the next build by file (name and digest
of the bytes it was built from: lib/load/known_files), so a rebuild after one edited file
parses that file only, and writes again only what that file made: an unchanged project's
packed body and its rows of the parts tables, and an unchanged report's packed text, are
taken from the earlier snapshot as they are (lib/store/carried.py). A snapshot that cannot be
read whole, or that other validator code checked, offers nothing: the build then reads every
file, as a first build does. The entries still pass their pydantic models on the way in, and
every cross-file check runs again over all of them, but for the checks of a project file
against its own quotes, which read only it and the names in places.yaml and
organisations.yaml (lib/load/fact_checks.py).

What a file's bytes make depends on those bytes and the validator's code only (a project's
model, its JSON, its parts; a report's text): the same name, the same digest and the same
code give the same rows, so a rebuild writes what a first build of the folder writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
from pydantic import BaseModel

from lib.load.loader import LIST_FILES
from lib.model.packed import unpack
from lib.model.projects import SCHEMAS
from lib.store.tables import ENTRY_KINDS, PART_TABLES, SUFFIX, of_this_code

FILE_OF_KIND = {key: name for name, (key, _) in LIST_FILES.items()}
_PROJECT = ENTRY_KINDS["projects"][0]


@dataclass(frozen=True)
class Earlier:
    """An earlier snapshot's data by the file it came from. Called with a file's name and
    digest, it gives that file's entries (lib/load/known_files KnownEntries), or None when the
    earlier snapshot did not read those bytes under that name."""

    digests: dict[str, bytes]  # file name -> digest of the bytes the snapshot was built from
    entries: dict[str, list[tuple[str, str]]]  # list file name -> (kind, entry as JSON)
    project_bodies: dict[str, bytes]  # project id -> its JSON, packed
    texts: dict[str, bytes]  # report text file name (sources/…) -> its text, packed
    parts: dict[str, pa.Table]  # lib/model/projects.py SCHEMAS name -> the earlier rows
    figures: pa.Table  # figure_rows: indicator_values.csv as validated
    sources: pa.Table  # source_rows: the reports' table

    def __call__(self, name: str, digest: bytes) -> list[BaseModel] | None:
        if self.digests.get(name) != digest:
            return None
        if name.startswith("projects/"):
            body = self.project_bodies.get(name[len("projects/") : -len(".yaml")])
            return None if body is None else [_PROJECT.model_validate_json(unpack(body))]
        return [
            ENTRY_KINDS[kind][0].model_validate_json(body)
            for kind, body in self.entries.get(name, [])
        ]

    def unchanged(self, name: str, digests: dict[str, bytes]) -> bool:
        """True when the file `name` was read now with the bytes the earlier snapshot read."""
        digest = digests.get(name)
        return digest is not None and self.digests.get(name) == digest


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


def _known(path: Path) -> Earlier | None:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if not of_this_code(meta):
            return None
        digests = dict(connection.execute("SELECT name, digest FROM files").fetchall())
        rows = connection.execute(
            "SELECT kind, body FROM entries WHERE kind <> 'settings' ORDER BY kind, position"
        ).fetchall()
        bodies = dict(connection.execute("SELECT id, body FROM project_bodies").fetchall())
        texts = dict(
            connection.execute(
                "SELECT 'sources/' || rows.file, texts.body"
                " FROM source_texts AS texts JOIN source_rows AS rows USING (id)"
            ).fetchall()
        )
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
    return Earlier(digests, dict(entries), bodies, texts, parts, figures, sources)
