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
    st.Page("pages/overview.py", title="Overview", url_path="overview", default=True),
]
st.navigation(pages).run()
