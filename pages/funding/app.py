"""Funding: who pays for each project, through which programme, grant and amount.

No report may be made to say more than it does: an amount no report gives is "not reported"
and sizes nothing, and amounts in different currencies are never added together.
"""

import streamlit as st

from lib.bounded import CHART_ROWS, table_head
from lib.charts_funding import funding_chart
from lib.downloads import chart_config, csv_bytes, csv_download
from lib.escape import md
from lib.flat_table import readable_values
from lib.funding_data import (
    amount_summary,
    funding_rows,
    funding_table,
    funding_tree,
    size_basis,
    size_label,
    without_projects,
)
from lib.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title, filters and what the reports say about money ---------------------------------------
page_header(view, "Funding")
if nothing_selected(view):
    st.stop()
rows = derived(view, "funding.rows", lambda: funding_rows(portfolio, view.project_ids, language))
if rows.empty:
    st.info("The selected projects name no funder.")
    st.stop()
facts = derived(
    view,
    "funding.facts",
    lambda: {
        "summary": amount_summary(rows),
        "funders": rows["funder"].nunique(),
        "projects": rows["project_id"].nunique(),
        "basis": size_basis(rows),
        "label": size_label(rows),
    },
)
st.info(md(facts["summary"]))
st.caption(
    f"{facts['funders']} funder(s), {len(rows)} funding line(s), {facts['projects']} project(s). "
    "A project paid by two funders has one line for each."
)

# 2. Chart: funder › programme › strand › measure › project ------------------------------------
# Thousands of projects would be slivers: then the chart stops at the programmes.
by_programme = facts["projects"] > CHART_ROWS


def _chart() -> object:
    tree = funding_tree(portfolio, rows, language)
    return funding_chart(without_projects(tree) if by_programme else tree, facts["label"])


st.plotly_chart(
    derived(view, "funding.chart", _chart),
    config=chart_config("funding"),
    width="stretch",
    key="funding.chart",
)
sized_by = (
    "amount reported" if facts["basis"] == "amount" else "number of funded projects, not money"
)
st.caption(
    f"Read left to right: funder, then the programme, strand and measure the report names, then "
    f"the project. Block size: {sized_by}. Hover over a block for the report's sentence."
)
if by_programme:
    st.caption(
        f"With {facts['projects']:,} projects the chart stops at the programmes, "
        "each block sized by its projects; the table below lists every funding line."
    )

# 3. Table -------------------------------------------------------------------------------------
shown, note = derived(
    view, "funding.table", lambda: table_head(funding_table(rows), "funding lines")
)
st.dataframe(shown, hide_index=True, width="stretch", key="funding.table")
if note:
    st.caption(note)
st.download_button(
    "Download the funding table (CSV)",
    lambda: csv_bytes(funding_table(rows)),
    file_name="funding-lines.csv",
    mime="text/csv",
    key="funding.lines.csv",
)
csv_download(
    lambda: readable_values(portfolio, view.values, language),
    "funding.csv",
    key="funding.csv",
    label="Download the figures of these projects (CSV)",
)
