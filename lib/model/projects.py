"""A portfolio's projects: a read-only mapping of id -> Project (`Projects`), and the same
projects taken apart into columns (`ProjectParts`), which is what anything that looks at
every project reads: the filters' index, the public audience, the pages' whole-portfolio
tables.

100,000 projects as pydantic objects took 2.3 GB and 5 to 8 s to validate from a snapshot at
every start, to give the pages a few fields of each. A snapshot therefore stores the parts as
tables, and its projects are validated from their JSON one at a time, when a page asks for one
(the last KEPT of them kept). A portfolio read from the YAML files holds its validated
projects and takes them apart when first asked; both ways give identical parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd
import pyarrow as pa

from lib.model.languages import LANGUAGE_CODES
from lib.model.lazy import LazyEntries
from lib.model.membership import is_in
from lib.model.packed import unpack
from lib.model.schema import Project

# validated projects a lazily opened mapping keeps, the least recently used dropped: at most
# KEPT, within KEPT_BYTES of their estimated size (3,700 of the synthetic ones, 1,600 like
# data/'s CONNECTION network)
KEPT = 4096
KEPT_BYTES = 48 * 1024 * 1024

_TEXT, _NUMBER = pa.string(), pa.float64()
# Each table's columns and their types. Dates are text as the curator wrote them (a
# FuzzyDate's str), None when not given; a child table's rows come in the order of the
# projects' ids, each project's in its file's order.
SCHEMAS: dict[str, pa.Schema] = {
    "projects": pa.schema(
        [("id", _TEXT), ("published", pa.bool_()), ("status", _TEXT), ("start", _TEXT),
         ("end", _TEXT), *((f"title_{code}", _TEXT) for code in LANGUAGE_CODES),
         ("dates_source", _TEXT), ("dates_quote", _TEXT)]
    ),
    "places": pa.schema(
        [("project", _TEXT), ("place", _TEXT), ("role", _TEXT), ("source", _TEXT)]
    ),
    "organisations": pa.schema([("project", _TEXT), ("organisation", _TEXT), ("role", _TEXT)]),
    "funding": pa.schema(
        [("project", _TEXT), ("line", pa.int64()), ("funder", _TEXT), ("programme", _TEXT),
         ("amount_value", _NUMBER), ("currency", _TEXT)]
    ),
    # a link's report, quote, and whether its kind is the curators' reading (with their
    # note): the map writes them under each line it draws, without opening its project
    "links": pa.schema(
        [("project", _TEXT), ("from_place", _TEXT), ("to_place", _TEXT), ("kind", _TEXT),
         ("source", _TEXT), ("quote", _TEXT), ("kind_inferred", pa.bool_()), ("note", _TEXT)]
    ),
    "events": pa.schema(
        [("project", _TEXT), ("at", pa.int64()), ("id", _TEXT), ("place", _TEXT),
         ("start", _TEXT), ("end", _TEXT), ("type", _TEXT),
         *((f"title_{code}", _TEXT) for code in LANGUAGE_CODES), ("online", pa.bool_()),
         ("status", _TEXT), ("part_of", _TEXT), ("count", pa.int64()), ("source", _TEXT),
         ("quote", _TEXT)]
    ),
    # the reports a project's own facts (its figures apart) cite, and how many of them cite
    # each (`uses`): `counted` when the Sources page counts them as citations (as
    # lib/query/citations.project_uses lists them), every one when the public audience keeps
    # the reports its projects cite. A row a report and project, in the order first cited:
    # a row a fact was a million rows at 100,000 projects.
    "facts": pa.schema(
        [("project", _TEXT), ("source", _TEXT), ("counted", pa.bool_()), ("uses", pa.int64())]
    ),
}  # fmt: skip


@dataclass(frozen=True)
class ProjectParts:
    """Every project's fields that pages read for all of them, a frame a table of SCHEMAS."""

    projects: pd.DataFrame  # one row a project, sorted by id
    places: pd.DataFrame
    organisations: pd.DataFrame
    funding: pd.DataFrame
    links: pd.DataFrame
    events: pd.DataFrame
    facts: pd.DataFrame

    @classmethod
    def from_tables(cls, tables: Mapping[str, pa.Table]) -> ProjectParts:
        """Parts from Arrow tables of SCHEMAS (a snapshot's), as `parts_of_projects` makes them."""
        return cls(**{name: _frame(tables[name].cast(SCHEMAS[name])) for name in SCHEMAS})

    def tables(self) -> dict[str, pa.Table]:
        """Each part as an Arrow table of its schema, to be stored."""
        return {
            name: pa.Table.from_pandas(getattr(self, name), SCHEMAS[name], preserve_index=False)
            for name in SCHEMAS
        }

    def only(self, ids: Iterable[str]) -> ProjectParts:
        """The parts of the projects `ids`, in the same order."""
        wanted = list(ids)
        return ProjectParts(
            **{
                part.name: _kept(
                    getattr(self, part.name), "id" if part.name == "projects" else "project", wanted
                )
                for part in fields(self)
            }
        )


def _kept(frame: pd.DataFrame, column: str, ids: list[str]) -> pd.DataFrame:
    return frame[is_in(frame[column], ids)].reset_index(drop=True)


