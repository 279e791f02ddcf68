"""Find the invisible characters a data text may not hold, in the decoded value (a YAML
escape such as "\\0", "\\e", "\\x01", "\\v" or "\\ufeff" passes YAML's own check, which
looks at the file's raw characters only). They cannot be written to XML (IATI), break the
board pack's PDF, colour a terminal (ESC) and, as a lone carriage return, start a new row in
a spreadsheet that opens a CSV download."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# C0 controls but tab and line feed, DEL, C1 controls, byte-order marks, the two
# non-characters and lone surrogates (not UTF-8 at all). In YAML a carriage return can only
# come from an escape, as the reader turns every line break in the file into a line feed.
_IN_YAML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
# A file's text may end its lines with CR LF (Windows), never with a lone CR.
_IN_FILE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]|\r(?!\n)"
)
_NAMES = {
    "\x00": "NUL",
    "\x0b": "a vertical tab",
    "\x0c": "a form feed (a page break)",
    "\r": "a carriage return without a line feed",
    "\x1b": "ESC",
    "\ufeff": "a byte-order mark (U+FEFF)",
}


def message(character: str) -> str:
    code = ord(character)
    name = _NAMES.get(character, f"#x{code:04X}")
    return (
        f"the text holds an invisible control character ({name}, #x{code:04X}), written as an "
        'escape like "\\0" or pasted from a PDF or Word; delete it'
    )


def in_file_text(text: str) -> re.Match[str] | None:
    """The first character a report's text or a CSV cell may not hold, or None."""
    return _IN_FILE.search(text)


def in_yaml_value(value: Any, text: str) -> list[tuple[tuple, str]]:
    """(path, character) for each text in a YAML document's `value` that holds a control
    character. `text` is the file's: without a backslash it holds no escape, so no walk."""
    if "\\" not in text:
        return []
    return [(path, found[0]) for path, found in _found(value, ())]


def _found(value: Any, path: tuple) -> Iterator[tuple[tuple, re.Match[str]]]:
    if isinstance(value, str):
        found = _IN_YAML.search(value)
        if found is not None:
            yield path, found
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _found(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _found(item, path + (index,))
