"""The board pack's and the wall screen's charts, drawn by matplotlib as vector graphics (SVG)
with no display and no browser: participants by city, people supported and funding
(the timeline is in lib/board/timeline_chart.py, the map in lib/board/map.py).

Pure builders: the frames of lib/topics' data in, SVG bytes out, for a Medium (lib/board/rows:
the A4 page or a wall screen). Each row's name stands above its bar across the whole width
(rows.py), never cut. Text is drawn as outlines in DejaVu Sans (shipped with matplotlib,
Cyrillic included), so the picture needs no font of its own wherever it goes. Unknown values
are never drawn as 0; approximate ones are lighter and say "about" (fpdf2 draws no SVG
hatching).
"""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from lib.board.rows import (  # noqa: E402
    PAGE,
    Medium,
    Row,
    draw_rows,
    rows_height,
    rows_that_fit,
    wrap,
)
from lib.query.figure_text import value_text  # noqa: E402
from lib.text.i18n import format_number, ntr, tr  # noqa: E402
from lib.topics.palette import OKABE_ITO, UNKNOWN_GREY  # noqa: E402
from lib.topics.people.data import NOT_BROKEN_DOWN  # noqa: E402

WIDTH_IN = PAGE.width_in
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": PAGE.font_pt,
    "svg.fonttype": "path",  # letters as outlines: the SVG needs no font
    "svg.hashsalt": "board-pack",  # fixed ids in the SVG, so the same data gives the same bytes
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _left_in(medium: Medium) -> float:
    """Room left of the axes (where the names start) for half the tick "0", centred on it."""
    return medium.font_pt * 0.6 / 72


def _right_in(medium: Medium) -> float:
    """Room right of the axes for half the last tick's number, which is centred on the end."""
    return medium.font_pt * 1.6 / 72


def svg_bytes(figure: Figure) -> bytes:
    """The figure as SVG at its own size (so its height for its width is known before it is
    drawn: a slide must fit), without the metadata block (a date would change the bytes)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    return re.sub(rb"<metadata>.*?</metadata>", b"", buffer.getvalue(), flags=re.DOTALL)


def page_figure(height: float, medium: Medium = PAGE) -> tuple[Figure, Any]:
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(medium.width_in, height))
    return figure, axes


def rows_figure(rows: list[Row], medium: Medium, below_in: float) -> tuple[Figure, Any]:
    """A figure as tall as its rows plus `below_in` under them (an axis, a legend), its axes
    across the whole width."""
    height = rows_height(rows, medium)
    total = height + below_in + medium.gap_in / 2
    figure = plt.figure(figsize=(medium.width_in, total))
    left = _left_in(medium)
    width = (medium.width_in - left - _right_in(medium)) / medium.width_in
    axes = figure.add_axes((left / medium.width_in, below_in / total, width, height / total))
    return figure, axes


def with_more(rows: list[Row], shown: int, total: int, language: str) -> list[Row]:
    if shown >= total:
        return rows
    more = total - shown
    words = ntr(
        language,
        "and {n} more in the dashboard's tables",
        "and {n} more in the dashboard's tables",
        more,
    )
    return [*rows, Row(words, kind="note")]


def _x_room(axes: Any, largest: float, words: list[str], medium: Medium) -> None:
    """Room right of the longest bar for the words beside it."""
    axes_in = medium.width_in - _left_in(medium) - _right_in(medium)
    beside = max((medium.words_in(text) for text in words), default=0) + 0.2
    share = max(1 - beside / axes_in, 0.4)
    axes.set_xlim(0, (largest or 1) / share)


def _words_beside(axes: Any, x: float, y: float, words: str, medium: Medium, **style: Any) -> None:
    """Words beside a bar's end (or the axis, for no bar), a few points clear of it."""
    axes.annotate(
        words,
        (x, y),
        xytext=(5, 0),
        textcoords="offset points",
        va="center",
        fontsize=medium.font_pt,
        annotation_clip=False,
        **style,
    )


def _count_axis(axes: Any, language: str, medium: Medium) -> None:
    """Whole-number ticks written for the language ('20 000' in Bulgarian)."""
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: format_number(int(value), language) if value >= 0 else "")
    )
    axes.tick_params(axis="x", labelsize=medium.font_pt)


def _no_axis(axes: Any) -> None:
    """Every bar says its number beside it: no axis to read it from."""
    axes.set_xticks([])
    axes.spines["bottom"].set_visible(False)


