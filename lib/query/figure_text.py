"""How a figure is written, a headline or one reported value: approximate, lower bound, unknown
and withheld stay visible."""

from __future__ import annotations

import pandas as pd

from lib.load.audience import is_suppressed, suppressed_words
from lib.query.figures import Figure
from lib.text.i18n import format_number, tr


def figure_text(figure: Figure, language: str = "en") -> str:
    """'259', 'about 84,000', 'at least 16', 'about 16 or more', or 'not reported'
    ('около 84 000'). "At least about 16" read badly in every language: a lower bound that is
    itself approximate is "about 16 or more"."""
    if figure.value is None and figure.suppressed_in:
        return suppressed_words(figure.fewer_than, language)  # "fewer than 5"
    if figure.value is None:
        return tr(language, "not reported")
    number = format_number(figure.value, language)
    if figure.approximate and figure.at_least:
        return tr(language, "about {number} or more", number=number)
    if figure.approximate:
        return tr(language, "about {number}", number=number)
    if figure.at_least:
        return tr(language, "at least {number}", number=number)
    return number


def value_text(
    value: object, precision: str, language: str = "en", fewer_than: object = None
) -> str:
    """'259', 'about 84,000', 'not reported' (never 0 for an unknown) or, on the public
    site, 'fewer than 5' for a small count of vulnerable people (`fewer_than` the bound)."""
    if is_suppressed(precision):
        return suppressed_words(fewer_than, language)
    if precision == "not_reported" or value is None or pd.isna(value):
        return tr(language, "not reported")
    words = format_number(int(value), language)
    return tr(language, "about {number}", number=words) if precision == "approximate" else words
