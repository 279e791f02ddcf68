"""Projects: the list, and one page per project with everything known and every source quoted."""

import pandas as pd
import streamlit as st

from lib.query.citations import project_uses, use_headers
from lib.query.flat_table import readable_values
from lib.query.limits import table_head
from lib.query.names import inferred_mark, project_titles, translation_mark
from lib.text.escape import md
from lib.text.i18n import tr
from lib.text.vocabulary import code_words
from lib.topics.projects.data import (
    project_events,
    project_funding,
    project_list,
    project_organisations,
    start_and_end,
)
from lib.ui.downloads import csv_download
from lib.ui.search_select import searched
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. The list ----------------------------------------------------------------------------------
page_header(view, tr(language, "Projects"))
if nothing_selected(view):
    st.stop()
listing = derived(
    view, "projects.list", lambda: project_list(portfolio, view.project_ids, language)
)
shown, note = derived(
    view,
    "projects.shown",
    lambda: table_head(listing.drop(columns="id"), tr(language, "projects"), language=language),
)
st.dataframe(shown, hide_index=True, width="stretch")
if note:
    st.caption(note + tr(language, "; choose any project below"))
csv_download(lambda: listing, "projects.csv", key="projects.csv", language=language)

# 2. Choose a project (kept in the URL as ?show=<id>) -----------------------------------------
if "projects.show" not in st.session_state:
    wanted = st.query_params.get("show", "")
    st.session_state["projects.show"] = (
        wanted if wanted in view.project_ids else view.project_ids[0]
    )
    if wanted and wanted not in view.project_ids:
        st.warning(
            tr(
                language,
                "The link names a project that is not among these projects; showing the first.",
            )
        )
elif st.session_state["projects.show"] not in view.project_ids:
    st.session_state["projects.show"] = view.project_ids[0]


def _remember_choice() -> None:
    st.query_params["show"] = st.session_state["projects.show"]


titles = project_titles(portfolio, language)
offered = searched(
    view.project_ids,
    titles.__getitem__,
    "projects.find",
    [st.session_state["projects.show"]],
    language=language,
)
chosen = st.selectbox(
    tr(language, "Project"),
    offered,
    key="projects.show",
    format_func=titles.__getitem__,
    on_change=_remember_choice,
)
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
figures = readable_values(
    portfolio, portfolio.values[portfolio.values["project"] == chosen], language
)
if len(figures):
    st.dataframe(figures.drop(columns=tr(language, "project")), hide_index=True, width="stretch")
else:
    st.info(tr(language, "The reports give no figures for this project."))
st.subheader(tr(language, "Organisations"))
st.dataframe(project_organisations(portfolio, chosen, language), hide_index=True, width="stretch")
st.subheader(tr(language, "Funding"))
st.dataframe(project_funding(portfolio, chosen, language), hide_index=True, width="stretch")
st.subheader(tr(language, "Events"))
events = project_events(portfolio, chosen, language)
if len(events):
    st.dataframe(events, hide_index=True, width="stretch")
else:
    st.info(tr(language, "The reports name no events for this project."))

# 4. Every source quoted -----------------------------------------------------------------------
st.subheader(tr(language, "Sources"))
uses = pd.DataFrame([use.__dict__ for use in project_uses(portfolio, chosen, language)])
uses["source"] = [portfolio.sources[s].title for s in uses["source"]]
st.dataframe(
    uses.drop(columns="project").rename(columns=use_headers(language)),
    hide_index=True,
    width="stretch",
)
csv_download(
    figures,
    f"{chosen}-figures.csv",
    key="projects.figures.csv",
    label=tr(language, "Download this project's figures (CSV)"),
)
