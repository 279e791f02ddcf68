"""Presentation mode (`?present=1`) for its page (pages/presentation/app.py; what the router
needs of it is in lib/ui/presenting.py): the slide the URL names, and one screen's topic or
reports drawn in large type from lib/board/content's Board, with the board pack's vector
charts.
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
from lib.ui.presenting import PRESENT, SLIDE

T = TypeVar("T")
SCREENS = len(TOPICS) + 1  # the topics, then the reports they cite
# What a screen shows, so that it fits 1280x720 with no scrolling; the pack lists the rest.
CHART_FIGURES, FIGURES = 2, 6  # figures beside a chart, and on a screen without one


def slide_number(raw: str, screens: int = SCREENS) -> int | None:
    """The screen a `slide` value names, or None. A few ASCII digits only: str.isdigit() also
    takes "²" and "٣", which int() then refuses, as it refuses 5,000 digits."""
    if len(raw) <= 4 and raw.isascii() and raw.isdigit() and 1 <= int(raw) <= screens:
        return int(raw)
    return None


def current_slide(notices: list[str], language: str) -> int:
    """The screen the URL's `slide` names (from 1); another value adds a notice and gives 1."""
    raw = st.query_params.get(SLIDE, "1")
    number = slide_number(raw)
    if number is not None:
        return number
    # the notice is markdown: the value from the link is escaped, shown as written
    notices.append(
        tr(language, "Ignored slide {value}: there are {n} screens.", value=md(raw[:20]), n=SCREENS)
    )
    return 1


def go_to(slide: int) -> None:
    st.query_params[SLIDE] = str(slide)


def leave() -> None:
    for param in (PRESENT, SLIDE):
        if param in st.query_params:
            del st.query_params[param]


def title_and_controls(title: str, slide: int, language: str) -> None:
    """The screen's title beside Previous, where we are, Next and Leave: at the top of every
    screen, so they are always in view; the arrow keys press Previous and Next (the buttons'
    own keyboard shortcuts)."""
    heading, previous, where, following, leaving = st.columns(
        [6, 2, 1, 2, 2], vertical_alignment="center"
    )
    heading.title(title, anchor=False)
    previous.button(
        tr(language, "◀ Previous"),
        key="present.previous",
        on_click=go_to,
        args=(slide - 1,),
        disabled=slide == 1,
        width="stretch",
        shortcut="ArrowLeft",
    )
    where.markdown(f"**{format_number(slide, language)} / {format_number(SCREENS, language)}**")
    following.button(
        tr(language, "Next ▶"),
        key="present.next",
        on_click=go_to,
        args=(slide + 1,),
        disabled=slide == SCREENS,
        width="stretch",
        type="primary",
        shortcut="ArrowRight",
    )
    leaving.button(
        tr(language, "Leave presentation"), key="present.leave", on_click=leave, width="stretch"
    )


def topic_screen(board: Board, index: int, remember: Callable[[str, Callable[[], T]], T]) -> None:
    """The topic's chart beside its first figures, then its notes. The chart fills its column
    (some 1,000 px of a 1920x1080 screen, where its 21 pt type is 21 px) and is never taller
    than the medium allows, so the screen fits 1280x720 without scrolling too."""
    # Imported when a presentation starts: matplotlib is some 40 MB of server memory that the
    # dashboard's own pages do not need.
    from lib.board.pdf import topic_chart
    from lib.board.rows import SCREEN

    topic = board.topics[index]
    svg = remember(f"present.chart.{topic.key}", lambda: topic_chart(board, topic.key, SCREEN))
    shown = topic.tiles + topic.lines
    lines = shown[: CHART_FIGURES if svg else FIGURES]
    if svg:
        chart, figures = st.columns([3, 2], gap="large")
        words = "; ".join(f"{line.label}: {line.text}" for line in shown)
        chart.image(svg.decode("utf-8"), width="stretch", alt=f"{topic.title}. {words}")
    else:
        figures = st.container()
    with figures:
        columns = st.columns(1 if svg else 3)
        for number, line in enumerate(lines):
            # large words, not st.metric: a metric's label is too small to read across a room
            with columns[number % len(columns)]:
                st.markdown(f"**{md(line.label)}**")
                st.subheader(md(line.text), anchor=False)
                if line.refs:
                    st.caption(tr(board.language, "Source: {refs}", refs=line.refs_text()))
    more = len(shown) - len(lines)
    notes = [md(note) for note in topic.notes]
    if more:
        notes.append(
            tr(
                board.language,
                "{n} more figures are in the board pack and on the dashboard's pages.",
                n=format_number(more, board.language),
            )
        )
    st.markdown("  \n".join(notes))


def sources_screen(board: Board) -> None:
    """The reports the topics cite, by their numbers."""
    for entry in board.sources:
        language = LANGUAGE_NAMES.get(entry.language, entry.language)
        st.markdown(f"**{md(f'[{entry.number}] {entry.title}')}** · {md(language)}")
