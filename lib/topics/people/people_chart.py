"""The People supported chart: one panel a kind of people, each with its own axis, bars by
project (and series), names above the bars; unknown values written "not reported", never
drawn as 0; approximate values lighter, hatched and marked "≈" (lib/topics/people/bar_style.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import plotly.graph_objects as go

from lib.query.figure_text import value_text
from lib.text.escape import html_text
from lib.text.i18n import plotly_separators, tr
from lib.topics.palette import OKABE_ITO
from lib.topics.people.bar_names import WRAP, bar_width, names_above, row_px, rows_axis
from lib.topics.people.bar_style import FONT, bar_style, bar_text, hover, quote, wrap


def people_chart(figures: pd.DataFrame, language: str = "en") -> go.Figure:
    """One panel a kind of people, each with its own axis: 84,000 informed must not dwarf 518
    supported, and the kinds are never stacked or added. Bars are by project (and series);
    the period is written in the label, not placed on a calendar the report did not give."""
    return go.Figure(people_chart_spec(figures, language))


def people_chart_spec(figures: pd.DataFrame, language: str = "en") -> dict:
    """people_chart as a plain dict, which Plotly checks once when it is made a figure (a
    page frames it first, lib/topics/picture_frame.py): adding the bars, the panels' 170
    names and the axes to a figure one change at a time checked them again at each change,
    twice the time of one check. Without a template: the figure takes Plotly's default."""
    # a suppressed small count ("fewer than 5") has a panel, though it has no bar
    shown = figures["value"].notna() | (figures["precision"] == "suppressed")
    reported_codes = figures.loc[shown, "indicator"]
    codes = list(dict.fromkeys(reported_codes))
    panels = [figures[figures["indicator"] == code] for code in codes]
    rows = [_records(panel) for panel in panels]
    tick_texts = [[_people_tick(row) for row in records] for records in rows]
    spans = [rows_axis(ticks)["range"] for ticks in tick_texts]
    heights = [
        int((span[0] - span[1]) * row_px(ticks))
        for span, ticks in zip(spans, tick_texts, strict=True)
    ]
    titles = [_panel_title(panel, language) for panel in panels]
    gap_px = 64 + 18 * max((title.count("<br>") + 1 for title in titles), default=1)
    total_px = sum(heights) + gap_px * len(codes) + 60
    spec = {"data": [], "layout": panels_layout(heights, gap_px / total_px, titles)}
    layout = spec["layout"]
    written = list(layout.pop("annotations"))
    for index, (records, ticks) in enumerate(zip(rows, tick_texts, strict=True), start=1):
        colour = OKABE_ITO[(index - 1) % 6]
        written += _add_panel(spec, index, records, ticks, colour, language)
    if written:
        layout["annotations"] = written
    layout.update(
        height=max(260, total_px),
        separators=plotly_separators(language),
        font=FONT,
        showlegend=False,
        margin={"l": 10, "r": 40, "t": gap_px - 20, "b": 30},
        hoverlabel={"align": "left"},
    )
    return spec


def panels_layout(heights: list[int], spacing: float, titles: list[str]) -> dict:
    """Panels stacked top to bottom, each as tall as its share of `heights`, `spacing` (a
    share of the whole) between them, and each titled above, left-aligned: the layout
    Plotly's make_subplots gives one column, written out as a dict. make_subplots builds and
    checks a figure, 12 ms of every filter change."""
    room = 1 - spacing * (len(heights) - 1)
    layout: dict = {"annotations": []}
    top = 1.0
    for index, (height, title) in enumerate(zip(heights, titles, strict=True), start=1):
        bottom = max(top - room * height / sum(heights), 0.0)
        suffix = "" if index == 1 else str(index)
        layout[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": [0.0, 1.0]}
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": [bottom, top]}
        layout["annotations"].append(
            {
                "text": title,
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "align": "left",
                "y": top,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 14},
            }
        )
        top = bottom - spacing
    return layout


def _people_tick(row: object) -> str:
    lines = wrap(row.project, WRAP)
    if row.series:
        lines += wrap(f"· {row.series}", WRAP)
    return "<br>".join(lines + wrap(row.period, WRAP))


def _panel_title(panel: pd.DataFrame, language: str) -> str:
    """Wrapped to a phone's width: the panel is the chart's width, names above the bars."""
    first = panel.iloc[0]
    counts = tr(language, "counts {what}", what=first["counts"])
    if first["aggregation"] == "at_least" and panel["value"].notna().sum() > 1:
        counts += tr(language, "; series may overlap, so they are not added")
    label = "<br>".join(wrap(first["indicator_label"], WRAP))
    return f"<b>{label}</b><br>" + "<br>".join(wrap(counts, WRAP))


def _records(panel: pd.DataFrame) -> list[SimpleNamespace]:
    """The panel's rows as plain records, each column taken as a list once: a frame's rows
    taken one at a time, three times a panel, took a third of the chart's time."""
    names = list(panel.columns)
    columns = [panel[name].tolist() for name in names]
    return [
        SimpleNamespace(**dict(zip(names, row, strict=True))) for row in zip(*columns, strict=True)
    ]


def _add_panel(
    spec: dict,
    index: int,
    rows: list[SimpleNamespace],
    ticks: list[str],
    colour: str,
    language: str,
) -> list[dict]:
    """The panel's bars, names and axes, into `spec`; and the annotations it needs ("not
    reported")."""
    reported = [(y, row) for y, row in enumerate(rows) if not pd.isna(row.value)]
    approximate = [row.precision == "approximate" for _, row in reported]
    suffix = "" if index == 1 else str(index)
    spec["data"].append(
        {
            "type": "bar",
            "orientation": "h",
            "y": [y for y, _ in reported],
            "x": [int(row.value) for _, row in reported],
            "text": [
                bar_text(int(row.value), a, language)
                for (_, row), a in zip(reported, approximate, strict=True)
            ],
            "textposition": "outside",
            "cliponaxis": False,
            "width": bar_width(ticks),
            "marker": bar_style(approximate, colour),
            "hovertext": [_people_hover(row, language) for _, row in reported],
            "hoverinfo": "text",
            "xaxis": f"x{suffix}",
            "yaxis": f"y{suffix}",
        }
    )
    widest = max((int(row.value) for _, row in reported), default=1)
    layout = spec["layout"]
    x_axis = {"range": [0, widest * 1.35], "tickformat": ","}
    layout[f"xaxis{suffix}"] = {**layout[f"xaxis{suffix}"], **x_axis}
    layout[f"yaxis{suffix}"] = {**layout[f"yaxis{suffix}"], **rows_axis(ticks)}
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
        for y, row in enumerate(rows)
        if pd.isna(row.value)
    ]
    spec["data"].append(names_above(ticks, (f"x{suffix}", f"y{suffix}")))
    return not_reported


def _people_hover(row: object, language: str) -> str:
    number = value_text(row.value, row.precision, language)
    return hover(
        f"<b>{html_text(row.indicator_label)}: {number}</b>",
        html_text(row.project) + (f" · {html_text(row.series)}" if row.series else ""),
        tr(language, "Period: {period}", period=html_text(row.period)),
        tr(language, "Counts: {what}", what=html_text(row.counts)),
        tr(language, "Source: {source}", source=html_text(row.source)),
        quote(row.quote),
    )
