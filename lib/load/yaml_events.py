"""Turn a YAML text's parser events into the plain values a curator wrote, and every problem.

One loop builds mappings, lists, text, numbers, true/false and null from a parser's events, each
value with its line. Whatever YAML would make of the text that the curator did not mean (an
anchor or alias, a tag, a key written twice, NO read as false, nesting past MAX_DEPTH) is
reported with its line, and the value is left out or kept as the text typed, so later checks
still run. Refused content is consumed event by event, never expanded: an alias bomb or a
thousand-deep nest costs no more than reading its text.

Most files have no problem, and their lines are wanted only when a later check names one: so the
loop can run without the line map, and it raises LinesNeeded at the first problem, for the
caller to run it again with lines (lib/load/yaml_reader does).
"""

from __future__ import annotations

from sys import intern
from typing import Any, Protocol

from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from lib.load.yaml_scalars import read_plain

Path_ = tuple[str | int, ...]
Found = tuple[int, Path_ | str, str]  # a problem: its line, the value's path or a field, words

MAX_DEPTH = 50
ANCHORS_MESSAGE = (
    "anchors and aliases (& and *) are not allowed in data files; write the value out in full"
)
SECOND_DOCUMENT_MESSAGE = (
    "this file holds more than one YAML document (a second --- line); keep one per file: "
    "delete this --- line, or move what follows it into a file of its own"
)
TOO_DEEP_MESSAGE = (
    f"this is nested more than {MAX_DEPTH} levels deep, which a data file never needs; "
    "check the indentation"
)
COLLECTION_NAME_MESSAGE = "a list or block cannot be used as a name before a colon"
MISSING_NAME_MESSAGE = "a name is missing before the colon; write one, or delete it"
_NO_KEY = object()
_INTERNED = 80  # texts up to this long (ids, roles, dates) are shared by every document
# Unquoted names that `_Build.name` took, each as the one shared copy: whether it takes one
# depends on its text alone but for a name written twice in a block, which is still looked
# at. A portfolio writes the same few dozen names millions of times; kept up to a bound.
_PLAIN_NAMES: dict[str, str] = {}
_NAMES_KEPT = 4096


class EventSource(Protocol):
    """A YAML parser: libyaml's (yaml.cyaml.CParser) or PyYAML's own (PythonParser)."""

    def get_event(self) -> Event: ...


class LinesNeeded(Exception):
    """Raised by a build without the line map at its first problem: build again with lines."""


class TooDeepError(Exception):
    """Brackets nested past MAX_DEPTH: the whole file is refused, as a syntax error is."""

    def __init__(self, mark: Mark) -> None:
        super().__init__(TOO_DEEP_MESSAGE)
        self.mark = mark


class PythonParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python parser, whose error messages lib/load/yaml_scalars puts into plain
    words; its scanner stops at MAX_DEPTH brackets, because its cost grows with the square of
    their depth."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)

    def fetch_flow_collection_start(self, TokenClass: type) -> None:  # noqa: N803 (PyYAML's name)
        if self.flow_level >= MAX_DEPTH:
            raise TooDeepError(self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


Built = tuple[Any, dict[Path_, int] | None, list[Found]]


def build(parser: EventSource, with_lines: bool) -> Built:
    """The document's value, its line map (None unless `with_lines`) and its problems."""
    return _Build(parser, with_lines).run()


class _Build:
    """One document's build: the value, and the lines and problems found on the way."""

    def __init__(self, parser: EventSource, with_lines: bool) -> None:
        self.get = parser.get_event
        self.lines: dict[Path_, int] | None = {(): 1} if with_lines else None
        self.found: list[Found] = []
        self.brackets = 0  # flow collections open, as PyYAML's scanner counts them

    def report(self, event: Event, path: Path_ | str, message: str) -> None:
        if self.lines is None:
            raise LinesNeeded
        self.found.append((event.start_mark.line + 1, path, message))

    def run(self) -> Built:
        get = self.get
        get()  # the stream's start
        if type(get()) is StreamEndEvent:  # no document at all: an empty file
            return None, self.lines, self.found
        value = self.document(get())
        get()  # the document's end
        after = get()
        if type(after) is not StreamEndEvent:
            self.report(after, "(syntax)", SECOND_DOCUMENT_MESSAGE)
        return value, self.lines, self.found

    def document(self, event: Event) -> Any:
        """One loop over the events (a portfolio has millions): locals, and calls only for
        what is rare (collections, problems)."""
        get, lines, plain, scalar = self.get, self.lines, read_plain, ScalarEvent
        names = _PLAIN_NAMES
        seen: dict[str, str] = {}  # one copy of each long text: quotes recur within a file
        stack: list[tuple[Any, Any, bool, Path_, bool]] = []  # the enclosing collections
        container: Any = None
        in_mapping = bracket = False
        key: Any = _NO_KEY
        path: Path_ = ()  # of `container`
        while True:
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                value = container
                self.brackets -= bracket
                container, key, in_mapping, path, bracket = stack.pop()
            else:
                clean = kind is scalar and event.anchor is None and event.tag is None
                if in_mapping and key is _NO_KEY:
                    name = names.get(event.value) if clean and not event.style else None
                    if name is None or name in container:  # not a name seen before, or twice
                        if clean:
                            name = self.name(event, path, container)
                        else:
                            name = self.bad_name(event, path, len(stack))
                        if name is not None:
                            name = intern(name)
                            if not event.style and len(names) < _NAMES_KEPT:
                                names[name] = name
                    if name is None:
                        self.skip(get())  # the value of a name left out
                    else:
                        key = name
                        if lines is not None:
                            lines[path + (key,)] = event.start_mark.line + 1
                    event = get()
                    continue
                if lines is not None and not in_mapping and container is not None:
                    lines[path + (len(container),)] = event.start_mark.line + 1
                if clean:
                    text = event.value
                    if event.style:  # quoted, or a | or > block: the text as written
                        short = len(text) <= _INTERNED
                        value = intern(text) if short else seen.setdefault(text, text)
                    else:
                        value, warning = plain(text)
                        if warning is not None:
                            self.report(event, self.path_of(path, container, key), warning)
                else:
                    opens = isinstance(event, CollectionStartEvent) and self.opens_bracket(event)
                    refusal = self.refusal(event, len(stack))
                    if refusal is not None:
                        self.report(event, self.path_of(path, container, key), refusal)
                        self.skip(event, opens)
                        value = None
                    else:  # a collection opens
                        stack.append((container, key, in_mapping, path, bracket))
                        path = self.path_of(path, container, key)
                        in_mapping, bracket = kind is MappingStartEvent, opens
                        container, key = ({} if in_mapping else []), _NO_KEY
                        event = get()
                        continue
            if container is None:  # the document's own value is complete
                return value
            if in_mapping:
                container[key] = value
                key = _NO_KEY
            else:
                container.append(value)
            event = get()

    def name(self, event: ScalarEvent, path: Path_, mapping: dict) -> str | None:
        """The name in front of a colon, or None (after reporting) when it cannot be one."""
        text: str = event.value
        if event.style:
            if not text.strip():
                self.report(event, path, MISSING_NAME_MESSAGE)
                return None
        else:
            if text == "<<":  # YAML's merge key, which brings an alias in
                self.report(event, path, ANCHORS_MESSAGE)
                return None
            value, warning = read_plain(text)
            if warning is not None:
                self.report(event, path + (text,), warning)
            elif value is None or not text.strip():
                self.report(event, path, MISSING_NAME_MESSAGE)
                return None
            elif not isinstance(value, str):
                meaning = "true or false" if isinstance(value, bool) else "a number"
                message = (
                    f"{text} is used as a name, but YAML reads it as {meaning}; "
                    f'names must be text, so put it in quotes ("{text}")'
                )
                self.report(event, path + (text,), message)
                return None
        if text in mapping:
            first = self.lines[path + (text,)] if self.lines is not None else 0
            message = (
                f"`{text}` appears twice in this block (first on line {first}); "
                "YAML would silently keep only the last one, so keep one and delete the other"
            )
            self.report(event, path + (text,), message)
            return None
        return text

    def bad_name(self, event: Event, path: Path_, depth: int) -> None:
        """Report a name that is refused, or is a list or block, and skip it."""
        opens = isinstance(event, CollectionStartEvent) and self.opens_bracket(event)
        message = self.refusal(event, depth) or COLLECTION_NAME_MESSAGE
        self.report(event, path, message)
        self.skip(event, opens)

    def path_of(self, path: Path_, container: Any, key: Any) -> Path_:
        """The path of the value that comes next in `container` (at `path`)."""
        if container is None:
            return path
        return path + ((key,) if type(container) is dict else (len(container),))

    def opens_bracket(self, event: CollectionStartEvent) -> bool:
        """Count a [ or {, and refuse the file at the one past MAX_DEPTH. A pair written inside
        brackets (`[a: b]`) is a flow mapping without a bracket of its own: no width."""
        if not event.flow_style or event.start_mark.index == event.end_mark.index:
            return False
        if self.brackets >= MAX_DEPTH:
            raise TooDeepError(event.start_mark)
        self.brackets += 1
        return True

    def refusal(self, event: Event, depth: int) -> str | None:
        """Why the value `event` starts is not read, or None."""
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            return ANCHORS_MESSAGE
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag
            return (
                f"tags are not allowed ({shown}); remove it and write the value plainly, "
                "in quotes if it is text"
            )
        if isinstance(event, CollectionStartEvent) and depth >= MAX_DEPTH:
            return TOO_DEEP_MESSAGE
        return None

    def skip(self, event: Event, opens: bool | None = None) -> None:
        """Consume the rest of the value `event` starts, counting its brackets (`opens`: its
        own bracket, when counted already)."""
        if not isinstance(event, CollectionStartEvent):
            return
        opened = [self.opens_bracket(event) if opens is None else opens]
        while opened:
            event = self.get()
            if isinstance(event, CollectionStartEvent):
                opened.append(self.opens_bracket(event))
            elif type(event) is MappingEndEvent or type(event) is SequenceEndEvent:
                self.brackets -= opened.pop()
