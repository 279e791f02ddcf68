"""A data folder for the audience tests: the tests' data plus an unpublished project and a
small count of refugees from one city (a part of MYLA's 518)."""

from __future__ import annotations

import shutil
from pathlib import Path

from fixture_data import FIXTURE_DATA_DIR

# Words that must never reach the public: the unpublished project's title, id, summary, its
# own report, funder and region, and its figure's sentence.
SECRET_WORDS = (
    "zephyrine-shelter",
    "Zephyrine Shelter",
    "Зефирин",
    "Quillfeather",
    "Квилфедър",
    "Zephyr Valley",
    "secret-report",
    "supported 777 people",
)
# The sentence that states the small count (3 refugees from Gevgelija), and a part of it that
# holds the number; neither may reach the public.
SPLIT_SENTENCE = "Од нив, 300 бегалци беа од Куманово, 215 од Бутел и 3 од Гевгелија."
SMALL_COUNT_WORDS = "3 од Гевгелија"
MYLA_REPORT = "003_6e458a75d0498bbb.txt"

_PROJECT = """\
id: zephyrine-shelter
published: false
title:
  en: "Zephyrine Shelter Initiative"
  bg: "Инициатива Зефирин"
  mk: "Иницијатива Зефирин"
  original: en
summary:
  en: "Zephyrine Shelter supported 777 people in the Zephyr Valley."
  bg: "Зефирин подкрепи хора в долината."
  mk: "Зефирин поддржа луѓе во долината."
  original: en
status: ongoing
places:
  - place: zephyr-valley
    role: target_region
    source: secret-report
    quote: "Zephyrine Shelter works in the Zephyr Valley."
organisations:
  - organisation: quillfeather-foundation
    role: funder
    source: secret-report
    quote: "It is funded by the Quillfeather Foundation."
funding:
  - funder: quillfeather-foundation
    source: secret-report
    quote: "It is funded by the Quillfeather Foundation."
"""

_REPORT = (
    "Zephyrine Shelter works in the Zephyr Valley.\n"
    "It is funded by the Quillfeather Foundation.\n"
    "Zephyrine Shelter supported 777 people in its first year.\n"
)

_SOURCE = """\
  - id: secret-report
    title: "Zephyrine Shelter: internal report"
    language: en
    file: secret.txt
"""

_ORGANISATION = """\
  - id: quillfeather-foundation
    kind: ngo
    names: {en: "Quillfeather Foundation", bg: "Квилфедър", mk: "Квилфедър", original: en}
    source: secret-report
    quote: "It is funded by the Quillfeather Foundation."
"""

_PLACE = """\
  - id: zephyr-valley
    kind: region
    country: MK
    names: {en: "Zephyr Valley", bg: "Зефирова долина", mk: "Зефирова долина", original: en}
"""


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, "utf-8")


def audience_data(folder: Path) -> Path:
    """The tests' data copied to `folder`, with the unpublished project and the small count."""
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    (folder / "projects" / "zephyrine-shelter.yaml").write_text(_PROJECT, "utf-8")
    (folder / "sources" / "secret.txt").write_text(_REPORT, "utf-8")
    _append(folder / "sources.yaml", _SOURCE)
    _append(folder / "organisations.yaml", _ORGANISATION)
    _append(folder / "places.yaml", _PLACE)
    _append(folder / "sources" / MYLA_REPORT, SPLIT_SENTENCE + "\n")
    rows = [
        "zephyrine-shelter,,refugees-supported,777,exact,,,,,secret-report,"
        '"Zephyrine Shelter supported 777 people in its first year."',
    ]
    for place, number in (("kumanovo", 300), ("butel", 215), ("gevgelija", 3)):
        rows.append(
            f"myla-refugee-integration,,refugees-supported,{number},exact,--01,--04,{place},"
            f'origin_city,myla-results-mk,"{SPLIT_SENTENCE}"'
        )
    _append(folder / "indicator_values.csv", "\n".join(rows) + "\n")
    return folder
