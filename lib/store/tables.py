"""The snapshot's tables, and the version of their layout.

One DuckDB file a data version, `<fingerprint>.duckdb`, holding:
- `meta`: key/value rows (the layout version, the data's fingerprint, how many files were read);
- `entries`: every validated entry of the YAML files, one row an entry (`kind`, `id`, its
  position in its file and the entry as JSON, written and read by its pydantic model);
- `source_texts`: each report's text, by source id;
- `files`: each file read (its name as problems give it) and the sha256 digest of its bytes,
  so the next build takes an unchanged file's entries from here (lib/store/reuse.py);
- `figure_rows`: indicator_values.csv as the loader validated it, a typed column a field
  (dates as the curator wrote them, so their precision is kept).
"""

from __future__ import annotations

from pydantic import BaseModel

from lib.model import schema

# Raised whenever a table or column changes, so a snapshot of an older layout is rebuilt.
LAYOUT_VERSION = "2"
SUFFIX = ".duckdb"

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

DATE_COLUMNS = ("period_start", "period_end")
WHOLE_NUMBER_COLUMNS = ("value", "fewer_than")

CREATE = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE entries (
    kind VARCHAR NOT NULL, id VARCHAR NOT NULL, position INTEGER NOT NULL, body VARCHAR NOT NULL
);
CREATE TABLE source_texts (id VARCHAR PRIMARY KEY, text VARCHAR NOT NULL);
CREATE TABLE files (name VARCHAR PRIMARY KEY, digest BLOB NOT NULL);
"""
