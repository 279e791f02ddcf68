"""Names above their bars in the people charts (plotly): each row's name on its own line(s)
across the whole width of the chart, its bar under it. Names beside the bars took 60% of a
phone's width and left the bars about 130 px (issue 17, point 12); above them, the bars keep
the chart's width on a phone and on a wide screen alike, and a long name wraps, never cut.

Rows stay at y = 0, 1, 2...: a row is as tall as the longest name's lines plus its bar, so
every name fits above its own bar.
"""

from __future__ import annotations

LINE_PX = 17  # one line of a name at the charts' 13 px type
BAR_PX = 24
GAP_PX = 14
WRAP = 42  # characters a name's line holds: some 340 px of Cyrillic at 13 px, a phone's width


def row_px(names: list[str]) -> int:
    """The height of one row: the longest name's lines, its bar and a gap."""
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    return lines * LINE_PX + BAR_PX + GAP_PX


def bar_width(names: list[str]) -> float:
    """A bar's thickness in rows."""
    return BAR_PX / row_px(names)


def names_above(names: list[str], axes: tuple[str, str] = ("x", "y")) -> dict:
    """A text trace of each name left-aligned above its bar (y = its row), on the subplot of
    `axes`, whose x axis starts at 0; the y axis shows no ticks of its own. One trace, not an
    annotation a name: Plotly checks a trace's texts as one list, and 165 annotations took
    23 ms of a People supported chart's 30 ms check on every filter change."""
    x_axis, y_axis = axes
    half = bar_width(names) / 2
    return {
        "type": "scatter",
        "mode": "text",
        "x": [0] * len(names),
        "y": [row - half for row in range(len(names))],
        "text": names,
        "textposition": "top right",
        "textfont": {"size": 13, "color": "#111111"},
        "cliponaxis": False,
        "hoverinfo": "skip",
        "showlegend": False,
        "xaxis": x_axis,
        "yaxis": y_axis,
    }


def rows_axis(names: list[str]) -> dict:
    """The y axis of rows with names above them: top row first, no tick labels, and half a
    bar of room under the last one."""
    top = -(row_px(names) - BAR_PX / 2 - GAP_PX / 2) / row_px(names)
    return {
        "range": [len(names) - 1 + bar_width(names) / 2 + 0.1, top],
        "showticklabels": False,
        "ticks": "",
        "tickvals": list(range(len(names))),
        "showgrid": False,
        "zeroline": False,
    }
