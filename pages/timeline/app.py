"""Timeline: projects and their events on a time axis, each date only as precise as its report.

Dates whose year no report states ("June, year not stated") are listed apart, never placed
on the calendar.
"""

import streamlit as st

from lib.query.filters import undated_projects
from lib.query.flat_table import readable_values
from lib.query.limits import TIMELINE_PROJECTS, more_text, names_text, table_head
from lib.query.names import project_titles, titles_text
from lib.text.escape import md
from lib.text.i18n import ntr, tr
from lib.topics.timeline.chart import timeline_chart
from lib.topics.timeline.data import (
    projects_off_axis,
    readable_table,
    timeline_rows,
    without_date,
    without_year,
)
from lib.ui.downloads import chart_config, csv_bytes, csv_download, pictured
from lib.ui.kept_figure import kept
from lib.ui.search_select import searched
from lib.ui.timeline_zoom import remember_zoom, zoom_from_link
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "Timeline")
page_header(view, view_title)
left_out = undated_projects(portfolio, view.filters)
if left_out:
    names = titles_text(portfolio, left_out, language)
    st.info(
        ntr(
            language,
            "No report states a year for {names}, so the year filter leaves it out.",
            "No report states a year for {names}, so the year filter leaves them out.",
            len(left_out),
            names=md(names),
        )
    )
if nothing_selected(view):
    st.stop()
rows = derived(view, "timeline.rows", lambda: timeline_rows(portfolio, view.project_ids, language))

# 2. Chart: dated projects and events ----------------------------------------------------------
dated_ids = derived(
    view,
    "timeline.dated",
    lambda: list(dict.fromkeys(rows.loc[rows["placement"] == "axis", "project_id"])),
)
if dated_ids:
    titles = project_titles(portfolio, language)
    zoom_from_link(dated_ids, language)
    current = st.session_state.get("timeline.zoom")
    offered = searched(
        dated_ids,
        titles.__getitem__,
        "timeline.find",
        [current] if current else [],
        language=language,
    )
    everything = tr(language, "All projects")
    focus = st.selectbox(
        tr(language, "Zoom to"),
        [None, *offered],
        format_func=lambda pid: titles[pid] if pid else everything,
        key="timeline.zoom",
        on_change=remember_zoom,
    )
    # A portfolio's thousands of projects do not fit one axis: it draws the first few, or one.
    drawn = dated_ids[:TIMELINE_PROJECTS]
    chart = derived(
        view,
        f"timeline.chart.{focus}",
        lambda: kept(
            pictured(
                view,
                timeline_chart(
                    rows if focus else rows[rows["project_id"].isin(drawn)], focus, language
                ),
                view_title,
            )
        ),
    )
    st.plotly_chart(
        chart,
        config=chart_config("timeline"),
        width="stretch",
        key="timeline.chart",
    )
    st.caption(
        tr(
            language,
            "◆ and solid bars: dates known to the day. Lighter, hatched bars: known only to the "
            "month (“month only”) or the year (“year only”), drawn across the whole month or "
            "year. Hover over a mark for the report's sentence.",
        )
    )
    where = tr(language, "choose one under “Zoom to”, or narrow the filters, to see others")
    projects = tr(language, "projects")
    more = more_text(len(drawn), len(dated_ids), projects, where, language)
    if not focus and more:
        st.caption(more)
else:
    st.info(
        tr(
            language,
            "No selected project states a date with a year: nothing is placed on the time axis.",
        )
    )
off_axis = derived(view, "timeline.off-axis", lambda: projects_off_axis(rows))
if off_axis:
    st.caption(
        tr(
            language,
            "Not on the axis, because no date with a year is stated: {names}.",
            names=md(names_text(off_axis, separator="; ", language=language)),
        )
    )

# 3. Table of everything -----------------------------------------------------------------------
tables = derived(
    view,
    "timeline.tables",
    lambda: {
        "all": table_head(
            readable_table(rows, language=language), tr(language, "rows"), language=language
        ),
        "no year": table_head(
            without_year(rows, language), tr(language, "rows"), language=language
        ),
        "no date": table_head(
            without_date(rows, language), tr(language, "events"), language=language
        ),
    },
)
with st.expander(tr(language, "Table"), expanded=False):
    st.caption(tr(language, "Every project, event and dated figure of the selected projects."))
    shown, note = tables["all"]
    st.dataframe(shown, hide_index=True, width="stretch", key="timeline.table")
    if note:
        st.caption(note)
    st.download_button(
        tr(language, "Download this table (CSV)"),
        lambda: csv_bytes(readable_table(rows, language=language)),
        file_name="timeline-events.csv",
        mime="text/csv",
        key="timeline.events.csv",
    )

# 4. Dates without a stated year ---------------------------------------------------------------
st.subheader(tr(language, "Dates without a stated year"))
shown, note = tables["no year"]
if len(shown):
    st.caption(
        tr(
            language,
            "The reports give the month but not the year (“June, year not stated”), so these "
            "are not placed on the time axis: any year would be a guess.",
        )
    )
    st.dataframe(shown, hide_index=True, width="stretch", key="timeline.no-year")
    if note:
        st.caption(note)
else:
    st.info(tr(language, "Every date of the selected projects states its year."))

# 5. Events with no date -----------------------------------------------------------------------
shown, note = tables["no date"]
if len(shown):
    st.subheader(tr(language, "Events with no date stated"))
    st.dataframe(shown, hide_index=True, width="stretch", key="timeline.no-date")
    if note:
        st.caption(note)

csv_download(
    lambda: readable_values(portfolio, view.values, language),
    "timeline.csv",
    key="timeline.csv",
    label=tr(language, "Download the figures of these projects (CSV)"),
)
