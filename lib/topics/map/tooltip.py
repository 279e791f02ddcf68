"""The map's tooltip: which fields it shows, how long each may be, and where it sits.

deck.gl puts its tooltip beside the pointer, whatever room is left: beside a city near the
map's edge it ran 111 px past it, source sentence and all. It is pinned instead to the map's
top left corner, no wider or taller than the map, and each line is cut to what it can hold;
the table under the map has every text in full.
"""

from __future__ import annotations

# Streamlit escapes the values put into the tooltip's HTML: every field is plain text.
TOOLTIP = (
    "<b>{name}</b><br/>{tip_where}<br/>{tip_projects}<br/>{tip_size}<br/>{tip_figures}"
    "<br/><i>{tip_sources}</i><br/>{tip_more}"
)
TIP_CHARACTERS = 140
TOOLTIP_STYLE = {
    "transform": "none",  # deck.gl's own translate() to the pointer, set before this style
    "top": "6px",
    "left": "6px",
    "maxWidth": "min(300px, calc(100% - 12px))",
    "maxHeight": "calc(100% - 12px)",
    "overflow": "hidden",
    "backgroundColor": "white",
    "color": "#222",
    "fontSize": "12px",
    "lineHeight": "1.35",
    "whiteSpace": "normal",
    "border": "1px solid #ccc",
    "boxShadow": "0 1px 4px rgba(0,0,0,0.2)",
}


def tip_line(text: str) -> tuple[str, bool]:
    """The text cut at a word to TIP_CHARACTERS, and whether it was cut."""
    if len(text) <= TIP_CHARACTERS:
        return text, False
    return text[:TIP_CHARACTERS].rsplit(" ", 1)[0] + " …", True
