"""Where the board's charts are drawn (the A4 pack or a wall screen) and how their rows are laid
out: each row's name on its own line(s) above its bar, across the whole width, so a long name
is never cut and the bars keep the width of the chart (names beside the bars took half of it).

A chart's y axis is in inches from its top, so a row's height is its lines of type plus its bar,
whatever the number of rows; a screen's chart stops at the rows that fit its height.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from matplotlib.transforms import blended_transform_factory

POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Medium:
    """A chart's width and type size where it is shown. On SCREEN a point of the picture is
    about a pixel of a 1920x1080 slide, so 21 pt reads as 21 px across the room."""

    width_in: float
    font_pt: float
    label_chars: int  # characters a name's line holds before it wraps, never cut
    rows: int  # bars a chart draws at most; the topic's lines and the dashboard list the rest
    max_height_in: float | None = None  # a screen's chart is never taller: the slide must fit

    @property
    def line_in(self) -> float:
        return self.font_pt * 1.3 / POINTS_PER_INCH

    @property
    def bar_in(self) -> float:
        return self.font_pt * 1.6 / POINTS_PER_INCH

    @property
    def gap_in(self) -> float:
        return self.font_pt * 0.9 / POINTS_PER_INCH

    def words_in(self, text: str) -> float:
        """About how wide `text` is set in this medium's type (DejaVu Sans averages 0.6 em)."""
        longest = max((len(line) for line in str(text).splitlines()), default=0)
        return longest * 0.62 * self.font_pt / POINTS_PER_INCH


PAGE = Medium(width_in=7.4, font_pt=10, label_chars=86, rows=10)  # A4, 17 mm margins
SCREEN = Medium(width_in=14.2, font_pt=21, label_chars=80, rows=8, max_height_in=9.4)


@dataclass(frozen=True)
class Row:
    """A line of the chart: a name above its bar ("bar"), a panel's heading ("title"), or a
    line of words with no bar ("note")."""

    label: str
    kind: str = "bar"


def wrap(text: str, chars: int) -> str:
    return "\n".join(textwrap.wrap(str(text), chars)) or ""


def row_height(row: Row, medium: Medium) -> float:
    lines = row.label.count("\n") + 1 if row.label else 0
    if row.kind == "bar":
        return lines * medium.line_in + medium.bar_in + medium.gap_in
    return lines * medium.line_in * 1.1 + medium.gap_in / 2


def rows_height(rows: list[Row], medium: Medium) -> float:
    return sum(row_height(row, medium) for row in rows)


def rows_that_fit(rows: list[Row], medium: Medium, below_in: float) -> list[Row]:
    """The first rows, as many as fit the medium's height with `below_in` under them; a heading
    is never left last with no bar under it."""
    if medium.max_height_in is None:
        return rows
    kept, height = [], medium.line_in * 1.2  # room for the line that says how many more
    for row in rows:
        height += row_height(row, medium)
        if height + below_in > medium.max_height_in:
            break
        kept.append(row)
    while kept and kept[-1].kind == "title":
        kept.pop()
    return kept


def draw_rows(axes: Any, rows: list[Row], medium: Medium) -> tuple[list[float | None], float]:
    """Each row's name (headings bold) from the left edge of the axes; the centre of each row's
    bar (None for a heading), and the height of them all, in inches from the top."""
    at_left = blended_transform_factory(axes.transAxes, axes.transData)
    centres: list[float | None] = []
    top = 0.0
    for row in rows:
        if row.kind == "bar":
            lines = row.label.count("\n") + 1 if row.label else 0
            bar_top = top + lines * medium.line_in
            text_style = {"va": "bottom", "fontsize": medium.font_pt}
            axes.text(0, bar_top - medium.gap_in / 4, row.label, transform=at_left, **text_style)
            centres.append(bar_top + medium.bar_in / 2)
        else:
            weight = "bold" if row.kind == "title" else "normal"
            colour = "#111" if row.kind == "title" else "#444"
            axes.text(
                0,
                top + medium.gap_in / 4,
                row.label,
                transform=at_left,
                va="top",
                fontsize=medium.font_pt,
                fontweight=weight,
                color=colour,
            )
            centres.append(None)
        top += row_height(row, medium)
    axes.set_ylim(top, 0)
    axes.set_yticks([])
    axes.spines[["left", "top", "right"]].set_visible(False)
    return centres, top
