"""The entries of the newest earlier snapshot, offered to the next build by file (name and
digest of the bytes it was built from: lib/load/known_files), so a rebuild after one edited
file parses that file only. A snapshot that cannot be read whole, or that other validator
code checked, offers nothing: the build then reads every file, as a first build does. The
entries still pass their pydantic models on the way in, and every cross-file check runs again
over all of them, but for the checks of a project file against its own quotes, which read
only it and the names in places.yaml and organisations.yaml (lib/load/fact_checks.py)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import duckdb
from pydantic import BaseModel

from lib.load.known_files import KnownEntries
from lib.load.loader import LIST_FILES
from lib.model.projects import unpack
from lib.store.tables import ENTRY_KINDS, SUFFIX, of_this_code

_FILE_OF_KIND = {key: name for name, (key, _) in LIST_FILES.items()}


def known_from(cache_dir: Path) -> KnownEntries | None:
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
        except (duckdb.Error, OSError, KeyError, ValueError):
            continue
    return None


def _known(path: Path) -> KnownEntries | None:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if not of_this_code(meta):
            return None
        digests = dict(connection.execute("SELECT name, digest FROM files").fetchall())
        rows = connection.execute(
            "SELECT kind, id, body FROM entries WHERE kind <> 'settings' ORDER BY kind, position"
        ).fetchall()
        packed = connection.execute("SELECT id, body FROM project_bodies").fetchall()
    finally:
        connection.close()
    rows += [("projects", pid, unpack(body)) for pid, body in packed]
    bodies: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, entry_id, body in rows:
        name = f"projects/{entry_id}.yaml" if kind == "projects" else _FILE_OF_KIND[kind]
        bodies[name].append((kind, body))

    def known(name: str, digest: bytes) -> list[BaseModel] | None:
        if digests.get(name) != digest:
            return None
        return [ENTRY_KINDS[kind][0].model_validate_json(body) for kind, body in bodies[name]]

    return known
