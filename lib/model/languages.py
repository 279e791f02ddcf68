"""The dashboard's languages, in one list that everything else reads.

A language's code is the same everywhere: the `lang` URL parameter (`?lang=bg`), the folder of
its catalog (`locale/<code>/LC_MESSAGES/dashboard.po`), the keys of the data's text blocks
(`{en: ..., bg: ..., mk: ..., original: en}`), a report's `language`, and the command line's
`--lang`/`--language`. Adding a language is a line here, its catalog, and its text in every text
block of the data (README.md, "Adding a language"); no page names a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class DashboardLanguage:
    code: str  # ISO 639-1, lower case
    name: str  # its name in itself, as the language select box and the board pack show it
    babel_locale: str  # Babel's (CLDR's) locale for its numbers, dates and month names
    english_name: str  # for the command line's help and the documentation


LANGUAGES = (
    DashboardLanguage("en", "English", "en", "English"),
    DashboardLanguage("bg", "Български", "bg", "Bulgarian"),
    DashboardLanguage("mk", "Македонски", "mk", "Macedonian"),
)
# The language the code's strings are written in: the catalogs' keys, and what is shown when a
# catalog lacks a string or a reader asks for a language the dashboard does not have.
SOURCE_LANGUAGE = "en"

LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
# The languages with a catalog: every one but the source language.
TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE)
LANGUAGE_NAMES: dict[str, str] = {language.code: language.name for language in LANGUAGES}
BABEL_LOCALES: dict[str, str] = {language.code: language.babel_locale for language in LANGUAGES}
# The type of a field that holds one of the codes (a report's language, a text's original).
# Literal[a tuple] is the same as Literal[its items written out].
Language = Literal[LANGUAGE_CODES]
