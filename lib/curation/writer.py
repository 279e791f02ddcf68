"""Write a data folder in our curated format from plain Python data: YAML laid out as curators
write it (every text in double quotes, so YAML cannot turn NO into false or a date into a date
object), the values CSV, and the sources' texts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from lib.load.values_csv import COLUMNS, VALUES_FILE
from lib.store.atomic import write_folder_atomically
from lib.text.escape import CSV_ROW_END

HEADER = (
    "# Written by `dashboard-data import-iati`; data/README.md documents every field.\n"
    "# Check it, then edit it like any curated file.\n"
)


def yaml_text(document: dict[str, Any]) -> str:
    """Block-style YAML of dicts, lists, texts, numbers and booleans."""
    return HEADER + "".join(_lines(document, 0))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(str(value), ensure_ascii=False)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{key}:\n")
                out += _lines(item, indent + 2)
            else:
                out.append(f"{pad}{key}: {'[]' if item == [] else _scalar(item)}\n")
    else:
        for item in value:
            nested = _lines(item, indent + 2) if isinstance(item, dict) else None
            if nested:
                out.append(f"{pad}- {nested[0].lstrip()}")
                out += nested[1:]
            else:
                out.append(f"{pad}- {_scalar(item)}\n")
    return out


def values_csv(rows: list[dict[str, Any]]) -> str:
    """indicator_values.csv: the header, then one row a figure, empty cells for unknowns."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator=CSV_ROW_END)
    writer.writeheader()
    for row in rows:
        writer.writerow({name: "" if row.get(name) is None else row[name] for name in COLUMNS})
    return buffer.getvalue()


def write_data_dir(out_dir: Path, files: dict[str, str]) -> None:
    """Write each relative path's text into the new or empty `out_dir`: all files or none."""
    write_folder_atomically(out_dir, files)


def existing_data_files(out_dir: Path) -> list[str]:
    """Data files already in `out_dir`, which an import must not overwrite."""
    names = ["sources.yaml", "countries.yaml", "places.yaml", "organisations.yaml"]
    names += ["programmes.yaml", "indicators.yaml", VALUES_FILE, "projects", "sources"]
    return [name for name in names if (out_dir / name).exists()]
