"""What the router needs of presentation mode (`?present=1`): whether this run presents, its
language and its one page. Apart from lib/ui/presentation.py, which draws the screens from the
board pack's content: importing that (lib/board, the topics' data) took some 50 ms of CPU of
every server's start, for a mode the first page of a visit never is."""

from __future__ import annotations

import streamlit as st

from lib.text.i18n import tr
from lib.ui.language import KEY as LANGUAGE_KEY
from lib.ui.language import PARAM as LANGUAGE_PARAM
from lib.ui.language import browser_language, language_from_param

PRESENT, SLIDE = "present", "slide"  # URL parameters: ?present=1&slide=3


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
