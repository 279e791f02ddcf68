"""Load a data directory whole, or not at all: every problem is reported, nothing half-loaded."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lib.load.collector import cycle_collector_paused
from lib.load.cross_checks import UNREADABLE, check_before_projects, check_portfolio
from lib.load.data_file import (
    digests_read,
    is_regular,
    linked_folder,
    names_in,
    read_data_file,
    recording_digests,
    stand_in,
)
from lib.load.fact_checks import names_of
from lib.load.figures_and_texts import read_source_texts, read_values_file, values_frame
from lib.load.known_files import CarriedRows, KnownEntries, bytes_known, known_entries
from lib.load.located import Located
from lib.load.many_files import ManyFiles
from lib.load.passed_checks import NOTHING_PASSED, Passed
from lib.load.project_files import PROJECTS, project_paths, read_projects
from lib.load.schema_errors import validated
from lib.load.values_csv import VALUES_FILE
from lib.load.yaml_reader import line_of, read_yaml
from lib.model import schema
from lib.model.portfolio import Portfolio
from lib.model.problems import Problem
from lib.model.projects import Projects, parts_of_projects

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# file name -> (top-level key, model of one entry)
LIST_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "sources.yaml": ("sources", schema.Source),
    "countries.yaml": ("countries", schema.CountryEntry),
    "places.yaml": ("places", schema.Place),
    "organisations.yaml": ("organisations", schema.Organisation),
    "programmes.yaml": ("programmes", schema.Programme),
    "indicators.yaml": ("indicators", schema.Indicator),
}
SETTINGS_FILE = "settings.yaml"  # optional: without it, every setting has its default
NAMES_FILES = ("places.yaml", "organisations.yaml")  # what a project's own checks read


@dataclass(frozen=True)
class LoadResult:
    """`portfolio` is None whenever `problems` is not empty."""

    data_dir: Path
    portfolio: Portfolio | None
    problems: tuple[Problem, ...]
    files_read: int


def data_dir_from_env() -> Path:
    """DASHBOARD_DATA_DIR when set (an NGO's own data), else the bundled data/."""
    return Path(os.environ.get("DASHBOARD_DATA_DIR") or DEFAULT_DATA_DIR)


def data_files(data_dir: Path) -> list[Path]:
    """Every file the loader reads, in a fixed order (also the cache key's input)."""
    return [data_dir / name for name in data_file_names(data_dir)]


def data_file_names(data_dir: Path) -> list[str]:
    """data_files as their paths inside `data_dir` (projects/…), text: 200,000 Path
    objects took a second of a 100,000-project rebuild."""
    names = [
        name for name in (*LIST_FILES, VALUES_FILE, SETTINGS_FILE) if is_regular(data_dir / name)
    ]
    for folder, suffix in (("projects", ".yaml"), ("sources", ".txt")):
        names += [f"{folder}/{name}" for name in names_in(data_dir / folder, suffix)]
    return names


def fingerprint(data_dir: Path, names: list[str] | None = None) -> str:
    """A hash of every data file's name and bytes: it changes exactly when the data does.
    `names` is data_file_names(data_dir) when the caller has it already. Within
    recording_digests (lib/load/data_file), a file already read is not read again: its
    recorded digest stands for the bytes that were parsed."""
    recorded = digests_read()
    digest = hashlib.sha256()
    prefix = len(str(data_dir)) + 1
    inside = str(data_dir / "-")[:-1]  # as str(data_dir / name) begins, which reads keep
    for file_name in data_file_names(data_dir) if names is None else names:
        text = inside + file_name
        name = text[prefix:]
        known = recorded.get(text)
        if known is None:
            path = Path(text)
            # A YAML or CSV file is recorded by the load that parses it, never here: one that
            # came after the load looked for it stays unrecorded, for the build to see
            # (lib/store/build.py). A report's text no source cites is read only here.
            data, problems = read_data_file(path, name, record=path.suffix == ".txt")
            # A file too large, unreadable or gone is refused by the load: its size and time
            # stand for it, so the version still changes when it does; nothing large is read.
            known = hashlib.sha256(data if data is not None else stand_in(path, problems)).digest()
        digest.update(name.encode() + b"\0" + known)
    return digest.hexdigest()


def load_portfolio(data_dir: Path, known: KnownEntries | None = None) -> LoadResult:
    """Read, validate and cross-check every file in `data_dir`; its fingerprint is that of
    the bytes read, each file read once. A file `known` from an earlier version with the
    same bytes is not parsed again (lib/load/known_files)."""
    with cycle_collector_paused(), recording_digests():
        return _load(data_dir, known)


def _load(data_dir: Path, known: KnownEntries | None) -> LoadResult:
    problems: list[Problem] = []
    if not data_dir.is_dir():
        problem = Problem(str(data_dir), None, "(folder)", "this data folder does not exist")
        return LoadResult(data_dir, None, (problem,), 0)

    folders = [linked_folder(data_dir, name) for name in ("projects", "sources")]
    problems += [problem for problem in folders if problem is not None]
    entries: dict[str, list[Located]] = {key: [] for key, _model in LIST_FILES.values()}
    # Ids of entries that exist but failed their own checks, and the kinds whose file could
    # not be read at all: other files may refer to them without a second, misleading
    # "unknown id" problem for every reference.
    broken: dict[str, set[str]] = defaultdict(set)
    paths = project_paths(data_dir, problems)
    # With no earlier version to take files from, every project file is parsed: workers begin
    # on them now, while every other file is read here (lib/load/many_files).
    with ManyFiles(paths if known is None else [], PROJECTS) as ahead:
        # First the names a project's own checks read, so that the workers have them soon.
        for name in [*NAMES_FILES, *(name for name in LIST_FILES if name not in NAMES_FILES)]:
            key, model = LIST_FILES[name]
            entries[key] = _read_list_file(data_dir, name, key, model, problems, broken, known)
            if name == NAMES_FILES[-1]:
                ahead.check_with(names_of(entries))
        before = len(problems)
        rows = read_values_file(data_dir, problems, known)
        settings = _read_settings(data_dir, problems)
        rows_complete = len(problems) == before
        texts = read_source_texts(data_dir, entries["sources"], problems, known)
        # A first read checks what reads no project while the workers parse the projects
        # (on a rebuild, which of these checks pass again is known once they are read).
        early = (
            None
            if known is not None
            else check_before_projects(entries, rows, texts, broken, rows_complete)
        )
        # and the table of figures, kept if nothing is wrong
        frame = None if early is None else values_frame(rows)
        check = None if early is None else early.check_project
        entries["projects"] = read_projects(paths, problems, broken, known, ahead, check)

    passed = (
        NOTHING_PASSED
        if known is None
        else Passed.of(entries, _unchanged(data_dir, entries, known))
    )
    if isinstance(rows, CarriedRows):  # known unchanged: the rows of the projects checked
        rows = rows.but(passed.projects) if passed.rows else read_values_file(data_dir, problems)
    problems += check_portfolio(entries, rows, texts, broken, rows_complete, passed, early)
    files = data_file_names(data_dir)
    files_read = len(files)
    if problems:
        return LoadResult(data_dir, None, tuple(sorted(set(problems), key=_order)), files_read)

    def by_id(key: str, attribute: str = "id") -> dict[str, Any]:
        return {getattr(item.model, attribute): item.model for item in entries[key]}

    portfolio = Portfolio(
        data_dir=data_dir,
        sources=by_id("sources"),
        source_texts=texts,
        countries=by_id("countries", "code"),
        places=by_id("places"),
        organisations=by_id("organisations"),
        programmes=by_id("programmes"),
        indicators=by_id("indicators", "code"),
        projects=projects_by_id(entries["projects"]),
        values=values_frame(rows) if frame is None else frame,
        fingerprint=fingerprint(data_dir, files),
        settings=settings,
    )
    return LoadResult(data_dir, portfolio, (), files_read)


def projects_by_id(located: list[Located]) -> Projects:
    """The projects by id, in the files' order: a project known unchanged is validated when
    first asked for. Here, not in lib/load/located.py, which a parsing worker imports
    (lib/load/many_files): the projects' columns import pandas, 0.35 s of the worker's start."""
    projects = Projects(
        [item.key for item in located],
        lambda _pid, at: located[at].model,
        lambda: parts_of_projects(projects),
    )
    return projects


def _unchanged(data_dir: Path, entries: dict[str, list[Located]], known: KnownEntries) -> list[str]:
    """The names of the files other than projects that the cross-file checks read and that
    have the bytes an earlier version passed with. Paths as text: 100,000 reports' Path
    objects took half a second (a path written otherwise than the read's is taken as
    changed, so its checks run: never the other way)."""
    names = [*LIST_FILES, VALUES_FILE]
    names += [f"sources/{item.model.file}" for item in entries["sources"]]
    folder = str(data_dir)
    return [name for name in names if bytes_known(f"{folder}/{name}", name, known)]


def _order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field, problem.message)


