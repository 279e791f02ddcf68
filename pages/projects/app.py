"""Projects: the list, and one page per project with everything known and every source quoted."""

import streamlit as st

from lib.query.flat_table import readable_values
from lib.query.names import inferred_mark, translation_mark
from lib.text.escape import md
from lib.text.i18n import tr
from lib.text.vocabulary import code_words
from lib.topics.projects.data import (
    project_events,
    project_funding,
    project_list,
    project_list_head,
    project_organisations,
    project_sources,
    start_and_end,
)
from lib.topics.projects.figures import project_figures
from lib.ui.components import table, table_or_info
from lib.ui.downloads import csv_download
from lib.ui.project_choice import project_choice
from lib.ui.table_columns import shown_table
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. The list ----------------------------------------------------------------------------------
page_header(view, tr(language, "Projects"))
if nothing_selected(view):
    st.stop()
shown = derived(
    view, "projects.shown", lambda: project_list_head(portfolio, view.project_ids, language)
)
table(shown, language, then=tr(language, "; choose any project below"))
csv_download(
    lambda: project_list(portfolio, view.project_ids, language),
    "projects.csv",
    key="projects.csv",
    language=language,
)

# 2. Choose a project (kept in the URL as ?show=<id>) -----------------------------------------
chosen = project_choice(view)
project = portfolio.projects[chosen]

# 3. Everything known about it -----------------------------------------------------------------
st.header(md(project.title.get(language)))
if project.title.original != language:
    st.caption(
        tr(
            language,
            "Translated title; the original ({language}): {title}",
            language=project.title.original,
            title=md(project.title.get(project.title.original)),
        )
    )
st.write(md(project.summary.get(language)) + md(translation_mark(project.summary, language)))
st.markdown(
    tr(
        language,
        "**Status:** {status} · {dates}",
        status=md(
            code_words(project.status, language)
            + inferred_mark(project, "status", language, with_note=True)
        ),
        dates=md(start_and_end(portfolio, chosen, language)),
    )
)

st.subheader(tr(language, "Figures"))
no_figures = tr(language, "The reports give no figures for this project.")
table_or_info(project_figures(portfolio, chosen, language), no_figures, language)
st.subheader(tr(language, "Organisations"))
shown_table(project_organisations(portfolio, chosen, language), language)
st.subheader(tr(language, "Funding"))
shown_table(project_funding(portfolio, chosen, language), language)
st.subheader(tr(language, "Events"))
no_events = tr(language, "The reports name no events for this project.")
table_or_info(project_events(portfolio, chosen, language), no_events, language)

# 4. Every source quoted -----------------------------------------------------------------------
st.subheader(tr(language, "Sources"))
shown_table(project_sources(portfolio, chosen, language), language)
csv_download(
    lambda: readable_values(
        portfolio, portfolio.values[portfolio.values["project"] == chosen], language
    ),
    f"{chosen}-figures.csv",
    key="projects.figures.csv",
    label=tr(language, "Download this project's figures (CSV)"),
)
