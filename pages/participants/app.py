"""Participants by city: who took part in each event, and from which city where the report says."""

import streamlit as st

from lib.query.figure_text import figure_text
from lib.query.figures import indicator_figure
from lib.query.flat_table import readable_values
from lib.query.limits import CHART_ROWS, largest_groups, more_text, table_head
from lib.query.names import indicator_description, titles_text
from lib.text.escape import md
from lib.text.i18n import tr
from lib.topics.people.chart import participants_chart
from lib.topics.people.data import (
    SUMMED_HELP,
    SUMMED_LABEL,
    counts_words,
    participant_figures,
    participants_table,
    topic_codes,
)
from lib.ui.downloads import chart_config, csv_download, pictured
from lib.ui.kept_figure import kept
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
codes = topic_codes(portfolio, ("participants",))

# 1. Title, filters and what is counted --------------------------------------------------------
view_title = tr(language, "Participants by city")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
for code in codes:
    indicator = portfolio.indicators[code]
    st.caption(
        tr(
            language,
            "**What is counted.** {label} ({counts}): {description}",
            label=md(indicator.labels.get(language)),
            counts=md(counts_words(portfolio, code, language)),
            description=md(indicator_description(indicator, language)),
        )
    )
figures = derived(
    view, "participants.figures", lambda: participant_figures(portfolio, view.values, language)
)
if figures.empty:
    st.info(tr(language, "The selected projects report no participants at their events."))
    st.stop()

# 2. Chart: one bar an event, by origin city where the report breaks it down --------------------
# One bar an event: a portfolio's thousands of events are the table's, the chart draws the largest.
drawn = derived(
    view, "participants.drawn", lambda: largest_groups(figures, "group", "value", CHART_ROWS)
)
st.plotly_chart(
    derived(
        view,
        "participants.chart",
        lambda: kept(pictured(view, participants_chart(drawn, language), view_title)),
    ),
    config=chart_config("participants-by-city"),
    width="stretch",
    key="participants.chart",
)
st.caption(
    tr(
        language,
        "Coloured parts: participants from each city, as the report breaks them down. Grey: the "
        "report gives the number but not where people came from, so it is not assigned to a "
        "city. Hover over a bar for the report's sentence.",
    )
)
where = tr(
    language, "the chart draws the events with the most participants, the table lists every one"
)
events = derived(
    view, "participants.events", lambda: (drawn["group"].nunique(), figures["group"].nunique())
)
if more := more_text(*events, tr(language, "events"), where, language):
    st.caption(more)
if view.filters.cities:
    st.caption(
        tr(
            language,
            "With a city filter, an event broken down by city shows only the part from the "
            "selected cities.",
        )
    )

# 3. Table -------------------------------------------------------------------------------------
table, note = derived(
    view,
    "participants.table",
    lambda: table_head(
        participants_table(figures, language), tr(language, "rows"), language=language
    ),
)
st.dataframe(table, hide_index=True, width="stretch", key="participants.table")
if note:
    st.caption(note)

# 4. Summed over events ------------------------------------------------------------------------
for code in codes:
    figure = derived(
        view,
        f"figure.{code}",
        lambda code=code: indicator_figure(portfolio, code, view.values, language),
    )
    summed_help = tr(language, SUMMED_HELP)
    st.metric(tr(language, SUMMED_LABEL), figure_text(figure, language), help=summed_help)
    st.caption(summed_help)
    if figure.not_reported_in:
        names = titles_text(portfolio, figure.not_reported_in, language)
        st.caption(
            tr(
                language,
                "Not reported by: {names}. Left out of the sum, not counted as 0.",
                names=md(names),
            )
        )

csv_download(
    lambda: readable_values(portfolio, view.values[view.values["indicator"].isin(codes)], language),
    "participants.csv",
    key="participants.csv",
    language=language,
)
