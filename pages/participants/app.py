"""Participants by city: who took part in each event, and from which city where the report says."""

import streamlit as st

from lib.query.figure_text import figure_text
from lib.query.limits import CHART_ROWS, first_rows, largest_groups, more_text
from lib.query.names import indicator_description
from lib.text.escape import md
from lib.text.i18n import tr
from lib.topics.people import notes
from lib.topics.people.chart import participants_chart_spec
from lib.topics.people.data import (
    SUMMED_HELP,
    SUMMED_LABEL,
    page_codes,
    participant_words,
    participants_table_head,
)
from lib.topics.people.figure_rows import participant_rows_at
from lib.topics.people.figure_words import counts_words
from lib.ui.components import chart, figures_download, table
from lib.ui.downloads import pictured
from lib.ui.figure_cards import headline_figure, not_reported_note
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
codes = page_codes(portfolio, "participants")

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
# the figures without their words: those are written for the bars drawn and the rows listed
figures = derived(view, "participants.rows", lambda: participant_rows_at(portfolio, view.figures))
if figures.empty:
    st.info(tr(language, "The selected projects report no participants at their events."))
    st.stop()

# 2. Chart: one bar an event, by origin city where the report breaks it down --------------------
# One bar an event: a portfolio's thousands of events are the table's, the chart draws the largest,
# and of an event's figures (a total and its parts, per period) the first few.
largest = derived(
    view, "participants.largest", lambda: largest_groups(figures, "bar", "value", CHART_ROWS)
)
drawn = derived(view, "participants.drawn", lambda: first_rows(largest, "bar", CHART_ROWS))


def _chart() -> object:
    drawn_words = participant_words(portfolio, figures, drawn, language)  # the bars' words only
    return pictured(view, participants_chart_spec(drawn_words, language), view_title)


figure = derived(view, "participants.chart", _chart)
chart(figure, "participants-by-city", key="participants.chart")
st.caption(tr(language, notes.CITY_PARTS))
where = tr(
    language, "the chart draws the events with the most participants, the table lists every one"
)
events = derived(
    view, "participants.events", lambda: (drawn["bar"].nunique(), figures["bar"].nunique())
)
if more := more_text(*events, tr(language, "events"), where, language):
    st.caption(more)
where = tr(language, "the chart draws each event's first figures, the CSV download has every one")
if more := more_text(len(drawn), len(largest), tr(language, "figures"), where, language):
    st.caption(more)
if view.filters.cities:
    st.caption(tr(language, notes.CITY_FILTER_PART))

# 3. Table -------------------------------------------------------------------------------------
shown = derived(
    view, "participants.table", lambda: participants_table_head(portfolio, figures, language)
)
table(shown, language, key="participants.table")

# 4. Summed over events ------------------------------------------------------------------------
for code in codes:
    figure = headline_figure(view, code)
    summed_help = tr(language, SUMMED_HELP)
    st.metric(tr(language, SUMMED_LABEL), figure_text(figure, language), help=summed_help)
    st.caption(summed_help)
    not_reported_note(portfolio, figure, language, of="sum")

figures_download(view, "participants.csv", key="participants.csv", codes=codes)
