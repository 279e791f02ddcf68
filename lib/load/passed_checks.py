"""Which cross-file checks a rebuild may leave out because they passed before: a check whose
every input is bytes an earlier version passed every check with, under the same validator
code (lib/store/tables.py VALIDATOR), passes again. A project file's checks read it, the ids
of sources.yaml, places.yaml, organisations.yaml and programmes.yaml, and the reports'
texts; a row of indicator_values.csv reads the row, the ids of those files and of
indicators.yaml, the texts, and its project's events and dates; a list file's entry reads
it, the list files and the texts. When any of those changed, the check runs, as on a first
read: a rebuild reports exactly what a first read reports. What a check that is left out
would have read of a project known unchanged (its id, its events' ids, its dates) comes
without validating it (lib/load/located.py KnownProject)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lib.load.located import Dates, KnownProject, Located
from lib.load.values_csv import VALUES_FILE, ValueRow

# The files whose ids (and, for sources.yaml, whose reports' files) the checks read.
REFERENCED = ("sources.yaml", "places.yaml", "organisations.yaml", "programmes.yaml")
REFERENCED_BY_ROWS = (*REFERENCED, "indicators.yaml")
# Every list file: their entries' checks read only these and the reports' texts.
LISTS = (*REFERENCED_BY_ROWS, "countries.yaml")


@dataclass(frozen=True)
class Passed:
    """`projects`: ids of the projects whose cross-file checks pass again; `rows`: True when
    indicator_values.csv is unchanged, so a row of one of those projects passes again;
    `lists`: True when every list file and report text is unchanged, so the checks of
    their entries (references, quotes) pass again."""

    projects: frozenset[str] = frozenset()
    rows: bool = False
    lists: bool = False

    @classmethod
    def of(cls, entries: dict[str, list[Located]], unchanged: Iterable[str]) -> Passed:
        """From the names of the files read with the bytes an earlier version passed with."""
        unchanged = set(unchanged)
        texts = (f"sources/{item.model.file}" for item in entries.get("sources", []))
        if not set(REFERENCED_BY_ROWS) <= unchanged or not all(t in unchanged for t in texts):
            return cls()
        projects = entries.get("projects", [])
        # A known project's id claimed by another file too (a problem of its own) may stand
        # for that file's events: its rows are checked again.
        claims = Counter(item.key for item in projects)
        known = frozenset(item.key for item in projects if item.known and claims[item.key] == 1)
        return cls(known, VALUES_FILE in unchanged, set(LISTS) <= unchanged)

    def project(self, item: Located) -> bool:
        return item.known and item.key in self.projects

    def row(self, row: ValueRow) -> bool:
        return self.rows and row.project in self.projects


def project_events(item: Located) -> dict[str, Any]:
    """The project's events by id, the first of an id kept: what the cross-file checks of a
    project give for the rows' checks (lib/load/cross_checks.py), without those checks."""
    if isinstance(item.given, KnownProject):
        return item.given.events()
    events: dict[str, Any] = {}
    for event in item.model.events:
        events.setdefault(event.id, event)
    return events


def project_dates(item: Located) -> Dates:
    """The project's and its events' dates, as its fact checks note them for the rows'
    period checks (lib/load/fact_checks.py), without those checks."""
    if isinstance(item.given, KnownProject):
        return item.given.dates()
    project = item.model
    dates = {(project.id, ""): (project.start, project.end)}
    for event in project.events:
        dates[(project.id, event.id)] = (event.start, event.end)
    return dates


NOTHING_PASSED = Passed()  # a first read: every check runs
