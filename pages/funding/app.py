"""Funding: who pays for each project, through which programme, grant and amount.

No report may be made to say more than it does: an amount no report gives is "not reported"
and sizes nothing, and amounts in different currencies are never added together.
"""

import streamlit as st

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
)
from lib.view import current_view, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title, filters and what the reports say about money ---------------------------------------
page_header(view, "Funding")
if nothing_selected(view):
    st.stop()
rows = funding_rows(portfolio, view.project_ids, language)
if rows.empty:
    st.info("The selected projects name no funder.")
    st.stop()
st.info(md(amount_summary(rows)))
funders = rows["funder"].nunique()
st.caption(
    f"{funders} funder(s), {len(rows)} funding line(s), {rows['project_id'].nunique()} project(s). "
    "A project paid by two funders has one line for each."
)

# 2. Chart: funder › programme › strand › measure › project ------------------------------------
st.plotly_chart(
    funding_chart(funding_tree(portfolio, rows, language), size_label(rows)),
    config=chart_config("funding"),
    width="stretch",
    key="funding.chart",
)
sized_by = (
    "amount reported" if size_basis(rows) == "amount" else "number of funded projects, not money"
)
st.caption(
    f"Read left to right: funder, then the programme, strand and measure the report names, then "
    f"the project. Block size: {sized_by}. Hover over a block for the report's sentence."
)

# 3. Table -------------------------------------------------------------------------------------
table = funding_table(rows)
st.dataframe(table, hide_index=True, width="stretch", key="funding.table")
st.download_button(
    "Download the funding table (CSV)",
    csv_bytes(table),
    file_name="funding-lines.csv",
    mime="text/csv",
    key="funding.lines.csv",
)
csv_download(
    readable_values(portfolio, view.values, language),
    "funding.csv",
    key="funding.csv",
    label="Download the figures of these projects (CSV)",
)
