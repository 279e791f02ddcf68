"""Timeline: projects and their events on a time axis, each date only as precise as its report.

Dates whose year no report states ("June, year not stated") are listed apart, never placed
on the calendar.
"""

import streamlit as st

from lib.charts_timeline import timeline_chart
from lib.downloads import chart_config, csv_bytes, csv_download
from lib.escape import md
from lib.filters import undated_projects
from lib.flat_table import readable_values
from lib.names import project_title
from lib.timeline_data import (
    projects_off_axis,
    readable_table,
    timeline_rows,
    without_date,
    without_year,
)
from lib.view import current_view, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title and filters -------------------------------------------------------------------------
page_header(view, "Timeline")
left_out = undated_projects(portfolio, view.filters)
if left_out:
    names = ", ".join(project_title(portfolio, pid, language) for pid in left_out)
    them = "them" if len(left_out) > 1 else "it"
    st.info(f"No report states a year for {md(names)}, so the year filter leaves {them} out.")
if nothing_selected(view):
    st.stop()
rows = timeline_rows(portfolio, view.project_ids, language)

# 2. Chart: dated projects and events ----------------------------------------------------------
dated_ids = list(dict.fromkeys(rows.loc[rows["placement"] == "axis", "project_id"]))
if dated_ids:
    focus = st.selectbox(
        "Zoom to",
        [None, *dated_ids],
        format_func=lambda pid: project_title(portfolio, pid, language) if pid else "All projects",
        key="timeline.zoom",
    )
    st.plotly_chart(
        timeline_chart(rows, focus),
        config=chart_config("timeline"),
        width="stretch",
        key="timeline.chart",
    )
    st.caption(
        "◆ and solid bars: dates known to the day. Lighter, hatched bars: known only to the "
        "month (“month only”) or the year (“year only”), drawn across the whole month or year. "
        "Hover over a mark for the report's sentence."
    )
else:
    st.info("No selected project states a date with a year: nothing is placed on the time axis.")
off_axis = projects_off_axis(rows)
if off_axis:
    st.caption(
        f"Not on the axis, because no date with a year is stated: {md('; '.join(off_axis))}."
    )

# 3. Table of everything -----------------------------------------------------------------------
with st.expander("Table", expanded=False):
    st.caption("Every project, event and dated figure of the selected projects.")
    table = readable_table(rows)
    st.dataframe(table, hide_index=True, width="stretch", key="timeline.table")
    st.download_button(
        "Download this table (CSV)",
        csv_bytes(table),
        file_name="timeline-events.csv",
        mime="text/csv",
        key="timeline.events.csv",
    )

# 4. Dates without a stated year ---------------------------------------------------------------
st.subheader("Dates without a stated year")
no_year = without_year(rows)
if len(no_year):
    st.caption(
        "The reports give the month but not the year (“June, year not stated”), so these are "
        "not placed on the time axis: any year would be a guess."
    )
    st.dataframe(no_year, hide_index=True, width="stretch", key="timeline.no-year")
else:
    st.info("Every date of the selected projects states its year.")

# 5. Events with no date -----------------------------------------------------------------------
no_date = without_date(rows)
if len(no_date):
    st.subheader("Events with no date stated")
    st.dataframe(no_date, hide_index=True, width="stretch", key="timeline.no-date")

csv_download(
    readable_values(portfolio, view.values, language),
    "timeline.csv",
    key="timeline.csv",
    label="Download the figures of these projects (CSV)",
)
