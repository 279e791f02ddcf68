"""The project the Projects page shows: chosen in a select box and kept in the URL as
`?show=<id>`, so a link opens the same project, and kept for the session, so a visit to
another page does not forget it."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from lib.query.names import project_titles
from lib.text.i18n import tr
from lib.ui.search_select import searched_selectbox
from lib.ui.view import View

KEY = "projects.show"  # the select box's session-state key
PARAM = "show"
DRAWN_IN = KEY + ".language"  # the language the box was last drawn in


def _settle_choice(project_ids: Sequence[str], language: str) -> None:
    """On the page's first run the URL decides; later, a choice the filters no longer select
    falls back to the first project."""
    if KEY not in st.session_state:
        wanted = st.query_params.get(PARAM, "")
        st.session_state[KEY] = wanted if wanted in project_ids else project_ids[0]
        if wanted and wanted not in project_ids:
            st.warning(
                tr(
                    language,
                    "The link names a project that is not among these projects; showing the first.",
                )
            )
    elif st.session_state[KEY] not in project_ids:
        st.session_state[KEY] = project_ids[0]
    elif st.session_state.get(DRAWN_IN, language) != language:
        # The browser holds the choice as its shown title; set through session state, the
        # value is sent again, titled in the new language (see lib/ui/sidebar.py).
        st.session_state[KEY] = st.session_state[KEY]
    st.session_state[DRAWN_IN] = language


def _remember_choice() -> None:
    st.query_params[PARAM] = st.session_state[KEY]


def project_choice(view: View) -> str:
    """Draw the select box of the selected projects and return the id of the one chosen."""
    _settle_choice(view.project_ids, view.language)
    titles = project_titles(view.portfolio, view.language)
    if st.query_params.get(PARAM) != st.session_state[KEY]:  # a page switch cleared the URL
        st.query_params[PARAM] = st.session_state[KEY]
    return searched_selectbox(
        tr(view.language, "Project"),
        view.project_ids,
        titles.__getitem__,
        KEY,
        "projects.find",
        language=view.language,
        on_change=_remember_choice,
    )
