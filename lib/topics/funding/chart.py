"""Chart builder for the funding page: the funder › programme › project tree of
lib/funding_data as an icicle. Pure: no Streamlit, no files.

The blocks are sized by the amount only where every line reports one in one currency;
otherwise by the number of funded projects, and the chart's title says which.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from lib.text.escape import html_text
from lib.text.i18n import N_, format_number, plotly_separators, tr
from lib.topics.palette import OKABE_ITO

_FONT = {"size": 13}
ROOT_GREY = "#595959"
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
    return "<br>".join(html_text(line) for line in textwrap.wrap(str(text), width) or [""])


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


def _label(node: object, language: str) -> str:
    label = f"<b>{_wrap(node.label, 26)}</b>"
    if node.level == "project":
        not_reported = node.amount == tr(language, "not reported")
        extra = [tr(language, "amount not reported") if not_reported else node.amount]
        if node.grant_reference and node.grant_reference != tr(language, "not stated"):
            extra.append(node.grant_reference)
        if node.co_funded == tr(language, "co-funded"):
            extra.append(node.co_funded)
        label += "<br>" + "<br>".join(_wrap(text, 30) for text in extra)
    return label


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


def funding_chart(nodes: pd.DataFrame, size_label: str, language: str = "en") -> go.Figure:
    """An icicle read left to right: funder, then programme, strand and measure where the
    reports name them, then the project. Colour: one a funder."""
    colours = [
        ROOT_GREY if index < 0 else OKABE_ITO[int(index) % 6] for index in nodes["funder_index"]
    ]
    colours = [
        tint(colour) if level == "project" else colour
        for colour, level in zip(colours, nodes["level"], strict=True)
    ]
    rows = list(nodes.itertuples(index=False))
    figure = go.Figure(
        go.Icicle(
            ids=nodes["id"],
            parents=nodes["parent"],
            labels=[_label(node, language) for node in rows],
            values=nodes["value"],
            branchvalues="remainder",
            marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 2}},
            textfont={"color": [text_colour(colour) for colour in colours], "size": 13},
            textinfo="label",
            hovertext=[_hover(node, language) for node in rows],
            hoverinfo="text",
            tiling={"orientation": "h"},
            leaf={"opacity": 1.0},
            sort=False,
        )
    )
    leaves = int((~nodes["id"].isin(set(nodes["parent"]))).sum())
    figure.update_layout(
        title={"text": html_text(size_label), "x": 0, "xanchor": "left", "font": {"size": 14}},
        height=max(320, 110 * leaves + 80),
        separators=plotly_separators(language),
        font=_FONT,
        margin={"l": 4, "r": 4, "t": 50, "b": 4},
        hoverlabel={"align": "left"},
    )
    return figure
