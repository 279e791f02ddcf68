"""Overview: the headline figures for the current filters, each with the sentence it comes from."""

import streamlit as st

from lib.bounded import CITATIONS, LINES, more_text
from lib.downloads import csv_download
from lib.escape import md
from lib.figure_text import figure_text
from lib.flat_table import readable_values
from lib.headlines import (
    HEADLINE_INDICATORS,
    headline_counts,
    indicator_figure,
    network_sizes,
)
from lib.names import titles_text
from lib.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio = view.portfolio

# 1. Title and filters -------------------------------------------------------------------------
page_header(view, "Integration projects: what was achieved")
if nothing_selected(view):
    st.stop()

# 2. Counts of what the projects name -----------------------------------------------------------
counts = derived(view, "overview.counts", lambda: headline_counts(portfolio, view.project_ids))
columns = st.columns(len(counts))
for column, (key, value) in zip(columns, counts.items(), strict=True):
    column.metric(key.capitalize(), value, help="Counted from the project files.")
networks = derived(view, "overview.networks", lambda: network_sizes(portfolio, view.values))
for network in networks[:LINES]:
    st.caption(
        f"{md(network.title)}: {network.size} cities in its network, {network.named} of them "
        "named in the report and counted above."
    )
if more := more_text(LINES, len(networks), "networks", "the CSV below has every figure"):
    st.caption(more)

# 3. Indicator figures, each with its sources ---------------------------------------------------
columns = st.columns(len(HEADLINE_INDICATORS))
for column, code in zip(columns, HEADLINE_INDICATORS, strict=True):
    figure = derived(
        view, f"figure.{code}", lambda code=code: indicator_figure(portfolio, code, view.values)
    )
    indicator = portfolio.indicators[code]
    with column:
        st.metric(
            indicator.labels.get(view.language), figure_text(figure), help=indicator.description
        )
        if figure.figures_added > 1 and indicator.counts == "unique_people":
            st.caption(
                f"The sum of {figure.figures_added} figures (events or series): someone "
                "counted in two of them is counted twice."
            )
        with st.expander("Source", expanded=False):
            for citation in figure.citations[:CITATIONS]:
                project = portfolio.projects[citation.project].title.get(view.language)
                source = portfolio.sources[citation.source]
                st.markdown(f"**{md(project)}** — {md(citation.when)}")
                st.caption(f"{md(source.title)} ({source.language})")
                st.text(f"“{citation.quote}”")
            where = "every figure with its sentence is in the CSV below"
            if more := more_text(CITATIONS, len(figure.citations), "sources", where):
                st.caption(more)
            if figure.not_reported_in:
                names = titles_text(portfolio, figure.not_reported_in, view.language)
                st.caption(
                    f"Not reported by: {md(names)}. Left out of the total, not counted as 0."
                )

# 4. The figures behind this page ----------------------------------------------------------------
csv_download(
    lambda: readable_values(portfolio, view.values, view.language),
    "overview-figures.csv",
    key="overview.csv",
    label="Download the figures for these filters (CSV)",
)
