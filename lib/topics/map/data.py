"""What the map draws: one row a place of the selected projects, one row a link between two.

Plain pandas, no Streamlit: the deck, the picture, the table and the tests read the same
frames. A dot's size is a count only where a report ties that count to the city; nothing is
spread over cities, and a place without coordinates is listed, never placed by guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.filters import FigureRows, Filters
from lib.query.names import project_titles
from lib.text.i18n import ntr
from lib.topics.map.by_place import (
    FIGURE_LINES as FIGURE_LINES,  # how many figures a row writes: read here by callers
)
from lib.topics.map.by_place import TIP_LINES as TIP_LINES
from lib.topics.map.by_place import gather_by_place
from lib.topics.map.links import SelectedLinks, link_pairs, place_links, with_words
from lib.topics.map.place_facts import place_facts

# the statuses and words of a dot, read from here by the deck, the table and the tests
from lib.topics.map.place_rows import COUNTED as COUNTED
from lib.topics.map.place_rows import NO_COUNT as NO_COUNT
from lib.topics.map.place_rows import NOT_REPORTED as NOT_REPORTED
from lib.topics.map.place_rows import OUTSIDE as OUTSIDE
from lib.topics.map.place_rows import (
    PARTICIPANTS,
    PROJECTS,
    place_columns,
    report_ids,
    table_places,
)
from lib.topics.map.place_rows import STATUS_WORDS as STATUS_WORDS
from lib.topics.map.written import written_in


@dataclass(frozen=True)
class MapData:
    """`places`: every place of the selected projects (on the map or not); `links`: every
    link of those projects (as `selected_links`, a frame when read); `size_basis` is
    "participants" or "projects"."""

    places: pd.DataFrame
    selected_links: SelectedLinks
    size_basis: str
    project_wide_figures: int
    # links.link_pairs with their words: the deck, its legend, the picture and the board
    # pack all draw the same lines
    linked_pairs: tuple[pd.DataFrame, int]
    language: str = "en"  # of every text in the frames, and of what is written about them

    @cached_property
    def on_map(self) -> pd.DataFrame:
        """The places with coordinates: taken once, the deck, its legend and the words each
        read them (a portfolio's 1,800 rows of thirty columns). Do not change the frame."""
        return self.places[self.places["on_map"]]

    @property
    def not_on_map(self) -> pd.DataFrame:
        return self.places[~self.places["on_map"]]

    @cached_property
    def links(self) -> pd.DataFrame:
        return self.selected_links.frame()

    @property
    def drawn_links(self) -> pd.DataFrame:
        return self.links[self.links["drawn"]]

    @cached_property
    def link_ends(self) -> pd.Series:
        """How many drawn links end at each place (of those at least one does)."""
        return self.selected_links.drawn_ends()

    @cached_property
    def link_kinds(self) -> set[str]:
        """The kinds of the drawn links."""
        return self.selected_links.drawn_kinds()


def map_data(
    portfolio: Portfolio,
    project_ids: Sequence[str],
    values: FigureRows | pd.DataFrame,
    filters: Filters,
    language: str = "en",
    every_figure: bool = False,
    cells: int | None = None,
    table_rows: int | None = None,
    reports: bool = True,
) -> MapData:
    """Places and links of the selected projects; `values` are the view's figures (from
    filters.selected_figures, or the frame filters.selected_values gives, with its
    `venue`). Places outside a country or city filter are kept, faded, because they belong
    to a selected project; their figures are not shown. A place's `figures` and `events` are
    its first FIGURE_LINES and its `project_titles` and `roles` its first NAMES projects,
    unless `every_figure` (for the CSV). With `cells` (the map page's CELL_CHARACTERS), they
    are written only until they pass that many characters (and the tooltip's first
    TIP_LINES): a table cell cut there shows the same words. With `table_rows` (the map
    page's TABLE_ROWS), only the places its table lists first have their table cells
    written; the others' are empty (their dots need none). With `reports` False (the map
    page, whose table writes them in its figures' cells), a place's `source_ids` are not
    listed."""
    by_place = gather_by_place(portfolio, project_ids, values, every_figure)
    codes = by_place.codes  # a link or an event may name a place the place lists lack
    facts = place_facts(portfolio, by_place.places, language)
    inside = np.ones(len(codes), dtype=bool)
    if filters.countries:
        countries = set(filters.countries)
        inside &= [country in countries for country in facts.country_code[codes].tolist()]
    if filters.cities:
        cities = set(filters.cities)
        inside &= [place in cities for place in by_place.places[codes].tolist()]
    listed = np.ones(len(codes), dtype=bool)
    if table_rows is not None and len(codes) > table_rows:
        listed[:] = False
        listed[table_places(by_place, facts, inside)[:table_rows]] = True
    columns = place_columns(
        portfolio,
        by_place,
        facts,
        written_in(portfolio, language),
        # every project's title, looked up once, not once a project a row names
        project_titles(portfolio, language),
        inside,
        listed,
        language,
        every_figure,
        None if every_figure else cells,
    )
    if reports:
        columns["source_ids"] = report_ids(by_place, inside)
    places = pd.DataFrame(columns)
    links = place_links(portfolio, project_ids, by_place.chosen, language)
    counted = places["on_map"] & (places["status"] == COUNTED)
    basis = PARTICIPANTS if counted.any() else PROJECTS
    if basis == PROJECTS:  # no city has a count: size by what the project files do say
        sized = places["in_filter"].to_numpy()
        places.loc[sized, "size_value"] = places.loc[sized, "projects"].astype(float)
        places.loc[sized, "status"] = PROJECTS
        places.loc[sized, "size_words"] = [
            ntr(language, "named by {n} selected project", "named by {n} selected projects", n)
            for n in places.loc[sized, "projects"]
        ]
    pairs, total = link_pairs(links, places)
    return MapData(
        places,
        links,
        basis,
        project_wide_figures=by_place.unplaced,
        linked_pairs=(with_words(portfolio, pairs, language), total),
        language=language,
    )
