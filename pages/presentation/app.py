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
from lib.text.i18n import tr
from lib.ui.app_data import load_for_app
from lib.ui.language import KEY as LANGUAGE_KEY
from lib.ui.presentation import current_slide, sources_screen, title_and_controls, topic_screen
from lib.ui.url_state import filters_from_params

T = TypeVar("T")

# 1. The view the link names -------------------------------------------------------------------
language = st.session_state.get(LANGUAGE_KEY, "en")
portfolio = load_for_app().portfolio
index = index_of(portfolio)
params = {key: st.query_params.get_all(key) for key in st.query_params}
filters, notices = filters_from_params(params, index.options, year_bounds(portfolio), language)
slide = current_slide(notices, language)
board = index.remember(
    ("present.board", filters, language), lambda: board_content(portfolio, filters, language)
)


def remember(name: str, build: Callable[[], T]) -> T:
    return index.remember((name, filters, language), build)


# 2. The screen: moving between screens, its title, the filters, its topic or the reports ----
topic = slide <= len(TOPICS)
title = board.topics[slide - 1].title if topic else tr(language, "Sources")
title_and_controls(title, slide, language)
for notice in notices:
    st.warning(notice)
st.header(md(tr(language, "Showing: {filters}", filters=board.filters_words)), anchor=False)
if not board.project_ids:
    st.warning(tr(language, "No project matches these filters."))
elif topic:
    topic_screen(board, slide - 1, remember)
else:
    sources_screen(board)
