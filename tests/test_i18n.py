"""The interface in English, Bulgarian and Macedonian: complete catalogs, numbers and dates
written for the language, the language chosen in the URL, and data names in that language."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from app_support import ROOT, open_app
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from fixture_data import FIXTURE_DATA_DIR
from streamlit.testing.v1 import AppTest

from lib.exports.csv_file import csv_bytes
from lib.load.loader import load_portfolio
from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, LANGUAGES, TRANSLATED_LANGUAGES
from lib.query.filters import Filters, selected_projects, selected_values
from lib.query.flat_table import readable_values
from lib.text.dates import date_text, period_text
from lib.text.i18n import (
    babel_locale,
    catalog_path,
    format_coordinate,
    format_day,
    format_month,
    format_number,
    ntr,
    plotly_separators,
    tr,
)
from lib.ui.language import browser_language, language_from_param

POT = ROOT / "locale" / "dashboard.pot"
KEYWORDS = {"tr": (2,), "ntr": (2, 3), "N_": None}
# Left as they are in every language: codes, names of standards and programs, placeholders.
SAME_IN_EVERY_LANGUAGE = {"IATI", "CSV", "HXL", "PDF", "ZIP", "XML", "PNG", "UTC"}
# Letters of one language's alphabet that the other's lacks.
ONLY_BULGARIAN = set("йщъьюя")
ONLY_MACEDONIAN = set("ѓќљњџѕј")
NBSP = "\u00a0"


def _catalog(language: str):
    with catalog_path(language).open("rb") as po_file:
        return read_po(po_file, locale=language)


def _ids(catalog) -> set:
    return {message.id for message in catalog if message.id}


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _english(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_]*\}", text))


# 1. The catalogs --------------------------------------------------------------------------------


def test_the_template_holds_every_string_the_code_marks():
    """`make translations` was run: a string marked in the code but missing from the .pot
    would be shown in English on every page."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS
        )
    }
    with POT.open("rb") as pot_file:
        in_template = _ids(read_po(pot_file))
    assert found - in_template == set(), "run `make translations` and translate what is new"
    assert in_template - found == set(), "the .pot holds strings no code uses any more"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_catalog_translates_every_string_of_the_template(language):
    with POT.open("rb") as pot_file:
        template = _ids(read_po(pot_file))
    catalog = _catalog(language)
    assert template - _ids(catalog) == set(), f"missing from {language}: run `make translations`"
    for message in catalog:
        if not message.id:
            continue
        assert all(s.strip() for s in _strings(message)), f"empty in {language}: {message.id}"
        assert not message.fuzzy, f"fuzzy (unchecked) in {language}: {message.id}"
        for english, text in zip(_english(message), _strings(message), strict=False):
            words = set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[a-z_]*\}|`[^`]*`", "", english)))
            if words - SAME_IN_EVERY_LANGUAGE:
                assert text != english, f"left in English in {language}: {english}"
            assert _fields(text) == _fields(english), f"placeholders differ: {english!r}"


def test_macedonian_is_written_in_macedonian_and_bulgarian_in_bulgarian():
    """The alphabets differ: й щ ъ ь ю я are Bulgarian only, ѓ ќ љ њ џ ѕ ј Macedonian only."""
    for language, foreign in (("mk", ONLY_BULGARIAN), ("bg", ONLY_MACEDONIAN)):
        for message in _catalog(language):
            for text in _strings(message) if message.id else ():
                letters = set(text.lower()) & foreign
                assert not letters, f"{language} has {letters} in {text!r}"
    mk = {message.id: message.string for message in _catalog("mk") if message.id}
    bg = {message.id: message.string for message in _catalog("bg") if message.id}
    assert (mk["Participants by city"], bg["Participants by city"]) == (
        "Учесници по град",
        "Участници по град",
    )
    assert (mk["Map"], bg["Map"]) == ("Мапа", "Карта")
    assert (mk["Funding"], bg["Funding"]) == ("Финансирање", "Финансиране")
    assert (mk["Overview"], bg["Overview"]) == ("Преглед", "Общ преглед")
    assert mk["Sources and data"].startswith("Извори")
    assert bg["Sources and data"].startswith("Източници")


# 2. Translating, numbers and dates ---------------------------------------------------------------


def test_tr_translates_and_fills_in_and_falls_back_to_english():
    assert tr("bg", "Map") == "Карта"
    assert tr("mk", "Map") == "Мапа"
    assert tr("en", "Map") == "Map"
    assert tr("xx", "Map") == "Map"  # an unknown language is English
    assert tr("bg", "not a string of the dashboard") == "not a string of the dashboard"
    assert tr("bg", "about {number}", number="16") == "около 16"
    assert ntr("bg", "named by {n} selected project", "named by {n} selected projects", 1) == (
        "посочен от 1 избран проект"
    )
    assert ntr("mk", "named by {n} selected project", "named by {n} selected projects", 3) == (
        "наведен од 3 избрани проекти"
    )


def test_numbers_and_months_are_written_the_way_each_language_writes_them():
    assert format_number(84000, "en") == "84,000"
    assert format_number(84000, "bg") == f"84{NBSP}000"  # a space that keeps them on one line
    assert format_number(84000, "mk") == "84.000"  # Macedonian groups with a dot (CLDR)
    assert format_number(12000.5, "bg", decimals=2) == f"12{NBSP}000,50"
    assert format_month(2018, 6, "en") == "June 2018"
    assert format_month(2018, 6, "bg") == "юни 2018"
    assert format_month(2018, 6, "mk") == "јуни 2018"
    assert format_day(2018, 6, 19, "en") == "19 June 2018"
    assert format_day(2018, 6, 19, "bg") == "19 юни 2018"
    assert plotly_separators("bg") == f",{NBSP}"


def test_a_day_reads_as_babels_day_month_year_pattern_in_every_language():
    # format_day writes the words itself (a first visit writes thousands of days): the same
    # words as Babel's pattern, from the first century to the twenty-second, every month
    first = date(1, 1, 1)
    days = [first + timedelta(days=step) for step in range(0, 803_000, 89)]
    for language in LANGUAGE_CODES:
        for day in days:
            expected = format_date(day, format="d MMMM y", locale=babel_locale(language))
            assert format_day(day.year, day.month, day.day, language) == expected
    with pytest.raises(ValueError):
        format_day(2018, 2, 30, "en")


def test_coordinates_are_written_with_the_languages_decimal_mark_every_time():
    # written once and kept: a second call, and 0 beside -0.0 (one key of a cache), the same
    for _ in range(2):
        assert format_coordinate(41.74583, "en") == "41.74583"
        assert format_coordinate(41.74583, "bg") == "41,74583"
        assert format_coordinate(-8.123456789, "mk") == "-8,12346"
        assert (format_coordinate(0.0, "en"), format_coordinate(-0.0, "en")) == ("0", "-0")


def test_dates_keep_their_precision_in_every_language():
    june = FuzzyDate.parse("--06")
    assert date_text(june, "bg") == "юни, годината не е посочена"
    assert date_text(june, "mk") == "јуни, годината не е наведена"
    assert date_text(FuzzyDate.parse("2018-06"), "bg") == "юни 2018"
    assert period_text(FuzzyDate.parse("2018-06-19"), FuzzyDate.parse("2018-06-22"), "mk") == (
        "19 јуни 2018 – 22 јуни 2018"
    )
    assert date_text(None, "en") == "not stated"


# 3. The language of a visit -----------------------------------------------------------------------


def test_the_browser_language_decides_when_the_url_does_not():
    assert browser_language("bg-BG") == "bg"
    assert browser_language("mk") == "mk"
    assert browser_language("en-GB") == "en"
    assert browser_language("de-DE") == "en"
    assert browser_language(None) == "en"
    assert language_from_param([], "bg") == ("bg", False)
    assert language_from_param(["MK"], "en") == ("mk", False)
    assert language_from_param(["fr"], "en") == ("en", True)


def _open(lang: str, page: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    if page is not None:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_bulgarian_link_shows_a_bulgarian_page_with_bulgarian_numbers():
    app = _open("bg", "pages/people_supported/app.py")
    assert app.title[0].value == "Подкрепени хора"
    shown = [metric.value for metric in app.metric]
    assert f"около 84{NBSP}000" in shown
    assert "около 16 или повече" in shown
    assert app.selectbox(key="view.language").value == "bg"
    assert [multiselect.label for multiselect in app.multiselect][:2] == ["Държава", "Град"]


def test_a_macedonian_link_shows_macedonian_names_and_numbers():
    app = _open("mk", "pages/people_supported/app.py")
    assert app.title[0].value == "Поддржани лица"
    assert "околу 84.000" in [metric.value for metric in app.metric]
    app = _open("mk", "pages/participants/app.py")
    assert app.title[0].value == "Учесници по град"


def test_an_unknown_language_in_the_link_is_refused_with_a_notice():
    app = _open("xx")
    assert app.selectbox(key="view.language").value == "en"
    assert app.title[0].value == "Integration projects: what was achieved"
    assert any("Ignored the language in the link" in warning.value for warning in app.warning)


def test_choosing_a_language_puts_it_in_the_url_and_english_leaves_it_out():
    app = open_app()
    assert "lang" not in app.query_params
    app.selectbox(key="view.language").set_value("mk").run()
    assert app.query_params["lang"] in ("mk", ["mk"])
    assert app.title[0].value == "Интеграциски проекти: што е постигнато"
    app.selectbox(key="view.language").set_value("en").run()
    assert "lang" not in app.query_params


# 4. Data in the language, downloads and the map's labels ------------------------------------------


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_the_csv_download_is_utf8_with_a_byte_order_mark_and_headers_in_the_language(portfolio):
    values = selected_values(portfolio, Filters())
    data = csv_bytes(readable_values(portfolio, values, "bg"))
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads Cyrillic only with it
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("проект,събитие,показател")
    assert "Щип" in text and "Shtip" not in text.split("\n", 1)[1].split(",")[0]


def test_the_map_labels_and_tooltips_are_in_the_chosen_language(portfolio):
    from lib.topics.map.chart import map_deck
    from lib.topics.map.data import map_data

    filters = Filters()
    ids = selected_projects(portfolio, filters)
    values = selected_values(portfolio, filters)
    deck = map_deck(map_data(portfolio, ids, values, filters, "mk"), {"features": []}).to_json()
    assert '"Штип"' in deck and '"Shtip"' not in deck
    assert "Големина на точката" in deck  # the tooltip's words
    assert '"characterSet": "auto"' in deck or '"characterSet":"auto"' in deck


def test_a_translated_title_is_marked_and_the_quote_stays_original(portfolio):
    """The first project's report is Bulgarian: on a Macedonian page its title and summary
    are translations, marked so; its quotes stay in Bulgarian."""
    app = _open("mk", "pages/projects/app.py")
    project = portfolio.projects[app.selectbox(key="projects.show").value]
    assert project.title.original == "bg"
    assert any(c.value.startswith("Преведен наслов; оригиналот (bg)") for c in app.caption)
    assert any(m.value.replace("\\", "").endswith("(превод)") for m in app.markdown)
    quotes = app.dataframe[-1].value["цитат"].tolist()
    assert project.places[0].quote in quotes  # as the report wrote it


def test_the_language_names_in_the_select_box_are_in_their_own_language():
    app = open_app()
    box = app.selectbox(key="view.language")
    assert box.options == [language.name for language in LANGUAGES]
    assert box.options[:3] == ["English", "Български", "Македонски"]


def test_the_catalogs_are_read_from_po_files_not_compiled_binaries():
    assert not list(Path(ROOT / "locale").rglob("*.mo"))
