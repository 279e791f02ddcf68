"""What every chart carries into its picture, as Our World in Data's charts do: its title
above, and below it the filters in words, the date and the reports it comes from.

The picture is Plotly's own PNG (the camera button), made in the browser from the figure as
drawn, so the words are part of the figure: the page shows them too, and a PNG passed around
without the page still says what it shows, when, and from which reports. Pure: a figure and
words in, a new figure out.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from lib.query.limits import names_text
from lib.text.escape import html_text
from lib.text.i18n import format_day, tr

TITLE_WRAP = 44  # characters a title line: Plotly does not wrap, and a phone is narrow
FOOTER_WRAP = 60
FOOTER_PX = 15  # a footer line at 11 px
TITLE_PX = 22
SOURCES_NAMED = 3  # reports named in the footer before "and N more"


@dataclass(frozen=True)
class PictureWords:
    """The words a chart's picture carries besides the chart: its title, the filters in
    words, the date it was drawn, and the titles of the reports behind it (the first
    SOURCES_NAMED are enough, with `source_count` saying how many there are in all)."""

    title: str
    filters: str
    made_on: dt.date
    sources: tuple[str, ...]
    language: str = "en"
    source_count: int | None = None  # None: `sources` holds every title


def _lines(text: str, width: int) -> list[str]:
    return [html_text(line) for line in textwrap.wrap(text, width)] or [""]


def footer_lines(words: PictureWords) -> list[str]:
    """'Showing: All projects', the date, 'Source: report; report and 2 more', wrapped."""
    language = words.language
    day = format_day(words.made_on.year, words.made_on.month, words.made_on.day, language)
    showing = tr(language, "Showing: {filters}", filters=words.filters) + " · " + day
    lines = _lines(showing, FOOTER_WRAP)
    if words.sources:
        titles = names_text(
            list(words.sources), SOURCES_NAMED, "; ", total=words.source_count, language=language
        )
        lines += _lines(tr(language, "Source: {source}", source=titles), FOOTER_WRAP)
    return lines


def framed(figure: go.Figure | dict, words: PictureWords) -> go.Figure:
    """A copy of `figure` (a figure, or a figure's plain dict, left as it is) with
    `words.title` above (its own title, if any, under it) and the footer below, the figure
    made taller by as much, so the chart keeps its size."""
    # Framed as a plain dict, checked by Plotly once when made a figure: a copy, an added
    # annotation and an update each checked every annotation again (a chart of 160 names
    # took 45 ms, a sixth of its page's first visit)
    spec = dict(figure) if isinstance(figure, dict) else figure.to_dict()
    layout = spec["layout"] = dict(spec.get("layout", {}))
    title = [f"<b>{line}</b>" for line in _lines(words.title, TITLE_WRAP)]
    own = layout.get("title", {}).get("text")
    if own:
        title.append(f"<span style='font-size:13px'>{own}</span>")
    footer = footer_lines(words)
    margin = layout.get("margin", {})
    own_top = margin["t"] if margin.get("t") is not None else 80
    own_bottom = margin["b"] if margin.get("b") is not None else 80
    footer_note = {
        "text": "<br>".join(footer),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        # below the axis and its ticks, which take the figure's own bottom margin
        "yshift": -own_bottom + 4,
        "align": "left",
        "showarrow": False,
        "font": {"size": 11, "color": "#555555"},
    }
    layout["annotations"] = [*layout.get("annotations", []), footer_note]
    height = (layout.get("height") or 450) + TITLE_PX * len(title) + FOOTER_PX * len(footer) + 10
    own_title = layout.get("title", {})
    layout["title"] = {
        **own_title,
        "text": "<br>".join(title),
        "x": 0,
        "xanchor": "left",
        "y": 1,
        "yanchor": "top",
        # Plotly sets a title of several lines a little above its anchor
        "pad": {**own_title.get("pad", {}), "t": 20},
    }
    layout["margin"] = {
        **margin,
        "t": own_top + TITLE_PX * len(title),
        "b": own_bottom + FOOTER_PX * len(footer) + 10,
    }
    layout["height"] = height
    return go.Figure(spec)
