"""Every page in real Chromium in Bulgarian and in Macedonian, as a visitor reads it.

No English interface word may be left on a Bulgarian or Macedonian page (the words of the
catalogs' English strings, checked against what the page shows once the data's own words are
taken out: quoted sentences, report titles and links stay as their sources wrote them).
Macedonian pages must not use Bulgarian spellings, and the map must draw its Cyrillic labels:
its screenshot is saved to tests/artifacts/map-mk-cyrillic.png and map-bg-cyrillic.png.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from browser_support import ROOT, save_screenshot
from fixture_data import FIXTURE_DATA_DIR
from playwright.sync_api import expect
from test_browser_pages import (
    DECK_CANVAS,
    DRAW_TIMEOUT_MS,
    SIDEBAR,
    shown_text,
    wait_for_title,
)

from lib.load.loader import load_portfolio
from lib.model.languages import LANGUAGE_NAMES, TRANSLATED_LANGUAGES
from lib.text.i18n import tr
from lib.topics.sources.data import plain_text

pytestmark = pytest.mark.browser

PAGES = {  # URL path -> the page's English title
    "": "Integration projects: what was achieved",
    "participants": "Participants by city",
    "map": "Map of partner cities",
    "people-supported": "People supported",
    "projects": "Projects",
    "timeline": "Timeline",
    "funding": "Funding",
    "sources": "Sources and data",
}
# Words that are the same in every language: standards, formats, commands, a data source.
KEPT = {
    "iati", "csv", "hxl", "pdf", "zip", "xml", "png", "utc", "yaml", "geonames",
    "frictionless", "natural", "earth", "dashboard", "data", "validate", "run",
}  # fmt: skip
# The language box is labelled in all three languages, so anyone can find it.
LANGUAGE_LABEL = "Language · Език · Јазик"
# ...and the language buttons under each title name each language in its own words.
LANGUAGE_BUTTONS = " ".join(LANGUAGE_NAMES.values())
ONLY_BULGARIAN = set("йщъьюя")


@cache
def english_words() -> frozenset[str]:
    """The words of the interface's English strings (the .pot's msgids)."""
    with (ROOT / "locale" / "dashboard.pot").open("rb") as pot:
        ids = [m.id for m in read_po(pot) if m.id]
    texts = [part for m in ids for part in (m if isinstance(m, tuple) else (m,))]
    words = {
        word.lower()
        for text in texts
        for word in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]*\}|`[^`]*`", " ", text))
    }
    return frozenset(words - KEPT)


@cache
def source_words() -> tuple[str, ...]:
    """What stays in its source's language on every page: the quoted sentences, the reports'
    titles and texts, longest first so that a quote is taken out before its parts."""
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    texts = set(portfolio.values["quote"])
    texts |= {source.title for source in portfolio.sources.values()}
    texts |= set(portfolio.source_texts.values())
    texts |= {plain_text(text) for text in portfolio.source_texts.values()}  # as the page shows it
    for project in portfolio.projects.values():
        for entry in (*project.places, *project.organisations, *project.funding, *project.links):
            texts.add(entry.quote)
        texts |= {event.quote for event in project.events}
        texts |= {note.quote for note in project.notes}
        if project.dates_source:
            texts.add(project.dates_source.quote)
        # shown beside its translation ("the original (bg): …")
        texts |= {project.title.get(project.title.original)}
        texts |= {event.title.get(event.title.original) for event in project.events}
    for entry in (*portfolio.organisations.values(), *portfolio.programmes.values()):
        texts.add(entry.quote)
    # The curators' notes (why a fact is their reading, what a report lacks) are data written in
    # English only (data/README.md), shown as written like the quotes: not interface words.
    texts |= {source.note for source in portfolio.sources.values()}
    texts |= {place.note for place in portfolio.places.values()}
    for project in portfolio.projects.values():
        for entry in (*project.places, *project.organisations, *project.funding, *project.links):
            texts.add(entry.note)
        texts |= {event.note for event in project.events}
        texts.add(project.note)
    return tuple(sorted((t for t in texts if t), key=len, reverse=True))


def interface_text(page_text: str) -> str:
    """The page's text without what the sources wrote (quotes may wrap across lines)."""
    text = re.sub(r"\s+", " ", page_text)
    for source_text in source_words():
        # a chart's wrapped lines may come joined with no space between them (SVG text)
        words = source_text.split()
        text = re.sub(r"\s*".join(re.escape(word) for word in words), " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    # the data's ids and file names ('shtip-strazhitsa-twinning', 'sources/report-mk.txt')
    text = re.sub(r"\S+\.(?:txt|csv|yaml|xml|zip|json)\b", " ", text)
    text = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", " ", text)
    # Streamlit's icons are ligatures of the Material font: 'keyboard_arrow_right' is drawn
    # as an arrow, never shown as words.
    text = re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", " ", text)
    return text.replace(LANGUAGE_LABEL, " ").replace(LANGUAGE_BUTTONS, " ")


def english_left(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english_words()}


def open_in(open_page, base: str, path: str, language: str):
    watched = open_page(f"{base}/{path}?lang={language}")
    page = watched.page
    wait_for_title(page, tr(language, PAGES[path]))
    page.wait_for_timeout(1500)  # charts and tables draw after the run
    return watched


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("path", list(PAGES), ids=[p or "overview" for p in PAGES])
def test_page_shows_no_english_interface_words(open_page, base, path, language):
    watched = open_in(open_page, base, path, language)
    page = watched.page
    text = shown_text(page) + "\n" + page.locator(SIDEBAR).inner_text()
    left = english_left(interface_text(text))
    assert not left, f"English words on the {language} page /{path}: {sorted(left)}"
    assert not watched.console_errors, watched.console_errors
    if language == "mk":
        bulgarian = set(interface_text(text).lower()) & ONLY_BULGARIAN
        assert not bulgarian, f"Bulgarian letters {bulgarian} on the Macedonian page /{path}"


@pytest.mark.parametrize("language", ["bg", "mk"])
def test_the_map_draws_its_city_names_in_cyrillic(open_page, base, language):
    """The screenshot is for a person to look at: the names must be letters, not boxes."""
    watched = open_in(open_page, base, "map", language)
    page = watched.page
    canvas = page.locator(DECK_CANVAS).first
    expect(canvas).to_be_visible(timeout=DRAW_TIMEOUT_MS)
    page.wait_for_timeout(3000)  # deck.gl draws its text atlas a few frames after the dots
    canvas.scroll_into_view_if_needed()
    save_screenshot(page, f"map-{language}-cyrillic", full_page=False)
    canvas.screenshot(path=str(ROOT / "tests" / "artifacts" / f"map-{language}-cyrillic-map.png"))
    shtip = {"bg": "Щип", "mk": "Штип"}[language]
    assert shtip in shown_text(page)  # the table under the map names it as the map does
    assert not watched.console_errors, watched.console_errors
