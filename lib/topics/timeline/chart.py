"""Chart builder for the timeline page: the rows of lib/timeline_data in, a figure out.

Pure: no Streamlit, no files. Only rows whose dates all state a year are drawn; the builder
filters them itself, so a date of an unstated year cannot reach the calendar by mistake.
A date known to the day is a solid bar over its days with a diamond (so a one-day event stays
visible on a five-year axis); a date known only to the month or year is a lighter, hatched
bar over the whole month or year, labelled "(month only)" or "(year only)".

Each line's name and date are written beside its mark, on the side with room and clear of
the diamond, on the mark's own line: with the name a line above, readers took a mark for the
line below's, and the diamonds covered the first letters of the dates.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from lib.text.escape import html_lines, html_text
from lib.text.i18n import N_, tr
from lib.topics.funding.chart import tint
from lib.topics.palette import OKABE_ITO
from lib.topics.timeline.dates import month_ticks

_FONT = {"size": 13}
_DAY_MS = 24 * 60 * 60 * 1000
# The y axis counts pixels from the top: each line's words are written beside its mark, so the
# chart keeps its width on a phone instead of giving it to tick labels.
_LINE_PX = 16
_MARK_PX = 26
_GAP_PX = 12
_WRAP = 32  # characters a line of words beside a mark: half a phone's plot
_WIDE_SHARE = 0.35
# Figure spaces (a digit's width each) between a mark and its words: the diamond is 12 px wide.
_CLEAR = "\u2007\u2007"
NOTHING_DATED = N_("No date with a stated year to place on the axis.")
PLANNED_OPACITY = 0.5
_PATTERN = {"day": "", "month": "/", "year": "."}
_LABEL_SUFFIX = {"month": N_("(month only)"), "year": N_("(year only)")}


def _wrap(text: str, width: int) -> list[str]:
    """Lines of `text`, HTML-escaped: Plotly reads tags in labels, data text must stay text."""
    return html_lines(text, width)


def _colour(row: object) -> str:
    return OKABE_ITO[int(row.colour_index) % 6]


def mark_label(row: object, language: str = "en") -> str:
    """The words beside a mark: the date as precise as it is known, and planned if so."""
    date, semicolon, rest = row.date.partition(";")
    suffix = _LABEL_SUFFIX.get(row.precision)
    label = date + (" " + tr(language, suffix) if suffix else "") + semicolon + rest
    return label + (" · " + tr(language, "planned") if row.status == "planned" else "")


def hover_text(row: object, language: str = "en") -> str:
    where = row.place or ("" if row.kind == "project" else tr(language, "not stated"))
    lines = [
        f"<b>{'<br>'.join(_wrap(row.item, 50))}</b>",
        html_text(row.project) if row.kind != "project" else "",
        tr(
            language,
            "Date: {date} (written {written}; known to the {precision})",
            date=html_text(row.date),
            written=html_text(row.date_written),
            precision=html_text(row.precision_words),
        ),
        tr(language, "Place: {place}", place=html_text(where)) if where else "",
        tr(language, "Status: planned") if row.status == "planned" else "",
        tr(language, "Source: {source}", source=html_text(row.source)) if row.source else "",
        "“" + "<br>".join(_wrap(row.quote, 60)) + "”" if row.quote else "",
    ]
    return "<br>".join(line for line in lines if line)


def line_words(row: object, language: str = "en") -> list[str]:
    """The lines written beside a mark: a project's title in bold or an event's name (marked
    "·" when part of another event), then its date, each HTML-escaped."""
    if row.kind == "project":
        name = ["<b>" + line + "</b>" for line in _wrap(row.project, _WRAP)]
    else:
        name = _wrap(("· " if row.part_of else "") + row.item, _WRAP)
    return name + [f"<span style='color:#444'>{line}</span>" for line in _date_lines(row, language)]


def _date_lines(row: object, language: str) -> list[str]:
    if row.placement != "axis":  # a project's own line whose dates no report states
        return ["<i>" + html_text(row.date) + "</i>"]
    label = mark_label(row, language)
    if len(label) > _WRAP and " – " in label:  # a span breaks after its dash, not in a date
        start, end = label.split(" – ", 1)
        return _wrap(start + " –", _WRAP) + _wrap(end, _WRAP)
    return _wrap(label, _WRAP)


def chart_rows(rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The rows to draw, in order: each project's line, then its dated items. A project's line
    is kept even when its own dates are not stated, so its events sit under its name."""
    on_axis = rows["placement"] == "axis"
    with_dates = set(rows.loc[on_axis, "project_id"])
    keep = rows["project_id"].isin(with_dates) & (on_axis | (rows["kind"] == "project"))
    drawn = rows[keep].reset_index(drop=True)
    words = [line_words(row, language) for row in drawn.itertuples()]
    heights = [max(_LINE_PX * len(lines), _MARK_PX) + _GAP_PX for lines in words]
    tops = [sum(heights[:index]) for index in range(len(heights))]
    return drawn.assign(
        words=["<br>".join(lines) for lines in words],
        lines=[len(lines) for lines in words],
        top_px=tops,
        mark_px=[top + (height - _GAP_PX) / 2 for top, height in zip(tops, heights, strict=True)],
    )


