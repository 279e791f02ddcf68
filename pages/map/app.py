"""Map: every partner city of the selected projects where the data places it, sized by what a
report says happened there, with the links between twinned and networked cities."""

import streamlit as st

from lib.query.flat_table import readable_values
from lib.query.limits import short_cells, table_head
from lib.text.escape import md
from lib.text.i18n import ntr, tr
from lib.topics.map.basemap import load_country_outlines
from lib.topics.map.chart import legend_text, map_deck
from lib.topics.map.data import cities_table, map_data, not_on_map_text, size_caption
from lib.topics.map.picture import map_picture
from lib.ui.downloads import chart_config, csv_bytes, csv_download, pictured
from lib.ui.kept_figure import kept
from lib.ui.view import current_view, derived, nothing_selected, page_header

view = current_view()
portfolio, language = view.portfolio, view.language

# 1. Title and filters -------------------------------------------------------------------------
view_title = tr(language, "Map of partner cities")
page_header(view, view_title)
if nothing_selected(view):
    st.stop()
data = derived(
    view,
    "map.data",
    lambda: map_data(portfolio, view.project_ids, view.values, view.filters, language),
)
outlines = derived(view, "map.outlines", load_country_outlines)
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
    st.info(
        tr(
            language,
            "None of the places these projects name has coordinates, so there is nothing to map.",
        )
    )
else:
    st.pydeck_chart(
        derived(view, "map.deck", lambda: map_deck(data, outlines)),
        width="stretch",
        key="map.deck",
        alt=tr(
            language,
            "Map of the partner cities of the selected projects and the links between them",
        ),
    )
    st.caption(words["legend"])
    st.caption(
        tr(
            language,
            "Drag to move, scroll or pinch to zoom; hover over a dot or a line for its projects, "
            "figures and sources. Country outlines: Natural Earth, no map service used.",
        )
    )
if words["missing"]:
    st.markdown(md(words["missing"]))
if data.project_wide_figures:
    st.caption(
        ntr(
            language,
            "{n} figure of these projects is not tied to a city (it is for a whole project, or "
            "for an event held online or at a place the report does not name), so the map does "
            "not place it: see the Overview.",
            "{n} figures of these projects are not tied to a city (they are for a whole project, "
            "or for an event held online or at a place the report does not name), so the map "
            "does not place them: see the Overview.",
            data.project_wide_figures,
        )
    )

# 3. Table: every place, with the figures and sources behind its dot ----------------------------
# Only the cut cells on screen are kept; the CSV's every figure is written out on a click.
shown, note = derived(
    view,
    "map.shown",
    lambda: table_head(
        short_cells(cities_table(data), language=language),
        tr(language, "places"),
        language=language,
    ),
)
st.dataframe(shown, hide_index=True, width="stretch", key="map.table")
if note:
    st.caption(note)
st.download_button(
    tr(language, "Download the cities table (CSV)"),
    lambda: csv_bytes(
        cities_table(
            map_data(
                portfolio, view.project_ids, view.values, view.filters, language, every_figure=True
            )
        )
    ),
    file_name="map-cities.csv",
    mime="text/csv",
    key="map.cities.csv",
)
csv_download(
    lambda: readable_values(portfolio, view.values, language),
    "map.csv",
    key="map.csv",
    label=tr(language, "Download the figures of these projects (CSV)"),
)

# 4. The same map as a picture, drawn only when asked for (a portfolio's is a large chart) -------
if not words["nothing"] and st.toggle(
    tr(language, "Map as a picture (PNG download)"), key="map.as-picture"
):
    with st.container(border=True):
        st.plotly_chart(
            derived(
                view,
                "map.picture",
                lambda: kept(pictured(view, map_picture(data, outlines, ""), view_title)),
            ),
            config=chart_config("map"),
            width="stretch",
            key="map.picture",
        )
        st.caption(tr(language, "Use the camera button above the picture to save it as a PNG."))
