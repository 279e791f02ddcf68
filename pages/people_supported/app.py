"""People supported: refugees supported, people trained, citizens informed, people employed.

Each kind is counted differently, so each keeps its own figure, panel and axis; none is added
to another.
"""

from functools import partial

import streamlit as st

from lib.query.figure_text import figure_text
from lib.query.figures import Figure
from lib.query.limits import CHART_ROWS, largest_rows, more_text
from lib.text.escape import md
from lib.text.i18n import tr
from lib.topics.people import notes
from lib.topics.people.data import at_least_note, page_codes, people_table_head, people_words
from lib.topics.people.figure_rows import people_rows_at
from lib.topics.people.people_chart import people_chart_spec
from lib.ui.components import chart, figures_download, table
from lib.ui.downloads import pictured
from lib.ui.figure_cards import headline_card
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language
codes = page_codes(portfolio, "people_supported")

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "People supported")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
st.caption(tr(language, notes.KINDS_APART))
# the figures without their words: those are written for the bars drawn and the rows listed
figures = derived(view, "people.rows", lambda: people_rows_at(portfolio, view.figures, language))
# the distinct kinds first: a set of the column boxed a funder's 100,000 values one at a time
reported = derived(view, "people.kinds", lambda: set(figures["indicator"].unique().tolist()))
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
def _at_least(code: str, figure: Figure) -> str:
    words = figure_text(figure, language)
    note = derived(
        view, f"people.note.{code}", lambda: at_least_note(figure, figures, words, language)
    )
    return md(note) if note else ""


where = tr(language, "the table and the CSV below have every figure with its sentence")
for index, code in enumerate(present):
    if index % 2 == 0:  # rows of two: legible on a wall screen, stacked on a phone
        columns = st.columns(2)
    with columns[index % 2]:
        headline_card(view, code, where, dated=False, note=partial(_at_least, code))

# 3. Chart: by project, one panel and axis a kind ----------------------------------------------
if derived(view, "people.any-number", lambda: figures["value"].notna().any()):
    # One bar a figure: a portfolio's thousands are the table's; each panel draws the largest.
    drawn = derived(
        view, "people.drawn", lambda: largest_rows(figures, "indicator", "value", CHART_ROWS)
    )
    figure = derived(
        view,
        "people.chart",
        lambda: pictured(
            view, people_chart_spec(people_words(portfolio, drawn, language), language), view_title
        ),
    )
    chart(figure, "people-supported", key="people-supported.chart")
    st.caption(tr(language, notes.PERIODS))
    where = tr(language, "each panel draws the largest; the table lists them all")
    if more := more_text(len(drawn), len(figures), tr(language, "figures"), where, language):
        st.caption(more)
else:
    st.info(tr(language, notes.WITHOUT_NUMBER))

# 4. Table -------------------------------------------------------------------------------------
table(
    derived(view, "people.table", lambda: people_table_head(portfolio, figures, language)),
    language,
    key="people-supported.table",
)
figures_download(view, "people-supported.csv", key="people-supported.csv", codes=codes)
