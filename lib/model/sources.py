"""A portfolio's reports (sources.yaml): a read-only mapping of id -> Source (`Sources`) and
the same reports as one table, a row a report, which is what anything that looks at every
report reads (the public audience, the Sources page's titles, the exports' file lists).

Every field of a report is a scalar, so the table holds the whole report. 100,000 reports as
pydantic objects took some 150 MB and half a second of every start from a snapshot; a snapshot
therefore stores the table, and a report is validated from its row when a page asks for it
(the last KEPT of them kept). Reports read from the YAML files are held as validated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.model.lazy import LazyEntries
from lib.model.schema import Source

# validated reports a mapping of a table keeps, the least recently used dropped: at most KEPT,
# within KEPT_BYTES of their estimated size (a synthetic report is about 1 KB)
KEPT = 4096
KEPT_BYTES = 16 * 1024 * 1024

# Each field as text (a date as the curator wrote it, a FuzzyDate's str), None when not given.
SCHEMA = pa.schema([(name, pa.string()) for name in Source.model_fields])


def table_of(sources: Iterable[Source]) -> pa.Table:
    """The reports as an Arrow table of SCHEMA, in the order given."""
    rows = [source.model_dump(mode="json") for source in sources]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


class Sources(LazyEntries[Source]):
    """id -> Source, in the data's order, validated from `table`'s row when first asked for."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table.cast(SCHEMA)
        # the finder holds the table, not this mapping: a mapping that held itself through its
        # finder would be a cycle, and a start freezes what it made (lib/ui/current_data.py's
        # _settle), so a replaced mapping in a cycle (the public audience's starting one)
        # would never be freed: 40 MB at 100,000 reports
        super().__init__(
            self._table["id"].to_pylist(), partial(_validated, self._table), KEPT, None, KEPT_BYTES
        )
        self._frame: pd.DataFrame | None = None

    @property
    def frame(self) -> pd.DataFrame:
        """The reports as a frame of SCHEMA's columns, a row a report in the data's order."""
        with self._lock:
            if self._frame is None:
                self._frame = self._table.to_pandas()
            return self._frame

    def table(self) -> pa.Table:
        return self._table

    def field(self, name: str) -> SourceField:
        """id -> the report's `name` (a SCHEMA column), None where not given."""
        return SourceField(self, self._table[name].combine_chunks())

    def only(self, ids: Iterable[str] | pa.Array) -> Sources:
        """The reports `ids`, in this mapping's order: this mapping itself when that is every
        report (the public audience of a portfolio whose every report is cited), not a copy."""
        wanted = ids if isinstance(ids, pa.Array) else pa.array(list(ids), type=pa.string())
        kept = pc.is_in(self._table["id"], value_set=wanted)
        if pc.all(kept).as_py() is not False:
            return self
        return Sources(self._table.filter(kept))

    def __repr__(self) -> str:
        return f"Sources({len(self)} reports)"


def _validated(table: pa.Table, _sid: str, at: int) -> Source:
    row = table.slice(at, 1).to_pylist()[0]
    given = {name: value for name, value in row.items() if value is not None}
    return Source.model_validate(given)


def source_table(sources: Mapping[str, Source]) -> pa.Table:
    """The reports' table, whatever mapping holds them (the loader's dict of validated
    reports makes its table at each call: a test's few, or a build's)."""
    if isinstance(sources, Sources):
        return sources.table()
    return table_of(sources.values())


def source_frame(sources: Mapping[str, Source]) -> pd.DataFrame:
    """The reports' table as a frame of SCHEMA's columns, a row a report in the data's order."""
    if isinstance(sources, Sources):
        return sources.frame
    return source_table(sources).to_pandas()


def source_column(sources: Mapping[str, Source], name: str) -> list:
    """One field of every report, in the data's order, None where not given."""
    return source_frame(sources)[name].to_numpy(dtype=object, na_value=None).tolist()


def source_titles(sources: Mapping[str, Source]) -> Mapping[str, str]:
    """Each report's title, by id, in the data's order."""
    if isinstance(sources, Sources):
        return sources.field("title")
    return dict(zip(source_column(sources, "id"), source_column(sources, "title"), strict=True))


class SourceField(Mapping[str, Any]):
    """id -> one field of each report of a `Sources`, read from its table when asked for (a
    microsecond). As a dict, 100,000 reports' titles were 200,000 strings, 20 MB of each
    replica for every copy kept."""

    def __init__(self, sources: Sources, column: pa.Array) -> None:
        self._sources, self._column = sources, column

    def __getitem__(self, sid: str) -> Any:
        return self._column[self._sources.position(sid)].as_py()

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def only_sources(
    sources: Mapping[str, Source], ids: Iterable[str] | pa.Array
) -> Mapping[str, Source]:
    """The reports `ids` (texts, or Arrow's), in the data's order, held as `sources` holds
    them."""
    if isinstance(sources, Sources):
        return sources.only(ids)
    wanted = set(ids.to_pylist() if isinstance(ids, pa.Array) else ids)
    return {sid: source for sid, source in sources.items() if sid in wanted}
