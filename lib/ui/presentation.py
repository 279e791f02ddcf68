"""Presentation mode (`?present=1`): the board pack's topics one a screen, for a wall screen in
a meeting. No sidebar; the view comes from the URL (filters, `lang`, `slide`), large type,
next and previous buttons, and the filters stated on every screen.

The screens draw lib/board_content's Board, as the PDF does, with the PDF's vector charts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from lib.board.content import TOPICS, board_content
from lib.board.model import Board
from lib.query.filters import year_bounds
from lib.query.index import index_of
from lib.text.escape import md
from lib.text.i18n import LANGUAGE_NAMES, format_number, tr
from lib.ui.app_data import load_for_app
from lib.ui.language import KEY as LANGUAGE_KEY
from lib.ui.language import PARAM as LANGUAGE_PARAM
from lib.ui.language import browser_language, language_from_param
from lib.ui.url_state import filters_from_params

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
    return st.Page(
        show_presentation, title=tr(language, "Presentation"), url_path="present", default=True
    )


def slide_number(raw: str, screens: int = SCREENS) -> int | None:
    """The screen a `slide` value names, or None. A few ASCII digits only: str.isdigit() also
    takes "²" and "٣", which int() then refuses, as it refuses 5,000 digits."""
    if len(raw) <= 4 and raw.isascii() and raw.isdigit() and 1 <= int(raw) <= screens:
        return int(raw)
    return None


def _slide(notices: list[str], language: str) -> int:
    raw = st.query_params.get(SLIDE, "1")
    number = slide_number(raw)
    if number is not None:
        return number
    # the notice is markdown: the value from the link is escaped, shown as written
    notices.append(
        tr(language, "Ignored slide {value}: there are {n} screens.", value=md(raw[:20]), n=SCREENS)
    )
    return 1


def _go(slide: int) -> None:
    st.query_params[SLIDE] = str(slide)


def _leave() -> None:
    for param in (PRESENT, SLIDE):
        if param in st.query_params:
            del st.query_params[param]


def _topic(board: Board, index: int, remember: Callable[[str, Callable[[], T]], T]) -> None:
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


def _sources(board: Board) -> None:
    for entry in board.sources:
        language = LANGUAGE_NAMES.get(entry.language, entry.language)
        st.subheader(md(f"[{entry.number}] {entry.title}"), anchor=False)
        st.caption(md(language))


def show_presentation() -> None:
    """One screen of the presentation: the topic the URL's `slide` names."""
    language = st.session_state.get(LANGUAGE_KEY, "en")
    portfolio = load_for_app().portfolio
    index = index_of(portfolio)
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    filters, notices = filters_from_params(params, index.options, year_bounds(portfolio))
    slide = _slide(notices, language)
    board = index.remember(
        ("present.board", filters, language), lambda: board_content(portfolio, filters, language)
    )

    def remember(name: str, build: Callable[[], T]) -> T:
        return index.remember((name, filters, language), build)

    for notice in notices:
        st.warning(notice)
    topic = slide <= len(TOPICS)
    st.title(board.topics[slide - 1].title if topic else tr(language, "Sources"), anchor=False)
    showing = tr(language, "Showing: {filters}", filters=board.filters_words)
    st.header(md(showing), divider="gray", anchor=False)
    if not board.project_ids:
        st.warning(tr(language, "No project matches these filters."))
    elif topic:
        _topic(board, slide - 1, remember)
    else:
        _sources(board)
    previous, where, following, leave = st.columns([2, 2, 2, 3], vertical_alignment="center")
    previous.button(
        tr(language, "◀ Previous"),
        key="present.previous",
        on_click=_go,
        args=(slide - 1,),
        disabled=slide == 1,
        width="stretch",
    )
    where.markdown(f"### {format_number(slide, language)} / {format_number(SCREENS, language)}")
    following.button(
        tr(language, "Next ▶"),
        key="present.next",
        on_click=_go,
        args=(slide + 1,),
        disabled=slide == SCREENS,
        width="stretch",
        type="primary",
    )
    leave.button(tr(language, "Leave presentation"), key="present.leave", on_click=_leave)
