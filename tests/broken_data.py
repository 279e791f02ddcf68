"""Helpers for tests that break a copy of the tests' data, one curator's mistake at a time.

Every edit is a precise string replacement that must match exactly once, so a test cannot
silently test nothing when the data changes; expected line numbers are computed from the edited
text rather than written down.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import LoadResult
from lib.model.problems import Problem

VALUES = "indicator_values.csv"
TWINNING = "projects/shtip-strazhitsa-twinning.yaml"
MYLA = "projects/myla-refugee-integration.yaml"


def copy_data(target: Path) -> Path:
    """A writable copy of the tests' data folder (tests/data/) under `target`."""
    copy = target / "data"
    # copyfile, not copy2: the reports may be read-only and the copies must be editable.
    shutil.copytree(FIXTURE_DATA_DIR, copy, copy_function=shutil.copyfile)
    return copy


def read(data_dir: Path, file: str) -> str:
    return (data_dir / file).read_text(encoding="utf-8")


def write(data_dir: Path, file: str, text: str) -> None:
    (data_dir / file).write_text(text, encoding="utf-8", newline="")


def edit(data_dir: Path, file: str, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in `file` by `new`; return the line `new` starts on."""
    text = read(data_dir, file)
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in {file}; the edit needs a unique anchor"
    index = text.index(old)
    write(data_dir, file, text[:index] + new + text[index + len(old) :])
    assert read(data_dir, file) != text, f"the edit of {file} changed nothing"
    return text.count("\n", 0, index) + 1


def line_of(data_dir: Path, file: str, needle: str) -> int:
    """The 1-based line on which the one `needle` in `file` starts."""
    text = read(data_dir, file)
    count = text.count(needle)
    assert count == 1, f"{needle!r} occurs {count} times in {file}; the test needs a unique text"
    return text.count("\n", 0, text.index(needle)) + 1


def append(data_dir: Path, file: str, text: str) -> int:
    """Add `text` at the end of `file`; return the line it starts on."""
    before = read(data_dir, file)
    assert before.endswith("\n"), f"{file} does not end with a line break"
    write(data_dir, file, before + text)
    return before.count("\n") + 1


def first_non_ascii_line(text: str) -> int:
    """The line of the first character that is not ASCII (the first byte a codec can differ on)."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.isascii():
            return number
    raise AssertionError("the text is all ASCII")


def csv_line(data_dir: Path, starts_with: str) -> int:
    """The line of the one row of indicator_values.csv that starts with `starts_with`."""
    lines = read(data_dir, VALUES).splitlines()
    found = [number for number, line in enumerate(lines, 1) if line.startswith(starts_with)]
    assert len(found) == 1, f"{len(found)} rows start with {starts_with!r}"
    return found[0]


def listing(problems: tuple[Problem, ...] | list[Problem]) -> str:
    return "\n".join(str(problem) for problem in problems) or "(no problems)"


def assert_problem(
    result: LoadResult, file: str, line: int | None, field: str, *words: str
) -> Problem:
    """The load failed, and one problem is at `file:line` in `field` with all of `words`."""
    assert result.portfolio is None, "a broken data set must not be loaded"
    assert result.problems, "a broken data set must report a problem"
    here = [p for p in result.problems if (p.file, p.line, p.field) == (file, line, field)]
    where = f"{file}:{line}: {field}"
    assert here, f"no problem at {where}; the problems are:\n{listing(result.problems)}"
    worded = [p for p in here if all(word in p.message for word in words)]
    assert worded, f"no problem at {where} says {words}; there:\n{listing(here)}"
    problem = worded[0]
    shown = f"{file}:{line}: {field}: " if line is not None else f"{file}: {field}: "
    assert str(problem).startswith(shown), str(problem)
    return problem


def problem_files(result: LoadResult) -> set[str]:
    return {problem.file for problem in result.problems}
