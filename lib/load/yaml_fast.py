"""Read a clean YAML document with libyaml's C parser, many times faster than PyYAML's own.

A clean document is the usual case: no anchor, alias or tag, no key twice, no plain value that
YAML could misread, no syntax error, one document, nested less than MAX_DEPTH deep. This reader
builds the plain values of such a document from libyaml's events in one loop and gives up
(`Unusual`) at the first thing that is not clean; lib/yaml_source then reads the file again
with its strict pure-Python reader, which words every problem with its line. Both readers make
the same values of a clean document (tests/test_yaml_fast.py checks it on every data file).
"""

from __future__ import annotations

from sys import intern as _intern
from typing import Any

from yaml.events import (
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from lib.load.yaml_scalars import read_plain

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: every document takes the strict path
    CParser = None

_NO_KEY = object()
_INTERNED = 80  # texts up to this long (ids, roles, dates) are shared by every document


class Unusual(Exception):
    """Something only the strict reader handles: read the document again with it."""


def clean_value(text: str, max_depth: int) -> Any:
    """The value of a clean document, or Unusual; `max_depth` collections may nest."""
    if CParser is None:
        raise Unusual("PyYAML has no libyaml")
    parser = CParser(text)
    try:
        return _build(parser.get_event, max_depth)
    except Unusual:
        raise
    except Exception as error:  # a syntax or reader error: the strict reader explains it
        raise Unusual(str(error)) from error
    finally:
        parser.dispose()


def _build(get: Any, max_depth: int) -> Any:
    """One loop over the events (a portfolio has millions): locals, no calls but the reads."""
    scalar, mapping_start, sequence_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    mapping_end, sequence_end, plain, intern = (
        MappingEndEvent,
        SequenceEndEvent,
        read_plain,
        _intern,
    )
    # One copy of each text: ids and roles recur across a portfolio's files, quotes within one,
    # and the loaded portfolio keeps them all.
    seen: dict[str, str] = {}
    get()  # the stream's start
    event = get()
    if type(event) is StreamEndEvent:
        return None
    event = get()  # the event after the document's start
    stack: list[tuple[Any, Any, bool]] = []  # enclosing collections, their pending keys
    container: Any = None
    in_mapping = False
    key: Any = _NO_KEY
    while True:
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                raise Unusual("anchor or tag")
            text = event.value
            if in_mapping and key is _NO_KEY:  # the name before a colon
                if event.style:  # quoted
                    if not text.strip():
                        raise Unusual("empty key")
                else:
                    name, warning = plain(text)
                    if warning is not None or type(name) is not str or text == "<<":
                        raise Unusual("a key that is not plain text")
                    if not text.strip():
                        raise Unusual("empty key")
                if text in container:
                    raise Unusual("duplicate key")
                key = text
                event = get()
                continue
            if event.style:
                value = intern(text) if len(text) <= _INTERNED else seen.setdefault(text, text)
            else:
                value, warning = plain(text)
                if warning is not None:
                    raise Unusual(warning)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise Unusual("anchor or tag")
            if (in_mapping and key is _NO_KEY) or len(stack) >= max_depth:
                raise Unusual("a collection as a key, or nested too deep")
            stack.append((container, key, in_mapping))
            in_mapping = kind is mapping_start
            container, key = ({} if in_mapping else []), _NO_KEY
            event = get()
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = container
            container, key, in_mapping = stack.pop()
        else:  # an alias, or anything else the strict reader words better
            raise Unusual(kind.__name__)
        if container is None:  # the document's own value is complete
            break
        if in_mapping:
            container[key] = value
            key = _NO_KEY
        else:
            container.append(value)
        event = get()
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        raise Unusual("more than one document")
    return value
