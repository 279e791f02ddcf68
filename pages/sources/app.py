"""Sources and data: every report, what was taken from each, freshness, checks and downloads."""

import streamlit as st

from lib.app_data import data_zip_for, load_for_app
from lib.data_package import last_changed
from lib.downloads import csv_download
from lib.escape import md
from lib.flat_table import readable_values
from lib.source_tables import source_list, uses_of
from lib.view import current_view, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
result = load_for_app()

# 1. Title -------------------------------------------------------------------------------------
page_header(view, "Sources and data")

# 2. The data's state ---------------------------------------------------------------------------
changed = last_changed(portfolio.data_dir).strftime("%d %B %Y, %H:%M UTC")
st.success(
    f"Checked: {result.files_read} data files passed every check of `dashboard-data validate` "
    f"(no problems). The data files last changed on {changed}. Data version "
    f"{portfolio.fingerprint[:12]}."
)

# 3. The reports --------------------------------------------------------------------------------
st.subheader("Reports")
sources = source_list(portfolio, language)
st.dataframe(sources.drop(columns="id"), hide_index=True, width="stretch")
chosen = st.selectbox(
    "What was taken from",
    list(sources["id"]),
    format_func=lambda sid: portfolio.sources[sid].title,
    key="sources.report",
)
st.dataframe(uses_of(portfolio, chosen, language), hide_index=True, width="stretch")
with st.expander(f"The full text of the report ({md(portfolio.sources[chosen].language)})"):
    st.text(portfolio.source_texts[chosen])

# 4. Downloads ----------------------------------------------------------------------------------
st.subheader("Downloads")
csv_download(
    readable_values(portfolio, view.values, language),
    "figures.csv",
    key="sources.figures.csv",
    label="Figures for the current filters (CSV)",
)
st.download_button(
    "The whole data set: YAML, CSV and the reports (ZIP)",
    data_zip_for(str(portfolio.data_dir), portfolio.fingerprint),
    file_name="integration-dashboard-data.zip",
    mime="application/zip",
    key="sources.zip",
)
