"""A place's row of the map: what its dot's size stands for, its tooltip's lines and its
table cells (its projects and their roles, the events held there, the figures tied to it),
written from what the selected projects say about it (by_place.ByPlace)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.limits import NAMES
from lib.query.names import report_titles
from lib.text.i18n import N_, format_number, tr
from lib.text.vocabulary import code_words
from lib.topics.map.by_place import TIP_LINES, ByPlace
from lib.topics.map.place_figures import FiguresByPlace
from lib.topics.map.written import Written

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


def place_row(
    portfolio: Portfolio,
    by_place: ByPlace,
    words: Written,
    titles_of: dict[str, str],
    place_id: str,
    in_filter: bool,
    language: str,
    every_figure: bool,
    budget: int | None,
    table: bool = True,
) -> dict:
    """A place's row; without `table`, the row of a place past the table's screenful: its
    table cells are left empty, only what its dot and tooltip say is written."""
    place = portfolio.places[place_id]
    country = portfolio.countries.get(place.country)
    roles = by_place.roles.get(place_id, [])  # of its first projects
    mine = by_place.role_projects.get(place_id, [])
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
    most = None if every_figure else NAMES if table else TIP_LINES
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
    figures = [words.figure(portfolio, row) for row in rows[:TIP_LINES]]
    here = (place_id, titles, role_lines, rows, count)
    cells = (
        _table_cells(portfolio, by_place, words, *here, language, budget)
        if table
        else dict.fromkeys(_TABLE_CELLS, "")
    )
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
        **cells,
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


_TABLE_CELLS = ("project_titles", "roles", "events", "figures")


def _table_cells(
    portfolio: Portfolio,
    by_place: ByPlace,
    words: Written,
    place_id: str,
    titles: list[str],
    role_lines: list[str],
    rows: list,
    count: int,
    language: str,
    budget: int | None,
) -> dict[str, str]:
    """What a place's table cells say: its projects, their roles, the events held there and
    its figures (each cut past `budget` characters, as place_row's docstring says)."""
    projects = by_place.projects.get(place_id, 0)
    more_projects = _more(projects - len(titles), language, N_("projects"))
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
    texts = _head(lambda n: words.figure_text(portfolio, rows[n]), len(rows), None, budget, 0, "\n")
    more = "" if len(texts) == count else _more(count - len(texts), language)
    return {
        "project_titles": "; ".join(titles) + (more_projects if len(titles) < projects else ""),
        "roles": roles_text,
        "events": events,
        "figures": "\n".join(texts) + more,
    }


def table_order(places: pd.DataFrame) -> pd.DataFrame:
    """`places` in the table's order: as on the map, the biggest first, then by name, and
    the places not on the map last."""
    return places.sort_values(
        ["on_map", "in_filter", "size_value", "name"],
        ascending=[False, False, False, True],
        na_position="last",
    )


def table_places(
    portfolio: Portfolio, by_place: ByPlace, ids: list[str], inside: list[bool], language: str
) -> list[str]:
    """The places `ids` (`inside` the filters or not) in the order the table lists them,
    found from what sizes their dots before any row is written (as map_data sizes them):
    only the first screenful of a portfolio's 1,800 places needs its table cells."""
    sizes = by_place.figures.sizes
    entries = [portfolio.places[place] for place in ids]
    keys = pd.DataFrame(
        {
            "on_map": [e.latitude is not None and e.longitude is not None for e in entries],
            "in_filter": inside,
            "size_value": [
                float(sizes[place].total) if here and place in sizes else None
                for place, here in zip(ids, inside, strict=True)
            ],
            "name": [e.names.get(language) for e in entries],
            "projects": [by_place.projects.get(place, 0) for place in ids],
        }
    )
    if not (keys["on_map"] & keys["size_value"].notna()).any():  # sized by projects
        sized = keys["in_filter"].to_numpy()
        keys.loc[sized, "size_value"] = keys.loc[sized, "projects"].astype(float)
    return [ids[at] for at in table_order(keys).index.tolist()]
