"""Read indicator_values.csv: one figure a row, each with the line it stands on."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from lib.load.control_characters import in_file_text
from lib.load.control_characters import message as control_message
from lib.model.dates import FuzzyDate
from lib.model.problems import Problem

VALUES_FILE = "indicator_values.csv"
COLUMNS = (
    "project",
    "event",
    "indicator",
    "value",
    "precision",
    "period_start",
    "period_end",
    "place",
    "breakdown",
    "source",
    "quote",
)
REQUIRED = ("project", "indicator", "precision", "source", "quote")
PRECISIONS = ("exact", "approximate", "not_reported")
BREAKDOWNS = ("", "origin_city")
_WHOLE_NUMBER = re.compile(r"^[0-9]+$")
MAX_DIGITS = 12  # a trillion: more than any count a report gives


@dataclass(frozen=True)
class ValueRow:
    """One figure; `value` is None when the report says the thing happened but gives no number."""

    line: int
    project: str
    event: str
    indicator: str
    value: int | None
    precision: str
    period_start: FuzzyDate | None
    period_end: FuzzyDate | None
    place: str
    breakdown: str
    source: str
    quote: str


def read_values(text: str, file: str) -> tuple[list[ValueRow], list[Problem]]:
    """Every well-formed row and a problem for every malformed cell, header or row."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        return [], [Problem(file, 1, "(header)", f"the header line cannot be read: {error}")]
    if header is None:
        return [], [Problem(file, None, "(header)", "the file is empty; it needs a header line")]
    header = [name.strip() for name in header]
    if len(header) == 1 and header[0]:
        for separator, name in ((";", "semicolons"), ("\t", "tabs")):
            if separator in header[0]:
                message = (
                    f"the columns are separated by {name}, not commas; save the file as "
                    '"CSV UTF-8 (comma delimited)" in your spreadsheet program'
                )
                return [], [Problem(file, 1, "(header)", message)]
    missing = [name for name in COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        words = []
        if missing:
            words.append("missing column(s): " + ", ".join(missing))
        if unknown:
            words.append("unknown column(s): " + ", ".join(unknown))
        expected = ",".join(COLUMNS)
        return [], [
            Problem(file, 1, "(header)", "; ".join(words) + f". The header must be: {expected}")
        ]

    rows: list[ValueRow] = []
    seen: dict[tuple[str, ...], int] = {}
    while True:
        # A row whose quote holds a line break spans several lines: name the first of them.
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            message = _unreadable_row(error)
            problems.append(Problem(file, line, "(row)", message))
            if reader.line_num < line:
                break
            continue  # the reader starts afresh on the next line, so later rows are still checked
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if len(cells) != len(header):
            problems.append(
                Problem(
                    file,
                    line,
                    "(row)",
                    f"this row has {len(cells)} cells but the header has {len(header)}; "
                    "a comma inside a text needs the text in double quotes",
                )
            )
            continue
        if [cell.strip() for cell in cells] == header:
            message = "this row repeats the header line; delete it (two files pasted together?)"
            problems.append(Problem(file, line, "(row)", message))
            continue
        record = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        row = _row(record, line, file, problems)
        if row is None:
            continue
        # The value as a number: 12 and 012 are one figure entered twice.
        record["value"] = "" if row.value is None else str(row.value)
        key = tuple(record[name] for name in COLUMNS if name not in ("quote",))
        if key in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    "(row)",
                    f"this row repeats line {seen[key]}; a figure must be entered once",
                )
            )
            continue
        seen[key] = line
        rows.append(row)
    return rows, problems


def _unreadable_row(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell of this row is longer than {csv.field_size_limit():,} characters, far more "
            "than a quote needs; check that a double quote does not open a text that never ends"
        )
    return (
        f"this row cannot be read ({error}); check its double quotes: a text that "
        "starts with a double quote must end with one"
    )


def _row(record: dict[str, str], line: int, file: str, problems: list[Problem]) -> ValueRow | None:
    before = len(problems)

    def complain(field: str, message: str) -> None:
        problems.append(Problem(file, line, field, message))

    # One look at the row's cells at once, and at each cell only when it finds something: the
    # cells are stripped, so no carriage return ends one nor line feed starts the next, and the
    # tab between two cells is allowed (34,000 rows: 375,000 searches -> 34,000).
    if in_file_text("\t".join(record.values())) is not None:
        for name, cell in record.items():
            control = in_file_text(cell)
            if control is not None:
                complain(name, control_message(control[0]))
    if len(problems) > before:
        return None
    for name in REQUIRED:
        if not record[name]:
            complain(name, "this cell is empty but is required")
    precision = record["precision"]
    if precision and precision not in PRECISIONS:
        complain("precision", f"'{precision}' is not one of: {', '.join(PRECISIONS)}")
    value: int | None = None
    raw = record["value"]
    if raw:
        if raw.startswith("-"):
            complain("value", f"'{raw}' is negative; a count cannot be below zero")
        elif not _WHOLE_NUMBER.match(raw):
            complain("value", f"'{raw}' is not a whole number; write digits only, like 84000")
        elif len(raw) > MAX_DIGITS:  # Python would not even turn 4,300 digits into a number
            complain("value", f"'{raw}' is far too large for a count of people or things")
        else:
            value = int(raw)
        if precision == "not_reported":
            complain("value", "precision is not_reported, so the value must be left empty")
    elif precision in ("exact", "approximate"):
        complain(
            "value",
            "the value is empty; if the report gives no number, "
            "write not_reported as the precision",
        )
    if record["breakdown"] not in BREAKDOWNS:
        complain(
            "breakdown", f"'{record['breakdown']}' is not one of: empty (a total), origin_city"
        )
    if record["breakdown"] == "origin_city" and not record["place"]:
        complain("place", "a row broken down by origin_city needs the city in place")
    dates = {}
    for name in ("period_start", "period_end"):
        dates[name] = None
        if record[name]:
            try:
                dates[name] = FuzzyDate.parse(record[name])
            except ValueError as error:
                complain(name, str(error))
    if len(problems) > before:
        return None
    return ValueRow(
        line=line,
        project=record["project"],
        event=record["event"],
        indicator=record["indicator"],
        value=value,
        precision=precision,
        period_start=dates["period_start"],
        period_end=dates["period_end"],
        place=record["place"],
        breakdown=record["breakdown"],
        source=record["source"],
        quote=record["quote"],
    )