def _frame(table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas()
    if "count" in frame:  # a whole number that may be missing: Int64, never a float
        frame["count"] = frame["count"].astype("Int64")
    return frame


def parts_of_projects(projects: Mapping[str, Project]) -> ProjectParts:
    """The parts of validated projects: one walk of every project."""
    return ProjectParts.from_tables(part_tables(projects))


def part_tables(projects: Mapping[str, Project]) -> dict[str, pa.Table]:
    """The parts of validated projects as Arrow tables of SCHEMAS, as a snapshot stores them
    (lib/store/build.py writes these, not frames made of them and then made back)."""
    rows: dict[str, dict[str, list]] = {
        name: {column: [] for column in schema.names} for name, schema in SCHEMAS.items()
    }

    def add(name: str, *values: Any) -> None:
        for column, value in zip(rows[name].values(), values, strict=True):
            column.append(value)

    for pid in sorted(projects):
        project = projects[pid]
        titles = (project.title.get(code) for code in LANGUAGE_CODES)
        dates = project.dates_source
        add("projects", pid, project.published, project.status, _text(project.start),
            _text(project.end), *titles, dates and dates.source, dates and dates.quote)  # fmt: skip
        for entry in project.places:
            add("places", pid, entry.place, entry.role, entry.source)
        for entry in project.organisations:
            add("organisations", pid, entry.organisation, entry.role)
        for line, funding in enumerate(project.funding):
            amount = funding.amount
            add("funding", pid, line, funding.funder, funding.programme,
                amount.value if amount else None, amount.currency if amount else None)  # fmt: skip
        for link in project.links:
            add("links", pid, link.from_place, link.to_place, link.kind, link.source,
                link.quote, link.is_inferred("kind"), link.note)  # fmt: skip
        for at, event in enumerate(project.events):
            add("events", pid, at, event.id, event.place, _text(event.start), _text(event.end),
                event.type, *(event.title.get(code) for code in LANGUAGE_CODES), event.online,
                event.status, event.part_of, event.count, event.source, event.quote)  # fmt: skip
        for (source, counted), uses in Counter(_facts(project)).items():
            add("facts", pid, source, counted, uses)
    return {name: pa.table(columns, SCHEMAS[name]) for name, columns in rows.items()}


def _text(date: object) -> str | None:
    return None if date is None else str(date)


def _facts(project: Project) -> Iterator[tuple[str, bool]]:
    """(report, counted) of each of the project's own facts, in project_uses' order; a
    link that is not inferred is cited but not counted (the Sources page lists it under its
    places)."""
    for cited in (project.status_source, project.dates_source):
        if cited is not None:
            yield cited.source, True
    for group in (project.places, project.organisations, project.funding, project.events):
        for entry in group:
            yield entry.source, True
    for link in project.links:
        yield link.source, bool(link.inferred)
    for note in project.notes:
        yield note.source, True


class Projects(LazyEntries[Project]):
    """id -> Project, in the data's order, with the projects' `parts`. Read-only."""

    def __init__(
        self,
        ids: Iterable[str],
        find: Callable[[str, int], Project],
        parts: Callable[[], ProjectParts],
        kept: int = 0,
        find_many: Callable[[list[tuple[str, int]], bool], list[Project]] | None = None,
    ) -> None:
        super().__init__(ids, find, kept, find_many, KEPT_BYTES if kept else 0)
        self._make_parts = parts
        self._parts: ProjectParts | None = None

    @classmethod
    def held(cls, projects: Mapping[str, Project]) -> Projects:
        """Projects already validated (read from the YAML files)."""
        if isinstance(projects, Projects):
            return projects
        return cls(projects, lambda pid, _at: projects[pid], lambda: parts_of_projects(projects))

    @classmethod
    def stored(
        cls,
        ids: list[str],
        packed: Callable[[int], bytes],
        parts: ProjectParts,
        packed_many: Callable[[list[int]], list[bytes]] | None = None,
    ) -> Projects:
        """Projects of a snapshot: each validated from its JSON when first asked for;
        `packed(position)` reads the JSON (packed: lib/model/packed.py) of the project at
        that position in the order of `ids`, `packed_many(positions)` those of several."""

        def read(body: bytes) -> Project:
            return Project.model_validate_json(unpack(body))

        def read_many(wanted: list[tuple[str, int]], _keep: bool) -> list[Project]:
            assert packed_many is not None
            return [read(body) for body in packed_many([at for _pid, at in wanted])]

        return cls(
            ids,
            lambda _pid, at: read(packed(at)),
            lambda: parts,
            kept=KEPT,
            find_many=read_many if packed_many is not None else None,
        )

    def only(
        self,
        ids: Iterable[str],
        change: Callable[[Project], Project] | None = None,
        parts: ProjectParts | None = None,
    ) -> Projects:
        """The projects `ids` (in this mapping's order), each passed through `change`.
        `parts`, when given, are their parts as `change` leaves them (what it does to a
        project, done to the columns: the public audience's withheld quotes); else they are
        this mapping's parts of them, taken when first asked for."""
        wanted = set(ids)
        chosen = [pid for pid in self._position if pid in wanted]
        every = len(chosen) == len(self)  # every project (the public's, all published)

        def made_parts() -> ProjectParts:
            return parts if parts is not None else self.parts.only(chosen)

        listed = self if every else chosen
        if change is None:
            return Projects(
                listed,
                lambda pid, _at: self[pid],
                made_parts,
                find_many=lambda wanted, keep: self.many((pid for pid, _ in wanted), keep),
            )
        return Projects(
            listed,
            lambda pid, _at: change(self[pid]),
            made_parts,
            kept=KEPT,
            find_many=lambda wanted, keep: [
                change(p) for p in self.many((pid for pid, _ in wanted), keep)
            ],
        )

    @property
    def parts(self) -> ProjectParts:
        with self._lock:
            if self._parts is None:
                self._parts = self._make_parts()
            return self._parts

    def __repr__(self) -> str:
        return f"Projects({len(self)} projects)"


def parts_of(projects: Mapping[str, Project]) -> ProjectParts:
    """The parts of a portfolio's projects, whatever mapping holds them (a test may give a
    plain dict: its parts are made for each call)."""
    return Projects.held(projects).parts
