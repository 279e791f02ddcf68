"""Chart builders for the participants and people-supported pages: tidy frame in, figure out.

Pure functions over the frames of lib/people_tables: no Streamlit, no files. Unknown values
are written on the chart as "not reported" and never drawn as a bar of 0; approximate values
are lighter, hatched and marked "≈".
"""

from __future__ import annotations

import textwrap
from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.query.figure_text import value_text
from lib.text.escape import html_text
from lib.text.i18n import format_number, plotly_separators, tr
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY
from lib.topics.people.bar_names import (
    WRAP,
    add_annotations,
    bar_width,
    names_above,
    row_px,
    rows_axis,
)
from lib.topics.people.data import NOT_BROKEN_DOWN

APPROXIMATE_OPACITY = 0.55
_FONT = {"size": 13}


def _wrap(text: str, width: int) -> list[str]:
    """Lines of `text`, HTML-escaped: Plotly reads tags in labels, data text must stay text."""
    return [html_text(line) for line in textwrap.wrap(str(text), width) or [""]]


def _hover(*lines: str) -> str:
    return "<br>".join(lines)


def _quote(quote: str) -> str:
    return "“" + "<br>".join(_wrap(quote, 60)) + "”"


def _bar_text(value: int, approximate: bool, language: str) -> str:
    number = format_number(value, language)
    return f"≈ {number}" if approximate else number


def _style(approximate: list[bool], colour: str) -> dict:
    """Marker of bars some of which are approximate: lighter and hatched, not only lighter,
    so the difference survives a black-and-white print."""
    return {
        "color": colour,
        "opacity": [APPROXIMATE_OPACITY if a else 1.0 for a in approximate],
        "pattern": {"shape": ["/" if a else "" for a in approximate]},
    }


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
        tick_texts.append("<br>".join(_wrap(f"{first.label} ({first.date})", WRAP)))
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
        "hover": _hover(
            f"<b>{html_text(row.label)}</b>",
            html_text(row.date),
            tr(
                language,
                "From {city}: {number}",
                city=html_text(city),
                number=value_text(value, row.precision, language),
            ),
            tr(language, "Source: {source}", source=html_text(row.source)),
            _quote(row.quote),
        ),
    }


