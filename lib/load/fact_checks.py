"""Checks that a fact is stated by its quote, or marked as the curators' own reading.

A project's status and dates, a funding line's amount, currency, grant reference and
co-funding, an organisation's role, a project's or event's place: each is stated by the
sentence quoted beside it, or named in `inferred` with a `note` saying why. A figure's
precision and period agree with its quote, and a part of a total has its total.
data/README.md ("What the validator checks") lists what these checks can and cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lib.load.date_words import missing_from_quote
from lib.load.figure_checks import check_periods
from lib.load.located import Located
from lib.load.passed_checks import NOTHING_PASSED, Passed, project_dates
from lib.load.quotes import states_number
from lib.load.script_checks import entry_scripts
from lib.load.stated import (
    CO_FUNDED,
    names_one_of,
    states_currency,
    states_text,
)
from lib.load.values_csv import ValueRow
from lib.model.problems import Problem
from lib.model.schema import INFERABLE_FIELDS

MARK_IT = "or, if it is your own reading, add `inferred: [{field}]` and a `note:` saying why"


@dataclass(frozen=True)
class Names:
    """What a project's fact checks read of the other files: each place's GeoNames id (as
    text) and names, each organisation's names. Plain values, so a worker process that
    parses project files can check them too (lib/load/many_files)."""

    places: dict[str, tuple[str | None, tuple[str, ...]]]
    organisations: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class OwnChecks:
    """The checks of a project that read it and the places' and organisations' names alone
    (its facts against its quotes, the letters of its texts), with its and its events'
    dates: made where it was parsed (a worker process, lib/load/many_files)."""

    problems: list[Problem]
    dates: dict[tuple[str, str], tuple[Any, Any]]


def names_of(entries: dict[str, list[Located]]) -> Names:
    places = {}
    for item in entries.get("places", []):
        place = item.model
        geonames = None if place.geonames_id is None else str(place.geonames_id)
        places[place.id] = (geonames, (place.names.en, place.names.bg, place.names.mk))
    organisations = {}
    for item in entries.get("organisations", []):
        organisation = item.model
        names = [organisation.names.en, organisation.names.bg, organisation.names.mk]
        if organisation.short_name is not None:
            short = organisation.short_name
            names += [short.en, short.bg, short.mk]
        organisations[organisation.id] = tuple(names)
    return Names(places, organisations)


def check_facts(
    entries: dict[str, list[Located]],
    unstated_periods: list[tuple[ValueRow, list]],
    passed: Passed = NOTHING_PASSED,
) -> list[Problem]:
    """Every fact of a project that its quote does not state and that is not marked as
    inferred; and every period of a row that no quote states (figure_checks.unstated_periods
    gives them) and that is not its event's or project's date."""
    problems: list[Problem] = []
    names = names_of(entries)
    # A project file's checks read only it and the names of places and organisations: when
    # those files and the project's are the bytes an earlier version passed them with, they
    # pass again (a curator who edits one project file of 10,000 waits for that one).
    names_known = all(
        entries.get(key) and all(item.known for item in entries[key])
        for key in ("places", "organisations")
    )
    dates: dict[tuple[str, str], tuple[Any, Any]] = {}
    for item in entries.get("projects", []):
        if item.own_checks is not None:  # where it was parsed, with these names
            problems += item.own_checks.problems
            dates.update(item.own_checks.dates)
            continue
        if names_known and item.known:
            if not (passed.rows and passed.project(item)):  # else none of its rows is checked
                dates.update(project_dates(item))
            continue
        checker = ProjectChecker(item, names, problems)
        checker.check()
        dates.update(checker.dates)
    check_periods(unstated_periods, dates, problems)
    return problems


def own_checks(item: Located, names: Names) -> OwnChecks:
    """A project's checks that read it and `names` alone, as check_facts and check_scripts
    make them."""
    checker = ProjectChecker(item, names, [])
    checker.check()
    return OwnChecks(checker.problems + entry_scripts(item, "projects"), checker.dates)


class ProjectChecker:
    """The checks of one project file; `dates` maps (project, event or "") to its dates."""

    def __init__(self, item: Located, names: Names, problems: list):
        self.item, self.names, self.problems = item, names, problems
        self.dates: dict[tuple[str, str], tuple[Any, Any]] = {}

    def complain(self, path: tuple, message: str) -> None:
        self.problems.append(self.item.problem(path, message))

    def check(self) -> None:
        project = self.item.model
        self._mark((), project)
        self._status_and_dates(project)
        for index, entry in enumerate(project.places):
            self._mark(("places", index), entry)
            if not entry.is_inferred("place") and not self._names_place(entry.place, entry.quote):
                self._unstated(("places", index, "place"), "place", "this place")
        for index, entry in enumerate(project.organisations):
            self._mark(("organisations", index), entry)
            if not entry.is_inferred("role") and not self._names_organisation(entry):
                self._unstated(("organisations", index, "role"), "role", "this organisation")
        for index, line in enumerate(project.funding):
            self._mark(("funding", index), line)
            self._funding(("funding", index), line)
        place_ids = {entry.place for entry in project.places}
        for index, link in enumerate(project.links):
            self._mark(("links", index), link)
            for end in ("from_place", "to_place"):
                if getattr(link, end) not in place_ids:
                    message = (
                        f"'{getattr(link, end)}' is not among this project's `places`: "
                        "a line on the map joins two places of the project; add it there first"
                    )
                    self.complain(("links", index, end), message)
        events = {event.id: event for event in project.events}
        for index, event in enumerate(project.events):
            self._mark(("events", index), event)
            self._event(("events", index), event, events)

    def _mark(self, path: tuple, entry: Any) -> None:
        allowed = INFERABLE_FIELDS.get(type(entry).__name__, ())
        for field in entry.inferred or ():
            if field not in allowed:
                message = f"'{field}' cannot be marked as inferred here; it can be one of: " + (
                    ", ".join(allowed)
                )
                self.complain(path + ("inferred",), message)
        note = (entry.note or "").strip()
        if entry.inferred and not note:
            message = "an inferred fact needs a `note:` saying what it rests on and why"
            self.complain(path + ("inferred",), message)

    def _unstated(self, path: tuple, field: str, what: str) -> None:
        message = (
            f"the quote does not name {what}; quote the sentence that states it, "
            + MARK_IT.format(field=field)
        )
        self.complain(path, message)

    def _status_and_dates(self, project: Any) -> None:
        stated = project.status == "not_stated" or project.status_source is not None
        if not stated and not project.is_inferred("status"):
            message = (
                f"no report is cited for `status: {project.status}`: add `status_source` "
                "(source and quote), write `status: not_stated`, " + MARK_IT.format(field="status")
            )
            self.complain(("status",), message)
        self.dates[(project.id, "")] = (project.start, project.end)
        for field in ("start", "end"):
            date = getattr(project, field)
            if date is None or project.is_inferred(field):
                continue
            if project.dates_source is None:
                message = (
                    "no report is cited for this date: add `dates_source` (source and quote), "
                    "leave the date out, " + MARK_IT.format(field=field)
                )
                self.complain((field,), message)
            else:
                self._date_in_quote((field,), date, project.dates_source.quote, field)

    def _date_in_quote(self, path: tuple, date: Any, quote: str, field: str) -> None:
        missing = missing_from_quote(date, quote)
        if missing is not None:
            message = (
                f"the quote does not write {missing} of {date}; correct the date to what the "
                "report says, " + MARK_IT.format(field=field)
            )
            self.complain(path, message)

    def _funding(self, path: tuple, line: Any) -> None:
        amount = line.amount
        if amount is not None and not line.is_inferred("amount"):
            value = int(amount.value) if amount.value.is_integer() else amount.value
            stated = (
                states_number(line.quote, value)
                if isinstance(value, int)
                else str(value) in line.quote
            )
            if not stated:
                message = (
                    f"the quote does not state the amount {value}; a budget that no report "
                    "gives is left out (never 0), " + MARK_IT.format(field="amount")
                )
                self.complain(path + ("amount", "value"), message)
            elif not states_currency(line.quote, amount.currency):
                message = (
                    f"the quote does not write the currency {amount.currency}; "
                    "quote the sentence that gives it"
                )
                self.complain(path + ("amount", "currency"), message)
        reference = line.grant_reference
        if (
            reference
            and not line.is_inferred("grant_reference")
            and not states_text(line.quote, reference)
        ):
            message = (
                f"the quote does not write the grant reference '{reference}'; copy it "
                "exactly from the report, " + MARK_IT.format(field="grant_reference")
            )
            self.complain(path + ("grant_reference",), message)
        co_funded = line.co_funded and not line.is_inferred("co_funded")
        if co_funded and not CO_FUNDED.search(line.quote):
            message = (
                "the quote does not say the project is co-funded (co-funded, "
                "съфинансиран, кофинансиран); quote the sentence that does, or leave "
                "`co_funded` out, " + MARK_IT.format(field="co_funded")
            )
            self.complain(path + ("co_funded",), message)

    def _event(self, path: tuple, event: Any, events: dict) -> None:
        self.dates[(self.item.model.id, event.id)] = (event.start, event.end)
        for field in ("start", "end"):
            date = getattr(event, field)
            if date is None or event.is_inferred(field):
                continue
            quotes = _quotes_sharing(event, field, events)
            if all(missing_from_quote(date, quote) is not None for quote in quotes):
                self._date_in_quote(path + (field,), date, event.quote, field)
        if event.place is None or event.is_inferred("place"):
            return
        quotes = _quotes_sharing(event, "place", events)
        if not any(self._names_place(event.place, quote) for quote in quotes):
            self._unstated(path + ("place",), "place", "this event's place")

    def _names_place(self, place_id: str, quote: str) -> bool:
        place = self.names.places.get(place_id)
        if place is None:
            return True  # an unknown id is reported by the cross-file checks
        geonames, names = place
        if geonames is not None and geonames in quote:
            return True  # an imported file names a location by its GeoNames id
        return names_one_of(names, quote)

    def _names_organisation(self, entry: Any) -> bool:
        names = self.names.organisations.get(entry.organisation)
        if names is None:
            return True  # an unknown id is reported by the cross-file checks
        return names_one_of(names, entry.quote)


def _quotes_sharing(event: Any, field: str, events: dict) -> list[str]:
    """The quotes of an event and of the larger events it is part of that have the same value
    of `field`: "during the forums" leaves the forums' month and place to the forums' quote."""
    quotes, current, seen = [], event, set()
    value = getattr(event, field)
    while current is not None and current.id not in seen and getattr(current, field) == value:
        seen.add(current.id)
        quotes.append(current.quote)
        current = events.get(current.part_of) if current.part_of else None
    return quotes
