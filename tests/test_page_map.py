"""Map: every partner city placed by its coordinates, sized only by counts a report ties to
it, linked as the projects say, drawn with no tile server, and in Cyrillic where asked."""

from __future__ import annotations

import dataclasses
import gc
import json
import re
import weakref

import pandas as pd
import pydeck as pdk
import pytest
from app_support import open_app, set_filter
from fixture_data import FIXTURE_DATA_DIR
from streamlit.testing.v1 import AppTest

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_projects, selected_values
from lib.topics.map.basemap import BASEMAP_FILE, load_country_outlines
from lib.topics.map.chart import legend_text, map_deck, written_deck
from lib.topics.map.city_table import cities_table, not_on_map_text, size_caption
from lib.topics.map.data import COUNTED, NO_COUNT, OUTSIDE, PROJECTS, map_data
from lib.topics.map.framing import fit_view, place_labels
from lib.topics.map.picture import map_picture
from lib.topics.map.tooltip import TOOLTIP, TOOLTIP_STYLE

PAGE = "pages/map/app.py"
ALL_CITIES = {
    "Shtip", "Strazhitsa", "Kumanovo", "Butel", "Gevgelija", "Sofia", "Antwerp", "Athens",
    "Dortmund", "Madrid", "Tampere", "Thessaloniki", "Stockholm",
}  # fmt: skip
NETWORK = {"Antwerp", "Athens", "Dortmund", "Madrid", "Tampere", "Thessaloniki", "Stockholm"}
NOT_ON_MAP = "Not on the map: Haskovo region (a region; no coordinates in the data)"


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(FIXTURE_DATA_DIR)
    assert not result.problems
    return result.portfolio


def data_for(portfolio, filters: Filters | None = None, language: str = "en"):
    filters = filters or Filters()
    projects = selected_projects(portfolio, filters)
    return map_data(portfolio, projects, selected_values(portfolio, filters), filters, language)


def layers(spec: dict, kind: str) -> list[dict]:
    return [layer for layer in spec["layers"] if layer["@@type"] == kind]


def cities_in(spec: dict) -> dict[str, list[float]]:
    """City name -> [longitude, latitude], as the deck draws the dots."""
    (dots,) = layers(spec, "ScatterplotLayer")
    return {city["name"]: city["position"] for city in dots["data"]}


def arcs_in(spec: dict) -> list[tuple[str, str]]:
    (arcs,) = layers(spec, "ArcLayer")
    return [(arc["name"], arc["tip_where"]) for arc in arcs["data"]]


def labels_in(spec: dict) -> list[str]:
    return [label["name"] for layer in layers(spec, "TextLayer") for label in layer["data"]]


def assert_no_outside_request(text: str) -> None:
    assert "http" not in text, "a URL in the deck: the browser would fetch it"
    assert "mapbox" not in text.lower() and "carto" not in text.lower()


# Pure builders --------------------------------------------------------------------------------


def test_every_partner_city_is_placed_and_the_region_is_listed(portfolio):
    data = data_for(portfolio)
    on_map = data.on_map.set_index("name")
    assert set(on_map.index) == ALL_CITIES
    assert tuple(on_map.loc["Shtip", ["latitude", "longitude"]]) == (41.74583, 22.19583)
    assert on_map.loc["Shtip", "geonames_id"] == 785482
    assert list(data.not_on_map["name"]) == ["Haskovo region"]
    assert not_on_map_text(data) == NOT_ON_MAP
    kinds = data.links.groupby("kind").size().to_dict()
    assert kinds == {"network": 7, "twinning": 1, "travelled_to_event": 1}


def test_a_city_named_only_by_a_link_or_an_event_is_mapped_after_the_listed_ones(portfolio):
    # Myla links Kumanovo to Sofia and holds a seminar in Athens, neither in its place list
    myla = portfolio.projects["myla-refugee-integration"]
    twinning = portfolio.projects["shtip-strazhitsa-twinning"].links[0]
    link = twinning.model_copy(update={"from_place": "kumanovo", "to_place": "sofia"})
    seminar = myla.events[0].model_copy(update={"place": "athens"})
    changed = myla.model_copy(update={"links": [link], "events": [seminar, *myla.events[1:]]})
    projects = {**portfolio.projects, myla.id: changed}
    edited = dataclasses.replace(portfolio, projects=projects)
    chosen = [myla.id, "shtip-strazhitsa-twinning"]
    data = map_data(edited, chosen, selected_values(edited, Filters()), Filters())
    # the place lists' cities first, then those the links and events name, link before event
    assert list(data.places["name"]) == [
        "Kumanovo", "Butel", "Gevgelija", "Shtip", "Strazhitsa", "Sofia", "Athens",
    ]  # fmt: skip
    assert set(data.on_map["name"]) >= {"Sofia", "Athens"}
    links = data.links.set_index("name")["kind"]
    assert links["Kumanovo – Sofia"] == "twinning"


