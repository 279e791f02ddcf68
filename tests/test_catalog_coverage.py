"""Every interface string the code marks is in the Bulgarian and Macedonian catalogs, translated
(issue 17, point 7).

The code is read with Python's own parser, not babel's extractor, so a `tr(...)` written inside
an f-string's braces, which the extractor does not see, is found too ("from {city}" reached the
board pack in English that way).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from lib.model.languages import TRANSLATED_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
CODE = [ROOT / "dashboard.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]
MARKERS = {"tr": 1, "ntr": 1, "N_": 0}  # function -> position of its (first) message


def marked_strings() -> dict[str, str]:
    """Each literal message passed to tr, ntr (singular and plural) or N_, and where it is."""
    found: dict[str, str] = {}
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            first = MARKERS.get(node.func.id)
            if first is None:
                continue
            wanted = node.args[first : first + (2 if node.func.id == "ntr" else 1)]
            for argument in wanted:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.setdefault(argument.value, where)
    return found


def test_the_code_marks_strings():
    assert len(marked_strings()) > 200


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_marked_string_is_translated(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "dashboard.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    translated = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and all(strings) and not message.fuzzy:
            translated.update(ids)
    missing = [
        f"{where}: {text!r}" for text, where in marked_strings().items() if text not in translated
    ]
    assert missing == []