def _read_list_file(
    data_dir: Path,
    name: str,
    key: str,
    model: type[BaseModel],
    problems: list[Problem],
    broken: dict[str, set[str]],
    known: KnownEntries | None,
) -> list[Located]:
    path = data_dir / name
    if not os.path.lexists(path):
        problems.append(Problem(name, None, "(file)", "this file is missing from the data folder"))
        broken[UNREADABLE].add(key)
        return []
    reused = known_entries(path, name, known, lambda index: (key, index))
    if reused is not None:
        return reused
    document = read_yaml(path, name)
    problems += document.problems
    value = document.value
    if document.problems and value is None:
        broken[UNREADABLE].add(key)
        return []
    if not isinstance(value, dict) or list(value) != [key] or not isinstance(value[key], list):
        problems.append(_wrong_shape(name, key, value, document.lines))
        broken[UNREADABLE].add(key)
        return []
    located = []
    for index, raw in enumerate(value[key]):
        item = validated(model, raw, name, document.lines, (key, index), problems)
        if item is not None:
            located.append(item)
        elif isinstance(raw, dict):
            broken[key].add(str(raw.get("id", raw.get("code"))))
    return located


def _wrong_shape(name: str, key: str, value: Any, lines: dict) -> Problem:
    """The file is not one list named after it: say where the name is wrong, if it is."""
    message = f"the file must hold one list named `{key}:` and nothing else"
    if isinstance(value, dict):
        for other in value:
            if other != key:
                found = f"; found `{other}:` (did you mean `{key}:`?)"
                return Problem(name, line_of(lines, (other,)), other, message + found)
    return Problem(name, line_of(lines, ()), "(file)", message)


def _read_settings(data_dir: Path, problems: list[Problem]) -> schema.Settings:
    path = data_dir / SETTINGS_FILE
    if not os.path.lexists(path):  # a link, folder or pipe of that name is refused, not ignored
        return schema.Settings()
    document = read_yaml(path, SETTINGS_FILE)
    problems += document.problems
    if document.value is None:
        return schema.Settings()
    item = validated(schema.Settings, document.value, SETTINGS_FILE, document.lines, (), problems)
    return schema.Settings() if item is None else item.model
