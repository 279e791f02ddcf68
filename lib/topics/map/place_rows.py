"""A place's row of the map: what its dot's size stands for, its tooltip's lines and its
table cells (its projects and their roles, the events held there, the figures tied to it),
written from what the selected projects say about it (by_place.ByPlace)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.model.sources import Sources
from lib.query.figure_text import value_text
from lib.query.names import report_titles
from lib.text.i18n import N_, tr
from lib.text.vocabulary import code_words
from lib.topics.map.by_place import FIGURE_LINES, TIP_LINES, ByPlace
from lib.topics.map.ordering import runs
from lib.topics.map.place_cells import more_words, table_columns
from lib.topics.map.place_facts import PlaceFacts
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


def report_ids(by_place: ByPlace, inside: np.ndarray) -> list[tuple]:
    """Each place's reports, cited by its figures in the view (the board pack's references
    behind a city), each once, in the order the data version first cites them; none for a
    place outside the filters."""
    cited = by_place.figures.report_ids()
    return [
        cited.get(code, ()) if here else ()
        for code, here in zip(by_place.codes.tolist(), inside.tolist(), strict=True)
    ]


def place_columns(
    portfolio: Portfolio,
    by_place: ByPlace,
    facts: PlaceFacts,
    words: Written,
    titles_of: dict[str, str],
    inside: np.ndarray,
    listed: np.ndarray,
    language: str,
    every_figure: bool,
    budget: int | None,
) -> dict[str, list]:
    """The rows of the places by_place names (`inside` the filters or not), a list a column;
    the places not `listed` (past the table's screenful) have their table cells left empty,
    only what their dots and tooltips say is written. Each column is made for every place at
    once (a place's facts taken from `facts`, its counts from arrays): a row a place written
    by a function took 40 µs each of a portfolio's 1,800."""
    codes, figures = by_place.codes, by_place.figures
    inside, listed = np.asarray(inside, dtype=bool), np.asarray(listed, dtype=bool)
    # a place's figures written out: a table row's first FIGURE_LINES (all for the CSV), a
    # dot's first TIP_LINES; none of a place outside the filters
    lines = np.zeros(len(by_place.places), dtype=np.int64)
    lines[codes[inside]] = TIP_LINES
    lines[codes[inside & listed]] = np.iinfo(np.int64).max if every_figure else FIGURE_LINES
    shown = figures.records(lines)
    counts = np.where(inside, figures.counts[codes], 0).tolist()
    cited_counts = np.where(inside, figures.cited_counts[codes], 0).tolist()
    projects = by_place.projects[codes].tolist()
    code_list, in_list = codes.tolist(), inside.tolist()
    nothing = range(0)
    tips = [shown.of.get(code, nothing)[:TIP_LINES] for code in code_list]
    kept = words.figure_lines
    # the records of the figures whose words are not kept yet, made at once: the tooltips'
    # (the table's screenful writes past them only while its cells are short), or, for the
    # CSV, every one
    written = [range(len(shown.lines))] if every_figure else tips
    made = shown.make([at for ats in written for at in ats if shown.lines[at] not in kept])
    words.know_event_titles(portfolio, [(row.project, row.event) for row in made])
    words.know_figures(portfolio, made)
    figure_lines = [[words.figure_at(portfolio, shown, at)[0] for at in ats] for ats in tips]
    cited = figures.cited
    role_tips = _role_tips(by_place, titles_of, language)
    more_projects = N_("projects")
    columns = {
        "place": by_place.places[codes].tolist(),
        "name": facts.name[codes].tolist(),
        "country": facts.country[codes].tolist(),
        "kind": facts.kind[codes].tolist(),
        "kind_words": facts.kind_words[codes].tolist(),
        "geonames_id": facts.geonames_id[codes].tolist(),
        "latitude": facts.latitude[codes].tolist(),
        "longitude": facts.longitude[codes].tolist(),
        "on_map": facts.on_map[codes].tolist(),
        "in_filter": in_list,
        # a city the selected projects only name as a member of their network: the map's
        # first view leaves it to zooming out when the projects work somewhere else
        "network_only": by_place.network_only[codes].tolist(),
        "projects": projects,
        **table_columns(
            portfolio,
            by_place,
            words,
            titles_of,
            shown,
            counts,
            listed,
            language,
            every_figure,
            budget,
        ),  # fmt: skip
        # what a dot's tooltip says: a hub of hundreds of projects lists the first few
        "tip_roles": [
            _first(role_tips.get(code, []), more_projects, language, total=total)
            for code, total in zip(code_list, projects, strict=True)
        ],
        "tip_figures": [
            _first(lines, N_("figures"), language, total=count)
            for lines, count in zip(figure_lines, counts, strict=True)
        ],
        "tip_sources": [
            _first(sources, N_("sources"), language, total=total)
            for sources, total in zip(
                _cited_lines(
                    portfolio,
                    words,
                    [
                        cited.get(code, ()) if here else ()
                        for code, here in zip(code_list, in_list, strict=True)
                    ],
                ),
                cited_counts,
                strict=True,
            )
        ],
    }
    return {**columns, **_size_columns(portfolio, by_place, inside, language)}


def _cited_lines(portfolio: Portfolio, words: Written, cited: list) -> list[list[str]]:
    """'report title: “the sentence”' of each (report id, sentence) of each place's `cited`,
    kept in `words` once written (a filter change cites most of the same reports again): the
    new ones' titles taken at once (a snapshot's are read from its reports' column: one at
    a time, a tooltip's 5,000 took a tenth of the rows' time)."""
    kept = words.cited_lines
    new = list(dict.fromkeys(pair for here in cited for pair in here if pair not in kept))
    if new:
        sids = [sid for sid, _ in new]
        sources = portfolio.sources
        if isinstance(sources, Sources):
            at = pa.array([sources.position(sid) for sid in sids], type=pa.int64())
            titles = sources.table()["title"].take(at).to_pylist()
        else:
            titles = [report_titles(portfolio)[sid] for sid in sids]
        kept.update(
            ((sid, quote), f"{title}: “{quote}”")
            for (sid, quote), title in zip(new, titles, strict=True)
        )
    return [[kept[pair] for pair in here] for here in cited]


def _size_columns(
    portfolio: Portfolio, by_place: ByPlace, inside: np.ndarray, language: str
) -> dict[str, list]:
    """What each place's dot's size stands for: its value, status, words and whether it is
    approximate, from the participants counted by the indicator by_place.sizer."""
    codes, figures = by_place.codes, by_place.figures
    sizes = figures.sizes
    counted = np.where(inside, sizes.counted[codes], 0)
    at_least = by_place.sizer is not None and (
        portfolio.indicators[by_place.sizer].aggregation != "sum"
    )
    status_words = {status: tr(language, STATUS_WORDS[status]) for status in STATUS_WORDS}
    sized = np.where(figures.sized_places[codes], NOT_REPORTED, NO_COUNT).astype(object)
    statuses = np.where(inside, np.where(counted > 0, COUNTED, sized), OUTSIDE).tolist()
    value: list[float | None] = [None] * len(codes)
    size_words = [status_words.get(status, "") for status in statuses]
    approximate = [False] * len(codes)
    found = np.flatnonzero(counted)
    totals = sizes.total[codes[found]].tolist()
    abouts = sizes.approximate[codes[found]].tolist()
    several = (counted[found] > 1).tolist()
    for at, total, about, more in zip(found.tolist(), totals, abouts, several, strict=True):
        words = _participants(total, about, bool(at_least and more), language)
        value[at], size_words[at], approximate[at] = float(total), words, about
    return {
        "size_value": value,
        "status": statuses,
        "size_words": size_words,
        "approximate": approximate,
    }


# a portfolio's places share a few thousand sizes, written again on every filter change
@lru_cache(maxsize=8192)
def _participants(total: int, about: bool, at_least: bool, language: str) -> str:
    """'about 1,200 participants', or 'at least 80 participants' (of figures that overlap)."""
    number = value_text(total, "approximate" if about else "exact", language)
    text = tr(language, "{number} participants", number=number)
    return tr(language, "at least {number}", number=text) if at_least else text


def _role_tips(by_place: ByPlace, titles_of: dict[str, str], language: str) -> dict[int, list[str]]:
    """The lines of each place's first TIP_LINES projects, by the place's number: 'title:
    role, role' (its roles in the order its project lists them)."""
    first = np.flatnonzero(by_place.role_rank < TIP_LINES)
    place, project = by_place.role_place[first], by_place.role_project[first]
    starts, ends = runs(place.astype(np.int64) * len(by_place.ids) + project)
    role_words = [code_words(role, language) for role in by_place.roles.tolist()]
    said = [role_words[role] for role in by_place.role[first].tolist()]
    titles = [titles_of[pid] for pid in by_place.ids[project[starts]].tolist()]
    lines = [
        f"{title}: " + ", ".join(said[start:end])
        for title, start, end in zip(titles, starts, ends, strict=True)
    ]
    line_places = place[starts]
    place_starts, place_ends = runs(line_places)
    return {
        code: lines[start:end]
        for code, start, end in zip(
            line_places[place_starts].tolist(), place_starts, place_ends, strict=True
        )
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
    return shown + more_words(left, language, what) if left > 0 else shown


_TABLE_KEYS = ["on_map", "in_filter", "size_value", "name"]


def table_order(places: pd.DataFrame, rows: int | None = None) -> pd.DataFrame:
    """`places` in the table's order (its first `rows`, when given): as on the map, the
    biggest first, then by name, and the places not on the map last. Only the four columns
    that order them are sorted, and the rows shown taken: a sort of a portfolio's 1,800
    places' thirty columns copied them all for the table's first 500."""
    order = (
        places[_TABLE_KEYS]
        .reset_index(drop=True)
        .sort_values(_TABLE_KEYS, ascending=[False, False, False, True], na_position="last")
        .index.to_numpy()
    )
    return places.take(order if rows is None else order[:rows])


def table_places(by_place: ByPlace, facts: PlaceFacts, inside: np.ndarray) -> np.ndarray:
    """The positions of by_place's places (`inside` the filters or not) in the order the
    table lists them, found from what sizes their dots before any row is written (as
    map_data sizes them): only the first screenful of a portfolio's 1,800 places needs its
    table cells."""
    codes, sizes = by_place.codes, by_place.figures.sizes
    counted = np.asarray(inside, dtype=bool) & (sizes.counted[codes] > 0)
    keys = pd.DataFrame(
        {
            "on_map": facts.on_map[codes],
            "in_filter": np.asarray(inside, dtype=bool),
            "size_value": np.where(counted, sizes.total[codes].astype(float), np.nan),
            "name": facts.name[codes].tolist(),
            "projects": by_place.projects[codes],
        }
    )
    if not (keys["on_map"] & keys["size_value"].notna()).any():  # sized by projects
        sized = keys["in_filter"].to_numpy()
        keys.loc[sized, "size_value"] = keys.loc[sized, "projects"].astype(float)
    return table_order(keys).index.to_numpy()
