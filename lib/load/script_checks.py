"""Checks of the alphabet a name or text is written in: a place's Bulgarian and Macedonian
names are Cyrillic and its English name Latin, and no Bulgarian text uses a letter only
Macedonian has (ѓ ќ ј љ њ ѕ џ), nor a Macedonian text one only Bulgarian has (щ ъ ю я й ь)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from lib.load.located import Located
from lib.model.problems import Problem
from lib.model.schema import Text

ONLY_MACEDONIAN = "ѓќјљњѕџЃЌЈЉЊЅЏ"
ONLY_BULGARIAN = "щъюяйьЩЪЮЯЙЬ"
# Each as a class of letters: one search finds whether a text has any (a set met with a text's
# letters made an object a Cyrillic letter: 0.15 s at 10,000 projects).
_FOREIGN = {
    "bg": (re.compile(f"[{ONLY_MACEDONIAN}]"), "Macedonian"),
    "mk": (re.compile(f"[{ONLY_BULGARIAN}]"), "Bulgarian"),
}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TEXT_FIELDS = ("names", "short_name", "labels", "title", "summary")


def check_scripts(entries: dict[str, list[Located]]) -> list[Problem]:
    problems: list[Problem] = []
    for key, items in entries.items():
        for item in items:
            # These checks read the entry alone: it passed them before, or they were made
            # where it was parsed (lib/load/many_files).
            if not item.known and item.own_checks is None:
                problems += entry_scripts(item, key)
    return problems


def entry_scripts(item: Located, key: str) -> list[Problem]:
    """The letters of one entry of the file whose key is `key` (projects, places...)."""
    problems = []
    for path, text in _texts(item.model):
        problems += _letters(item, path, text)
    if key == "places":
        problems += _place_scripts(item)
    return problems


def _texts(model: Any) -> Iterator[tuple[tuple, Text]]:
    for field in _fields_of(type(model)):
        text = getattr(model, field)
        if isinstance(text, Text):
            yield (field,), text
    for index, event in enumerate(getattr(model, "events", None) or ()):
        yield ("events", index, "title"), event.title


@functools.cache  # the few kinds of entry
def _fields_of(kind: type) -> tuple[str, ...]:
    """The text fields of _TEXT_FIELDS that a kind of entry has: asking a pydantic model for
    a field it lacks raises an error inside it, 0.2 s at 10,000 projects."""
    return tuple(field for field in _TEXT_FIELDS if field in getattr(kind, "model_fields", ()))


def _letters(item: Located, path: tuple, text: Text) -> list[Problem]:
    problems = []
    for language, (letters, other) in _FOREIGN.items():
        written = getattr(text, language)
        found = sorted(set(letters.findall(written))) if letters.search(written) else []
        if found:
            message = (
                f"{' '.join(found)} {'is a letter' if len(found) == 1 else 'are letters'} of "
                f"{other}, not of {'Bulgarian' if language == 'bg' else 'Macedonian'}: "
                f"write the {'Bulgarian' if language == 'bg' else 'Macedonian'} spelling"
            )
            problems.append(item.problem(path + (language,), message))
    return problems


def _place_scripts(item: Located) -> list[Problem]:
    names = item.model.names
    problems = []
    if _CYRILLIC.search(names.en) or not _LATIN.search(names.en):
        message = "the English name of a place is written in Latin letters, as GeoNames has it"
        problems.append(item.problem(("names", "en"), message))
    if item.model.geonames_id is None:
        return problems  # a region GeoNames lacks may keep the name its source wrote
    for language in ("bg", "mk"):
        name = getattr(names, language)
        if _LATIN.search(name) or not _CYRILLIC.search(name):
            message = (
                f"the {'Bulgarian' if language == 'bg' else 'Macedonian'} name of a place is "
                "written in Cyrillic letters; `dashboard-data places lookup NAME` lists the "
                "Cyrillic names GeoNames knows"
            )
            problems.append(item.problem(("names", language), message))
    return problems
