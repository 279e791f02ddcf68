"""Sources and data: every report, what was taken from each, freshness, checks and downloads."""

import streamlit as st

from lib.model.sources import source_titles
from lib.text.escape import md
from lib.text.i18n import format_day, format_number, tr
from lib.topics.sources.data import plain_text, source_list_head, uses_of
from lib.ui.app_data import current_audience, data_zip_for, files_and_change
from lib.ui.components import figures_download, limited_table
from lib.ui.download_button import download_on_click
from lib.ui.export_downloads import open_format_downloads
from lib.ui.search_select import searched_selectbox
from lib.ui.table_columns import shown_table
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title -------------------------------------------------------------------------------------
page_header(view, tr(language, "Sources and data"))
# The reports and the whole data set are listed even so; only the filtered downloads are not.
matches_nothing = nothing_selected(view)

# 2. The data's state ---------------------------------------------------------------------------
# The files this audience's data was read from (the public's leave out unpublished projects').
files, changed = derived(
    view, "sources.files", lambda: files_and_change(portfolio), per_filters=False
)
st.success(
    tr(
        language,
        "Checked: {n} data files passed every check (no problems). "
        "The data files last changed on {day}, {time} UTC. Data version {version}.",
        n=format_number(files, language),
        day=format_day(changed.year, changed.month, changed.day, language),
        time=changed.strftime("%H:%M"),
        version=portfolio.fingerprint[:12],
    )
)

# 3. The reports --------------------------------------------------------------------------------
st.header(tr(language, "Reports"))
limited_table(
    view,
    "sources.shown",
    lambda: source_list_head(portfolio, language).drop(columns="id"),
    tr(language, "reports"),
    per_filters=False,
    then=tr(language, "; choose any report below"),
    total=len(portfolio.sources),
)
titles = derived(
    view,
    "sources.titles",
    lambda: source_titles(portfolio.sources),
    per_filters=False,
)
ids = derived(view, "sources.ids", lambda: list(portfolio.sources), per_filters=False)
chosen = searched_selectbox(
    tr(language, "What was taken from"),
    ids,
    titles.__getitem__,
    "sources.report",
    "sources.find",
    "reports",
    language,
)
uses = derived(
    view, f"sources.uses.{chosen}", lambda: uses_of(portfolio, chosen, language), per_filters=False
)
shown_table(uses, language)
report_language = md(portfolio.sources[chosen].language)
with st.expander(
    tr(language, "The full text of the report ({language})", language=report_language)
):
    st.text(plain_text(portfolio.source_texts[chosen]))

# 4. Downloads ----------------------------------------------------------------------------------
st.header(tr(language, "Downloads"))
if not matches_nothing:
    label = tr(language, "Figures for the current filters (CSV)")
    figures_download(view, "figures.csv", key="sources.figures.csv", label=label)
if current_audience() == "board":  # the curated files hold unpublished projects too
    download_on_click(
        tr(language, "The whole data set: YAML, CSV and the reports (ZIP)"),
        lambda: data_zip_for(str(portfolio.data_dir), portfolio.fingerprint),  # on a click
        file_name="integration-dashboard-data.zip",
        mime="application/zip",
        key="sources.zip",
    )
if not matches_nothing:
    st.caption(
        tr(
            language,
            "Open formats, for the current filters: IATI for funders and aid portals, HXL for "
            "humanitarian tools, a Frictionless data package for open-data catalogues.",
        )
    )
    open_format_downloads(portfolio, view.filters, language)
