"""People supported: refugees supported, people trained, citizens informed, people employed.

Each kind is counted differently, so each keeps its own figure, panel and axis; none is added
to another.
"""

import streamlit as st

from lib.query.figure_text import figure_text
from lib.query.figures import indicator_figure
from lib.query.flat_table import readable_values
from lib.query.limits import CHART_ROWS, CITATIONS, largest_rows, more_text, table_head
from lib.query.names import indicator_description, titles_text, translation_mark
from lib.text.escape import md
from lib.text.i18n import tr
from lib.topics.people.chart import people_chart
from lib.topics.people.data import (
    PEOPLE_TOPICS,
    at_least_note,
    people_figures,
    people_table,
    topic_codes,
)
from lib.ui.downloads import chart_config, csv_download, pictured
from lib.ui.kept_figure import kept
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
codes = topic_codes(portfolio, PEOPLE_TOPICS)

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "People supported")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
st.caption(
    tr(
        language,
        "Refugees supported directly, people trained, citizens informed and people employed are "
        "different kinds of people, so they are shown apart and never added together.",
    )
)
figures = derived(view, "people.figures", lambda: people_figures(portfolio, view.values, language))
reported = derived(view, "people.kinds", lambda: set(figures["indicator"]))
present = [code for code in codes if code in reported]
absent = [portfolio.indicators[code].labels.get(language) for code in codes if code not in present]
if absent:
    st.info(
        tr(
            language,
            "The selected projects give no figure for: {kinds}.",
            kinds=md(", ".join(absent)),
        )
    )
if not present:
    st.stop()

# 2. One headline a kind, with its source ------------------------------------------------------
for index, code in enumerate(present):
    if index % 2 == 0:  # rows of two: legible on a wall screen, stacked on a phone
        columns = st.columns(2)
    indicator = portfolio.indicators[code]
    figure = derived(
        view,
        f"figure.{code}",
        lambda code=code: indicator_figure(portfolio, code, view.values, language),
    )
    with columns[index % 2]:
        st.metric(
            md(indicator.labels.get(language)),  # a label and its help are markdown
            figure_text(figure, language),
            help=md(indicator_description(indicator, language)),
        )
        note = derived(
            view,
            f"people.note.{code}",
            lambda figure=figure: at_least_note(
                figure, figures, figure_text(figure, language), language
            ),
        )
        if note:
            st.caption(md(note))
        with st.expander(tr(language, "Source"), expanded=False):
            for citation in figure.citations[:CITATIONS]:
                title = portfolio.projects[citation.project].title
                project = title.get(language) + translation_mark(title, language)
                source = portfolio.sources[citation.source]
                st.markdown(f"**{md(project)}** — {md(source.title)} ({source.language})")
                st.text(f"“{citation.quote}”")
            where = tr(language, "the table and the CSV below have every figure with its sentence")
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

# 3. Chart: by project, one panel and axis a kind ----------------------------------------------
if derived(view, "people.any-number", lambda: figures["value"].notna().any()):
    # One bar a figure: a portfolio's thousands are the table's; each panel draws the largest.
    drawn = derived(
        view, "people.drawn", lambda: largest_rows(figures, "indicator", "value", CHART_ROWS)
    )
    st.plotly_chart(
        derived(
            view,
            "people.chart",
            lambda: kept(pictured(view, people_chart(drawn, language), view_title)),
        ),
        config=chart_config("people-supported"),
        width="stretch",
        key="people-supported.chart",
    )
    st.caption(
        tr(
            language,
            "Periods are written as the reports give them. Where a report does not state the "
            "year (“January – April, year not stated”), the figure is not placed on a calendar. "
            "Lighter, hatched bars marked ≈ are approximate.",
        )
    )
    where = tr(language, "each panel draws the largest; the table lists them all")
    if more := more_text(len(drawn), len(figures), tr(language, "figures"), where, language):
        st.caption(more)
else:
    st.info(
        tr(
            language,
            "The selected projects report these without a number; the table says what they report.",
        )
    )

# 4. Table -------------------------------------------------------------------------------------
table, note = derived(
    view,
    "people.table",
    lambda: table_head(people_table(figures, language), tr(language, "rows"), language=language),
)
st.dataframe(table, hide_index=True, width="stretch", key="people-supported.table")
if note:
    st.caption(note)
csv_download(
    lambda: readable_values(portfolio, view.values[view.values["indicator"].isin(codes)], language),
    "people-supported.csv",
    key="people-supported.csv",
    language=language,
)
