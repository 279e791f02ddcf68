"""Read a curator-written YAML file strictly: plain values, the line of each, and every problem.

This is the one YAML reader of the data folder. libyaml's C parser reads the text (many times
faster than PyYAML's pure-Python one) and lib/load/yaml_events builds the values from its events.
When libyaml cannot read a text at all (a syntax error, a control character), or PyYAML was built
without it, PyYAML's own parser reads it instead, through the same builder: its error messages
are the ones lib/load/yaml_scalars puts into a curator's words.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from lib.load.control_characters import in_yaml_value
from lib.load.control_characters import message as control_message
from lib.load.data_file import read_data_file
from lib.load.decode import decode, size_limit, too_big
from lib.load.yaml_events import (
    TOO_DEEP_MESSAGE,
    Built,
    LinesNeeded,
    Path_,
    PythonParser,
    TooDeepError,
    build,
)
from lib.load.yaml_scalars import explain_syntax
from lib.model.problems import Problem

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: its own parser reads every file
    CParser = None

STRAY_BOM_MESSAGE = (
    "this line holds an invisible byte-order mark (U+FEFF), often left where two files were "
    "pasted together; delete it, or retype the start of the line"
)


@dataclass(frozen=True)
class YamlDocument:
    """What a file holds; `value` is None when the file could not be parsed at all."""

    value: Any
    lines: Mapping[Path_, int]
    problems: list[Problem]


def read_yaml(path: pathlib.Path, display_name: str) -> YamlDocument:
    """Read and check the file at `path`; problems name it as `display_name`."""
    data, problems = read_data_file(path, display_name)
    if data is None:
        return YamlDocument(None, {(): 1}, problems)
    document = _read_bytes(data, display_name)
    if isinstance(document.lines, _LinesOnDemand):  # the file, not its text, is kept
        return YamlDocument(document.value, _LinesOnDemand(path), document.problems)
    return document


def lines_on_demand(path: pathlib.Path) -> Mapping[Path_, int]:
    """The line map of the file at `path`, worked out from the file only when a line is
    asked for (lib/load/known_files: a file taken unparsed from an earlier version)."""
    return _LinesOnDemand(path)


def lines_on_demand_in(folder: pathlib.Path, name: str) -> Mapping[Path_, int]:
    """lines_on_demand of the file `name` of `folder`, its Path made only when a line is
    asked for (100,000 project files' Paths took a third of a second of a rebuild)."""
    return _FileLinesOnDemand(folder, name)


def on_demand(lines: Mapping[Path_, int]) -> bool:
    """True for a line map that is worked out from its file when first asked for."""
    return isinstance(lines, _LinesOnDemand)


def read_yaml_text(text: str, display_name: str) -> YamlDocument:
    """Check YAML already held as text, as read_yaml does for a file."""
    text = text.removeprefix("\ufeff")
    if len(text) > size_limit(display_name):
        return YamlDocument(None, {(): 1}, [too_big(display_name, len(text))])
    if "\ufeff" in text:
        # YAML takes it for part of a name or value (`\ufeffstatus`), which no one can see.
        line = text.count("\n", 0, text.index("\ufeff")) + 1
        return _failed(display_name, line, "(encoding)", STRAY_BOM_MESSAGE)
    try:
        value, lines, found = _compose(text)
    except yaml.MarkedYAMLError as error:
        line, message = explain_syntax(error, text)
        return _failed(display_name, line, "(syntax)", message)
    except yaml.reader.ReaderError as error:
        line = len((text[: error.position] + "x").splitlines())
        message = (
            f"the file contains an invisible control character (#x{error.character:04X}) that is "
            "not allowed; delete it (it often comes with text copied from a PDF or Word)"
        )
        return _failed(display_name, line, "(encoding)", message)
    except TooDeepError as error:
        return _failed(display_name, error.mark.line + 1, "(syntax)", TOO_DEEP_MESSAGE)
    except RecursionError:  # neither parser nor the builder recurses, but a stack is finite
        return _failed(display_name, None, "(syntax)", TOO_DEEP_MESSAGE)
    lines_found: Mapping[Path_, int] = _LinesOnDemand(text) if lines is None else lines
    problems = [
        Problem(display_name, line, path if isinstance(path, str) else field_name(path), said)
        for line, path, said in found
    ]
    problems += _control_characters(value, lines_found, display_name, text)
    return YamlDocument(value, lines_found, problems)


def _control_characters(
    value: Any, lines: Mapping[Path_, int], display_name: str, text: str
) -> list[Problem]:
    return [
        Problem(display_name, line_of(lines, path), field_name(path), control_message(character))
        for path, character in in_yaml_value(value, text)
    ]


def line_of(lines: Mapping[Path_, int], path: Path_) -> int | None:
    """The line of `path`, or of the nearest enclosing value that has one."""
    for end in range(len(path), -1, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None


def field_name(path: Path_) -> str:
    """Name a value as a person would: ("events", 2, "start") is "events[3].start"."""
    if not path:
        return "(top level)"
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else part
    return name


def _failed(display_name: str, line: int | None, field: str, message: str) -> YamlDocument:
    return YamlDocument(None, {(): 1}, [Problem(display_name, line, field, message)])


def _read_bytes(data: bytes, display_name: str) -> YamlDocument:
    text, problems = decode(data, display_name)
    if text is None:
        return YamlDocument(None, {(): 1}, problems)
    return read_yaml_text(text, display_name)


class _LinesOnDemand(Mapping[Path_, int]):
    """The line map of a document without problems, worked out only when a later check needs a
    line to name: most files never have a problem, so most never pay for it. Given a file
    rather than its text, it reads the file again then (a portfolio's texts would otherwise be
    held in memory while it loads)."""

    def __init__(self, text: str | pathlib.Path) -> None:
        self._text = text
        self._lines: dict[Path_, int] | None = None

    def _map(self) -> dict[Path_, int]:
        if self._lines is None:
            text = self._text
            if isinstance(text, pathlib.Path):
                data = read_data_file(text, text.name)[0] or b""  # a link now: no lines
                text = (decode(data, text.name)[0] or "").removeprefix("\ufeff")
            self._lines = _parse(text, with_lines=True)[1] or {(): 1}
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._map()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


class _FileLinesOnDemand(_LinesOnDemand):
    """_LinesOnDemand of the file `name` of `folder`, its Path made when a line is asked for."""

    def __init__(self, folder: pathlib.Path, name: str) -> None:
        self._text, self._name = folder, name
        self._lines = None

    def _map(self) -> dict[Path_, int]:
        if self._lines is None and self._name:
            self._text, self._name = self._text / self._name, ""
        return super()._map()


def _compose(text: str) -> Built:
    """The document's value, its line map (None when no problem needs it yet) and problems."""
    try:
        return _parse(text, with_lines=False)
    except LinesNeeded:
        return _parse(text, with_lines=True)


def _parse(text: str, with_lines: bool) -> Built:
    """Built from libyaml's events when it can read the text, else from PyYAML's own."""
    if CParser is not None:
        parser = CParser(text)
        try:
            return build(parser, with_lines)
        except (LinesNeeded, TooDeepError):
            raise
        except Exception:  # a syntax or reader error: PyYAML's own parser words it
            pass
        finally:
            parser.dispose()
    python_parser = PythonParser(text)
    try:
        return build(python_parser, with_lines)
    finally:
        python_parser.dispose()
