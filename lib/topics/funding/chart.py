"""Chart builder for the funding page: the funder › programme › project tree of
lib/topics/funding/data.py as horizontal bars, one a row, its name in full above it. Pure: no
Streamlit, no files.

The bars are as long as the amount only where every line reports one in one currency;
otherwise as the number of funded projects, and the chart's title says which.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator

import pandas as pd
import plotly.graph_objects as go

from lib.text.escape import html_lines, html_text
from lib.text.i18n import N_, format_number, ntr, plotly_separators, tr
from lib.topics.funding.data import ROOT_ID
from lib.topics.palette import OKABE_ITO

_FONT = {"size": 13}
FUNDING_ROWS = 80  # rows the chart draws; the table under it lists every funding line
_LINE_PX, _BAR_PX, _GAP_PX = 17, 18, 14
_WRAP = 40  # characters a line of a name: most of a phone's width at 13 px
_INDENT = "\u2007\u2007"  # figure spaces, one step a level: Plotly drops leading spaces
LEVEL_WORDS = {
    "root": N_("Funders of the selected projects"),
    "funder": N_("Funder"),
    "fund": N_("Fund"),
    "programme": N_("Programme"),
    "strand": N_("Strand"),
    "measure": N_("Measure"),
    "project": N_("Project"),
}


def _wrap(text: str, width: int) -> str:
    """`text` HTML-escaped and broken into lines: Plotly reads tags, data text must stay text."""
    return "<br>".join(html_lines(text, width))


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_colour(background: str) -> str:
    """Black or white, whichever has the higher contrast ratio on `background` (WCAG)."""
    light = _luminance(background)
    return "#000000" if (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) else "#FFFFFF"


def tint(colour: str, share: float = 0.45) -> str:
    """`colour` mixed with white: a project stands out from the programme above it."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in channels)


def _hover(node: object, language: str) -> str:
    level = LEVEL_WORDS.get(node.level)
    lines = [f"<b>{_wrap(node.label, 50)}</b>", tr(language, level) if level else node.level]
    if node.level == "project":
        lines += [
            tr(language, "Funder: {name}", name=html_text(node.funder)),
            tr(language, "Programme: {name}", name=html_text(node.path)),
            tr(
                language,
                "Grant reference: {reference}",
                reference=html_text(node.grant_reference),
            ),
            tr(language, "Amount: {amount}", amount=html_text(node.amount)),
            tr(language, "Co-funded: {answer}", answer=html_text(node.co_funded)),
        ]
    else:
        count = format_number(node.projects, language)
        lines.append(tr(language, "Projects funded: {n}", n=count))
    if node.source:
        lines.append(tr(language, "Source: {source}", source=html_text(node.source)))
    if node.quote:
        lines.append("“" + _wrap(node.quote, 60) + "”")
    return "<br>".join(lines)


def _depth_first(nodes: pd.DataFrame) -> list[object]:
    """The nodes below the root in reading order: each funder, then what lies under it."""
    children: dict[str, list[object]] = {}
    for node in _records(nodes):
        children.setdefault(node.parent, []).append(node)
    ordered: list[object] = []
    waiting = list(reversed(children.get(ROOT_ID, [])))
    while waiting:
        node = waiting.pop()
        ordered.append(node)
        waiting.extend(reversed(children.get(node.id, [])))
    return ordered


def _records(nodes: pd.DataFrame) -> Iterator[object]:
    """The nodes as itertuples gives them, from each column's values as a list: iterating
    over Arrow-backed text columns an element at a time took 45 ms of a funder's chart of
    1,800 nodes at 100,000 projects."""
    record = namedtuple("Node", nodes.columns, rename=True)  # as itertuples names its fields
    columns = [nodes[column].tolist() for column in nodes.columns]
    return map(record._make, zip(*columns, strict=True))


def _totals(nodes: pd.DataFrame) -> dict[str, float]:
    """What each node's bar stands for: the sizes of the lines under it, added up."""
    ids = nodes["id"].tolist()  # lists: Arrow-backed text iterated an element at a time is slow
    totals = dict.fromkeys(ids, 0.0)
    for node_id, value in zip(ids, nodes["value"].tolist(), strict=True):
        for ancestor in _ancestors(node_id):
            totals[ancestor] = totals.get(ancestor, 0.0) + float(value)
    return totals


