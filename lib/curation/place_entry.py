"""Turn a GeoNames record into a places.yaml entry that a curator then completes and checks."""

from __future__ import annotations

import re
from pathlib import Path

from lib.curation.gazetteer import GeoName
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.store.atomic import write_text_atomically


def slug(name: str) -> str:
    """A place id from its Latin name: lower case, ASCII, words joined by hyphens."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_text(place: GeoName, place_id: str, kind: str, names: dict[str, str]) -> str:
    """The YAML block for one place, in the same layout as the hand-written ones: its name in
    the source language is GeoNames' own (Latin) name, `names` gives the others."""
    written = {SOURCE_LANGUAGE: place.name} | names
    return (
        f"  - id: {place_id}\n"
        f"    kind: {kind}\n"
        f"    country: {place.country}\n"
        f"    geonames_id: {place.geonames_id}\n"
        f"    latitude: {place.latitude}\n"
        f"    longitude: {place.longitude}\n"
        f"    names:\n"
        + "".join(f"      {code}: {_quoted(written[code])}\n" for code in LANGUAGE_CODES)
        + f"      original: {SOURCE_LANGUAGE}\n"
    )


def append_place(places_file: Path, block: str) -> None:
    """Add the block at the end of places.yaml, keeping every comment and entry above it."""
    text = places_file.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    write_text_atomically(places_file, text + block)
