"""The open-format exports by name, for the command line and the Sources page alike: IATI XML,
HXL CSV, the flat CSV the dashboard downloads, and the Frictionless package."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lib.model.portfolio import Portfolio
from lib.query.filters import Filters, selected_values, year_bounds


@dataclass(frozen=True)
class Export:
    data: bytes
    file_name: str
    mime: str
    report: tuple[str, ...] = ()


# format -> (file name, media type)
FILES = {
    "iati": ("iati-activities.xml", "application/xml"),
    "hxl": ("figures-hxl.csv", "text/csv"),
    "csv": ("figures.csv", "text/csv"),
    "datapackage": ("datapackage.zip", "application/zip"),
}
FORMATS = tuple(FILES)


def export(
    portfolio: Portfolio, format: str, filters: Filters | None = None, language: str = "en"
) -> Export:
    """The selected data in `format`, with what the format could not hold, in words."""
    filters = filters or Filters()
    if format == "iati":
        from lib.iati.export import iati_export

        result = iati_export(portfolio, filters)
        return Export(result.xml, *FILES[format], result.report_lines)
    if format == "hxl":
        from lib.exports.hxl import hxl_csv

        return Export(hxl_csv(portfolio, filters, language), *FILES[format])
    if format == "csv":
        from lib.exports.csv_file import csv_bytes
        from lib.query.flat_table import readable_values

        frame = readable_values(portfolio, selected_values(portfolio, filters), language)
        return Export(csv_bytes(frame), *FILES[format])
    if format == "datapackage":
        from lib.exports.datapackage import package_zip

        return Export(package_zip(portfolio, filters), *FILES[format])
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def filters_from_ids(
    portfolio: Portfolio,
    chosen: dict[str, Sequence[str]],
    first_year: int | None,
    last_year: int | None,
) -> tuple[Filters, list[str]]:
    """Filters from ids as typed (repeated, or comma-separated), and a message for each id
    that is not in the data; `chosen` maps a Filters field (countries, cities...) to ids."""
    known = {
        "countries": ("country", portfolio.countries),
        "cities": ("city", portfolio.places),
        "funders": ("funder", portfolio.organisations),
        "programmes": ("programme", portfolio.programmes),
        "projects": ("project", portfolio.projects),
    }
    errors: list[str] = []
    fields: dict[str, tuple[str, ...]] = {}
    for field, typed in chosen.items():
        ids = [part.strip() for item in typed for part in item.split(",") if part.strip()]
        word, ids_known = known[field]
        errors += [f"there is no {word} '{i}' in the data" for i in ids if i not in ids_known]
        fields[field] = tuple(dict.fromkeys(ids))
    years = None
    if first_year is not None or last_year is not None:
        bounds = year_bounds(portfolio) or (first_year or last_year, first_year or last_year)
        years = (first_year or bounds[0], last_year or bounds[1])
        if years[0] > years[1]:
            errors.append(f"the first year {years[0]} is after the last year {years[1]}")
    return Filters(**fields, years=years), errors
