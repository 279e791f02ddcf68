"""Checks across files: ids exist, quotes are in their reports, numbers are in their quotes,
dates are in order, parts add up to their wholes, and one indicator at most sizes the map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from lib.load.fact_checks import check_facts
from lib.load.figure_checks import (
    check_parts_add_up,
    check_parts_have_wholes,
    unstated_periods,
)
from lib.load.located import Located
from lib.load.passed_checks import NOTHING_PASSED, Passed, project_events
from lib.load.quotes import states_number
from lib.load.references import References
from lib.load.row_checks import check_rows_alone, check_rows_projects
from lib.load.script_checks import check_scripts
from lib.load.slips import PARENT_CIRCLE, event_circle, far_from_project, parent_circle
from lib.load.values_csv import ValueRow
from lib.load.yaml_reader import line_of
from lib.model.dates import is_before
from lib.model.problems import Problem

# Key in `broken` for the kinds (places, sources...) whose whole file could not be read.
UNREADABLE = "(unreadable)"
PROJECTS = "projects"


@dataclass(frozen=True)
class BeforeProjects:
    """The checks that read no project, made (check_before_projects) while the project files
    are parsed, and those of each project given to `check_project` as it is read;
    check_portfolio adds to `problems` the other checks that read the projects."""

    known: References
    programmes: dict[str, Any]
    unstated_periods: list[tuple[ValueRow, list]]
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # by the project's file

    @property
    def problems(self) -> list[Problem]:
        return self.known.problems

    def check_project(self, item: Located) -> None:
        """The cross-file checks of one project that read it, the list files and the texts
        alone (all but its rows'), made as it is read."""
        self.events[item.file] = _check_project(item, self.known, self.programmes, self.problems)


def check_before_projects(
    entries: dict[str, list[Located]],
    rows: list[ValueRow],
    texts: dict[str, str],
    broken: dict[str, set[str]],
    rows_complete: bool = True,
    passed: Passed = NOTHING_PASSED,
) -> BeforeProjects:
    """The cross-file checks of the list files' entries and of the rows, but for the rows'
    projects and events: what check_portfolio would find of them (see there)."""
    problems: list[Problem] = []
    lists = {key: items for key, items in entries.items() if key != PROJECTS}
    ids = {key: _unique_ids(items, problems) for key, items in lists.items()}
    for key, invalid in broken.items():
        if key != PROJECTS:
            ids[key] = ids.get(key, set()) | invalid
    known = References(ids, texts, problems, broken.get(UNREADABLE, set()))
    programmes = {item.model.id: item.model for item in entries["programmes"]}
    if not passed.lists:
        _check_lists(entries, known, programmes, problems)
    _check_map_sizer(entries.get("indicators", []), problems)
    check_rows_alone(rows, known, passed)
    if rows_complete and not passed.rows:  # the parts and wholes of unchanged rows agree
        check_parts_add_up(rows, problems)
        check_parts_have_wholes(rows, problems)
    problems += check_scripts(lists)
    return BeforeProjects(known, programmes, unstated_periods(rows, passed))


def check_portfolio(
    entries: dict[str, list[Located]],
    rows: list[ValueRow],
    texts: dict[str, str],
    broken: dict[str, set[str]],
    rows_complete: bool = True,
    passed: Passed = NOTHING_PASSED,
    before: BeforeProjects | None = None,
) -> list[Problem]:
    """Every cross-file problem; `entries` maps a file's key (places, projects...) to its
    entries, `broken` to the ids of entries already reported as invalid (and UNREADABLE to
    the kinds whose file could not be read); `rows_complete` is False when some CSV rows
    were refused, so parts cannot be checked against their wholes. The checks `passed`
    names passed with the same inputs before (lib/load/passed_checks.py): left out. The
    checks `before` the projects were read, when made then, with the same arguments, are
    not made again (each BeforeProjects is for one call)."""
    if before is None:
        before = check_before_projects(entries, rows, texts, broken, rows_complete, passed)
    known, problems = before.known, before.problems
    projects = entries[PROJECTS]
    known.ids[PROJECTS] = _unique_ids(projects, problems) | broken.get(PROJECTS, set())
    events: dict[str, dict[str, Any]] = {}
    for item in projects:
        if passed.project(item):
            # with indicator_values.csv unchanged, none of its rows is checked: no events read
            events[item.key] = {} if passed.rows else project_events(item)
        elif item.file in before.events:
            events[item.model.id] = before.events[item.file]
        else:
            events[item.model.id] = _check_project(item, known, before.programmes, problems)
    check_rows_projects(rows, events, known, passed)
    problems += check_facts(entries, before.unstated_periods, passed)
    problems += check_scripts({PROJECTS: projects})
    return problems


def _check_lists(
    entries: dict[str, list[Located]],
    known: References,
    programmes: dict[str, Any],
    problems: list[Problem],
) -> None:
    """The references and quotes of the list files' entries."""
    for item in entries["sources"]:
        known.ref(item, ("publisher",), "organisations")
        known.ref(item, ("translation_of",), "sources")
    for item in entries["places"]:
        known.ref(item, ("country",), "countries")
    for item in entries["organisations"]:
        known.ref(item, ("country",), "countries")
        known.ref(item, ("place",), "places")
        known.cited(item, ())
    for item in entries["programmes"]:
        known.ref(item, ("funder",), "organisations")
        known.ref(item, ("parent",), "programmes")
        known.cited(item, ())
        if parent_circle(item.model.id, programmes):
            problems.append(item.problem(("parent",), PARENT_CIRCLE))


def _unique_ids(items: Iterable[Located], problems: list[Problem]) -> set[str]:
    first: dict[str, Located] = {}
    for item in items:
        attribute, value = item.key_field, item.key
        if value in first:
            earlier = first[value]
            line = line_of(earlier.lines, earlier.base + (attribute,))
            where = f"line {line}" if earlier.file == item.file else f"{earlier.file}, line {line}"
            message = f"'{value}' is used twice (first in {where}); ids must be unique"
            problems.append(item.problem((attribute,), message))
        else:
            first[value] = item
    return set(first)


def _check_project(
    item: Located, known: References, programmes: dict[str, BaseModel], problems: list[Problem]
) -> dict[str, Any]:
    project = item.model
    if project.dates_source is not None:
        known.cited(item, ("dates_source",))
    if project.status_source is not None:
        known.cited(item, ("status_source",))
    _check_order(item, (), project.start, project.end, problems)
    for index, _ in enumerate(project.places):
        known.ref(item, ("places", index, "place"), "places")
        known.cited(item, ("places", index))
    for index, _ in enumerate(project.organisations):
        known.ref(item, ("organisations", index, "organisation"), "organisations")
        known.cited(item, ("organisations", index))
    for index, funding in enumerate(project.funding):
        known.ref(item, ("funding", index, "funder"), "organisations")
        known.ref(item, ("funding", index, "programme"), "programmes")
        known.cited(item, ("funding", index))
        programme = programmes.get(funding.programme or "")
        if programme is not None and programme.funder != funding.funder:
            message = (
                f"the programme `{programme.id}` is funded by `{programme.funder}`, "
                f"not `{funding.funder}`"
            )
            problems.append(item.problem(("funding", index, "funder"), message))
    for index, _ in enumerate(project.links):
        known.ref(item, ("links", index, "from_place"), "places")
        known.ref(item, ("links", index, "to_place"), "places")
        known.cited(item, ("links", index))
    events: dict[str, Any] = {}
    for index, event in enumerate(project.events):
        path = ("events", index)
        if event.id in events:
            message = f"'{event.id}' is used twice in this project; each event needs its own id"
            problems.append(item.problem(path + ("id",), message))
        events.setdefault(event.id, event)
    for index, event in enumerate(project.events):
        path = ("events", index)
        known.ref(item, path + ("place",), "places")
        known.cited(item, path)
        _check_order(item, path, event.start, event.end, problems)
        far = far_from_project(project, event.start)
        if far is not None:
            problems.append(item.problem(path + ("start",), far))
        if event.online and event.place:
            problems.append(
                item.problem(
                    path + ("online",), "an event is either online or at a place, not both"
                )
            )
        if event.part_of is not None and event.part_of not in events:
            message = f"'{event.part_of}' is not an event of this project"
            problems.append(item.problem(path + ("part_of",), message))
        elif event.part_of is not None and event_circle(event.id, events):
            message = (
                "an event cannot be part of itself, directly or through others; "
                "name the larger event it belongs to"
            )
            problems.append(item.problem(path + ("part_of",), message))
        if event.count is not None and not states_number(event.quote, event.count):
            message = (
                f"the quote does not state the number {event.count}; "
                "quote the sentence that gives it"
            )
            problems.append(item.problem(path + ("count",), message))
    for index, _ in enumerate(project.notes):
        known.cited(item, ("notes", index))
    return events


def _check_map_sizer(indicators: list[Located], problems: list[Problem]) -> None:
    """One indicator at most sizes the map's dots, and it counts people: the map calls its
    figures participants."""
    first: Located | None = None
    for item in indicators:
        if not item.model.sizes_map:
            continue
        if item.model.unit != "people":
            message = f"only a count of people can size the map's dots, not of {item.model.unit}"
            problems.append(item.problem(("sizes_map",), message))
        if first is None:
            first = item
            continue
        line = line_of(first.lines, first.base + ("sizes_map",))
        message = f"only one indicator sizes the map's dots: '{first.model.code}' (line {line})"
        problems.append(item.problem(("sizes_map",), message + " already does"))


def _check_order(item: Located, path: tuple, start: Any, end: Any, problems: list[Problem]) -> None:
    if start is not None and end is not None and is_before(end, start):
        problems.append(item.problem(path + ("end",), f"the end {end} is before the start {start}"))
