"""What a build writes of each file, taking from the earlier snapshot (lib/store/reuse.py
`Earlier`) whatever a file read with the same bytes made there: a project's packed JSON and
its rows of the parts tables, a report's packed text, a list file's entries as JSON, the
reports' table, the figures' table. Only the files that changed are dumped, packed and taken
apart again, so a rebuild after one edit does not pack 100,000 projects; what it writes is
row for row what a first build writes."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.load.values_csv import VALUES_FILE
from lib.model.packed import pack
from lib.model.portfolio import Portfolio
from lib.model.projects import SCHEMAS, part_tables
from lib.model.schema import Project, Source
from lib.model.sources import source_table
from lib.store.reuse import FILE_OF_KIND, Earlier
from lib.store.tables import DATE_COLUMNS, ENTRY_KINDS


def project_file(project_id: str) -> str:
    return f"projects/{project_id}.yaml"


def project_bodies(
    projects: Mapping[str, Project], earlier: Earlier | None, digests: dict[str, bytes]
) -> list[bytes]:
    """Each project's JSON, packed, in the data's order."""
    if earlier is None:
        return [pack(project.model_dump_json()) for project in projects.values()]
    return [
        earlier.project_bodies[pid]
        if pid in earlier.project_bodies and earlier.unchanged(project_file(pid), digests)
        else pack(projects[pid].model_dump_json())
        for pid in projects
    ]


def packed_texts(
    texts: Mapping[str, str],
    sources: Mapping[str, Source],
    earlier: Earlier | None,
    digests: dict[str, bytes],
) -> list[bytes]:
    """Each report's text, packed, in `texts`' order (a text is its file's bytes, decoded)."""
    packed = []
    for sid in texts:  # a text known unchanged is not unpacked: taken as the earlier held it
        name = f"sources/{sources[sid].file}"
        if earlier is not None and name in earlier.texts and earlier.unchanged(name, digests):
            packed.append(earlier.texts[name])
        else:
            packed.append(pack(texts[sid]))
    return packed


def project_parts(
    projects: Mapping[str, Project], earlier: Earlier | None, digests: dict[str, bytes]
) -> dict[str, pa.Table]:
    """The parts tables (lib/model/projects.py part_tables): the earlier rows of each
    unchanged project, the rows of the others made anew, in part_tables' order (by project
    id, each project's rows in its own order: Arrow's sort is stable)."""
    if earlier is None:
        return part_tables(projects)
    kept = [pid for pid in projects if earlier.unchanged(project_file(pid), digests)]
    kept_ids = pa.array(kept, type=pa.string())
    wanted = set(kept)
    made = part_tables({pid: projects[pid] for pid in projects if pid not in wanted})
    tables = {}
    for name in SCHEMAS:
        column = "id" if name == "projects" else "project"
        before = earlier.parts[name]
        carried = before.filter(pc.is_in(before[column], value_set=kept_ids))
        table = pa.concat_tables([carried, made[name]])
        tables[name] = table.take(pc.sort_indices(table[column])).combine_chunks()
    return tables


def entry_rows(
    portfolio: Portfolio, earlier: Earlier | None, digests: dict[str, bytes]
) -> pa.Table:
    """The `entries` table: each entry of the YAML files but the projects, as JSON."""
    kinds, ids, positions, bodies = [], [], [], []
    for kind, (_, key) in ENTRY_KINDS.items():
        if kind == "projects":
            continue  # in project_bodies
        held = {"": portfolio.settings} if kind == "settings" else getattr(portfolio, kind)
        name = FILE_OF_KIND.get(kind, "")
        before = earlier.entries.get(name) if earlier and earlier.unchanged(name, digests) else None
        if before is not None and len(before) == len(held):
            bodies += [body for _, body in before]
        else:
            bodies += [entry.model_dump_json() for entry in held.values()]
        kinds += [kind] * len(held)
        ids += [entry_id if key else "" for entry_id in held]
        positions += range(len(held))
    return pa.table({"kind": kinds, "id": ids, "position": positions, "body": bodies})


def figure_rows(
    values: pd.DataFrame, earlier: Earlier | None, digests: dict[str, bytes]
) -> pa.Table:
    """indicator_values.csv as validated, dates as the curator wrote them."""
    if earlier is not None and earlier.unchanged(VALUES_FILE, digests):
        return earlier.figures
    frame = values.copy()
    for column in DATE_COLUMNS:
        frame[column] = frame[column].map(lambda date: None if date is None else str(date))
    return pa.Table.from_pandas(frame, preserve_index=False)


def source_rows(
    sources: Mapping[str, Source], earlier: Earlier | None, digests: dict[str, bytes]
) -> pa.Table:
    """The reports' table (lib/model/sources.py), which sources.yaml alone makes."""
    if earlier is not None and earlier.unchanged("sources.yaml", digests):
        return earlier.sources
    return source_table(sources)
