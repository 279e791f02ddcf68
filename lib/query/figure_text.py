"""How a headline figure is written: approximate, lower bound and unknown stay visible."""

from __future__ import annotations

from lib.load.audience import suppressed_words
from lib.query.figures import Figure
from lib.text.i18n import format_number, tr


def figure_text(figure: Figure, language: str = "en") -> str:
    """'259', 'about 84,000', 'at least about 16', or 'not reported' ('около 84 000')."""
    if figure.value is None and figure.suppressed_in:
        return suppressed_words(figure.fewer_than, language)  # "fewer than 5"
    if figure.value is None:
        return tr(language, "not reported")
    words = format_number(figure.value, language)
    if figure.approximate:
        words = tr(language, "about {number}", number=words)
    if figure.at_least:
        words = tr(language, "at least {number}", number=words)
    return words
