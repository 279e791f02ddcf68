"""Read a curator-written YAML file strictly: plain values, the line of each, and every problem."""

from __future__ import annotations

import pathlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.error import Mark
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event, StreamEndEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from lib.load.control_characters import in_yaml_value
from lib.load.control_characters import message as control_message
from lib.load.data_file import read_data_file
from lib.load.decode import decode, size_limit, too_big
from lib.load.yaml_fast import Unusual, clean_value
from lib.load.yaml_scalars import explain_syntax, read_plain
from lib.model.problems import Problem

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50
ANCHORS_MESSAGE = (
    "anchors and aliases (& and *) are not allowed in data files; write the value out in full"
)
SECOND_DOCUMENT_MESSAGE = (
    "this file holds more than one YAML document (a second --- line); keep one per file: "
    "delete this --- line, or move what follows it into a file of its own"
)
STRAY_BOM_MESSAGE = (
    "this line holds an invisible byte-order mark (U+FEFF), often left where two files were "
    "pasted together; delete it, or retype the start of the line"
)
TOO_DEEP_MESSAGE = (
    f"this is nested more than {MAX_DEPTH} levels deep, which a data file never needs; "
    "check the indentation"
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
    if isinstance(document.lines, _LinesOnDemand):
        return YamlDocument(document.value, _LinesOnDemand(path), document.problems)
    return document


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
        node, second_document = _compose(text)
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
    except _TooDeepError as error:
        return _failed(display_name, error.mark.line + 1, "(syntax)", TOO_DEEP_MESSAGE)
    except RecursionError:
        return _failed(display_name, None, "(syntax)", TOO_DEEP_MESSAGE)
    if isinstance(node, _Clean):
        lines: Mapping[Path_, int] = _LinesOnDemand(text)
        problems = _control_characters(node.value, lines, display_name, text)
        return YamlDocument(node.value, lines, problems)
    builder = _Builder(display_name)
    value = None if node is None else builder.value(node, ())
    if second_document is not None:
        line = second_document.line + 1
        builder.problems.append(Problem(display_name, line, "(syntax)", SECOND_DOCUMENT_MESSAGE))
    builder.problems += _control_characters(value, builder.lines, display_name, text)
    return YamlDocument(value, builder.lines, builder.problems)


def _control_characters(
    value: Any, lines: Mapping[Path_, int], display_name: str, text: str
) -> list[Problem]:
    return [
        Problem(display_name, line_of(lines, path), field_name(path), control_message(character))
        for path, character in in_yaml_value(value, text)
    ]


def is_clean(document: YamlDocument) -> bool:
    """True for a document read whole by libyaml: no problem in it, lines found on demand."""
    return isinstance(document.lines, _LinesOnDemand) and not document.problems


def clean_document(value: Any, path: pathlib.Path) -> YamlDocument:
    """The document of a clean file whose value was read elsewhere (lib/yaml_files)."""
    return YamlDocument(value, _LinesOnDemand(path), [])


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


class _Refused(ScalarNode):
    """Stands in for content never looked inside: alias, anchored or tagged value, deep nesting."""

    def __init__(self, reason: str, start_mark: Mark, end_mark: Mark) -> None:
        super().__init__("tag:yaml.org,2002:null", "", start_mark, end_mark)
        self.reason = reason


class _TooDeepError(Exception):
    """Brackets nested past MAX_DEPTH, found while scanning."""

    def __init__(self, mark: Mark) -> None:
        super().__init__(TOO_DEEP_MESSAGE)
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader's composer, except that aliases are never followed and nesting is bounded.

    Refused content is consumed event by event, without recursion or expansion, so an alias bomb
    or a thousand-deep nest costs no more than reading its text.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.second_document: Mark | None = None

    def fetch_flow_collection_start(self, TokenClass: type) -> None:  # noqa: N803 (PyYAML's name)
        # The scanner's cost grows with the square of bracket depth, so stop before the composer.
        if self.flow_level >= MAX_DEPTH:
            raise _TooDeepError(self.get_mark())
        super().fetch_flow_collection_start(TokenClass)

    def get_single_node(self) -> Node | None:
        self.get_event()
        document = None
        if not self.check_event(StreamEndEvent):
            document = self.compose_document()
        if not self.check_event(StreamEndEvent):
            self.second_document = self.peek_event().start_mark
        return document

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        reason = self._refusal(event)
        if reason is not None:
            return _Refused(reason, event.start_mark, self._skip_node())
        nested = isinstance(event, CollectionStartEvent)
        self.depth += nested
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= nested

    def _refusal(self, event: Event) -> str | None:
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            return ANCHORS_MESSAGE
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag
            return (
                f"tags are not allowed ({shown}); remove it and write the value plainly, "
                "in quotes if it is text"
            )
        if isinstance(event, CollectionStartEvent) and self.depth >= MAX_DEPTH:
            return TOO_DEEP_MESSAGE
        return None

    def _skip_node(self) -> Mark:
        level = 0
        while True:
            event = self.get_event()
            if isinstance(event, CollectionStartEvent):
                level += 1
            elif isinstance(event, CollectionEndEvent):
                level -= 1
            if level == 0:
                end: Mark = event.end_mark
                return end


@dataclass(frozen=True)
class _Clean:
    """A clean document, read whole by lib/yaml_fast: nothing in it for the builder to report."""

    value: Any


class _LinesOnDemand(Mapping[Path_, int]):
    """The line map of a clean document, worked out by the strict reader only when a later
    check needs a line to name: most files never have a problem, so most never pay for it.
    Given a file rather than its text, it reads the file again then (a portfolio's texts
    would otherwise be held in memory while it loads)."""

    def __init__(self, text: str | pathlib.Path) -> None:
        self._text = text
        self._lines: dict[Path_, int] | None = None

    def _map(self) -> dict[Path_, int]:
        if self._lines is None:
            text = self._text
            if isinstance(text, pathlib.Path):
                data = read_data_file(text, text.name)[0] or b""  # a link now: no lines
                text = (decode(data, text.name)[0] or "").removeprefix("\ufeff")
            node, _ = _strict_compose(text)
            builder = _Builder("")
            if node is not None:
                builder.value(node, ())
            self._lines = builder.lines
        return self._lines

    def __getitem__(self, path: Path_) -> int:
        return self._map()[path]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


def _compose(text: str) -> tuple[Node | _Clean | None, Mark | None]:
    """The document's nodes, and where a second document starts. A clean document (the usual
    case) comes back read whole by libyaml, as _Clean; any other is composed by the strict
    loader, so that every problem is found and worded as before."""
    try:
        return _Clean(clean_value(text, MAX_DEPTH)), None
    except Unusual:
        return _strict_compose(text)


def _strict_compose(text: str) -> tuple[Node | None, Mark | None]:
    """yaml.compose() with the strict loader, also telling where a second document starts."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node(), loader.second_document
    finally:
        loader.dispose()


class _Builder:
    """Turns composed nodes into plain values, noting lines and problems on the way."""

    def __init__(self, display_name: str) -> None:
        self.display_name = display_name
        self.lines: dict[Path_, int] = {(): 1}
        self.problems: list[Problem] = []

    def report(self, node: Node, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.display_name, _line(node), field_name(path), message))

    def value(self, node: Node, path: Path_) -> Any:
        if isinstance(node, _Refused):
            self.report(node, path, node.reason)
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[path + (index,)] = _line(item)
                items.append(self.value(item, path + (index,)))
            return items
        if not isinstance(node, ScalarNode) or node.style is not None:
            return node.value
        value, warning = read_plain(node.value)
        if warning is not None:
            self.report(node, path, warning)
        return value

    def mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in first_lines:
                self.report(
                    key_node,
                    path + (key,),
                    f"`{key}` appears twice in this block (first on line {first_lines[key]}); "
                    "YAML would silently keep only the last one, so keep one and delete the other",
                )
                continue
            first_lines[key] = self.lines[path + (key,)] = _line(key_node)
            result[key] = self.value(value_node, path + (key,))
        return result

    def key(self, node: Node, path: Path_) -> str | None:
        """The name in front of a colon, or None (after reporting) when it cannot be one."""
        if isinstance(node, _Refused):
            self.report(node, path, node.reason)
            return None
        if not isinstance(node, ScalarNode):
            self.report(node, path, "a list or block cannot be used as a name before a colon")
            return None
        text: str = node.value
        if node.style is None and text == "<<":
            self.report(node, path, ANCHORS_MESSAGE)
            return None
        value, warning = (text, None) if node.style is not None else read_plain(text)
        if warning is not None:
            self.report(node, path + (text,), warning)
        elif value is None or not text.strip():
            self.report(node, path, "a name is missing before the colon; write one, or delete it")
            return None
        elif not isinstance(value, str):
            self.report(
                node,
                path + (text,),
                f"{text} is used as a name, but YAML reads it as {_kind(value)}; "
                f'names must be text, so put it in quotes ("{text}")',
            )
            return None
        return text


def _kind(value: Any) -> str:
    return "true or false" if isinstance(value, bool) else "a number"


def _line(node: Node) -> int:
    return node.start_mark.line + 1
