"""Read the project files: one project a file, named after its id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from lib.load.data_file import FolderFiles, files_in, names_in
from lib.load.fact_checks import Names, own_checks
from lib.load.known_files import KnownEntries, known_projects
from lib.load.located import Located
from lib.load.many_files import ManyFiles, Parsed
from lib.load.schema_errors import validated
from lib.model import schema
from lib.model.problems import Problem

PROJECTS = "projects/"  # how problems name a project file: projects/<id>.yaml


def project_paths(data_dir: Path, problems: list[Problem]) -> FolderFiles:
    """The files of projects/ to read, by name; a .yml file is a problem, not read."""
    folder = data_dir / "projects"
    for stray in files_in(folder, ".yml"):
        message = "project files must end in .yaml; rename it, or it is not read"
        problems.append(Problem(f"{PROJECTS}{stray.name}", None, "(file)", message))
    # every entry, so an odd one is refused by name
    return FolderFiles(folder, names_in(folder, ".yaml", regular_only=False))


def read_projects(
    paths: FolderFiles,
    problems: list[Problem],
    broken: dict[str, set[str]],
    known: KnownEntries | None,
    ahead: ManyFiles,
    check: Callable[[Located], None] | None = None,
) -> list[Located]:
    """The projects of `paths`: a file whose bytes are `known` is not parsed again; the others
    are parsed by `ahead` when it was given them (all of them, with no `known`), else here.
    Each project read is given to `check` as it comes."""
    if known is None:
        located = _first_read(problems, broken, ahead, check)
    else:
        reused = known_projects(paths, PROJECTS, known)
        to_parse = [at for at, entries in enumerate(reused) if entries is None]
        many = ManyFiles([paths[at] for at in to_parse], PROJECTS)
        documents = iter(many)
        located = []
        for at, entries in enumerate(reused):
            if entries is not None:
                located += entries
                continue
            item = _project(paths[at], next(documents), problems, broken, None)
            if item is not None:
                located.append(item)
        many.close()
    if not located and not any(p.file.startswith(PROJECTS) for p in problems):
        problems.append(Problem(PROJECTS, None, "(folder)", "there are no project files"))
    return located


def _first_read(
    problems: list[Problem],
    broken: dict[str, set[str]],
    ahead: ManyFiles,
    check: Callable[[Located], None] | None,
) -> list[Located]:
    """Every project, each chunk of files validated and checked as it comes to hand (a
    worker's while the workers parse on), in the files' order."""
    names = ahead.names  # given before the projects are read, or not at all
    chunks: dict[int, list[Located]] = {}
    for index, paths, parsed in ahead.in_any_order():
        located = chunks[index] = []
        for path, document in zip(paths, parsed, strict=True):
            item = _project(path, document, problems, broken, names)
            if item is not None:
                located.append(item)
                if check is not None:
                    check(item)
    return [item for index in sorted(chunks) for item in chunks[index]]


def _project(
    path: Path,
    parsed: Parsed,
    problems: list[Problem],
    broken: dict[str, set[str]],
    names: Names | None,
) -> Located | None:
    """The project of one file, or None with its problems; its own checks made here when
    they were not where it was parsed and the `names` they read are given."""
    name = f"{PROJECTS}{path.name}"
    document = parsed.document
    problems += document.problems
    if document.value is None:
        if not document.problems:
            problems.append(Problem(name, None, "(file)", "the file is empty"))
        broken["projects"].add(path.stem)
        return None
    checked = parsed.own_checks
    item = validated(schema.Project, document.value, name, document.lines, (), problems, checked)
    if item is None:
        broken["projects"].add(path.stem)
        return None
    if checked is None and names is not None:
        # as a worker makes them: meanwhile the workers parse on
        item = replace(item, own_checks=own_checks(item, names))
    if item.model.id != path.stem:
        problems.append(item.problem(("id",), f"the id must match the file name `{path.stem}`"))
    return item
