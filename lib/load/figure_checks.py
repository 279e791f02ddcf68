"""Checks of the figures in indicator_values.csv against their quotes and their projects:
an exact figure whose quote says "about", a period its quote does not write (nor its
event's or project's dates), a part by city with no whole beside it, and parts that do not
add up to their whole."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lib.load.date_words import missing_from_quote
from lib.load.passed_checks import Passed
from lib.load.stated import approximation_before
from lib.load.values_csv import VALUES_FILE, ValueRow
from lib.model.problems import Problem


def approximate_but_exact(row: ValueRow) -> Problem | None:
    """An exact figure whose quote makes it approximate ("about 40"). Asked by the row checks
    (lib/load/cross_checks) right after they look for the number in the same quote, whose
    text without its dates is then at hand (lib/load/date_words keeps the last few)."""
    if row.value is None or row.precision != "exact":
        return None
    word = approximation_before(row.quote, row.value)
    if word is None:
        return None
    message = (
        f"the quote says '{word} {row.value}': the figure is approximate; "
        "write `approximate` in `precision`"
    )
    return Problem(VALUES_FILE, row.line, "precision", message)


def unstated_periods(rows: list[ValueRow], passed: Passed) -> list[tuple[ValueRow, list]]:
    """The rows to check whose period the row's quote does not write, nor the quote of
    another row of the same figure and period (a city's part of a stated total), each with
    what of its dates is missing (as _unstated_period gives it). Read of the rows alone:
    made before the projects are (lib/load/cross_checks)."""
    keys = {_period_key(row) for row in rows if not passed.row(row)}
    stated: set[tuple] = set()
    found_in: list[tuple[ValueRow, tuple, list]] = []
    for row in rows:
        key = _period_key(row)
        if key not in keys:
            continue
        found = _unstated_period(row)
        if not found:
            stated.add(key)
        elif not passed.row(row):
            found_in.append((row, key, found))
    return [(row, found) for row, key, found in found_in if key not in stated]


def check_periods(
    unstated: list[tuple[ValueRow, list]],
    dates: dict[tuple[str, str], tuple[Any, Any]],
    problems: list[Problem],
) -> None:
    """A period no quote states is stated by its event's or project's dates, or wrong."""
    for row, found in unstated:
        if (row.project, "") not in dates:
            continue  # the project's file is broken or missing: its own problem is reported
        known = {dates.get((row.project, row.event or ""), (None, None))}
        known.add(dates.get((row.project, ""), (None, None)))
        for field, date, missing in found:
            if any(date in pair for pair in known):
                continue
            message = (
                f"the quote does not write {missing} of {date}, nor is it the date of the "
                "row's event or project; correct it to what the report says, or leave it out"
            )
            problems.append(Problem(VALUES_FILE, row.line, field, message))


def _period_key(row: ValueRow) -> tuple:
    return (row.project, row.event, row.indicator, str(row.period_start), str(row.period_end))


def _unstated_period(row: ValueRow) -> list[tuple[str, Any, str]]:
    """(field, date, what is missing) for each date of the row's period its quote does not write."""
    found = []
    for field in ("period_start", "period_end"):
        date = getattr(row, field)
        missing = missing_from_quote(date, row.quote) if date is not None else None
        if missing is not None:
            found.append((field, date, missing))
    return found


def check_parts_have_wholes(rows: list[ValueRow], problems: list[Problem]) -> None:
    """A part (a city's share) with no whole of the same project, event, indicator and period
    would count in no total: the report's total must be entered too."""
    wholes: set[tuple] = set()
    parts: dict[tuple, list[ValueRow]] = defaultdict(list)
    for row in rows:
        key = (row.project, row.event, row.indicator, str(row.period_start), str(row.period_end))
        if row.breakdown:
            parts[key].append(row)
        elif not row.place:
            wholes.add(key)
    for key, group in parts.items():
        if key in wholes:
            continue
        first = group[0]
        message = (
            f"this is a part of a total ({first.breakdown}), but there is no row of the whole "
            f"(`{first.indicator}` for the same project, event and period, with no place and "
            "no breakdown); add the report's total, or leave `breakdown` empty if the report "
            "gives no total"
        )
        problems.append(Problem(VALUES_FILE, first.line, "breakdown", message))


def check_parts_add_up(rows: list[ValueRow], problems: list[Problem]) -> None:
    """Where a report gives a whole and its parts (259 = 132 + 127), both must agree."""
    groups: dict[tuple, list[ValueRow]] = defaultdict(list)
    for row in rows:
        key = (row.project, row.event, row.indicator, str(row.period_start), str(row.period_end))
        groups[key].append(row)
    for group in groups.values():
        wholes = [row for row in group if not row.breakdown and not row.place]
        parts = [row for row in group if row.breakdown]
        if len(wholes) != 1 or not parts or any(row.value is None for row in parts + wholes):
            continue
        whole = wholes[0]
        total = sum(row.value for row in parts)
        exact = all(row.precision == "exact" for row in parts + wholes)
        if (exact and total != whole.value) or total > whole.value:
            listed = " + ".join(str(row.value) for row in parts)
            lines = ", ".join(str(row.line) for row in parts)
            message = f"the parts on lines {lines} add up to {listed} = {total}, not {whole.value}"
            problems.append(Problem(VALUES_FILE, whole.line, "value", message))
