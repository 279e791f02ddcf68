"""Small helpers to build IATI XML with lxml: elements, narratives in our languages, and
the export's account of what it left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from lib.model.languages import LANGUAGE_CODES
from lib.model.schema import Text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class ExportReport:
    """What went into an export and what was left out, in words for the person who ran it."""

    activities: list[str] = field(default_factory=list)
    # (project, indicator, value, precision, place, breakdown) of every figure exported
    figures: list[tuple[str, str, int, str, str, str]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    unlinked_sources: set[str] = field(default_factory=set)  # cited, with no web address

    def lines(self, projects: int, figures: int) -> list[str]:
        head = (
            f"IATI 2.03: {len(self.activities)} of {projects} projects and "
            f"{len(self.figures)} of {figures} figures exported."
        )
        return [head] + [f"  - {line}" for line in self.left_out]


def sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """A child element; attribute names are written with hyphens (iso_date -> iso-date)."""
    return etree.SubElement(
        parent, tag, {name.replace("_", "-"): value for name, value in attributes.items()}
    )


def narrative(parent: etree._Element, text: str, language: str) -> etree._Element:
    element = sub(parent, "narrative")
    element.set(XML_LANG, language)
    element.text = text
    return element


def texts(parent: etree._Element, text: Text, suffix: dict[str, str] | None = None) -> None:
    """One narrative a language, the language the source wrote first; `suffix` adds words."""
    languages = [text.original] + [lang for lang in LANGUAGE_CODES if lang != text.original]
    for language in languages:
        narrative(parent, text.get(language) + (suffix or {}).get(language, ""), language)
