"""The interface in every language of lib/model/languages.py: gettext catalogs and Babel's
locale data.

Translations live in `locale/<language>/LC_MESSAGES/dashboard.po`, the gettext format that
translators' tools (Poedit, Weblate, Lokalise) read and write. The app reads the .po files
themselves and compiles them in memory, once per language, so no compiled .mo file is kept in
the repository and no build step can be forgotten. English is the source language: its strings
are the catalogs' keys, and a string a catalog lacks is shown in English.
"""

from __future__ import annotations

import gettext
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from lib.model.languages import BABEL_LOCALES, LANGUAGE_CODES, SOURCE_LANGUAGE

DOMAIN = "dashboard"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def supported(language: str | None) -> str:
    """`language` if the dashboard speaks it, else English."""
    return language if language in LANGUAGE_CODES else SOURCE_LANGUAGE


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalog, compiled from its .po file in memory (once per process)."""
    path = catalog_path(language)
    if language == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    # Fuzzy entries are a translator's unchecked guesses: gettext leaves them out, so do we.
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def N_(message: str) -> str:
    """Marks a message for the catalogs where it is written (a constant), to be translated
    with `tr` where it is shown."""
    return message


def tr(language: str, message: str, /, **values: object) -> str:
    """`message` in `language`, with `{name}` fields filled from `values` when given."""
    text = translations(supported(language)).gettext(message)
    return text.format(**values) if values else text


def ntr(language: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form of the message that suits the count `n` (`{n}` is filled in as a number
    written for the language, unless `values` gives `n`)."""
    text = translations(supported(language)).ngettext(singular, plural, n)
    fields = {"n": format_number(n, language), **values}
    return text.format(**fields)


@cache  # parsed once: a portfolio's map and tables write thousands of numbers and dates
def babel_locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[supported(language)])


def format_number(value: float | int | Decimal, language: str, decimals: int | None = None) -> str:
    """'84,000' in English, '84 000' in Bulgarian (a no-break space), '84.000' in Macedonian:
    Babel's (CLDR's) locale data, with a fixed number of decimals when `decimals` is given."""
    if decimals is None and type(value) is int:
        return _whole_number(value, language)
    locale = babel_locale(language)
    if decimals is None:
        text = format_decimal(value, locale=locale, group_separator=True)
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        text = format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)
    return text


# A portfolio's pages write the same few thousand counts and dates on every filter change:
# each is worked out by Babel once a process (a few MB at most), not once a mark.
WRITTEN_KEPT = 65536


@lru_cache(maxsize=WRITTEN_KEPT)
def _whole_number(value: int, language: str) -> str:
    # Babel takes ~70 us a number: a funder's map wrote 1,500 new ones on a filter change.
    # Each language groups by threes (tests/test_number_words.py holds it to Babel's words).
    if value >= 0:
        return f"{value:,}".replace(",", _symbols(language)["group"])
    return format_decimal(value, locale=babel_locale(language), group_separator=True)


@cache
def _symbols(language: str) -> dict[str, str]:
    return dict(babel_locale(language).number_symbols["latn"])


def language_name(code: str, language: str) -> str:
    """'Bulgarian', 'български', 'бугарски': the language `code` named in `language`'s words
    (CLDR's names), as a table about reports writes it."""
    return babel_locale(language).languages.get(code, code)


def format_coordinate(degrees: float, language: str) -> str:
    """'41.74583' in English, '41,74583' in Bulgarian and Macedonian: a latitude or longitude
    with the language's decimal mark, to at most 5 decimals (about a metre), never grouped.
    Each is written once (a map's table writes its hundreds of cities' on every filter
    change); but 0 and -0.0, one key of a cache, are written each time."""
    if degrees == 0:
        return _coordinate_text(degrees, language)
    return _kept_coordinate_text(degrees, language)


def _coordinate_text(degrees: float, language: str) -> str:
    # what Babel's "0.#####" writes (its Decimal of the float's str, rounded half to even),
    # without its ~100 us a number: a first visit's table writes a thousand
    rounded = Decimal(str(degrees)).quantize(_FIFTH_DECIMAL, ROUND_HALF_EVEN)
    text = f"{rounded:f}".rstrip("0").rstrip(".")
    return text.replace(".", _symbols(language)["decimal"])


_FIFTH_DECIMAL = Decimal("0.00001")


_kept_coordinate_text = lru_cache(maxsize=WRITTEN_KEPT)(_coordinate_text)


def plotly_separators(language: str) -> str:
    """Plotly's `separators` layout setting (decimal mark, then thousands separator), so an
    axis's ticks read '84 000' on a Bulgarian page."""
    symbols = babel_locale(language).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def month_name(month: int, language: str, standalone: bool = True) -> str:
    """'June', 'юни', 'јуни': the month alone (as in a list) or in a date ('19 юни 2018')."""
    return _month_names(language, standalone)[month]


@cache
def _month_names(language: str, standalone: bool) -> dict[int, str]:
    context = "stand-alone" if standalone else "format"
    return dict(babel_locale(language).months[context]["wide"])


def format_month(year: int, month: int, language: str) -> str:
    """'June 2018', 'юни 2018', 'јуни 2018'."""
    return f"{month_name(month, language)} {year}"


@lru_cache(maxsize=WRITTEN_KEPT)
def format_day(year: int, month: int, day: int, language: str) -> str:
    """'19 June 2018', '19 юни 2018', '19 јуни 2018': one pattern in every language, so a
    day reads like the month and year beside it (CLDR's long English form is 'June 19, 2018').
    Babel's format_date with the pattern "d MMMM y" writes the same words (tests/test_i18n.py
    compares them) at a tenth of the time, which a first visit paid for thousands of days."""
    written = date(year, month, day)  # an impossible day raises, as format_date did
    return f"{written.day} {month_name(month, language, standalone=False)} {written.year}"
