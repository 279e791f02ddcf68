"""The board pack's charts, drawn by matplotlib as vector graphics (SVG) with no display and no
browser: participants by city, people supported, funding and the timeline (the map is in
lib/board/map.py).

Pure builders: the frames of lib/people_tables, lib/funding_data, lib/timeline_data and
lib/map_data in, SVG bytes out. Text is drawn as outlines in DejaVu Sans (shipped with
matplotlib, Cyrillic included), so the picture needs no font of its own wherever it goes.
Unknown values are never drawn as 0; approximate ones are lighter and say "about" (fpdf2
draws no SVG hatching).
"""

from __future__ import annotations

import io
import re
import textwrap
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from lib.query.figure_text import value_text  # noqa: E402
from lib.text.i18n import format_number, tr  # noqa: E402
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY  # noqa: E402
from lib.topics.people.data import NOT_BROKEN_DOWN  # noqa: E402

WIDTH_IN = 7.4  # the text width of an A4 page with 17 mm margins
ROWS = 10  # bars a chart draws; the topic's lines and the dashboard list the rest
ROW_IN = 1.1  # a bar's row: the pack's pages were half empty with charts of small print
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9.5,
    "svg.fonttype": "path",  # letters as outlines: the SVG needs no font
    "svg.hashsalt": "board-pack",  # fixed ids in the SVG, so the same data gives the same bytes
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def svg_bytes(figure: Figure) -> bytes:
    """The figure as SVG, without the metadata block (a date, which would change the bytes)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return re.sub(rb"<metadata>.*?</metadata>", b"", buffer.getvalue(), flags=re.DOTALL)


def _wrap(text: str, width: int, lines: int = 2) -> str:
    wrapped = textwrap.wrap(str(text), width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1] + "…"
    return "\n".join(wrapped)


def _words_beside(axes: Any, x: float, y: float, words: str, **style: Any) -> None:
    """Words beside a bar's end (or the axis, for no bar), a few points clear of it."""
    axes.annotate(words, (x, y), xytext=(5, 0), textcoords="offset points", va="center", **style)


def _rows_limits(axes: Any, rows: int) -> None:
    """Half a row of room above the top bar and below the bottom one: the words of a row with
    no bar stay inside the panel, clear of its title and of the axis line."""
    axes.set_ylim(-0.6, max(rows, 1) - 0.4)


def page_figure(height: float) -> tuple[Figure, Any]:
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(WIDTH_IN, height))
    return figure, axes


def _count_axis(axes: Any, language: str) -> None:
    """Whole-number ticks written for the language ('20 000' in Bulgarian)."""
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: format_number(int(value), language) if value >= 0 else "")
    )


def participants_bars(figures: pd.DataFrame, language: str) -> bytes:
    """One bar an event: coloured parts by origin city where the report gives them, grey for
    a number not broken down by city, the words "not reported" where there is no number."""
    with plt.rc_context(STYLE):
        groups = list(figures.groupby("group", sort=False))[:ROWS]
        figure, axes = page_figure(1.0 + ROW_IN * max(len(groups), 1))
        cities: dict[str, str] = {}
        for position, (_, rows) in enumerate(groups):
            y = len(groups) - 1 - position
            parts = rows[rows["role"] == "part"]
            wholes = rows[rows["role"] != "part"]
            left = 0.0
            for row in parts.itertuples(index=False):
                if pd.isna(row.value):
                    continue
                colour = cities.setdefault(row.from_city, OKABE_ITO[len(cities) % 6])
                axes.barh(y, row.value, left=left, color=colour, height=0.6, label=row.from_city)
                left += float(row.value)
            whole = wholes.iloc[0] if len(wholes) else None
            if whole is not None and pd.notna(whole["value"]) and parts.empty:
                approximate = whole["precision"] == "approximate"
                axes.barh(
                    y,
                    whole["value"],
                    color=UNKNOWN_GREY,
                    height=0.6,
                    alpha=0.55 if approximate else 1,
                    label=tr(language, NOT_BROKEN_DOWN),
                )
                left = float(whole["value"])
            if whole is not None and pd.notna(whole["value"]):
                text = value_text(whole["value"], whole["precision"], language)
            elif left:
                text = value_text(left, "exact", language)
            elif whole is not None:
                text = value_text(
                    whole["value"], whole["precision"], language, whole.get("fewer_than")
                )
            else:
                text = tr(language, "not reported")
            _words_beside(axes, left, y, text, fontsize=10, color="#222" if left else "#555")
        labels = [_wrap(rows.iloc[0]["label"], 40, 3) for _, rows in groups]
        axes.set_yticks(range(len(groups)), labels[::-1])
        _rows_limits(axes, len(groups))
        axes.set_xlabel(tr(language, "Participants"))
        axes.margins(x=0.18)
        _count_axis(axes, language)
        handles, names = axes.get_legend_handles_labels()
        unique = dict(zip(names, handles, strict=True))
        if unique:
            axes.legend(
                unique.values(),
                unique.keys(),
                loc="upper left",
                bbox_to_anchor=(0, -0.12 - 0.35 / max(len(groups), 1)),
                ncols=3,
                frameon=False,
            )
        return svg_bytes(figure)


