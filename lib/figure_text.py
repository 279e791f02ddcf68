"""How a headline figure is written: approximate, lower bound and unknown stay visible."""

from __future__ import annotations

from lib.headlines import Figure


def figure_text(figure: Figure) -> str:
    """'259', 'about 84,000', 'at least about 16', or 'not reported'."""
    if figure.value is None:
        return "not reported"
    words = f"{figure.value:,}"
    if figure.approximate:
        words = f"about {words}"
    if figure.at_least:
        words = f"at least {words}"
    return words
