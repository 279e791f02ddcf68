"""The timeline's "Zoom to" kept in the link as ?zoom=<project id>, as Projects keeps ?show=,
so a shared link opens on the same project's days."""

from __future__ import annotations

import streamlit as st

from lib.text.i18n import tr

ZOOM_PARAM = "zoom"  # listed in lib/ui/url_state.py's OTHER_PARAMS
ZOOM_KEY = "timeline.zoom"


def zoom_from_link(dated_ids: list[str], language: str) -> None:
    """On the page's first run, the project the link zooms to, when it is on the timeline;
    a notice when it is not (the timeline then shows every project)."""
    if ZOOM_KEY in st.session_state:
        return
    wanted = st.query_params.get(ZOOM_PARAM, "")
    if wanted in dated_ids:
        st.session_state[ZOOM_KEY] = wanted
    elif wanted:
        st.warning(
            tr(
                language,
                "The link zooms to a project that has no dated line on this timeline; "
                "showing every project.",
            )
        )


def remember_zoom() -> None:
    """The chosen project into the link, or out of it for all projects (a default is left
    out of the URL)."""
    chosen = st.session_state.get(ZOOM_KEY)
    if chosen:
        st.query_params[ZOOM_PARAM] = chosen
    elif ZOOM_PARAM in st.query_params:
        del st.query_params[ZOOM_PARAM]
