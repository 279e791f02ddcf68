"""Numbers and coordinates as the pages write them (lib/text/i18n.py): written without Babel
on the pages' hot path, they must read exactly as Babel (CLDR) writes them."""

from __future__ import annotations

import random

import pytest
from babel.numbers import format_decimal

from lib.text.i18n import babel_locale, format_coordinate, format_number

LANGUAGES = ("en", "bg", "mk")


def test_a_count_reads_in_each_languages_way():
    assert format_number(84000, "en") == "84,000"
    assert format_number(84000, "bg") == "84\xa0000"
    assert format_number(84000, "mk") == "84.000"
    assert format_number(1234567, "mk") == "1.234.567"
    assert format_number(259, "bg") == "259"


def test_a_coordinate_reads_with_the_languages_decimal_mark():
    assert format_coordinate(41.74583, "en") == "41.74583"
    assert format_coordinate(41.74583, "mk") == "41,74583"
    assert format_coordinate(22.195833333, "bg") == "22,19583"  # to about a metre
    assert format_coordinate(25.0, "en") == "25"
    assert format_coordinate(-0.000004, "en") == "-0"


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_and_coordinates_read_as_babel_writes_them(language):
    locale = babel_locale(language)
    rng = random.Random(16)
    counts = [*range(0, 20000, 7), *(rng.randrange(0, 10**12) for _ in range(2000)), -1234]
    for count in counts:
        assert format_number(count, language) == format_decimal(
            count, locale=locale, group_separator=True
        )
    degrees = [rng.uniform(-180, 180) for _ in range(2000)]
    degrees += [round(rng.uniform(-90, 90), 6) for _ in range(2000)]
    degrees += [0.000005, 0.000015, -0.000025, 12.5, 180.0, 0.0, -0.0, 1e-9]
    for value in degrees:
        written = format_decimal(value, format="0.#####", locale=locale)
        assert format_coordinate(value, language) == written, value
