"""What the Participants and People supported charts share: how a bar of an approximate
figure looks, how its number is written, and texts wrapped and escaped for Plotly."""

from __future__ import annotations

from lib.text.escape import html_lines
from lib.text.i18n import format_number

APPROXIMATE_OPACITY = 0.55
FONT = {"size": 13}


def wrap(text: str, width: int) -> list[str]:
    """Lines of `text`, HTML-escaped: Plotly reads tags in labels, data text must stay text."""
    return html_lines(text, width)


def hover(*lines: str) -> str:
    return "<br>".join(lines)


def quote(quote: str) -> str:
    return "“" + "<br>".join(wrap(quote, 60)) + "”"


def bar_text(value: int, approximate: bool, language: str) -> str:
    number = format_number(value, language)
    return f"≈ {number}" if approximate else number


def inside_bar_text(value: int, approximate: bool, language: str) -> str:
    """bar_text for a number written inside its bar: an approximate bar's in dark grey, as
    Plotly writes on a light bar, since its stripes leave it mostly white (Plotly chose the
    text's colour by the bar's, and wrote white on white); an exact bar's in Plotly's own."""
    text = bar_text(value, approximate, language)
    return f"<span style='color:#444444'>{text}</span>" if approximate else text


def bar_style(approximate: list[bool], colour: str) -> dict:
    """Marker of bars some of which are approximate: lighter and hatched, not only lighter,
    so the difference survives a black-and-white print."""
    return {
        "color": colour,
        "opacity": [APPROXIMATE_OPACITY if a else 1.0 for a in approximate],
        "pattern": {"shape": ["/" if a else "" for a in approximate]},
    }