def test_dots_are_sized_by_the_counts_tied_to_each_city_and_nothing_else(portfolio):
    data = data_for(portfolio)
    places = data.places.set_index("name")
    assert data.size_basis == "participants"
    # 132 and 127 came from the two towns; the 259 at Strazhitsa is their sum, not added again
    assert places.loc["Shtip", "size_value"] == 132
    assert places.loc["Strazhitsa", "size_value"] == 127
    assert places.loc["Strazhitsa", "size_words"] == "127 participants"
    assert (
        "at Town-twinning meeting of Shtip and Strazhitsa, held here: 259"
        in (places.loc["Strazhitsa", "figures"])
    )
    # the project-wide 518 refugees are not put on Kumanovo, Butel or Gevgelija
    for city in ("Kumanovo", "Butel", "Gevgelija", "Sofia", "Madrid"):
        assert places.loc[city, "status"] == NO_COUNT
        assert places.loc[city, "size_value"] is None or places.loc[city, "size_value"] != 0
    # no report says where the June forums were held: nothing of them is put on the region
    assert places.loc["Haskovo region", "size_words"] == "no count of participants for this city"


def test_without_any_count_dots_are_sized_by_projects(portfolio):
    data = data_for(portfolio, Filters(projects=("connection-network",)))
    assert data.size_basis == "projects"
    assert set(data.on_map["status"]) == {PROJECTS}
    assert set(data.on_map["size_words"]) == {"named by 1 selected project"}
    assert "the number of selected projects that name the city" in size_caption(data)


def test_cities_outside_a_city_filter_are_kept_but_faded(portfolio):
    data = data_for(portfolio, Filters(cities=("shtip",)))
    status = dict(zip(data.places["name"], data.places["status"], strict=True))
    assert status == {"Shtip": COUNTED, "Strazhitsa": OUTSIDE}
    assert "outside the country or city filter" in legend_text(data)


def test_the_deck_has_every_city_its_links_and_no_tile_server(portfolio):
    deck = map_deck(data_for(portfolio), load_country_outlines())
    text = deck.to_json()
    spec = json.loads(text)
    assert cities_in(spec)["Shtip"] == [22.19583, 41.74583]
    assert set(cities_in(spec)) == ALL_CITIES
    arcs = arcs_in(spec)
    assert sorted(arcs).count(("Shtip – Strazhitsa", "Twinning link")) == 1
    assert {name.split(" – ")[1] for name, kind in arcs if kind == "Network link"} == NETWORK
    assert spec["mapStyle"] == "__MAP_STYLE__"  # pydeck's "none given": Streamlit adds none
    assert "mapProvider" not in spec
    assert_no_outside_request(text)
    assert len(text.encode()) < 100_000, "one record a city, outlines rounded"
    (countries,) = layers(spec, "GeoJsonLayer")
    assert countries["data"]["type"] == "FeatureCollection"


def test_labels_are_in_the_readers_language_and_drawn_in_cyrillic(portfolio):
    spec = json.loads(
        map_deck(data_for(portfolio, language="bg"), load_country_outlines()).to_json()
    )
    assert {"Щип", "Стражица", "София", "Солун"} <= set(labels_in(spec))
    for layer in layers(spec, "TextLayer"):
        assert layer["characterSet"] == "auto"  # a string, not pydeck's "@@=auto" expression
        assert layer["sizeUnits"] in {"pixels", "meters"}


def test_view_fits_europe_for_the_network_alone_and_the_balkans_for_the_rest(portfolio):
    europe = json.loads(
        map_deck(
            data_for(portfolio, Filters(projects=("connection-network",))),
            load_country_outlines(),
        ).to_json()
    )["initialViewState"]
    balkans = json.loads(
        map_deck(
            data_for(portfolio, Filters(countries=("MK", "BG"))), load_country_outlines()
        ).to_json()
    )["initialViewState"]
    everything = json.loads(map_deck(data_for(portfolio), load_country_outlines()).to_json())
    assert europe["zoom"] < 3.5 and 45 < europe["latitude"] < 55
    assert balkans["zoom"] > 5 and 41 < balkans["latitude"] < 44 and 21 < balkans["longitude"] < 26
    # all four projects: the Balkan cities where they work, the network's far cities a zoom away
    first = everything["initialViewState"]
    assert first["zoom"] > 5 and 41 < first["latitude"] < 44 and 21 < first["longitude"] < 26
    assert set(cities_in(everything)) == ALL_CITIES


