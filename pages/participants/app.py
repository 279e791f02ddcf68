"""Participants by city: who took part in each event, and from which city where the report says."""

import streamlit as st

from lib.charts_people import participants_chart
from lib.downloads import chart_config, csv_download
from lib.escape import md
from lib.figure_text import figure_text
from lib.flat_table import readable_values
from lib.headlines import indicator_figure
from lib.people_tables import (
    SUMMED_HELP,
    SUMMED_LABEL,
    counts_words,
    participant_figures,
    participants_table,
    topic_codes,
)
from lib.view import current_view, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
codes = topic_codes(portfolio, ("participants",))
page_values = view.values[view.values["indicator"].isin(codes)]

# 1. Title, filters and what is counted --------------------------------------------------------
page_header(view, "Participants by city")
if nothing_selected(view):
    st.stop()
for code in codes:
    indicator = portfolio.indicators[code]
    st.caption(
        f"**What is counted.** {md(indicator.labels.get(language))} "
        f"({md(counts_words(portfolio, code))}): {md(indicator.description)}"
    )
figures = participant_figures(portfolio, view.values, language)
if figures.empty:
    st.info("The selected projects report no participants at their events.")
    st.stop()

# 2. Chart: one bar an event, by origin city where the report breaks it down --------------------
st.plotly_chart(
    participants_chart(figures),
    config=chart_config("participants-by-city"),
    width="stretch",
    key="participants.chart",
)
st.caption(
    "Coloured parts: participants from each city, as the report breaks them down. Grey: the "
    "report gives the number but not where people came from, so it is not assigned to a city. "
    "Hover over a bar for the report's sentence."
)
if view.filters.cities:
    st.caption(
        "With a city filter, an event broken down by city shows only the part from the "
        "selected cities."
    )

# 3. Table -------------------------------------------------------------------------------------
st.dataframe(
    participants_table(figures), hide_index=True, width="stretch", key="participants.table"
)

# 4. Summed over events ------------------------------------------------------------------------
for code in codes:
    figure = indicator_figure(portfolio, code, view.values)
    st.metric(SUMMED_LABEL, figure_text(figure), help=SUMMED_HELP)
    st.caption(SUMMED_HELP)
    if figure.not_reported_in:
        names = ", ".join(portfolio.projects[p].title.get(language) for p in figure.not_reported_in)
        st.caption(f"Not reported by: {md(names)}. Left out of the sum, not counted as 0.")

csv_download(
    readable_values(portfolio, page_values, language), "participants.csv", key="participants.csv"
)