def participants_chart(figures: pd.DataFrame, language: str = "en") -> go.Figure:
    """Horizontal bars, one an event, stacked by origin city where the report breaks the
    count down; a grey bar where it does not; 'not reported' written where there is no count."""
    tick_texts, segments, notes = _segments(figures, language)
    unassigned = tr(language, NOT_BROKEN_DOWN)
    cities = list(dict.fromkeys(s["city"] for s in segments if s["city"] != unassigned))
    colours = {city: OKABE_ITO[i % 6] for i, city in enumerate(cities)} | {unassigned: UNKNOWN_GREY}
    figure = go.Figure()
    thickness = bar_width(tick_texts)
    for city, colour in colours.items():
        mine = [s for s in segments if s["city"] == city]
        if not mine:
            continue
        figure.add_bar(
            orientation="h",
            name=html_text(city),
            y=[s["y"] for s in mine],
            x=[s["x"] for s in mine],
            text=[_bar_text(s["x"], s["approximate"], language) for s in mine],
            textposition="auto",  # outside when a short bar cannot hold its number legibly
            insidetextanchor="middle",
            width=thickness,
            showlegend=True,  # a lone city still needs its name beside its colour
            marker=_style([s["approximate"] for s in mine], colour),
            hovertext=[s["hover"] for s in mine],
            hoverinfo="text",
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
    add_annotations(figure, totals_written + names_above(tick_texts))
    widest = max([s["x"] for s in segments] + [0])
    totals = max([n["x"] for n in notes] + [widest])
    axis = rows_axis(tick_texts)
    plot_px = (axis["range"][0] - axis["range"][1]) * row_px(tick_texts)
    figure.update_layout(
        barmode="stack",
        separators=plotly_separators(language),
        height=int(plot_px) + 110 + 20 * len(colours),
        font=_FONT,
        # room above the plot for the legend, one city a line on a phone's width
        margin={"l": 10, "r": 10, "t": 44 + 20 * len(colours), "b": 50},
        legend={
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "title": tr(language, "From"),
            "traceorder": "normal",  # stacked bars would list the cities backwards
        },
        hoverlabel={"align": "left"},
        xaxis={
            "title": tr(language, "Participants at the event"),
            # room beside the longest bar for "259 in all ✓" on a phone's 350 px
            "range": [0, max(totals, 1) * 1.5],
            "tickformat": ",",
            "rangemode": "tozero",
        },
        yaxis=axis,
    )
    return figure


def people_chart(figures: pd.DataFrame, language: str = "en") -> go.Figure:
    """One panel a kind of people, each with its own axis: 84,000 informed must not dwarf 518
    supported, and the kinds are never stacked or added. Bars are by project (and series);
    the period is written in the label, not placed on a calendar the report did not give."""
    # a suppressed small count ("fewer than 5") has a panel, though it has no bar
    shown = figures["value"].notna() | (figures["precision"] == "suppressed")
    reported_codes = figures.loc[shown, "indicator"]
    codes = list(dict.fromkeys(reported_codes))
    panels = [figures[figures["indicator"] == code] for code in codes]
    tick_texts = [[_people_tick(row) for row in panel.itertuples()] for panel in panels]
    spans = [rows_axis(ticks)["range"] for ticks in tick_texts]
    heights = [
        int((span[0] - span[1]) * row_px(ticks))
        for span, ticks in zip(spans, tick_texts, strict=True)
    ]
    titles = [_panel_title(panel, language) for panel in panels]
    gap_px = 64 + 18 * max((title.count("<br>") + 1 for title in titles), default=1)
    total_px = sum(heights) + gap_px * len(codes) + 60
    figure = make_subplots(
        rows=max(len(codes), 1),
        cols=1,
        row_heights=heights or None,
        vertical_spacing=gap_px / total_px if len(codes) > 1 else 0.0,
        subplot_titles=titles,
    )
    # The panels' titles first, then every panel's annotations and axes, all set in one
    # update: Plotly checks every annotation again on each change (a sixth of the page's time)
    written = [
        {**title.to_plotly_json(), "x": 0, "xanchor": "left", "align": "left"}
        for title in figure.layout.annotations
    ]
    for title in written:
        title["font"] = {**title.get("font", {}), "size": 14}
    axes: dict[str, dict] = {}
    for index, (panel, ticks) in enumerate(zip(panels, tick_texts, strict=True), start=1):
        colour = OKABE_ITO[(index - 1) % 6]
        written += _add_panel(figure, index, panel, ticks, colour, axes, language)
    if written:
        figure.layout.annotations = written  # replaced: an update would merge them one by one
    figure.update_layout(
        **axes,
        height=max(260, total_px),
        separators=plotly_separators(language),
        font=_FONT,
        showlegend=False,
        margin={"l": 10, "r": 40, "t": gap_px - 20, "b": 30},
        hoverlabel={"align": "left"},
    )
    return figure


def _people_tick(row: object) -> str:
    lines = _wrap(row.project, WRAP)
    if row.series:
        lines += _wrap(f"· {row.series}", WRAP)
    return "<br>".join(lines + _wrap(row.period, WRAP))


def _panel_title(panel: pd.DataFrame, language: str) -> str:
    """Wrapped to a phone's width: the panel is the chart's width, names above the bars."""
    first = panel.iloc[0]
    counts = tr(language, "counts {what}", what=first["counts"])
    if first["aggregation"] == "at_least" and panel["value"].notna().sum() > 1:
        counts += tr(language, "; series may overlap, so they are not added")
    label = "<br>".join(_wrap(first["indicator_label"], WRAP))
    return f"<b>{label}</b><br>" + "<br>".join(_wrap(counts, WRAP))


def _add_panel(
    figure: go.Figure,
    index: int,
    panel: pd.DataFrame,
    ticks: list[str],
    colour: str,
    axes: dict[str, dict],
    language: str,
) -> list[dict]:
    """The panel's bars, and the annotations it needs (its names, and "not reported"); its
    axes go into `axes`, for the layout."""
    positions = list(range(len(panel)))
    reported = [
        (y, row)
        for y, row in zip(positions, panel.itertuples(), strict=True)
        if not pd.isna(row.value)
    ]
    approximate = [row.precision == "approximate" for _, row in reported]
    figure.add_bar(
        orientation="h",
        y=[y for y, _ in reported],
        x=[int(row.value) for _, row in reported],
        text=[
            _bar_text(int(row.value), a, language)
            for (_, row), a in zip(reported, approximate, strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
        width=bar_width(ticks),
        marker=_style(approximate, colour),
        hovertext=[_people_hover(row, language) for _, row in reported],
        hoverinfo="text",
        row=index,
        col=1,
    )
    suffix = "" if index == 1 else str(index)
    widest = max((int(row.value) for _, row in reported), default=1)
    axes[f"xaxis{suffix}"] = {"range": [0, widest * 1.35], "tickformat": ","}
    axes[f"yaxis{suffix}"] = rows_axis(ticks)
    not_reported = [
        {
            "x": 0,
            "y": y,
            "xref": f"x{suffix}",
            "yref": f"y{suffix}",
            "text": row.number,  # "not reported", or "fewer than 5" on the public site
            "showarrow": False,
            "xanchor": "left",
            "font": {"color": "#444444", "size": 13},
        }
        for y, row in zip(positions, panel.itertuples(), strict=True)
        if pd.isna(row.value)
    ]
    return not_reported + names_above(ticks, (f"x{suffix}", f"y{suffix}"))


def _people_hover(row: object, language: str) -> str:
    number = value_text(row.value, row.precision, language)
    return _hover(
        f"<b>{html_text(row.indicator_label)}: {number}</b>",
        html_text(row.project) + (f" · {html_text(row.series)}" if row.series else ""),
        tr(language, "Period: {period}", period=html_text(row.period)),
        tr(language, "Counts: {what}", what=html_text(row.counts)),
        tr(language, "Source: {source}", source=html_text(row.source)),
        _quote(row.quote),
    )
