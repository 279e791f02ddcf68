"""Presentation mode (`?present=1`): what the router and the presentation page
(pages/presentation/app.py) share. Whether this run presents, its language (from the URL: the
sidebar is hidden), the slide the URL names, and one screen's topic or reports drawn in large
type from lib/board/content's Board, with the board pack's vector charts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from lib.board.content import TOPICS
from lib.board.model import Board
from lib.model.languages import LANGUAGE_NAMES
from lib.text.escape import md
from lib.text.i18n import format_number, tr
from lib.ui.language import KEY as LANGUAGE_KEY
from lib.ui.language import PARAM as LANGUAGE_PARAM
from lib.ui.language import browser_language, language_from_param

T = TypeVar("T")
PRESENT, SLIDE = "present", "slide"  # URL parameters: ?present=1&slide=3
SCREENS = len(TOPICS) + 1  # the topics, then the reports they cite
METRICS = 6  # figures a screen shows beside its chart; the pack lists more


def presenting() -> bool:
    return st.query_params.get(PRESENT) == "1"


def presentation_language() -> str:
    """The language of the URL (no select box: the sidebar is hidden), else the browser's."""
    try:
        default = browser_language(st.context.locale)
    except Exception:  # AppTest has no browser behind it
        default = "en"
    language, _ = language_from_param(st.query_params.get_all(LANGUAGE_PARAM), default)
    st.session_state[LANGUAGE_KEY] = language
    return language


def presentation_page(language: str) -> st.Page:
    """The one page of presentation mode, served at the address it was opened by."""
    return st.Page(
        "pages/presentation/app.py",
        title=tr(language, "Presentation"),
        url_path="present",
        default=True,
    )


def current_slide(notices: list[str], language: str) -> int:
    """The screen the URL's `slide` names (from 1); another value adds a notice and gives 1."""
    raw = st.query_params.get(SLIDE, "1")
    if raw.isdigit() and 1 <= int(raw) <= SCREENS:
        return int(raw)
    notices.append(
        tr(language, "Ignored slide {value}: there are {n} screens.", value=raw[:20], n=SCREENS)
    )
    return 1


def go_to(slide: int) -> None:
    st.query_params[SLIDE] = str(slide)


def leave() -> None:
    for param in (PRESENT, SLIDE):
        if param in st.query_params:
            del st.query_params[param]


def topic_screen(board: Board, index: int, remember: Callable[[str, Callable[[], T]], T]) -> None:
    """The topic's chart beside its first figures, large, then its notes."""
    # Imported when a presentation starts: matplotlib is some 40 MB of server memory that the
    # dashboard's own pages do not need.
    from lib.board.pdf import topic_chart

    topic = board.topics[index]
    svg = remember(f"present.chart.{topic.key}", lambda: topic_chart(board, topic.key))
    shown = topic.tiles + topic.lines
    lines = shown[:METRICS] if svg else shown
    if svg:
        chart, figures = st.columns([3, 2], gap="large")
        chart.image(svg.decode("utf-8"), width="stretch")
    else:
        figures = st.container()
    with figures:
        columns = st.columns(1 if svg else 3)
        for number, line in enumerate(lines):
            # headings, not st.metric: a metric's label is too small to read across a room
            with columns[number % len(columns)].container(border=True):
                st.subheader(md(line.label), anchor=False)
                st.header(md(line.text), anchor=False)
                if line.refs:
                    st.caption(tr(board.language, "Source: {refs}", refs=line.refs_text()))
    for note in topic.notes:
        st.markdown(md(note))
    if len(shown) > len(lines):
        st.caption(
            tr(
                board.language,
                "{n} more figures are in the board pack and on the dashboard's pages.",
                n=format_number(len(shown) - len(lines), board.language),
            )
        )


def sources_screen(board: Board) -> None:
    """The reports the topics cite, by their numbers."""
    for entry in board.sources:
        language = LANGUAGE_NAMES.get(entry.language, entry.language)
        st.subheader(md(f"[{entry.number}] {entry.title}"), anchor=False)
        st.caption(md(language))
