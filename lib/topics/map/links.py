"""The lines between partner cities: one row a link of the selected projects, and the pairs a map
draws a line between (bounded, so a portfolio's thousands of lines do not hide the cities)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.model.schema import Place
from lib.query.frame_rows import rows_at
from lib.query.index import index_of
from lib.query.names import inferred_mark, project_titles, report_titles
from lib.query.project_rows import project_numbers
from lib.text.i18n import N_, tr
from lib.topics.map.ordering import first_ones

LINK_KINDS = ("twinning", "network", "travelled_to_event")


LINK_WORDS = {
    "twinning": N_("Twinning"),
    "network": N_("Network"),
    "travelled_to_event": N_("Travelled to an event"),
}


@dataclass(frozen=True)
class EveryLink:
    """Every project's links (`frame`, _every_link's rows, in the order of their projects'
    ids) with numbers a selection counts with numpy: a funder's 100,000 links taken as a
    frame, filtered, grouped and factorized as texts took a third of a filter change."""

    frame: pd.DataFrame
    project: np.ndarray  # each link's project, numbered in the order of the ids
    pair: np.ndarray  # the number of its (from_place, to_place, kind)
    title: np.ndarray  # the number of its project's title
    end_places: np.ndarray  # the place of each number of `from_end` and `to_end`
    from_end: np.ndarray
    to_end: np.ndarray
    drawn: np.ndarray  # both its ends have coordinates
    kind: np.ndarray  # the number of its kind
    kinds: np.ndarray  # the kind of each number


@dataclass(frozen=True)
class SelectedLinks:
    """The links of the selected projects, as positions among EveryLink's rows: made into a
    frame only when one is read (the page counts them with numpy)."""

    every: EveryLink
    positions: np.ndarray  # in the order of the selected projects, a project's in its order

    def frame(self) -> pd.DataFrame:
        return rows_at(self.every.frame, self.positions).reset_index(drop=True)

    @property
    def drawn(self) -> np.ndarray:
        """The positions of the links drawn (both ends with coordinates)."""
        return self.positions[self.every.drawn[self.positions]]

    def drawn_ends(self) -> pd.Series:
        """How many drawn links end at each place (of those at least one does)."""
        drawn = self.drawn
        ends = np.concatenate([self.every.from_end[drawn], self.every.to_end[drawn]])
        counts = np.bincount(ends, minlength=len(self.every.end_places))
        found = np.flatnonzero(counts)
        return pd.Series(counts[found], index=self.every.end_places[found])

    def drawn_kinds(self) -> set[str]:
        return set(self.every.kinds[np.unique(self.every.kind[self.drawn])].tolist())


def place_links(
    portfolio: Portfolio, project_ids: Sequence[str], chosen: np.ndarray, language: str
) -> SelectedLinks:
    """The links of the selected projects (`chosen`, as by_place.chosen_projects gives them),
    in their order, each with `at`, its place in its project's links; its words are written
    for the lines drawn only (`with_words`). A link's row depends on it and the language
    only: every project's are made once a data version and language."""
    every = index_of(portfolio).once(
        ("map.every_link", language),
        lambda: _numbered_links(
            _every_link(portfolio, language),
            # the links' projects numbered as chosen_projects numbers them, once a version
            project_numbers(portfolio, "links", parts_of(portfolio.projects).links["project"]),
        ),
    )
    positions = np.flatnonzero(chosen[every.project])
    if list(project_ids) != sorted(project_ids):  # the filters give them sorted, as links are
        order = pd.Index(project_ids).get_indexer(every.frame["project"].to_numpy()[positions])
        positions = positions[np.argsort(order, kind="stable")]
    return SelectedLinks(every, positions)


def _numbered_links(frame: pd.DataFrame, projects: np.ndarray) -> EveryLink:
    kind, kinds = pd.factorize(frame["kind"], use_na_sentinel=False)
    # the ends' texts numbered by Arrow, not as 200,000 Python objects
    ends, end_places = pd.factorize(pd.concat([frame["from_place"], frame["to_place"]]))
    from_end, to_end = ends[: len(frame)], ends[len(frame) :]
    # a (from, to, kind) a number, in the order first met (as groupby(sort=False).ngroup()
    # numbers them; a missing end, -1, is a value of its own), made of its parts' numbers
    triple = ((from_end + 1) * (len(end_places) + 1) + to_end + 1) * (len(kinds) + 1) + kind
    return EveryLink(
        frame=frame,
        project=projects,
        pair=pd.factorize(triple)[0],
        title=pd.factorize(frame["project_title"], use_na_sentinel=False)[0],
        end_places=np.asarray(end_places, dtype=object),
        from_end=from_end,
        to_end=to_end,
        drawn=frame["drawn"].to_numpy(dtype=bool),
        kind=kind,
        kinds=np.asarray(kinds, dtype=object),
    )


