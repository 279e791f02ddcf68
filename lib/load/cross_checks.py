"""Checks across files: ids exist, quotes are in their reports, numbers are in their quotes,
dates are in order, parts add up to their wholes, and one indicator at most sizes the map."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from lib.load.fact_checks import check_facts
from lib.load.figure_checks import approximate_but_exact, check_parts_add_up
from lib.load.located import Located
from lib.load.passed_checks import NOTHING_PASSED, Passed, project_events
from lib.load.quotes import NormalisedTexts, normalise, states_number
from lib.load.script_checks import check_scripts
from lib.load.slips import (
    PARENT_CIRCLE,
    composition_hint,
    event_circle,
    far_from_project,
    parent_circle,
)
from lib.load.values_csv import VALUES_FILE, ValueRow
from lib.load.yaml_reader import line_of
from lib.model.dates import is_before
from lib.model.problems import Problem

# Key in `broken` for the kinds (places, sources...) whose whole file could not be read.
UNREADABLE = "(unreadable)"


def check_portfolio(
    entries: dict[str, list[Located]],
    rows: list[ValueRow],
    texts: dict[str, str],
    broken: dict[str, set[str]],
    rows_complete: bool = True,
    passed: Passed = NOTHING_PASSED,
) -> list[Problem]:
    """Every cross-file problem; `entries` maps a file's key (places, projects...) to its
    entries, `broken` to the ids of entries already reported as invalid (and UNREADABLE to
    the kinds whose file could not be read); `rows_complete` is False when some CSV rows
    were refused, so parts cannot be checked against their wholes. The checks `passed`
    names passed with the same inputs before (lib/load/passed_checks.py): left out."""
    problems: list[Problem] = []
    ids = {key: _unique_ids(items, problems) for key, items in entries.items()}
    for key, invalid in broken.items():
        ids[key] = ids.get(key, set()) | invalid
    known = _Known(ids, texts, problems, broken.get(UNREADABLE, set()))
    programmes = {item.model.id: item.model for item in entries["programmes"]}
    if not passed.lists:
        _check_lists(entries, known, programmes, problems)
    events: dict[str, dict[str, Any]] = {}
    for item in entries["projects"]:
        if passed.project(item):
            # with indicator_values.csv unchanged, none of its rows is checked: no events read
            events[item.key] = {} if passed.rows else project_events(item)
        else:
            events[item.model.id] = _check_project(item, known, programmes, problems)
    _check_map_sizer(entries.get("indicators", []), problems)
    _check_rows(rows, events, known, problems, passed)
    if rows_complete and not passed.rows:  # the parts and wholes of unchanged rows agree
        check_parts_add_up(rows, problems)
    problems += check_facts(entries, rows, rows_complete, passed)
    problems += check_scripts(entries)
    return problems


def _check_lists(
    entries: dict[str, list[Located]],
    known: _Known,
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


class _Known:
    """Ids that exist, and the reports' texts, for reference and quote checks."""

    def __init__(
        self,
        ids: dict[str, set[str]],
        texts: dict[str, str],
        problems: list[Problem],
        unreadable: set[str],
    ):
        self.ids = ids
        self.texts = NormalisedTexts(texts)
        self.problems = problems
        self.unreadable = unreadable

    def exists(self, kind: str, value: str) -> bool:
        """True when the id is known, or cannot be checked because its file is unreadable
        (that file's own problem is reported; one per reference would bury it)."""
        return kind in self.unreadable or value in self.ids.get(kind, set())

    def ref(self, item: Located, path: tuple, kind: str) -> None:
        value = _get(item.model, path)
        if value is not None and not self.exists(kind, value):
            self.problems.append(item.problem(path, _unknown(value, kind)))

    def cited(self, item: Located, path: tuple) -> None:
        cited = _get(item.model, path) if path else item.model
        source_path, quote_path = path + ("source",), path + ("quote",)
        if not self.exists("sources", cited.source):
            self.problems.append(item.problem(source_path, _unknown(cited.source, "sources")))
        elif cited.source in self.texts and normalise(cited.quote) not in self.texts[cited.source]:
            message = (
                f"this quote is not in the report `{cited.source}`; copy it exactly from the report"
            )
            hint = composition_hint(cited.quote, self.texts[cited.source])
            self.problems.append(item.problem(quote_path, message + hint))


def _unknown(value: str, kind: str) -> str:
    file = {"projects": "projects/", "indicators": "indicators.yaml"}.get(kind, f"{kind}.yaml")
    return f"'{value}' is not an id in {file}; check the spelling or add it there first"


def _get(model: Any, path: tuple) -> Any:
    for step in path:
        model = model[step] if isinstance(step, int) else getattr(model, step)
    return model


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
    item: Located, known: _Known, programmes: dict[str, BaseModel], problems: list[Problem]
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


def _check_rows(
    rows: list[ValueRow],
    events: dict[str, dict[str, Any]],
    known: _Known,
    problems: list[Problem],
    passed: Passed,
) -> None:
    file = VALUES_FILE

    def complain(row: ValueRow, field: str, message: str) -> None:
        problems.append(Problem(file, row.line, field, message))

    for row in rows:
        if passed.row(row):
            continue
        if not known.exists("projects", row.project):
            complain(row, "project", _unknown(row.project, "projects"))
        elif row.project in events and row.event and row.event not in events.get(row.project, {}):
            complain(row, "event", f"'{row.event}' is not an event of the project `{row.project}`")
        if not known.exists("indicators", row.indicator):
            complain(row, "indicator", _unknown(row.indicator, "indicators"))
        if row.place and not known.exists("places", row.place):
            complain(row, "place", _unknown(row.place, "places"))
        if not known.exists("sources", row.source):
            complain(row, "source", _unknown(row.source, "sources"))
        elif row.source in known.texts and normalise(row.quote) not in known.texts[row.source]:
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
