"""Which cross-file checks a rebuild may leave out because they passed before: a check whose
every input is bytes an earlier version passed every check with, under the same validator
code (lib/store/tables.py VALIDATOR), passes again. A project file's checks read it, the ids
of sources.yaml, places.yaml, organisations.yaml and programmes.yaml, and the reports'
texts; a row of indicator_values.csv reads the row, the ids of those files and of
indicators.yaml, the texts, and its project's events and dates. When any of those changed,
the check runs, as on a first read: a rebuild reports exactly what a first read reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lib.load.values_csv import VALUES_FILE, ValueRow

if TYPE_CHECKING:  # cross_checks calls this module, so it cannot be imported at run time
    from lib.load.cross_checks import Located

# The files whose ids (and, for sources.yaml, whose reports' files) the checks read.
REFERENCED = ("sources.yaml", "places.yaml", "organisations.yaml", "programmes.yaml")
REFERENCED_BY_ROWS = (*REFERENCED, "indicators.yaml")


@dataclass(frozen=True)
class Passed:
    """`projects`: ids of the projects whose cross-file checks pass again; `rows`: True when
    indicator_values.csv is unchanged, so a row of one of those projects passes again."""

    projects: frozenset[str] = frozenset()
    rows: bool = False

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
        claims = Counter(item.model.id for item in projects)
        known = frozenset(
            item.model.id for item in projects if item.known and claims[item.model.id] == 1
        )
        return cls(known, VALUES_FILE in unchanged)

    def project(self, item: Located) -> bool:
        return item.known and item.model.id in self.projects

    def row(self, row: ValueRow) -> bool:
        return self.rows and row.project in self.projects


def project_events(project: Any) -> dict[str, Any]:
    """The project's events by id, the first of an id kept: what the cross-file checks of a
    project give for the rows' checks (lib/load/cross_checks.py), without those checks."""
    events: dict[str, Any] = {}
    for event in project.events:
        events.setdefault(event.id, event)
    return events


NOTHING_PASSED = Passed()  # a first read: every check runs