def _every_link(portfolio: Portfolio, language: str) -> pd.DataFrame:
    """Every project's links, from the projects' columns: the thousands of projects with
    links were each validated from a snapshot to be read. The columns the links' table has
    are passed on as they are (as lists, 100,000 links' four texts were made into Python
    objects and back); what each end says is looked up by the end's number."""
    links = parts_of(portfolio.projects).links
    titles = project_titles(portfolio, language)
    ends, named = pd.factorize(pd.concat([links["from_place"], links["to_place"]]))
    # each place's once, not once an end of each of a portfolio's 100,000 links
    places = [portfolio.places[place] for place in named]
    starts, stops = ends[: len(links)], ends[len(links) :]

    def each_end(values: list) -> tuple[list, list]:
        held = np.asarray(values, dtype=object)  # None stays None, as the lists had it
        return held[starts].tolist(), held[stops].tolist()

    from_names, to_names = each_end([entry.names.get(language) for entry in places])
    from_lons, to_lons = each_end([entry.longitude for entry in places])
    from_lats, to_lats = each_end([entry.latitude for entry in places])
    on_map = np.array([_on_map(entry) for entry in places], dtype=bool)
    columns = {
        "project": links["project"].array,
        "at": links.groupby("project", sort=False).cumcount().tolist(),
        "project_title": [titles[pid] for pid in links["project"].tolist()],
        "kind": links["kind"].array,
        "from_place": links["from_place"].array,
        "to_place": links["to_place"].array,
        "name": [f"{a} – {b}" for a, b in zip(from_names, to_names, strict=True)],
        "from_lon": from_lons,
        "from_lat": from_lats,
        "to_lon": to_lons,
        "to_lat": to_lats,
        "drawn": (on_map[starts] & on_map[stops]).tolist(),
    }
    frame = pd.DataFrame(columns if len(links) else None, columns=list(columns))
    # typed even when empty: an empty object column would select columns, not rows
    return frame.astype({"drawn": bool})


def with_words(portfolio: Portfolio, pairs: pd.DataFrame, language: str) -> pd.DataFrame:
    """`pairs` (link_pairs') with their first link's `kind_words`, `source` (its report's
    title) and `quote`, read from the links' columns: the few hundred lines drawn, each
    project validated from a snapshot to be read took most of a filter change."""
    links = parts_of(portfolio.projects).links
    firsts = index_of(portfolio).once("map.first_links", lambda: _first_links(links))
    ids, ats = pairs["project"].tolist(), pairs["at"].tolist()
    chosen = links.iloc[[firsts[pid] + at for pid, at in zip(ids, ats, strict=True)]]
    found = [
        _words(portfolio, *link, language)
        for link in zip(*(chosen[n].tolist() for n in _WORD_COLUMNS), strict=True)
    ]
    # texts even when there is no pair, as the rows' other words are
    kinds, sources, quotes = (
        pd.Series([row[n] for row in found], index=pairs.index, dtype="str") for n in range(3)
    )
    return pairs.assign(kind_words=kinds, source=sources, quote=quotes)


_WORD_COLUMNS = ("kind", "kind_inferred", "note", "source", "quote")


def _first_links(links: pd.DataFrame) -> dict[str, int]:
    """Each project's first row in the links' columns (its links follow it, in order)."""
    projects = links["project"].tolist()
    return {pid: at for at, pid in reversed(list(enumerate(projects)))}


def _words(
    portfolio: Portfolio,
    kind: str,
    inferred: bool,
    note: str | None,
    source: str,
    quote: str,
    language: str,
) -> tuple[str, str, str]:
    # what inferred_mark reads of a Link, from its columns (a missing note is NaN there)
    note = note if isinstance(note, str) else None
    link = SimpleNamespace(inferred=["kind"] if inferred else None, note=note)
    mark = inferred_mark(link, "kind", language, True)
    return tr(language, LINK_WORDS[kind]) + mark, report_titles(portfolio)[source], quote


def _on_map(place: Place) -> bool:
    return place.latitude is not None and place.longitude is not None


LINKED_PAIRS = 400  # pairs of cities a map draws a line between: those most projects link


def link_pairs(
    links: SelectedLinks, places: pd.DataFrame, limit: int = LINKED_PAIRS
) -> tuple[pd.DataFrame, int]:
    """The lines to draw between MapData's `places`, of the selection's drawn `links`: one a
    pair of cities and kind of link (its first link's row, with `titles`, the projects that
    link them, and `more`, their other links), and how many pairs there are. Past `limit`
    pairs, those most projects link are kept, then those between the busiest cities: a
    portfolio's thousands of lines would hide the cities they join."""
    every, drawn = links.every, links.drawn
    # each pair a number, in the order of its first link; its projects, the first link of
    # each (pair, project title): counted with numpy on the version's numbers, not texts
    pair = pd.factorize(every.pair[drawn])[0]
    title = every.title[drawn]
    firsts = first_ones(pair)  # pairs are numbered in the order they first come
    title_firsts = first_ones(pair * (title.max(initial=0) + 1) + title)
    projects = np.bincount(pair[title_firsts], minlength=len(firsts))
    more = np.bincount(pair, minlength=len(firsts)) - 1
    kept = np.arange(len(firsts))
    total = len(firsts)
    if total > limit:
        # each end's projects by the ends' numbers (NaN for a place not among `places`, as
        # Series.map gives it): mapping the texts of a portfolio's thousands of pairs was
        # most of this function
        busy = pd.Series(places["projects"].to_numpy(), index=places["place"].to_numpy(object))
        by_end = busy.reindex(every.end_places).to_numpy(dtype=float)
        ends = by_end[every.from_end[drawn[firsts]]] + by_end[every.to_end[drawn[firsts]]]
        rank = pd.DataFrame({"projects": projects, "ends": ends})
        order = rank.sort_values(["projects", "ends"], ascending=False, kind="stable")
        kept = np.array(sorted(order.index[:limit]), dtype=int)
    # the titles of the drawn pairs' projects only: a list a pair, made in one pass over them
    titles: dict[int, list[str]] = {number: [] for number in kept.tolist()}
    title_pairs = pair[title_firsts]
    mine = np.isin(title_pairs, kept)
    named = every.frame["project_title"].iloc[drawn[title_firsts[mine]]].tolist()
    for number, name in zip(title_pairs[mine].tolist(), named, strict=True):
        titles[number].append(name)
    # the drawn pairs' rows only, not every pair's
    pairs = rows_at(every.frame, drawn[firsts[kept]]).reset_index(drop=True)
    pairs = pairs.assign(titles=[titles[number] for number in kept.tolist()], more=more[kept])
    return pairs, total
