"""Funding: who pays for each project, through which programme, grant and amount.

No report may be made to say more than it does: an amount no report gives is "not reported"
and sizes nothing, and amounts in different currencies are never added together.
"""

import streamlit as st

from lib.query.limits import CHART_ROWS
from lib.text.escape import md
from lib.text.i18n import format_number, tr
from lib.topics.funding import notes
from lib.topics.funding.chart import funding_chart_spec
from lib.topics.funding.data import (
    amount_summary,
    funded_projects,
    funder_count,
    funding_lines,
    funding_rows,
    funding_table,
    funding_table_head,
    size_basis,
    size_label,
)
from lib.topics.funding.tree import chart_tree
from lib.ui.components import chart, figures_download_of_projects, table, table_download
from lib.ui.downloads import pictured
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title, filters and what the reports say about money ---------------------------------------
view_title = tr(language, "Funding")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
lines = derived(view, "funding.lines", lambda: funding_lines(portfolio, view.project_ids))
if lines.empty:
    st.info(tr(language, "The selected projects name no funder."))
    st.stop()
facts = derived(
    view,
    "funding.facts",
    lambda: {
        "summary": amount_summary(lines, language),
        "funders": funder_count(portfolio, lines, language),
        "projects": funded_projects(portfolio, view.project_ids),
        "basis": size_basis(lines),
        "label": size_label(lines, language),
    },
)
st.info(md(facts["summary"]))
st.caption(
    tr(
        language,
        notes.COUNTS,
        funders=format_number(facts["funders"], language),
        lines=format_number(len(lines), language),
        projects=format_number(facts["projects"], language),
    )
)

# 2. Chart: funder › programme › strand › measure › project ------------------------------------
# Thousands of projects would be slivers: then the chart stops at the programmes.
by_programme = facts["projects"] > CHART_ROWS


def _chart() -> object:
    shown = chart_tree(portfolio, lines, view.project_ids, language, by_programme)
    figure = funding_chart_spec(shown, facts["label"], language, facts["basis"] == "amount")
    return pictured(view, figure, view_title)


chart(derived(view, "funding.chart", _chart), "funding", key="funding.chart")
amount_basis = facts["basis"] == "amount"
sized_by = (
    tr(language, "amount reported")
    if amount_basis
    else tr(language, "number of funded projects, not money")
)
st.caption(tr(language, notes.READING, size=sized_by))
if by_programme:
    st.caption(tr(language, notes.BY_PROGRAMME, n=format_number(facts["projects"], language)))

# 3. Table -------------------------------------------------------------------------------------
table(
    derived(view, "funding.table", lambda: funding_table_head(portfolio, lines, language)),
    language,
    key="funding.table",
)
table_download(
    tr(language, "Download the funding table (CSV)"),
    lambda: funding_table(funding_rows(portfolio, view.project_ids, language), language),
    "funding-lines.csv",
    key="funding.lines.csv",
)
figures_download_of_projects(view, "funding.csv", key="funding.csv")
