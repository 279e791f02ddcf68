"""The Participants chart (the People supported chart is in people_chart.py): tidy frame in,
figure out.

Pure functions over the frames of lib/people_tables: no Streamlit, no files. Unknown values
are written on the chart as "not reported" and never drawn as a bar of 0; approximate values
are lighter, hatched and marked "≈".
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from lib.query.figure_text import value_text
from lib.text.escape import html_text
from lib.text.i18n import format_number, plotly_separators, tr
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY
from lib.topics.people.bar_names import (
    WRAP,
    bar_width,
    names_above,
    row_px,
    rows_axis,
)
from lib.topics.people.bar_style import FONT, bar_style, hover, inside_bar_text, quote, wrap
from lib.topics.people.data import NOT_BROKEN_DOWN


def _segments(figures: pd.DataFrame, language: str) -> tuple[list[str], list[dict], list[dict]]:
    """Chart rows (one an event), bar segments, and notes for rows with no number."""
    unassigned = tr(language, NOT_BROKEN_DOWN)
    tick_texts: list[str] = []
    segments: list[dict] = []
    notes: list[dict] = []
    # plain records grouped in one pass: a frame's filtering a group, four times over forty
    # groups, took most of the chart's time
    groups: dict[str, list[SimpleNamespace]] = {}
    for record in figures.to_dict("records"):
        groups.setdefault(record["group"], []).append(SimpleNamespace(**record))
    for position, rows in enumerate(groups.values()):
        first = rows[0]
        tick_texts.append("<br>".join(wrap(f"{first.label} ({first.date})", WRAP)))
        reported = [row for row in rows if not pd.isna(row.value)]
        for row in (row for row in reported if row.role == "part"):
            segments.append(_segment(position, row, row.from_city, int(row.value), language))
        for row in (row for row in reported if row.role == "total"):
            rest = int(row.value) - int(row.assigned)
            if rest > 0:
                segments.append(_segment(position, row, unassigned, rest, language))
            total = format_number(int(row.value), language)
            written = tr(language, "{number} in all", number=total)
            written += " ✓" if row.check.endswith("✓") else ""
            notes.append({"y": position, "x": int(row.value), "text": written, "total": True})
        for row in (row for row in reported if row.role == "whole"):
            segments.append(_segment(position, row, row.from_city, int(row.value), language))
        if not reported:
            text = tr(language, "not reported")
            notes.append({"y": position, "x": 0, "text": text, "total": False})
    return tick_texts, segments, notes


def _segment(position: int, row: object, city: str, value: int, language: str) -> dict:
    approximate = row.precision == "approximate"
    return {
        "y": position,
        "city": city,
        "x": value,
        "approximate": approximate,
        "hover": hover(
            f"<b>{html_text(row.label)}</b>",
            html_text(row.date),
            tr(
                language,
                "From {city}: {number}",
                city=html_text(city),
                number=value_text(value, row.precision, language),
            ),
            tr(language, "Source: {source}", source=html_text(row.source)),
            quote(row.quote),
        ),
    }


def participants_chart(figures: pd.DataFrame, language: str = "en") -> go.Figure:
    """Horizontal bars, one an event, stacked by origin city where the report breaks the
    count down; a grey bar where it does not; 'not reported' written where there is no count."""
    return go.Figure(participants_chart_spec(figures, language))


def participants_chart_spec(figures: pd.DataFrame, language: str = "en") -> dict:
    """participants_chart as a plain dict, which Plotly checks once when it is made a figure
    (the page frames it first, lib/topics/picture_frame.py): a figure made, then written out
    as a dict to be framed, checked its bars and names twice, a tenth of a second at 100,000
    projects. Without a template: the figure takes Plotly's default."""
    tick_texts, segments, notes = _segments(figures, language)
    unassigned = tr(language, NOT_BROKEN_DOWN)
    cities = list(dict.fromkeys(s["city"] for s in segments if s["city"] != unassigned))
    colours = {city: OKABE_ITO[i % 6] for i, city in enumerate(cities)} | {unassigned: UNKNOWN_GREY}
    thickness = bar_width(tick_texts)
    bars = []
    for city, colour in colours.items():
        mine = [s for s in segments if s["city"] == city]
        if not mine:
            continue
        bars.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": html_text(city),
                "y": [s["y"] for s in mine],
                "x": [s["x"] for s in mine],
                "text": [inside_bar_text(s["x"], s["approximate"], language) for s in mine],
                # outside when a short bar cannot hold its number legibly
                "textposition": "auto",
                "insidetextanchor": "middle",
                "width": thickness,
                "showlegend": True,  # a lone city still needs its name beside its colour
                "marker": bar_style([s["approximate"] for s in mine], colour),
                "hovertext": [s["hover"] for s in mine],
                "hoverinfo": "text",
            }
        )
    # beside the bar's end: the line above the bar is its name's
    totals_written = [
        {
            "x": note["x"],
            "y": note["y"],
            "yanchor": "middle",
            "xanchor": "left",
            "xshift": 4,
            "text": html_text(note["text"]),
            "showarrow": False,
            "font": {"color": "#444444", "size": 13},
        }
        for note in notes
    ]
    widest = max([s["x"] for s in segments] + [0])
    totals = max([n["x"] for n in notes] + [widest])
    axis = rows_axis(tick_texts)
    plot_px = (axis["range"][0] - axis["range"][1]) * row_px(tick_texts)
    layout = {
        "barmode": "stack",
        "separators": plotly_separators(language),
        "height": int(plot_px) + 110 + 20 * len(colours),
        "font": FONT,
        # room above the plot for the legend, one city a line on a phone's width
        "margin": {"l": 10, "r": 10, "t": 44 + 20 * len(colours), "b": 50},
        "legend": {
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "title": tr(language, "From"),
            "traceorder": "normal",  # stacked bars would list the cities backwards
        },
        "hoverlabel": {"align": "left"},
        "xaxis": {
            "title": tr(language, "Participants at the event"),
            # room beside the longest bar for "259 in all ✓" on a phone's 350 px
            "range": [0, max(totals, 1) * 1.5],
            "tickformat": ",",
            "rangemode": "tozero",
        },
        "yaxis": axis,
    }
    if totals_written:
        layout["annotations"] = totals_written
    return {"data": [*bars, names_above(tick_texts)], "layout": layout}