def test_fit_view_shows_one_city_with_its_surroundings():
    view = fit_view([41.74583], [22.19583])
    assert 4 < view["zoom"] < 7
    assert abs(view["latitude"] - 41.74583) < 0.01


def test_close_names_take_free_sides_then_wait_for_a_closer_zoom():
    names = ["One", "Two", "Three", "Four", "Five", "Madrid"]  # five within 2 km, then Madrid
    longitudes = [21.70, 21.71, 21.72, 21.70, 21.71, -3.70]
    latitudes = [42.10, 42.10, 42.11, 42.11, 42.11, 40.42]
    labels = place_labels(names, longitudes, latitudes, [4] * 6, 2.5)
    sides = [label.anchor + label.baseline for label in labels[:4]]
    assert len(set(sides)) == 4, "the first four names each take a free side"
    assert labels[4].zoom_free > 2.5, "a fifth name in the same spot waits"
    assert labels[5].zoom_free == 2.5, "a lone city is named at once"


def test_table_lists_every_place_with_its_figures_and_sources(portfolio):
    table = cities_table(data_for(portfolio)).set_index("City")
    assert len(table) == 14
    shtip = table.loc["Shtip"]
    assert (shtip["Country"], shtip["GeoNames id"], shtip["Latitude"]) == (
        "North Macedonia",
        "785482",
        "41.74583",
    )
    region = table.loc["Haskovo region"]
    assert (region["Latitude"], region["Longitude"]) == ("not in the data", "not in the data")
    assert "Participants from this city: 132" in shtip["Figures and their sources"]
    assert "132 са от град Штип" in shtip["Figures and their sources"]
    assert table.loc["Haskovo region", "On the map"] == "no: a region; no coordinates in the data"
    assert table.loc["Madrid", "Figures and their sources"] == "none tied to this city"


def test_picture_draws_outlines_links_and_cities_on_equal_axes(portfolio):
    figure = map_picture(data_for(portfolio), load_country_outlines(), "Partner cities")
    outlines, *rest = figure.data
    assert outlines.fill == "toself" and outlines.hoverinfo == "skip"
    names = {trace.name for trace in rest}
    assert {"Twinning", "Network", "Travelled to an event", "Partner city"} <= names
    cities = {text for trace in rest if trace.mode == "markers+text" for text in trace.text}
    assert cities == ALL_CITIES
    assert figure.layout.yaxis.scaleanchor == "x"
    assert all(trace.type == "scatter" for trace in figure.data), "no geo traces: they go online"


def test_basemap_is_small_and_holds_the_countries_of_the_data():
    outlines = load_country_outlines()
    names = {feature["properties"]["name"] for feature in outlines["features"]}
    assert {"North Macedonia", "Bulgaria", "Greece", "Finland", "Spain", "Belgium"} <= names
    assert {f["geometry"]["type"] for f in outlines["features"]} == {"MultiPolygon"}
    assert BASEMAP_FILE.stat().st_size < 80_000


# The page -------------------------------------------------------------------------------------


def deck_spec(at: AppTest) -> dict:
    chart = at.get("deck_gl_json_chart")[0].proto
    assert not chart.mapbox_token
    assert_no_outside_request(chart.json)
    return json.loads(chart.json)


def shown_text(at: AppTest) -> str:
    """Markdown as a reader sees it: without the backslashes that keep data text literal."""
    return " ".join(re.sub(r"\\(.)", r"\1", m.value) for m in at.markdown)


def test_the_page_sends_the_map_compact_and_as_pydeck_writes_it(portfolio):
    # lib/topics/map/compact_deck.py relies on Streamlit sending the Deck's to_json() and on
    # pydeck's JSON being the map: an upgrade that changes either fails here.
    sent = open_app(PAGE).get("deck_gl_json_chart")[0].proto.json
    assert "\n" not in sent and len(sent.encode()) < 100_000
    deck = map_deck(data_for(portfolio), load_country_outlines())
    pydecks = json.loads(pdk.Deck.to_json(deck))
    assert sent == json.dumps(pydecks, separators=(",", ":"), ensure_ascii=False)


def test_the_page_keeps_the_decks_text_alone_and_sends_its_tooltip(portfolio):
    # a filter's deck is kept written (compact_deck.WrittenDeck), without its cities' records;
    # Streamlit reads the tooltip from the Deck, beside its JSON
    sent = open_app(PAGE).get("deck_gl_json_chart")[0].proto
    assert json.loads(sent.tooltip) == {"html": TOOLTIP, "style": TOOLTIP_STYLE}
    kept = written_deck(data_for(portfolio), load_country_outlines())
    assert kept.layers == []
    assert (
        kept.to_json()
        == sent.json
        == map_deck(data_for(portfolio), load_country_outlines()).to_json()
    )
    assert '"name":"Shtip"' in kept.to_json()