def _x_range(drawn: pd.DataFrame) -> list[str]:
    """The dated span with a little room on each side."""
    first, last = drawn["x_start"].dropna().min(), drawn["x_end"].dropna().max()
    span = max((last - first).days, 1)
    left = first - dt.timedelta(days=max(span * 0.04, 2))
    right = last + dt.timedelta(days=max(span * 0.04, 2))
    return [left.isoformat(), right.isoformat()]


def _middle(start: dt.date, end: dt.date) -> str:
    middle = dt.datetime.combine(start, dt.time()) + (end - start) / 2
    return middle.isoformat()


def _is_wide(row: object, x_range: list[str]) -> bool:
    """A bar over a third of the axis has its date written inside: beside it there is no room."""
    shown = dt.date.fromisoformat(x_range[1]) - dt.date.fromisoformat(x_range[0])
    return (row.x_end - row.x_start) >= shown * _WIDE_SHARE


def _bars(dated: pd.DataFrame, x_range: list[str], language: str) -> list[dict]:
    """The bars, a trace a colour and fill: Plotly takes a hatched bar's colours as lists but
    logs "Invalid color specifier: Array(3)" in the console for them, so each trace has one
    of each. A wide bar writes its line's words inside itself, and is tall enough for them."""
    one_day = dt.timedelta(days=1)
    bars = [r for r in dated.itertuples() if r.precision != "day" or r.x_end - r.x_start > one_day]

    def fill(row: object) -> str:
        return _colour(row) if row.precision == "day" else tint(_colour(row))

    traces = []
    for colour, filled in dict.fromkeys((_colour(row), fill(row)) for row in bars):
        mine = [row for row in bars if (_colour(row), fill(row)) == (colour, filled)]
        wide = [_is_wide(row, x_range) for row in mine]
        bar = dict(
            type="bar",
            text=[row.words if is_wide else "" for row, is_wide in zip(mine, wide, strict=True)],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"size": 12, "color": "#222222"},
            orientation="h",
            y=[row.mark_px for row in mine],
            width=[
                max(_MARK_PX * 0.85, _LINE_PX * row.lines + 4) if is_wide else _MARK_PX * 0.85
                for row, is_wide in zip(mine, wide, strict=True)
            ],
            base=[row.x_start.isoformat() for row in mine],
            x=[(row.x_end - row.x_start).days * _DAY_MS for row in mine],
            marker={
                # Imprecise dates: a pale fill with the hatching in full colour, so the bar
                # reads as "somewhere in this month" and survives a black-and-white print.
                "color": filled,
                "opacity": [PLANNED_OPACITY if row.status == "planned" else 1.0 for row in mine],
                "pattern": {
                    "shape": [_PATTERN.get(row.precision, "") for row in mine],
                    "fgcolor": colour,
                    "fillmode": "overlay",
                },
                "line": {"color": colour, "width": 1.5},
            },
            hovertext=[hover_text(row, language) for row in mine],
            hoverinfo="text",
            showlegend=False,
            name="periods",
        )
        traces.append(bar)
    return traces


