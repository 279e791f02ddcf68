"""The snapshot's tables, and the version of their layout.

One DuckDB file a data version, `<fingerprint>.duckdb`, holding:
- `meta`: key/value rows (the layout version, the validator's digest, the data's fingerprint,
  how many files were read);
- `entries`: every validated entry of the YAML files but the projects, one row an entry
  (`kind`, `id`, its position in its file and the entry as JSON, written and read by its
  pydantic model);
- `project_bodies`: each project as JSON, compressed (lib/model/projects.py `pack`), in the
  data's order: a page validates one when it opens it;
- `source_rows`: the reports (sources.yaml), a row a report and a column a field
  (lib/model/sources.py), which a start opens instead of their entries (those stay, for the
  next build's reuse);
- `source_texts`: each report's text, packed (lib/model/packed.py), by source id;
- `files`: each file read (its name as problems give it), the sha256 digest of its bytes,
  and its stamp when read (size, modification and change times in ns, inode; NULL when
  its times were too close to the read's start to be trusted), so the next build takes an
  unchanged file's entries from here, and knows it unchanged from its stamp without
  reading it (lib/store/reuse.py);
- `figure_rows`: indicator_values.csv as the loader validated it, a typed column a field
  (dates as the curator wrote them, so their precision is kept);
- `project_<part>`: the projects taken apart into columns (lib/model/projects.py SCHEMAS),
  which a start, the filters and the pages read instead of validating every project.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pydantic import BaseModel

from lib.model import schema
from lib.model.dates import FuzzyDate
from lib.model.projects import SCHEMAS

# Raised whenever a table or column changes, so a snapshot of an older layout is rebuilt.
LAYOUT_VERSION = "7"
SUFFIX = ".duckdb"


def _validator_digest() -> str:
    """A digest of the code that reads and checks the data (lib/load, lib/model): a snapshot
    made by other checks is neither served nor taken apart for a rebuild, so a check added or
    tightened applies to every file at once, not only to the files edited since."""
    lib = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([*lib.glob("load/*.py"), *lib.glob("model/*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


VALIDATOR = _validator_digest()


def of_this_code(meta: dict[str, str]) -> bool:
    """True when a snapshot's `meta` rows say it has this layout and was checked by this code."""
    return meta.get("layout") == LAYOUT_VERSION and meta.get("validator") == VALIDATOR


# entries.kind -> the model of one entry and the attribute that keys it in the Portfolio
ENTRY_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "sources": (schema.Source, "id"),
    "countries": (schema.CountryEntry, "code"),
    "places": (schema.Place, "id"),
    "organisations": (schema.Organisation, "id"),
    "programmes": (schema.Programme, "id"),
    "indicators": (schema.Indicator, "code"),
    "projects": (schema.Project, "id"),
    "settings": (schema.Settings, ""),
}

PART_TABLES = {name: f"project_{name}" for name in SCHEMAS}
DATE_COLUMNS = ("period_start", "period_end")
WHOLE_NUMBER_COLUMNS = ("value", "fewer_than")

CREATE = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE entries (
    kind VARCHAR NOT NULL, id VARCHAR NOT NULL, position INTEGER NOT NULL, body VARCHAR NOT NULL
);
CREATE TABLE project_bodies (id VARCHAR NOT NULL, position INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE source_texts (id VARCHAR PRIMARY KEY, body BLOB NOT NULL);
"""
FILES_TABLE = """
CREATE TABLE files (
    name VARCHAR PRIMARY KEY, digest BLOB NOT NULL,
    size BIGINT, mtime_ns BIGINT, ctime_ns BIGINT, inode UBIGINT
);
"""


def figures_frame(table: pa.Table) -> pd.DataFrame:
    """The figures frame of a `figure_rows` table, exactly as the loader makes it
    (lib/load/figures_and_texts.values_frame): whole numbers that may be missing as Int64,
    dates as FuzzyDate objects (or None)."""
    frame = table.to_pandas()
    for column in WHOLE_NUMBER_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    frame["line"] = frame["line"].astype("int64")
    for column in DATE_COLUMNS:
        # each distinct text parsed once (a column of 300,000 holds a few hundred), and one
        # object per text, as the loader's cached parse gives them
        codes, texts = pd.factorize(frame[column])  # a missing date is code -1: the None
        dates = np.array([*(FuzzyDate.parse(text) for text in texts), None], dtype=object)
        frame[column] = pd.Series(dates[codes], index=frame.index, dtype=object)
    return frame