def participants_bars(figures: pd.DataFrame, language: str, medium: Medium = PAGE) -> bytes:
    """One bar an event: coloured parts by origin city where the report gives them, grey for
    a number not broken down by city, the words "not reported" where there is no number."""
    with plt.rc_context(STYLE):
        # each event's first row, in the frame's order: only the events a page has room for
        # are taken apart (a funder's 14,000 events, one frame each, took seconds)
        firsts = figures[figures["group"].notna()].drop_duplicates("group")
        legend_lines = 2  # at most two lines of cities under the axis
        below = medium.line_in * (3.6 + 1.3 * legend_lines)
        labels = firsts["label"].tolist()[: medium.rows]
        rows = rows_that_fit(
            [Row(wrap(label, medium.label_chars)) for label in labels], medium, below
        )
        drawn = figures[figures["group"].isin(firsts["group"].tolist()[: len(rows)])]
        shown = list(drawn.groupby("group", sort=False))
        rows = with_more(rows, len(shown), len(firsts), language)
        figure, axes = rows_figure(rows, medium, below)
        centres, _ = draw_rows(axes, rows, medium)
        cities: dict[str, str] = {}
        ends: list[tuple[float, float, str, bool]] = []
        for y, (_, group) in zip(centres, shown, strict=False):
            ends.append((y, *_participant_bar(axes, group, y, cities, language, medium)))
        largest = max((end for _, end, _, _ in ends), default=0)
        _x_room(axes, largest, [words for _, _, words, _ in ends], medium)
        for y, end, words, drawn in ends:
            _words_beside(axes, end, y, words, medium, color="#222" if drawn else "#555")
        axes.set_xlabel(tr(language, "Participants"), fontsize=medium.font_pt)
        _count_axis(axes, language, medium)
        handles, names = axes.get_legend_handles_labels()
        unique = dict(zip(names, handles, strict=True))
        if unique:
            longest = max(medium.words_in(name) for name in unique) + 0.6
            columns = max(1, min(len(unique), int(medium.width_in // longest)))
            figure.legend(
                unique.values(),
                unique.keys(),
                loc="lower left",
                ncols=columns,
                bbox_to_anchor=(0, 0),
                frameon=False,
                fontsize=medium.font_pt,
            )
        return svg_bytes(figure)


def _participant_bar(
    axes: Any, rows: pd.DataFrame, y: float, cities: dict[str, str], language: str, medium: Medium
) -> tuple[float, str, bool]:
    """One event's bar; where it ends, the words beside it, and whether a bar was drawn."""
    parts = rows[rows["role"] == "part"]
    wholes = rows[rows["role"] != "part"]
    left = 0.0
    for row in parts.itertuples(index=False):
        if pd.isna(row.value):
            continue
        colour = cities.setdefault(row.from_city, OKABE_ITO[len(cities) % 6])
        axes.barh(y, row.value, left=left, color=colour, height=medium.bar_in, label=row.from_city)
        left += float(row.value)
    whole = wholes.iloc[0] if len(wholes) else None
    if whole is not None and pd.notna(whole["value"]) and parts.empty:
        approximate = whole["precision"] == "approximate"
        axes.barh(
            y,
            whole["value"],
            color=UNKNOWN_GREY,
            height=medium.bar_in,
            alpha=0.55 if approximate else 1,
            label=tr(language, NOT_BROKEN_DOWN),
        )
        left = float(whole["value"])
    if whole is not None and pd.notna(whole["value"]):
        text = value_text(whole["value"], whole["precision"], language)
    elif left:
        text = value_text(left, "exact", language)
    elif whole is not None:
        text = value_text(whole["value"], whole["precision"], language, whole.get("fewer_than"))
    else:
        text = tr(language, "not reported")
    return left, text, bool(left)


def people_bars(figures: pd.DataFrame, language: str, medium: Medium = PAGE) -> bytes:
    """One panel a kind of people, each bar scaled within its own kind (kinds are never on one
    scale) and saying its number beside it."""
    with plt.rc_context(STYLE):
        rows: list[Row] = []
        values: list[tuple[Any, float]] = []  # the row, and the largest value of its kind
        for _, kind in figures.groupby("indicator", sort=False):
            kind = kind.head(medium.rows)
            rows.append(Row(wrap(kind.iloc[0]["indicator_label"], medium.label_chars), "title"))
            values.append((None, 0.0))
            largest = float(kind["value"].max()) if kind["value"].notna().any() else 0.0
            for row in kind.itertuples(index=False):
                rows.append(Row(_people_row(row, medium)))
                values.append((row, largest))
        kept = rows_that_fit(rows, medium, medium.gap_in)
        bars = sum(1 for row in rows if row.kind == "bar")
        kept_bars = sum(1 for row in kept if row.kind == "bar")
        kept = with_more(kept, kept_bars, bars, language)
        figure, axes = rows_figure(kept, medium, medium.gap_in)
        centres, _ = draw_rows(axes, kept, medium)
        colours, words = [], []
        for y, (row, largest) in zip(centres, values, strict=False):
            if row is None:
                colours.append(OKABE_ITO[len(colours) % 6])
                continue
            text = value_text(row.value, row.precision, language, getattr(row, "fewer_than", None))
            words.append(text)
            if pd.isna(row.value):
                _words_beside(axes, 0, y, text, medium, color="#555")
                continue
            share = float(row.value) / largest if largest else 0
            alpha = 0.55 if row.precision == "approximate" else 1
            axes.barh(y, share, color=colours[-1], height=medium.bar_in, alpha=alpha)
            _words_beside(axes, share, y, text, medium)
        _x_room(axes, 1.0, words, medium)
        _no_axis(axes)
        return svg_bytes(figure)


def _people_row(row: Any, medium: Medium) -> str:
    """A row's name: its series in full (two series of one project differ only there), then
    its project."""
    if not row.series:
        return wrap(row.project, medium.label_chars)
    return wrap(f"{row.series} · {row.project}", medium.label_chars)


def funding_bars(rows: pd.DataFrame, language: str, medium: Medium = PAGE) -> bytes:
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
        title = Row(wrap(label, medium.label_chars), "title")
        names = [Row(wrap(name, medium.label_chars)) for name in sizes.index[: medium.rows]]
        kept = rows_that_fit([title, *names], medium, medium.gap_in)
        kept = with_more(kept, len(kept) - 1, len(sizes), language)
        figure, axes = rows_figure(kept, medium, medium.gap_in)
        centres, _ = draw_rows(axes, kept, medium)
        bars = [(y, value) for y, value in zip(centres[1:], sizes, strict=False) if y is not None]
        words = [value_text(value, "exact", language) for _, value in bars]
        _x_room(axes, float(sizes.max()) if len(sizes) else 1.0, words, medium)
        for (y, value), text in zip(bars, words, strict=True):
            axes.barh(y, float(value), color=OKABE_ITO[0], height=medium.bar_in)
            _words_beside(axes, float(value), y, text, medium)
        _no_axis(axes)
        return svg_bytes(figure)