def _days(dated: pd.DataFrame, x_range: list[str], language: str) -> dict:
    """A diamond on each day-precise mark that is too narrow to see as a bar."""
    days = [r for r in dated.itertuples() if r.precision == "day" and not _is_wide(r, x_range)]
    return dict(
        type="scatter",
        mode="markers",
        y=[row.mark_px for row in days],
        x=[_middle(row.x_start, row.x_end) for row in days],
        marker={
            "symbol": ["diamond-open" if row.status == "planned" else "diamond" for row in days],
            "size": 12,
            "color": [_colour(row) for row in days],
            "line": {"width": 2, "color": [_colour(row) for row in days]},
        },
        hovertext=[hover_text(row, language) for row in days],
        hoverinfo="text",
        showlegend=False,
        name="days",
    )


def _words(drawn: pd.DataFrame, x_range: list[str]) -> list[dict]:
    """Each line's words beside its mark, on the side with room (a late mark has them before
    it), on the mark's own line; a wide bar has them inside. A project whose own dates no
    report states has its words where its events begin (or end, when they are late)."""
    middle = _middle(dt.date.fromisoformat(x_range[0]), dt.date.fromisoformat(x_range[1]))
    placed: dict[str, list[tuple[str, float, str]]] = {"right": [], "left": []}
    for row in drawn.itertuples():
        if row.placement == "axis":
            if _is_wide(row, x_range):
                continue
            late = _middle(row.x_start, row.x_end) > middle
            x = row.x_start if late else row.x_end
        else:
            mine = drawn[(drawn["project_id"] == row.project_id) & (drawn["placement"] == "axis")]
            late = mine["x_start"].min().isoformat() > middle
            x = mine["x_end"].max() if late else mine["x_start"].min()
        side = "left" if late else "right"
        placed[side].append((x.isoformat(), row.mark_px, _padded(row.words, side)))
    return [
        dict(
            type="scatter",
            mode="text",
            x=[x for x, _, _ in texts],
            y=[y for _, y, _ in texts],
            text=[text for _, _, text in texts],
            textposition=f"middle {side}",
            textfont={"size": 12, "color": "#222222"},
            hoverinfo="skip",
            showlegend=False,
            cliponaxis=False,
            name=f"words ({side})",
        )
        for side, texts in placed.items()
    ]


def _padded(text: str, side: str) -> str:
    """Every line kept clear of the mark's diamond, on the side the words are written."""
    lines = text.split("<br>")
    if side == "left":
        return "<br>".join(line + _CLEAR for line in lines)
    return "<br>".join(_CLEAR + line for line in lines)


def timeline_chart(
    rows: pd.DataFrame, focus_project: str | None = None, language: str = "en"
) -> go.Figure:
    """Bars and diamonds on a date axis, one line a project or event, its words beside it;
    `focus_project` (an id) shows only that project, its axis zoomed to its dates."""
    return go.Figure(timeline_spec(rows, focus_project, language))


def timeline_spec(
    rows: pd.DataFrame, focus_project: str | None = None, language: str = "en"
) -> dict:
    """timeline_chart's figure as a plain dict, which Plotly checks once, when it is made a
    figure: the page frames it first (lib/topics/picture_frame.py), and a figure built trace
    by trace was checked twice (40 ms of every filter change)."""
    if focus_project in set(rows["project_id"]):
        rows = rows[rows["project_id"] == focus_project]
    drawn = chart_rows(rows, language)
    dated = drawn[drawn["placement"] == "axis"]
    if dated.empty:
        nothing = tr(language, NOTHING_DATED)
        return {"data": [], "layout": {"annotations": [{"text": nothing, "showarrow": False}]}}
    x_range = _x_range(dated)
    traces = [*_bars(dated, x_range, language), _days(dated, x_range, language)]
    total_px = drawn["mark_px"].max() + _MARK_PX / 2 + _GAP_PX if len(drawn) else 100
    layout = dict(
        height=int(total_px) + 70,
        font=_FONT,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        hoverlabel={"align": "left"},
        uniformtext={"minsize": 11, "mode": "show"},
        xaxis={
            "type": "date",
            "range": x_range,
            "showgrid": True,
            # Every tick names its year: a zoomed axis of days must not hide which year it is.
            "tickformatstops": [
                {"dtickrange": [None, "M1"], "value": "%-d %b %Y"},
                {"dtickrange": ["M1", "M6"], "value": "%b %Y"},
                {"dtickrange": ["M7", None], "value": "%Y"},
            ],
            **month_ticks(x_range, language),
        },
        yaxis={"range": [total_px, -4], "visible": False, "fixedrange": True},
    )
    return {"data": [*traces, *_words(drawn, x_range)], "layout": layout}
