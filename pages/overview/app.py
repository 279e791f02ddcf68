"""Overview: the headline figures for the current filters, each with the sentence it comes from."""

import streamlit as st

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
from lib.view import current_view, nothing_selected, page_header

view = current_view()
portfolio = view.portfolio

# 1. Title and filters -------------------------------------------------------------------------
page_header(view, "Integration projects: what was achieved")
if nothing_selected(view):
    st.stop()

# 2. Counts of what the projects name -----------------------------------------------------------
counts = headline_counts(portfolio, view.project_ids)
columns = st.columns(len(counts))
for column, (key, value) in zip(columns, counts.items(), strict=True):
    column.metric(key.capitalize(), value, help="Counted from the project files.")
for network in network_sizes(portfolio, view.values):
    st.caption(
        f"{md(network.title)}: {network.size} cities in its network, {network.named} of them "
        "named in the report and counted above."
    )

# 3. Indicator figures, each with its sources ---------------------------------------------------
columns = st.columns(len(HEADLINE_INDICATORS))
for column, code in zip(columns, HEADLINE_INDICATORS, strict=True):
    figure = indicator_figure(portfolio, code, view.values)
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
            for citation in figure.citations:
                project = portfolio.projects[citation.project].title.get(view.language)
                source = portfolio.sources[citation.source]
                st.markdown(f"**{md(project)}** — {md(citation.when)}")
                st.caption(f"{md(source.title)} ({source.language})")
                st.text(f"“{citation.quote}”")
            if figure.not_reported_in:
                names = ", ".join(
                    portfolio.projects[p].title.get(view.language) for p in figure.not_reported_in
                )
                st.caption(
                    f"Not reported by: {md(names)}. Left out of the total, not counted as 0."
                )

# 4. The figures behind this page ----------------------------------------------------------------
csv_download(
    readable_values(portfolio, view.values, view.language),
    "overview-figures.csv",
    key="overview.csv",
    label="Download the figures for these filters (CSV)",
)
