"""What the map draws: one row a place of the selected projects, one row a link between two.

Plain pandas, no Streamlit: the deck, the picture, the table and the tests read the same
frames. A dot's size is a count only where a report ties that count to the city; nothing is
spread over cities, and a place without coordinates is listed, never placed by guess.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.filters import Filters
from lib.query.limits import NAMES
from lib.query.names import project_titles, report_titles
from lib.text.i18n import N_, format_number, ntr, tr
from lib.text.vocabulary import code_words
from lib.topics.map.by_place import (
    FIGURE_LINES as FIGURE_LINES,  # how many figures a row writes: read here by callers
)
from lib.topics.map.by_place import (
    TIP_LINES,
    ByPlace,
    gather_by_place,
)
from lib.topics.map.links import SelectedLinks, link_pairs, place_links, with_words
from lib.topics.map.place_figures import FiguresByPlace
from lib.topics.map.written import Written, written_in

# How a dot is drawn, and why it has the size it has.
COUNTED, NOT_REPORTED, NO_COUNT = "counted", "not reported", "no count"
OUTSIDE, PROJECTS = "outside filter", "projects"
# The size basis when dots are sized by the count of the indicator marked `sizes_map` in
# indicators.yaml: the count of people a report ties to cities (from, or held at).
PARTICIPANTS = "participants"
STATUS_WORDS = {
    NOT_REPORTED: N_("participants reported without a number"),
    NO_COUNT: N_("no count of participants for this city"),
    OUTSIDE: N_("outside the country or city filter: its figures are not shown"),
}


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

    @property
    def on_map(self) -> pd.DataFrame:
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


def _size(
    portfolio: Portfolio, figures: FiguresByPlace, place: str, sizer: str | None, language: str
) -> tuple[float | None, str, str, bool]:
    """(value, status, words, approximate) of the participants a place's dot stands for,
    counted by the indicator `sizer`."""
    size = figures.sizes.get(place)
    if size is None:
        status = NOT_REPORTED if place in figures.sized_places else NO_COUNT
        return None, status, tr(language, STATUS_WORDS[status]), False
    adds_up = portfolio.indicators[sizer].aggregation == "sum"
    words = value_text(size.total, "approximate" if size.approximate else "exact", language)
    words = tr(language, "{number} participants", number=words)
    if not adds_up and size.counted > 1:
        words = tr(language, "at least {number}", number=words)
    return float(size.total), COUNTED, words, size.approximate


def _head(
    write: Callable[[int], str],
    count: int,
    most: int | None,
    budget: int | None,
    least: int = 0,
    between: str = "; ",
) -> list[str]:
    """The first of `count` lines, written by `write(i)`: at most `most` (all when None), and
    once they pass `budget` characters joined by `between`, no more after the first `least`.
    A table cell on screen shows its first CELL_CHARACTERS (lib/query/limits.py's
    short_cells): a city's row written past them is cut to the same words, and the lines
    after them (a hub's tens of events, each a date in words) were written for nothing."""
    lines: list[str] = []
    length = -len(between)  # of the lines written, joined
    for number in range(count if most is None else min(count, most)):
        if budget is not None and number >= least and length > budget:
            break
        line = write(number)
        lines.append(line)
        length += len(line) + len(between)
    return lines


def _events_here(
    portfolio: Portfolio,
    words: Written,
    held: list[tuple[str, str]],
    count: int,
    language: str,
    budget: int | None,
) -> str:
    """The events held at a place (`held`, the first of `count`), or fewer once they pass
    `budget` characters (but one), and how many more."""
    written = _head(lambda n: words.event_line(portfolio, *held[n]), len(held), None, budget, 1)
    text = "; ".join(written)
    left = count - len(written)
    return text + _more(left, language, N_("events")) if left else text


def _place_row(
    portfolio: Portfolio,
    by_place: ByPlace,
    words: Written,
    titles_of: dict[str, str],
    place_id: str,
    in_filter: bool,
    language: str,
    every_figure: bool,
    budget: int | None,
) -> dict:
    place = portfolio.places[place_id]
    country = portfolio.countries.get(place.country)
    roles = by_place.roles.get(place_id, [])  # of its first projects
    mine = list(dict.fromkeys(pid for pid, _ in roles))
    projects = by_place.projects.get(place_id, 0)
    figures_here = by_place.figures
    rows = figures_here.of(place_id) if in_filter else []
    count = figures_here.counts.get(place_id, 0) if in_filter else 0
    if in_filter:
        sized = _size(portfolio, figures_here, place_id, by_place.sizer, language)
        size_value, status, size_words, approximate = sized
    else:
        outside = tr(language, STATUS_WORDS[OUTSIDE])
        size_value, status, size_words, approximate = None, OUTSIDE, outside, False
    most = None if every_figure else NAMES
    titles = _head(lambda n: titles_of[mine[n]], len(mine), most, budget, TIP_LINES)
    written_ids = mine[: len(titles)]
    written = set(written_ids)
    roles_of: dict[str, list[str]] = defaultdict(list)
    for pid, role in roles:
        if pid in written:
            roles_of[pid].append(_code_words(role, language))
    role_lines = [
        f"{title}: " + ", ".join(roles_of[pid])
        for pid, title in zip(written_ids, titles, strict=True)
    ]
    more_projects = _more(projects - len(written_ids), language, N_("projects"))
    roles_text = "; ".join(role_lines) + (more_projects if len(titles) < projects else "")
    # the events follow the roles in their cell: past its first characters, one is written
    events_budget = 0 if budget is not None and len(roles_text) > budget else budget
    events = _events_here(
        portfolio,
        words,
        by_place.events.get(place_id, []),
        by_place.held.get(place_id, 0),
        language,
        events_budget,
    )
    figures = [words.figure(portfolio, row) for row in rows[:TIP_LINES]]
    texts = _head(lambda n: words.figure_text(portfolio, rows[n]), len(rows), None, budget, 0, "\n")
    more = "" if len(texts) == count else _more(count - len(texts), language)
    cited = figures_here.cited.get(place_id, []) if in_filter else []
    cited_count = figures_here.cited_counts.get(place_id, 0) if in_filter else 0
    reports = report_titles(portfolio)
    sources = [f"{reports[sid]}: “{quote}”" for sid, quote in cited]
    return {
        "place": place_id,
        "name": place.names.get(language),
        "country": country.names.get(language) if country else place.country,
        "kind": place.kind,
        "kind_words": _code_words(place.kind, language),
        "geonames_id": place.geonames_id,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "on_map": place.latitude is not None and place.longitude is not None,
        "in_filter": in_filter,
        # a city the selected projects only name as a member of their network: the map's
        # first view leaves it to zooming out when the projects work somewhere else
        "network_only": place_id in by_place.network_only,
        "projects": projects,
        "project_titles": "; ".join(titles) + (more_projects if len(titles) < projects else ""),
        "roles": roles_text,
        "events": events,
        "figures": "\n".join(texts) + more,
        "source_ids": figures_here.source_ids.get(place_id, frozenset())
        if in_filter
        else frozenset(),
        # what a dot's tooltip says: a hub of hundreds of projects lists the first few
        "tip_roles": _first(role_lines, N_("projects"), language, total=projects),
        "tip_figures": _first([f for f, _ in figures], N_("figures"), language, total=count),
        "tip_sources": _first(sources, N_("sources"), language, total=cited_count),
        "size_value": size_value,
        "status": status,
        "size_words": size_words,
        "approximate": approximate,
    }


def _first(
    lines: list[str],
    what: str,
    language: str = "en",
    limit: int = TIP_LINES,
    total: int | None = None,
) -> str:
    """The first `limit` lines joined, and how many more there are (of `total`, when only the
    first few lines are given); the table has them all."""
    left = (len(lines) if total is None else total) - limit
    shown = "; ".join(lines[:limit])
    return shown + _more(left, language, what) if left > 0 else shown


# A map writes a role's or kind's words and "; and N more ..." for each of hundreds of cities
# on every filter change; each depends on its arguments only, so each is written once.
_code_words = lru_cache(maxsize=1024)(code_words)


@lru_cache(maxsize=8192)
def _more(left: int, language: str, what: str = N_("figures")) -> str:
    n = format_number(left, language)
    return tr(language, "; and {n} more {what}", n=n, what=tr(language, what))


def map_data(
    portfolio: Portfolio,
    project_ids: list[str],
    values: pd.DataFrame,
    filters: Filters,
    language: str = "en",
    every_figure: bool = False,
    cells: int | None = None,
) -> MapData:
    """Places and links of the selected projects; `values` are the view's figures (from
    filters.selected_values, with their `venue`). Places outside a country or city filter
    are kept, faded, because they belong to a selected project; their figures are not shown.
    A place's `figures` and `events` are its first FIGURE_LINES and its `project_titles` and
    `roles` its first NAMES projects, unless `every_figure` (for the CSV). With `cells` (the
    map page's CELL_CHARACTERS), they are written only until they pass that many characters
    (and the tooltip's first TIP_LINES): a table cell cut there shows the same words."""

    def in_filter(place_id: str) -> bool:
        country = portfolio.places[place_id].country
        return (not filters.countries or country in filters.countries) and (
            not filters.cities or place_id in filters.cities
        )

    by_place = gather_by_place(portfolio, project_ids, values, every_figure)
    ids = by_place.named  # a link or an event may name a place the place lists lack
    words = written_in(portfolio, language)
    # every project's title, looked up once, not once a project a row names
    titles = project_titles(portfolio, language)
    budget = None if every_figure else cells
    rows = [
        _place_row(
            portfolio, by_place, words, titles, p, in_filter(p), language, every_figure, budget
        )
        for p in ids
    ]
    # a list a column: a frame made from a dict a row works out each row's columns again
    places = pd.DataFrame({name: [row[name] for row in rows] for name in rows[0]} if rows else [])
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
    unplaced = values[(values["place"] == "") & (values["venue"] == "")]
    pairs, total = link_pairs(links, places)
    return MapData(
        places,
        links,
        basis,
        project_wide_figures=len(unplaced),
        linked_pairs=(with_words(portfolio, pairs, language), total),
        language=language,
    )
