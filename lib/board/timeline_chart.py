"""The board pack's and the wall screen's timeline: projects and events on a time axis, each
row's name above its mark (lib/board/rows.py), drawn by matplotlib as SVG (lib/board/charts.py).
Pure: lib/topics/timeline's rows in, SVG bytes out.
"""

from __future__ import annotations

from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from lib.board.charts import STYLE, rows_figure, svg_bytes, with_more
from lib.board.rows import PAGE, Medium, Row, draw_rows, rows_that_fit, wrap
from lib.topics.palette import OKABE_ITO


def timeline_bars(rows: pd.DataFrame, language: str, medium: Medium = PAGE) -> bytes | None:
    """Projects and events whose dates state a year, on a time axis; None when there are none.
    A date known to the month or year spans it, lighter; a few days on a long axis are a ◆."""
    dated = rows[(rows["placement"] == "axis") & (rows["kind"] != "figure")]
    if dated.empty:
        return None
    with plt.rc_context(STYLE):
        below = medium.line_in * 2.4
        names = [
            Row(
                wrap(
                    ("■ " + row.project) if row.kind == "project" else row.item, medium.label_chars
                )
            )
            for row in dated.head(medium.rows * 2).itertuples(index=False)
        ]
        kept = rows_that_fit(names, medium, below)
        shown = dated.head(len(kept))
        kept = with_more(kept, len(shown), len(dated), language)
        figure, axes = rows_figure(kept, medium, below)
        centres, _ = draw_rows(axes, kept, medium)
        first = mdates.date2num(shown["x_start"].min())
        last = mdates.date2num(shown["x_end"].max())
        span = max(last - first, 1)
        for y, row in zip(centres, shown.itertuples(index=False), strict=False):
            _timeline_mark(axes, row, y, span, medium)
        locator = mdates.AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.tick_params(axis="x", labelsize=medium.font_pt)
        axes.set_xlim(first - span * 0.04, last + span * 0.04)
        return svg_bytes(figure)


def _timeline_mark(axes: Any, row: Any, y: float, span: float, medium: Medium) -> None:
    colour = OKABE_ITO[int(row.colour_index) % 6]
    start, end = mdates.date2num(row.x_start), mdates.date2num(row.x_end)
    coarse = row.precision != "day"
    alpha = 0.45 if coarse or row.status == "planned" else 1
    if not coarse and end - start < span / 60:  # a few days on a years-long axis
        size = medium.bar_in * 72 * 0.8
        axes.plot((start + end) / 2, y, marker="D", color=colour, markersize=size, alpha=alpha)
        return
    axes.barh(y, max(end - start, 1), left=start, color=colour, height=medium.bar_in, alpha=alpha)
