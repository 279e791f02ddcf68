"""Sources and data: every report, what was taken from each, freshness, checks and downloads."""

import streamlit as st

from lib.model.sources import source_titles
from lib.text.escape import md
from lib.text.i18n import format_day, format_number, tr
from lib.topics.sources.data import plain_text, source_list, source_list_head, uses_of
from lib.ui.app_data import files_and_change
from lib.ui.components import limited_table, table_download
from lib.ui.export_downloads import sources_downloads
from lib.ui.search_select import searched_selectbox
from lib.ui.table_columns import shown_table
from lib.ui.view import current_view, derived, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title -------------------------------------------------------------------------------------
page_header(view, tr(language, "Sources and data"))

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
table_download(  # every report, built on the click: what the note under the table points to
    tr(language, "Every report, with how many facts were taken from it (CSV)"),
    lambda: source_list(portfolio, language),
    "reports.csv",
    "sources.reports.csv",
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
sources_downloads(view)
