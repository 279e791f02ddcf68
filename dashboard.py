"""The router: page settings, the data check every page relies on, the sidebar, the pages."""

import streamlit as st

from lib.app_data import load_for_app
from lib.sidebar import filter_sidebar

st.set_page_config(page_title="Integration projects: impact", page_icon="🤝", layout="wide")

result = load_for_app()
if result.problems:
    st.error(
        f"The data in `{result.data_dir}` has {len(result.problems)} problem(s), so nothing is "
        "shown: a dashboard with part of the data would give wrong totals. "
        "Run `uv run dashboard-data validate` to see them, or read them here."
    )
    st.code("\n".join(str(problem) for problem in result.problems), language=None)
    st.stop()

filter_sidebar(result.portfolio)

pages = [
    st.Page("pages/overview/app.py", title="Overview", url_path="overview", default=True),
    st.Page("pages/participants/app.py", title="Participants by city", url_path="participants"),
    st.Page("pages/map/app.py", title="Map", url_path="map"),
    st.Page("pages/people_supported/app.py", title="People supported", url_path="people-supported"),
    st.Page("pages/projects/app.py", title="Projects", url_path="projects"),
    st.Page("pages/timeline/app.py", title="Timeline", url_path="timeline"),
    st.Page("pages/funding/app.py", title="Funding", url_path="funding"),
    st.Page("pages/sources/app.py", title="Sources and data", url_path="sources"),
]
st.navigation(pages).run()
