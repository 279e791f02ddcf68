"""Overview: the headline figures for the current filters, each with the sentence it comes from."""

from functools import partial

import streamlit as st

from lib.query.figures import (
    Figure,
    headline_codes,
    headline_counts,
    network_count_at,
    network_sizes_at,
    network_words,
)
from lib.query.limits import LINES, more_text
from lib.text.escape import md
from lib.text.i18n import N_, format_number, tr
from lib.ui.components import figures_download
from lib.ui.figure_cards import headline_card
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
# the first networks' words alone: a funder's thousands are counted, the CSV has them all
networks = derived(
    view,
    "overview.networks",
    lambda: (
        network_sizes_at(portfolio, view.figures, language, first=LINES),
        network_count_at(portfolio, view.figures),
    ),
)
for network in networks[0]:
    st.caption(md(network_words(network, language)))
where = tr(language, "the CSV below has every figure")
if more := more_text(LINES, networks[1], tr(language, "networks"), where, language):
    st.caption(more)


# 3. Indicator figures, each with its sources ---------------------------------------------------
def _counted_twice(code: str, figure: Figure) -> str:
    if figure.figures_added < 2 or portfolio.indicators[code].counts != "unique_people":
        return ""
    return tr(
        language,
        "The sum of {n} figures (events or series): someone counted in two of them "
        "is counted twice.",
        n=format_number(figure.figures_added, language),
    )


# Two a row: "at least about 16" and "about 84,000" do not fit a quarter of a laptop's width.
headlines = headline_codes(portfolio)
columns = [column for _ in range(0, len(headlines), 2) for column in st.columns(2)]
where = tr(language, "every figure with its sentence is in the CSV below")
for column, code in zip(columns, headlines, strict=False):
    with column:
        headline_card(view, code, where, dated=True, note=partial(_counted_twice, code))

# 4. The figures behind this page ----------------------------------------------------------------
label = tr(language, "Download the figures for these filters (CSV)")
figures_download(view, "overview-figures.csv", key="overview.csv", label=label)