def people_bars(figures: pd.DataFrame, language: str) -> bytes:
    """One panel a kind of people, each with its own axis: kinds are never on one scale."""
    with plt.rc_context(STYLE):
        kinds = list(figures.groupby("indicator", sort=False))
        heights = [0.4 + ROW_IN * min(len(rows), ROWS) for _, rows in kinds] or [1.0]
        figure, panels = plt.subplots(
            len(heights),
            1,
            figsize=(WIDTH_IN, sum(heights) + 0.4 * len(heights)),
            gridspec_kw={"height_ratios": heights},
            squeeze=False,
        )
        for index, (axes, (_, rows)) in enumerate(zip(panels[:, 0], kinds, strict=False)):
            rows = rows.head(ROWS)
            colour = OKABE_ITO[index % 6]
            for y, row in enumerate(rows[::-1].itertuples(index=False)):
                if pd.isna(row.value):
                    words = value_text(
                        row.value, row.precision, language, getattr(row, "fewer_than", None)
                    )
                    _words_beside(axes, 0, y, words, color="#555")
                    continue
                approximate = row.precision == "approximate"
                axes.barh(y, row.value, color=colour, height=0.6, alpha=0.55 if approximate else 1)
                words = value_text(row.value, row.precision, language)
                _words_beside(axes, row.value, y, words, fontsize=10)
            axes.set_yticks(range(len(rows)), [_people_row(row) for row in rows[::-1].itertuples()])
            _rows_limits(axes, len(rows))
            axes.set_title(
                rows.iloc[0]["indicator_label"], loc="left", fontsize=10, fontweight="bold"
            )
            axes.margins(x=0.25)
            axes.set_xlim(left=0)
            _count_axis(axes, language)
        figure.tight_layout()
        return svg_bytes(figure)


def _people_row(row: Any) -> str:
    """A row's name: its series in full (two series of one project differ only there), then
    its project on one line."""
    if not row.series:
        return _wrap(row.project, 40, 3)
    return _wrap(row.series, 40, 2) + "\n" + _wrap(row.project, 40, 1)


def funding_bars(rows: pd.DataFrame, language: str) -> bytes:
    """Funding lines per funder (a funder's amounts only where every line reports one in one
    currency: a line with no amount is never sized as 0)."""
    with plt.rc_context(STYLE):
        every = len(rows) and rows["amount_value"].notna().all() and rows["currency"].nunique() == 1
        if every:
            sizes = rows.groupby("funder", sort=False)["amount_value"].sum()
            label = tr(language, "Amount reported ({currency})", currency=rows["currency"].iloc[0])
        else:
            sizes = rows.groupby("funder", sort=False)["project_id"].nunique()
            label = tr(language, "Projects funded (amounts are not reported for every line)")
        sizes = sizes.head(ROWS)
        figure, axes = page_figure(1.0 + ROW_IN * max(len(sizes), 1))
        ys = range(len(sizes))[::-1]
        axes.barh(list(ys), sizes.to_numpy(dtype=float), color=OKABE_ITO[0], height=0.6)
        for y, value in zip(ys, sizes, strict=True):
            _words_beside(axes, value, y, value_text(value, "exact", language), fontsize=10)
        axes.set_yticks(list(ys), [_wrap(name, 40, 3) for name in sizes.index])
        _rows_limits(axes, len(sizes))
        axes.set_xlabel(label)
        axes.margins(x=0.15)
        _count_axis(axes, language)
        return svg_bytes(figure)


def timeline_bars(rows: pd.DataFrame, language: str) -> bytes | None:
    """Projects and events whose dates state a year, on a time axis; None when there are none.
    A date known to the month or year spans it, lighter; a few days on a long axis are a ◆."""
    dated = rows[(rows["placement"] == "axis") & (rows["kind"] != "figure")].head(ROWS * 2)
    if dated.empty:
        return None
    with plt.rc_context(STYLE):
        figure, axes = page_figure(1.0 + 0.42 * len(dated))
        first = mdates.date2num(dated["x_start"].min())
        span = max(mdates.date2num(dated["x_end"].max()) - first, 1)
        for y, row in enumerate(dated[::-1].itertuples(index=False)):
            colour = OKABE_ITO[int(row.colour_index) % 6]
            start, end = mdates.date2num(row.x_start), mdates.date2num(row.x_end)
            coarse = row.precision != "day"
            light = coarse or row.status == "planned"
            if not coarse and end - start < span / 60:  # a few days on a years-long axis
                axes.plot(
                    (start + end) / 2,
                    y,
                    marker="D",
                    color=colour,
                    markersize=6,
                    alpha=0.45 if light else 1,
                )
                continue
            axes.barh(
                y,
                max(end - start, 1),
                left=start,
                color=colour,
                height=0.55,
                alpha=0.45 if light else 1,
            )
        names = [
            _wrap(
                ("■ " if row.kind == "project" else "   ")
                + (row.project if row.kind == "project" else row.item),
                48,
                1,
            )
            for row in dated.itertuples(index=False)
        ]
        axes.set_yticks(range(len(dated)), names[::-1], fontsize=9)
        locator = mdates.AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.margins(x=0.04)
        return svg_bytes(figure)
