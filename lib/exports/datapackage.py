"""The figures as a Frictionless data package: data/datapackage.json (the Table Schema of
indicator_values.csv, its licence and sources) with the figures the filters select, as a ZIP."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pandas as pd

from lib.curation.writer import values_csv
from lib.load.audience import SUPPRESSED
from lib.load.data_file import read_data_file
from lib.load.loader import DEFAULT_DATA_DIR
from lib.load.values_csv import COLUMNS, VALUES_FILE
from lib.model.portfolio import Portfolio
from lib.model.sources import source_column
from lib.query.filters import Filters, selected_values
from lib.query.names import filters_in_words

DESCRIPTOR = "datapackage.json"


def package_descriptor(portfolio: Portfolio, filters: Filters) -> dict[str, Any]:
    """The data folder's descriptor (the bundled one when the folder has none), listing this
    data set's reports as its sources and saying which figures a filtered copy holds."""
    # The folder's own only when it is a regular file: a link could publish any file.
    own, _ = read_data_file(portfolio.data_dir / DESCRIPTOR, DESCRIPTOR)
    bundled = (DEFAULT_DATA_DIR / DESCRIPTOR).read_bytes
    descriptor = json.loads((own if own is not None else bundled()).decode("utf-8"))
    reports = [source_column(portfolio.sources, name) for name in ("title", "url", "file")]
    descriptor["sources"] = [
        {"title": title, "path": url or f"sources/{file}"}
        for title, url, file in zip(*reports, strict=True)
    ]
    if (portfolio.values["precision"] == SUPPRESSED).any():
        _allow_suppressed(descriptor, portfolio.settings.small_count_threshold)
    if filters.active:
        words = filters_in_words(portfolio, filters)
        descriptor["description"] += f"\n\nThis copy holds only the figures selected by: {words}."
    return descriptor


def _allow_suppressed(descriptor: dict[str, Any], threshold: int) -> None:
    """The public copy's figures may be small counts withheld by lib/audience: say so."""
    for resource in descriptor.get("resources", []):
        for field in resource.get("schema", {}).get("fields", []):
            if field.get("name") == "precision":
                field["constraints"]["enum"] = [*field["constraints"]["enum"], SUPPRESSED]
    descriptor["description"] += (
        f"\n\nThis is the public copy: a count of vulnerable people below {threshold} has an "
        "empty value, precision suppressed and its quote withheld (it is fewer than "
        f"{threshold}); where that count is a part of a total, one more part is withheld too."
    )


def package_zip(portfolio: Portfolio, filters: Filters | None = None) -> bytes:
    """datapackage.json, indicator_values.csv (the selected figures) and the reports' texts."""
    filters = filters or Filters()
    descriptor = package_descriptor(portfolio, filters)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DESCRIPTOR, json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
        archive.writestr(VALUES_FILE, values_csv(_rows(selected_values(portfolio, filters))))
        reports = [source_column(portfolio.sources, name) for name in ("id", "file")]
        for sid, file in zip(*reports, strict=True):
            archive.writestr(f"sources/{file}", portfolio.source_texts[sid])
    return buffer.getvalue()


def _rows(values: pd.DataFrame) -> list[dict[str, Any]]:
    """The figures as written in indicator_values.csv: dates as written, unknowns empty."""
    rows = []
    for row in values[list(COLUMNS)].to_dict("records"):
        rows.append({name: "" if pd.isna(value) else str(value) for name, value in row.items()})
    return rows
