"""Funding: who pays for each project, through which programme, grant and amount.

No report may be made to say more than it does: an amount no report gives is "not reported"
and sizes nothing, and amounts in different currencies are never added together.
"""

import streamlit as st

from lib.query.flat_table import readable_values
from lib.query.limits import CHART_ROWS, table_head
from lib.text.escape import md
from lib.text.i18n import format_number, tr
from lib.topics.funding.chart import funding_chart
from lib.topics.funding.data import (
    amount_summary,
    funding_rows,
    funding_table,
    funding_tree,
    size_basis,
    size_label,
    without_projects,
)
from lib.ui.downloads import chart_config, csv_bytes, csv_download, pictured
from lib.ui.kept_figure import kept
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title, filters and what the reports say about money ---------------------------------------
view_title = tr(language, "Funding")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
rows = derived(view, "funding.rows", lambda: funding_rows(portfolio, view.project_ids, language))
if rows.empty:
    st.info(tr(language, "The selected projects name no funder."))
    st.stop()
facts = derived(
    view,
    "funding.facts",
    lambda: {
        "summary": amount_summary(rows, language),
        "funders": rows["funder"].nunique(),
        "projects": rows["project_id"].nunique(),
        "basis": size_basis(rows),
        "label": size_label(rows, language),
    },
)
st.info(md(facts["summary"]))
st.caption(
    tr(
        language,
        "Funders: {funders}; funding lines: {lines}; projects: {projects}. A project paid by two "
        "funders has one line for each.",
        funders=format_number(facts["funders"], language),
        lines=format_number(len(rows), language),
        projects=format_number(facts["projects"], language),
    )
)

# 2. Chart: funder › programme › strand › measure › project ------------------------------------
# Thousands of projects would be slivers: then the chart stops at the programmes.
by_programme = facts["projects"] > CHART_ROWS


def _chart() -> object:
    tree = funding_tree(portfolio, rows, language)
    shown = without_projects(tree) if by_programme else tree
    chart = funding_chart(shown, facts["label"], language, facts["basis"] == "amount")
    return kept(pictured(view, chart, view_title))


st.plotly_chart(
    derived(view, "funding.chart", _chart),
    config=chart_config("funding"),
    width="stretch",
    key="funding.chart",
)
amount_basis = facts["basis"] == "amount"
sized_by = (
    tr(language, "amount reported")
    if amount_basis
    else tr(language, "number of funded projects, not money")
)
st.caption(
    tr(
        language,
        "Read top to bottom: each funder, then the programme, strand and measure the report "
        "names, then the project. Bar length: {size}. Hover over a bar for the report's "
        "sentence.",
        size=sized_by,
    )
)
if by_programme:
    st.caption(
        tr(
            language,
            "With {n} projects the chart stops at the programmes, each bar as long as its "
            "projects; the table below lists every funding line.",
            n=format_number(facts["projects"], language),
        )
    )

# 3. Table -------------------------------------------------------------------------------------
shown, note = derived(
    view,
    "funding.table",
    lambda: table_head(
        funding_table(rows, language), tr(language, "funding lines"), language=language
    ),
)
st.dataframe(shown, hide_index=True, width="stretch", key="funding.table")
if note:
    st.caption(note)
st.download_button(
    tr(language, "Download the funding table (CSV)"),
    lambda: csv_bytes(funding_table(rows, language)),
    file_name="funding-lines.csv",
    mime="text/csv",
    key="funding.lines.csv",
)
csv_download(
    lambda: readable_values(portfolio, view.values, language),
    "funding.csv",
    key="funding.csv",
    label=tr(language, "Download the figures of these projects (CSV)"),
)
