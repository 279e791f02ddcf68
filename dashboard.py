"""The router: page settings, the data check every page relies on, the sidebar, the pages."""

import streamlit as st

from lib.text.i18n import N_, tr
from lib.ui.app_data import audience_notice, begin_loading, load_for_app, show_data_problems
from lib.ui.language import language_picker
from lib.ui.presenting import presentation_language, presentation_page, presenting
from lib.ui.sidebar import filter_sidebar

present = presenting()  # ?present=1: a wall screen, one topic a screen, no sidebar
begin_loading()  # at a server's start, the data opened in a thread while the page is set up
st.set_page_config(
    page_title="Integration projects: impact",
    page_icon="🤝",
    layout="wide",
    initial_sidebar_state="collapsed" if present else "auto",
)
language = presentation_language() if present else language_picker()

result = load_for_app(language, new_run=True)  # the one data version of this whole run
if result.problems:
    show_data_problems(result, language)
    st.stop()

if present:
    st.navigation([presentation_page(language)], position="hidden").run()
    st.stop()

filter_sidebar(result.portfolio, language)
audience_notice(language)


def _page(path: str, title: str, url_path: str, default: bool = False) -> st.Page:
    return st.Page(path, title=tr(language, title), url_path=url_path, default=default)


pages = [
    _page("pages/overview/app.py", N_("Overview"), "overview", default=True),
    _page("pages/participants/app.py", N_("Participants by city"), "participants"),
    _page("pages/map/app.py", N_("Map"), "map"),
    _page("pages/people_supported/app.py", N_("People supported"), "people-supported"),
    _page("pages/projects/app.py", N_("Projects"), "projects"),
    _page("pages/timeline/app.py", N_("Timeline"), "timeline"),
    _page("pages/funding/app.py", N_("Funding"), "funding"),
    _page("pages/sources/app.py", N_("Sources and data"), "sources"),
]
st.navigation(pages).run()
