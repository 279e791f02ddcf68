"""Read the project files: one project a file, named after its id."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lib.load.data_file import files_in
from lib.load.fact_checks import own_checks
from lib.load.known_files import KnownEntries, known_projects
from lib.load.located import Located
from lib.load.many_files import ManyFiles
from lib.load.schema_errors import validated
from lib.model import schema
from lib.model.problems import Problem

PROJECTS = "projects/"  # how problems name a project file: projects/<id>.yaml


def project_paths(data_dir: Path, problems: list[Problem]) -> list[Path]:
    """The files of projects/ to read, by name; a .yml file is a problem, not read."""
    folder = data_dir / "projects"
    for stray in files_in(folder, ".yml"):
        message = "project files must end in .yaml; rename it, or it is not read"
        problems.append(Problem(f"{PROJECTS}{stray.name}", None, "(file)", message))
    return files_in(folder, ".yaml", regular_only=False)  # so an odd one is refused by name


def read_projects(
    paths: list[Path],
    problems: list[Problem],
    broken: dict[str, set[str]],
    known: KnownEntries | None,
    ahead: ManyFiles,
) -> list[Located]:
    """The projects of `paths`: a file whose bytes are `known` is not parsed again; the others
    are parsed by `ahead` when it was given them, else here."""
    reused = known_projects(paths, PROJECTS, known)
    to_parse = [path for path, entries in zip(paths, reused, strict=True) if entries is None]
    many = ahead if known is None else ManyFiles(to_parse, PROJECTS)
    documents = iter(many)
    names = many.names  # given before the projects are read, or not at all
    located = []
    for path, entries in zip(paths, reused, strict=True):
        if entries is not None:
            located += entries
            continue
        name = f"{PROJECTS}{path.name}"
        parsed = next(documents)
        document = parsed.document
        problems += document.problems
        if document.value is None:
            if not document.problems:
                problems.append(Problem(name, None, "(file)", "the file is empty"))
            broken["projects"].add(path.stem)
            continue
        checked = parsed.own_checks
        item = validated(
            schema.Project, document.value, name, document.lines, (), problems, checked
        )
        if item is None:
            broken["projects"].add(path.stem)
            continue
        if checked is None and names is not None:
            # its own checks now, as a worker makes them: meanwhile the workers parse on
            item = replace(item, own_checks=own_checks(item, names))
        if item.model.id != path.stem:
            problems.append(item.problem(("id",), f"the id must match the file name `{path.stem}`"))
        located.append(item)
    many.close()
    if not located and not any(p.file.startswith(PROJECTS) for p in problems):
        problems.append(Problem(PROJECTS, None, "(folder)", "there are no project files"))
    return located
