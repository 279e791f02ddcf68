"""Timeline: projects and their events on a time axis, each date only as precise as its report.

Dates whose year no report states ("June, year not stated") are listed apart, never placed
on the calendar.
"""

import streamlit as st

from lib.query.limits import TIMELINE_PROJECTS, more_text
from lib.query.names import project_titles
from lib.text.i18n import tr
from lib.topics.timeline import notes
from lib.topics.timeline.chart import timeline_spec
from lib.topics.timeline.data import drawn_rows, projects_on_axis, timeline_places
from lib.topics.timeline.tables import timeline_csv, timeline_tables
from lib.ui.components import (
    captions,
    chart,
    figures_download_of_projects,
    table,
    table_download,
    undated_notice,
)
from lib.ui.downloads import pictured
from lib.ui.search_select import searched_selectbox
from lib.ui.timeline_zoom import remember_zoom, zoom_from_link
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "Timeline")
page_header(view, view_title)
undated_notice(view)
if nothing_selected(view):
    st.stop()
rows = derived(view, "timeline.places", lambda: timeline_places(portfolio, view.project_ids))

# 2. Chart: dated projects and events ----------------------------------------------------------
dated_ids = derived(view, "timeline.dated", lambda: projects_on_axis(rows))
if dated_ids:
    titles = project_titles(portfolio, language)
    zoom_from_link(dated_ids, language)
    focus = searched_selectbox(
        tr(language, "Zoom to"),
        dated_ids,
        titles.__getitem__,
        "timeline.zoom",
        "timeline.find",
        language=language,
        everything=tr(language, "All projects"),
        on_change=remember_zoom,
    )
    # A portfolio's thousands of projects do not fit one axis: it draws the first few, or one.
    drawn = dated_ids[:TIMELINE_PROJECTS]

    def _chart() -> object:
        on_axis = drawn_rows(portfolio, rows, focus, drawn, language)
        return pictured(view, timeline_spec(on_axis, focus, language), view_title)

    figure = derived(view, f"timeline.chart.{focus}", _chart)
    chart(figure, "timeline", key="timeline.chart")
    st.caption(tr(language, notes.MARKS))
    where = tr(language, "choose one under “Zoom to”, or narrow the filters, to see others")
    more = more_text(len(drawn), len(dated_ids), tr(language, "projects"), where, language)
    captions([] if focus else [more])
else:
    st.info(tr(language, notes.NOTHING_DATED))
off_axis = derived(
    view, "timeline.off-axis", lambda: notes.off_axis_note(portfolio, rows, language)
)
captions([off_axis])

# 3. Table of everything -----------------------------------------------------------------------
tables = derived(view, "timeline.tables", lambda: timeline_tables(portfolio, rows, language))
with st.expander(tr(language, "Table"), expanded=False):
    st.caption(tr(language, "Every project, event and dated figure of the selected projects."))
    table(tables["all"], language, key="timeline.table")
    table_download(
        tr(language, "Download this table (CSV)"),
        lambda: timeline_csv(portfolio, view.project_ids, language),
        "timeline-events.csv",
        key="timeline.events.csv",
    )

# 4. Dates without a stated year ---------------------------------------------------------------
st.header(tr(language, "Dates without a stated year"))
if len(tables["no year"][0]):
    st.caption(tr(language, notes.NO_YEAR))
    table(tables["no year"], language, key="timeline.no-year")
else:
    st.info(tr(language, "Every date of the selected projects states its year."))

# 5. Events with no date -----------------------------------------------------------------------
if len(tables["no date"][0]):
    st.header(tr(language, "Events with no date stated"))
    table(tables["no date"], language, key="timeline.no-date")

figures_download_of_projects(view, "timeline.csv", key="timeline.csv")