def test_page_maps_all_thirteen_cities_and_lists_the_region():
    at = open_app(PAGE)
    spec = deck_spec(at)
    assert set(cities_in(spec)) == ALL_CITIES
    assert cities_in(spec)["Shtip"] == [22.19583, 41.74583]
    assert ("Shtip – Strazhitsa", "Twinning link") in arcs_in(spec)
    network = [name for name, kind in arcs_in(spec) if kind == "Network link"]
    assert len(network) == 7 and all(name.startswith("Sofia – ") for name in network)
    assert set(labels_in(spec)) == ALL_CITIES
    assert NOT_ON_MAP in shown_text(at)
    table = at.dataframe[0].value
    assert len(table) == 14 and "Figures and their sources" in table.columns
    assert any(
        "Dot size: participants from the city" in c.value.replace("\\", "") for c in at.caption
    )
    assert len(at.get("plotly_chart")) == 0  # the picture is drawn only when asked for
    at.toggle(key="map.as-picture").set_value(True).run()
    pictures = at.get("plotly_chart")
    assert len(pictures) == 1
    figure = json.loads(pictures[0].proto.spec)
    assert "Map of partner cities" in figure["layout"]["title"]["text"]
    # the picture says what it shows, when, and from which reports (lib/topics/picture_frame)
    footer = " ".join(note["text"] for note in figure["layout"]["annotations"])
    assert "Showing: All projects" in footer and "Source: " in footer
    assert {"Shtip", "Strazhitsa", "Sofia"} <= {
        text for trace in figure["data"] for text in trace.get("text") or [] if text
    }


def test_page_with_the_twinning_project_maps_only_its_two_towns():
    at = open_app(PAGE)
    set_filter(at, "projects", ["shtip-strazhitsa-twinning"])
    spec = deck_spec(at)
    assert cities_in(spec) == {"Shtip": [22.19583, 41.74583], "Strazhitsa": [25.96667, 43.23333]}
    kinds = sorted(kind for _, kind in arcs_in(spec))
    assert kinds[1] == "Twinning link"
    # no report says the people of Shtip travelled: the line says it is the curators' reading
    assert kinds[0].startswith("Travelled to an event (the curators' reading, not the report's")
    assert "132 participants were from Shtip" in kinds[0]
    assert "Not on the map" not in shown_text(at)


def test_page_filtered_to_mk_and_bg_opens_on_the_balkans():
    at = open_app(PAGE)
    set_filter(at, "countries", ["MK", "BG"])
    view = deck_spec(at)["initialViewState"]
    assert view["zoom"] > 5 and 41 < view["latitude"] < 44 and 21 < view["longitude"] < 26


def test_page_with_a_region_only_project_says_there_is_nothing_to_map():
    at = open_app(PAGE)
    set_filter(at, "projects", ["rso-maritsa-forums"])
    assert len(at.get("deck_gl_json_chart")) == 0
    assert "nothing to map" in at.info[0].value
    assert NOT_ON_MAP in shown_text(at)


def test_long_table_cells_are_cut_at_a_word_and_say_so():
    from lib.query.limits import CELL_CHARACTERS, CUT_NOTE, short_cells

    titles = "; ".join(f"Project number {n} in the city" for n in range(200))
    frame = pd.DataFrame({"Projects": [titles, "One project"], "Figures": [3, 4]})
    shown = short_cells(frame)
    cut = shown["Projects"][0]
    assert cut.endswith(CUT_NOTE) and len(cut) <= CELL_CHARACTERS + len(CUT_NOTE) + 1
    kept = cut.removesuffix(" " + CUT_NOTE)
    assert titles.startswith(kept) and titles[len(kept)] == " "  # cut between words
    assert list(shown["Projects"][1:]) == ["One project"] and list(shown["Figures"]) == [3, 4]


def test_what_the_map_keeps_lets_its_data_version_go():
    # The map keeps words and frames with the portfolio's index; the index holds its
    # portfolio by a weak reference, so nothing kept may hold the portfolio itself, or an
    # old data version would stay in memory (and letting it go hung the index's lock).
    loaded = load_portfolio(FIXTURE_DATA_DIR).portfolio
    data = data_for(loaded, language="bg")
    map_deck(data, load_country_outlines()).to_json()
    values = selected_values(loaded, Filters())
    cities_table(map_data(loaded, sorted(loaded.projects), values, Filters(), "bg", True))
    gone = weakref.ref(loaded)
    del loaded, data, values
    gc.collect()
    assert gone() is None
