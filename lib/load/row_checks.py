"""The checks of indicator_values.csv's rows, in two parts: those that read a row with the
list files and the reports' texts alone, made while the project files are still being
parsed (by worker processes, lib/load/many_files), and those that read its project."""

from __future__ import annotations

from typing import Any

from lib.load.figure_checks import approximate_but_exact
from lib.load.passed_checks import Passed
from lib.load.quotes import states_number
from lib.load.references import References, unknown
from lib.load.slips import composition_hint
from lib.load.values_csv import VALUES_FILE, ValueRow
from lib.model.dates import is_before
from lib.model.problems import Problem


def check_rows_alone(rows: list[ValueRow], known: References, passed: Passed) -> None:
    """Each row's indicator, place and source exist, its quote is in its report and states
    its figure, as exactly as its precision says, and its period is in order."""
    problems = known.problems

    def complain(row: ValueRow, field: str, message: str) -> None:
        problems.append(Problem(VALUES_FILE, row.line, field, message))

    for row in rows:
        if passed.row(row):
            continue
        if not known.exists("indicators", row.indicator):
            complain(row, "indicator", unknown(row.indicator, "indicators"))
        if row.place and not known.exists("places", row.place):
            complain(row, "place", unknown(row.place, "places"))
        if not known.exists("sources", row.source):
            complain(row, "source", unknown(row.source, "sources"))
        elif row.source in known.texts and not known.texts.holds(row.source, row.quote):
            message = f"this quote is not in the report `{row.source}`; copy it exactly"
            complain(row, "quote", message + composition_hint(row.quote, known.texts[row.source]))
        if row.value is not None and not states_number(row.quote, row.value):
            what = "a zero" if row.value == 0 else f"the number {row.value}"
            complain(
                row,
                "value",
                f"the quote does not state {what}; a figure must be in its quote "
                "(unknown is not zero: use not_reported)",
            )
        approximate = approximate_but_exact(row)
        if approximate is not None:
            problems.append(approximate)
        if row.period_start and row.period_end and is_before(row.period_end, row.period_start):
            complain(
                row,
                "period_end",
                f"the end {row.period_end} is before the start {row.period_start}",
            )


def check_rows_projects(
    rows: list[ValueRow],
    events: dict[str, dict[str, Any]],
    known: References,
    passed: Passed,
) -> None:
    """Each row's project exists, and its event is one of that project's."""
    for row in rows:
        if passed.row(row):
            continue
        if not known.exists("projects", row.project):
            message = unknown(row.project, "projects")
            known.problems.append(Problem(VALUES_FILE, row.line, "project", message))
        elif row.project in events and row.event and row.event not in events.get(row.project, {}):
            message = f"'{row.event}' is not an event of the project `{row.project}`"
            known.problems.append(Problem(VALUES_FILE, row.line, "event", message))
