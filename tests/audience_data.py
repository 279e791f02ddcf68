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
    "Квилфедер",
    "Zephyr Valley",
    "secret-report",
    "supported 777 people",
)
# The sentence that states the small count (3 refugees from Gevgelija), and a part of it that
# holds the number; neither may reach the public.
SPLIT_SENTENCE = "Од нив, 300 бегалци беа од Куманово, 215 од Бутел и 3 од Гевгелија."
SMALL_COUNT_WORDS = "3 од Гевгелија"
MYLA_REPORT = "003_6e458a75d0498bbb.txt"
# A published figure (40 people trained) whose quote runs on into the withheld sentence and
# so gives its numbers away, though it holds neither it nor its quote whole.
VOLUNTEERS = "Проектот обучи 40 волонтери."
RUNS_INTO = VOLUNTEERS + " Од нив, 300 бегалци беа од Куманово, 215 од Бутел и 3"
RUNS_INTO_WORDS = "215 од Бутел и 3"
# The same report in English (a source with `translation_of:`): its sentence with the small
# count must be withheld too, and its other sentences kept.
TRANSLATION_ID = "myla-results-en"
TRANSLATION_FILE = "myla-en.txt"
TRANSLATED_SENTENCE = (
    "Of them, 300 refugees were from Kumanovo, 215 from Butel and 3 from Gevgelija."
)
TRANSLATED_KEPT = "The project trained 40 volunteers."
WITHHELD = (
    SPLIT_SENTENCE,
    SMALL_COUNT_WORDS,
    RUNS_INTO_WORDS,
    TRANSLATED_SENTENCE,
    "3 from Gevgelija",
)

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
status: not_stated
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

_TRANSLATION = f"""\
  - id: {TRANSLATION_ID}
    title: "Strengthening local actors in refugee integration: results (translation)"
    language: en
    file: {TRANSLATION_FILE}
    translation_of: myla-results-mk
"""

_ORGANISATION = """\
  - id: quillfeather-foundation
    kind: ngo
    names: {en: "Quillfeather Foundation", bg: "Квилфедър", mk: "Квилфедер", original: en}
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
    _append(folder / "sources.yaml", _SOURCE + _TRANSLATION)
    (folder / "sources" / TRANSLATION_FILE).write_text(
        f"Interim results of the project.\n{TRANSLATED_KEPT} {TRANSLATED_SENTENCE}\n", "utf-8"
    )
    _append(folder / "organisations.yaml", _ORGANISATION)
    _append(folder / "places.yaml", _PLACE)
    _append(folder / "sources" / MYLA_REPORT, f"{VOLUNTEERS} {SPLIT_SENTENCE}\n")
    rows = [
        "zephyrine-shelter,,refugees-supported,777,exact,,,,,secret-report,"
        '"Zephyrine Shelter supported 777 people in its first year."',
    ]
    # A project's own quote that runs into the sentence: the Projects page shows it.
    myla = folder / "projects" / "myla-refugee-integration.yaml"
    project = myla.read_text(encoding="utf-8").rstrip("\n")
    assert project.splitlines()[-1].startswith("    quote:"), "the file must end with notes"
    myla.write_text(f'{project}\n  - source: myla-results-mk\n    quote: "{RUNS_INTO}"\n', "utf-8")
    rows.append(
        f'myla-refugee-integration,,people-trained,40,exact,,,,,myla-results-mk,"{RUNS_INTO}"'
    )
    for place, number in (("kumanovo", 300), ("butel", 215), ("gevgelija", 3)):
        rows.append(
            f"myla-refugee-integration,,refugees-supported,{number},exact,--01,--04,{place},"
            f'origin_city,myla-results-mk,"{SPLIT_SENTENCE}"'
        )
    _append(folder / "indicator_values.csv", "\n".join(rows) + "\n")
    return folder
