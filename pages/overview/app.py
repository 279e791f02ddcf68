"""Overview: the headline figures for the current filters, each with the sentence it comes from."""

import streamlit as st

from lib.query.figure_text import figure_text
from lib.query.figures import (
    headline_codes,
    headline_counts,
    indicator_figure,
    network_sizes,
)
from lib.query.flat_table import readable_values
from lib.query.limits import CITATIONS, LINES, more_text
from lib.query.names import indicator_description, titles_text, translation_mark
from lib.text.escape import md
from lib.text.i18n import N_, format_number, tr
from lib.ui.downloads import csv_download
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
COUNT_LABELS = {
    "projects": N_("Projects"),
    "cities": N_("Cities"),
    "countries": N_("Countries"),
    "funders": N_("Funders"),
}

# 1. Title and filters -------------------------------------------------------------------------
page_header(view, tr(language, "Integration projects: what was achieved"))
if nothing_selected(view):
    st.stop()

# 2. Counts of what the projects name -----------------------------------------------------------
counts = derived(view, "overview.counts", lambda: headline_counts(portfolio, view.project_ids))
columns = st.columns(len(counts))
for column, (key, value) in zip(columns, counts.items(), strict=True):
    column.metric(
        tr(language, COUNT_LABELS[key]),
        format_number(value, language),
        help=tr(language, "Counted from the project files."),
    )
networks = derived(
    view, "overview.networks", lambda: network_sizes(portfolio, view.values, language)
)
for network in networks[:LINES]:
    st.caption(
        tr(
            language,
            "{project}: {size} cities in its network, {named} of them named in the report and "
            "counted above.",
            project=md(network.title),
            size=format_number(network.size, language),
            named=format_number(network.named, language),
        )
    )
where = tr(language, "the CSV below has every figure")
if more := more_text(LINES, len(networks), tr(language, "networks"), where, language):
    st.caption(more)

# 3. Indicator figures, each with its sources ---------------------------------------------------
# Two a row: "at least about 16" and "about 84,000" do not fit a quarter of a laptop's width.
headlines = headline_codes(portfolio)
columns = [column for _ in range(0, len(headlines), 2) for column in st.columns(2)]
for column, code in zip(columns, headlines, strict=False):
    figure = derived(
        view,
        f"figure.{code}",
        lambda code=code: indicator_figure(portfolio, code, view.values, language),
    )
    indicator = portfolio.indicators[code]
    with column:
        st.metric(
            md(indicator.labels.get(language)),  # a label and its help are markdown
            figure_text(figure, language),
            help=md(indicator_description(indicator, language)),
        )
        if figure.figures_added > 1 and indicator.counts == "unique_people":
            st.caption(
                tr(
                    language,
                    "The sum of {n} figures (events or series): someone counted in two of them "
                    "is counted twice.",
                    n=format_number(figure.figures_added, language),
                )
            )
        with st.expander(tr(language, "Source"), expanded=False):
            for citation in figure.citations[:CITATIONS]:
                title = portfolio.projects[citation.project].title
                project = title.get(language) + translation_mark(title, language)
                source = portfolio.sources[citation.source]
                st.markdown(f"**{md(project)}** — {md(citation.when)}")
                st.caption(f"{md(source.title)} ({source.language})")
                st.text(f"“{citation.quote}”")
            where = tr(language, "every figure with its sentence is in the CSV below")
            sources = tr(language, "sources")
            if more := more_text(CITATIONS, len(figure.citations), sources, where, language):
                st.caption(more)
            if figure.not_reported_in:
                names = titles_text(portfolio, figure.not_reported_in, language)
                st.caption(
                    tr(
                        language,
                        "Not reported by: {names}. Left out of the total, not counted as 0.",
                        names=md(names),
                    )
                )

# 4. The figures behind this page ----------------------------------------------------------------
csv_download(
    lambda: readable_values(portfolio, view.values, language),
    "overview-figures.csv",
    key="overview.csv",
    label=tr(language, "Download the figures for these filters (CSV)"),
)