def _ancestors(node_id: str) -> list[str]:
    parts = node_id.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _name_lines(node: object, language: str) -> list[str]:
    """The row's name, indented by its depth, bold for a funder; a project's grant below."""
    indent = _INDENT * (node.id.count("/") - 1)
    name = html_lines(node.label, _WRAP)
    if node.level == "funder":
        name = [f"<b>{line}</b>" for line in name]
    lines = [indent + line for line in name]
    if node.level == "project":
        extra = []
        if node.grant_reference and node.grant_reference != tr(language, "not stated"):
            extra.append(node.grant_reference)
        if node.co_funded == tr(language, "co-funded"):
            extra.append(node.co_funded)
        if extra:
            words = html_text(", ".join(extra))
            lines.append(f"{indent}<span style='color:#444'>{words}</span>")
    return lines


def _value_words(node: object, total: float, by_amount: bool, language: str) -> str:
    """The words at a bar's end: an amount, or how many projects (and for a project, that no
    report gives its amount)."""
    if node.level == "project":
        if node.amount == tr(language, "not reported"):
            return tr(language, "amount not reported")
        return html_text(node.amount)
    if by_amount:
        return format_number(total, language)
    return ntr(language, "{n} funded project", "{n} funded projects", node.projects)


def funding_chart(
    nodes: pd.DataFrame, size_label: str, language: str = "en", by_amount: bool = False
) -> go.Figure:
    """Horizontal bars read top to bottom: each funder, then the programme, strand and measure
    the reports name, then the project, each row's name written in full above its bar (an
    icicle's blocks shrank their text to 4-8 px on a phone and in Bulgarian). A bar's length
    is the amount where `by_amount` (every line reports one, in one currency), else the
    number of funding lines; its end says which. Colour: one a funder."""
    return go.Figure(funding_chart_spec(nodes, size_label, language, by_amount))


def funding_chart_spec(
    nodes: pd.DataFrame, size_label: str, language: str = "en", by_amount: bool = False
) -> dict:
    """funding_chart as a plain dict, which Plotly checks once when it is made a figure (the
    page frames it first, lib/topics/picture_frame.py): a figure made a bar, a trace and a
    layout update at a time, then written out as a dict to be framed, was checked three
    times, 45 ms at 100,000 projects. Without a template: the figure takes Plotly's default."""
    rows = _depth_first(nodes)[:FUNDING_ROWS]
    totals = _totals(nodes)
    colours = [OKABE_ITO[int(node.funder_index) % 6] for node in rows]
    colours = [
        tint(colour) if node.level == "project" else colour
        for colour, node in zip(colours, rows, strict=True)
    ]
    names = [_name_lines(node, language) for node in rows]
    heights = [_LINE_PX * len(lines) + _BAR_PX + _GAP_PX for lines in names]
    tops = [sum(heights[:index]) for index in range(len(rows))]
    bar_ys = [
        top + _LINE_PX * len(lines) + 2 + _BAR_PX / 2
        for top, lines in zip(tops, names, strict=True)
    ]
    lengths = [totals[node.id] for node in rows]
    bars = {
        "type": "bar",
        "orientation": "h",
        "y": bar_ys,
        "x": lengths,
        "width": [_BAR_PX] * len(rows),
        "marker": {"color": colours},
        "text": [
            _value_words(node, total, by_amount, language)
            for node, total in zip(rows, lengths, strict=True)
        ],
        "textposition": "outside",
        "textfont": {"size": 13, "color": "#222222"},
        "cliponaxis": False,
        "hovertext": [_hover(node, language) for node in rows],
        "hoverinfo": "text",
        "showlegend": False,
        "name": "funding",
    }
    row_names = {
        "type": "scatter",
        "mode": "text",
        "x": [0] * len(rows),
        "y": tops,
        "text": ["<br>".join(lines) for lines in names],
        "textposition": "bottom right",
        "textfont": {"size": 13, "color": "#222222"},
        "hoverinfo": "skip",
        "showlegend": False,
        "cliponaxis": False,
        "name": "names",
    }
    total_px = sum(heights) if heights else 100
    longest = max(lengths, default=1.0) or 1.0
    title = _wrap(size_label, 46)  # Plotly does not wrap a title: it ran off a phone
    title_px = 20 * (title.count("<br>") + 1)
    layout = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 14}},
        "height": int(total_px) + 40 + title_px,
        "separators": plotly_separators(language),
        "font": _FONT,
        "margin": {"l": 8, "r": 8, "t": 30 + title_px, "b": 10},
        "hoverlabel": {"align": "left"},
        "bargap": 0,
        # room at the right for the words at a bar's end, on a phone too
        "xaxis": {"range": [0, longest * 2.1], "visible": False, "fixedrange": True},
        "yaxis": {"range": [total_px, 0], "visible": False, "fixedrange": True},
    }
    return {"data": [bars, row_names], "layout": layout}
