"""Presentation mode (`?present=1`): the board pack's topics one a screen, for a wall screen
in a meeting. No sidebar; the view comes from the URL (filters, `lang`, `slide`), large type,
next and previous buttons, and the filters stated on every screen."""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from lib.board.content import TOPICS, board_content
from lib.query.filters import year_bounds
from lib.query.index import index_of
from lib.text.escape import md
from lib.text.i18n import format_number, tr
from lib.ui.app_data import load_for_app
from lib.ui.language import KEY as LANGUAGE_KEY
from lib.ui.presentation import (
    SCREENS,
    current_slide,
    go_to,
    leave,
    sources_screen,
    topic_screen,
)
from lib.ui.url_state import filters_from_params

T = TypeVar("T")

# 1. The view the link names -------------------------------------------------------------------
language = st.session_state.get(LANGUAGE_KEY, "en")
portfolio = load_for_app().portfolio
index = index_of(portfolio)
params = {key: st.query_params.get_all(key) for key in st.query_params}
filters, notices = filters_from_params(params, index.options, year_bounds(portfolio))
slide = current_slide(notices, language)
board = index.remember(
    ("present.board", filters, language), lambda: board_content(portfolio, filters, language)
)


def remember(name: str, build: Callable[[], T]) -> T:
    return index.remember((name, filters, language), build)


# 2. The screen: its title, the filters in words, its topic or the reports ---------------------
for notice in notices:
    st.warning(notice)
topic = slide <= len(TOPICS)
st.title(board.topics[slide - 1].title if topic else tr(language, "Sources"), anchor=False)
showing = tr(language, "Showing: {filters}", filters=board.filters_words)
st.header(md(showing), divider="gray", anchor=False)
if not board.project_ids:
    st.warning(tr(language, "No project matches these filters."))
elif topic:
    topic_screen(board, slide - 1, remember)
else:
    sources_screen(board)

# 3. Moving between screens, and back to the dashboard ----------------------------------------
previous, where, following, leaving = st.columns([2, 2, 2, 3], vertical_alignment="center")
previous.button(
    tr(language, "◀ Previous"),
    key="present.previous",
    on_click=go_to,
    args=(slide - 1,),
    disabled=slide == 1,
    width="stretch",
)
where.markdown(f"### {format_number(slide, language)} / {format_number(SCREENS, language)}")
following.button(
    tr(language, "Next ▶"),
    key="present.next",
    on_click=go_to,
    args=(slide + 1,),
    disabled=slide == SCREENS,
    width="stretch",
    type="primary",
)
leaving.button(tr(language, "Leave presentation"), key="present.leave", on_click=leave)
