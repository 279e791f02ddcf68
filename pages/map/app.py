"""Map: every partner city of the selected projects where the data places it, sized by what a
report says happened there, with the links between twinned and networked cities."""

import streamlit as st

from lib.query.limits import CELL_CHARACTERS, TABLE_ROWS, short_cells, table_head
from lib.text.escape import md
from lib.text.i18n import tr
from lib.topics.map import notes
from lib.topics.map.basemap import load_country_outlines
from lib.topics.map.chart import legend_text, written_deck
from lib.topics.map.city_table import (
    cities_table,
    not_on_map_text,
    size_caption,
    unplaced_figures_text,
)
from lib.topics.map.data import map_data
from lib.topics.map.picture import map_picture
from lib.ui.components import chart, figures_download_of_projects, table, table_download
from lib.ui.downloads import pictured
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "Map of partner cities")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
# a city's table cells written only as far as short_cells below cuts them, and only for the
# rows the table shows
selected = (portfolio, view.project_ids, view.figures, view.filters, language)
data = derived(
    view,
    "map.data",
    lambda: map_data(*selected, cells=CELL_CHARACTERS, table_rows=TABLE_ROWS, reports=False),
)
# the same for every filter: read once a data version (its 3,500 lists kept once, not once a
# filter change, for the cyclic collector to walk in every round)
outlines = derived(view, "map.outlines", load_country_outlines, per_filters=False)
words = derived(
    view,
    "map.words",
    lambda: {
        "nothing": data.on_map.empty,
        "legend": md(legend_text(data)) + "  \n" + md(size_caption(data)),
        "missing": not_on_map_text(data),
    },
)

# 2. The map -----------------------------------------------------------------------------------
if words["nothing"]:
    st.info(tr(language, notes.NO_COORDINATES))
else:
    st.pydeck_chart(
        derived(view, "map.deck", lambda: written_deck(data, outlines)),
        width="stretch",
        key="map.deck",
        alt=tr(language, notes.ALT),
    )
    st.caption(words["legend"])
    st.caption(tr(language, notes.HOW_TO_MOVE))
if words["missing"]:
    st.markdown(md(words["missing"]))
if data.project_wide_figures:
    st.caption(unplaced_figures_text(data))

# 3. Table: every place, with the figures and sources behind its dot ----------------------------
# Only the rows and cut cells on screen are written; the CSV's every figure is, on a click.
shown = derived(
    view,
    "map.shown",
    lambda: table_head(
        short_cells(cities_table(data, TABLE_ROWS), language=language),
        tr(language, "places"),
        language=language,
        total=len(data.places),
    ),
)
table(shown, language, key="map.table")
table_download(
    tr(language, "Download the cities table (CSV)"),
    lambda: cities_table(map_data(*selected, every_figure=True)),
    "map-cities.csv",
    key="map.cities.csv",
)
figures_download_of_projects(view, "map.csv", key="map.csv")

# 4. The same map as a picture, drawn only when asked for (a portfolio's is a large chart) -------
if not words["nothing"] and st.toggle(
    tr(language, "Map as a picture (PNG download)"), key="map.as-picture"
):
    with st.container(border=True):
        picture = derived(
            view,
            "map.picture",
            lambda: pictured(view, map_picture(data, outlines, ""), view_title),
        )
        chart(picture, "map", key="map.picture")
        st.caption(tr(language, "Use the camera button above the picture to save it as a PNG."))
