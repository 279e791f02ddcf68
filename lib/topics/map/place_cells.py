"""The table cells of a place's row of the map: its projects and their roles, the events
held there and the figures tied to it, each cut once it passes what a table cell on screen
shows (lib/query/limits.py's CELL_CHARACTERS), written for the table's first screenful of
places (every place, for the CSV)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from lib.model.portfolio import Portfolio
from lib.query.limits import NAMES
from lib.text.i18n import N_, format_number, tr
from lib.text.vocabulary import code_words
from lib.topics.map.by_place import TIP_LINES, ByPlace
from lib.topics.map.ordering import runs
from lib.topics.map.place_figures import ShownFigures
from lib.topics.map.written import Written


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
    known: dict[tuple[str, str], tuple] | None = None,
) -> str:
    """The events held at a place (`held`, the first of `count`), or fewer once they pass
    `budget` characters (but one), and how many more; `known`: Written.event_words'."""
    written = _head(
        lambda n: words.event_line(portfolio, *held[n], known), len(held), None, budget, 1
    )
    text = "; ".join(written)
    left = count - len(written)
    return text + more_words(left, language, N_("events")) if left else text


# A map writes "; and N more ..." for each of hundreds of cities on every filter change; each
# depends on its arguments only, so each is written once.
@lru_cache(maxsize=8192)
def more_words(left: int, language: str, what: str = N_("figures")) -> str:
    n = format_number(left, language)
    return tr(language, "; and {n} more {what}", n=n, what=tr(language, what))


_TABLE_CELLS = ("project_titles", "roles", "events", "figures")


def table_columns(
    portfolio: Portfolio,
    by_place: ByPlace,
    words: Written,
    titles_of: dict[str, str],
    shown: ShownFigures,
    counts: list[int],
    listed: np.ndarray,
    language: str,
    every_figure: bool,
    budget: int | None,
) -> dict[str, list[str]]:
    """The table cells of the `listed` places (each cut past `budget` characters, as
    map_data's docstring says); "" for the others."""
    codes = by_place.codes
    mine = np.zeros(len(by_place.places), dtype=bool)
    mine[codes[listed]] = True
    role_rows = np.flatnonzero(mine[by_place.role_place])
    role_words = [code_words(role, language) for role in by_place.roles.tolist()]
    roles = _runs_of(
        by_place.role_place[role_rows],
        by_place.ids[by_place.role_project[role_rows]].tolist(),
        [role_words[role] for role in by_place.role[role_rows].tolist()],
    )
    event_rows = np.flatnonzero(mine[by_place.event_place])
    events = _runs_of(
        by_place.event_place[event_rows],
        by_place.ids[by_place.event_project[event_rows]].tolist(),
        by_place.event_ids.take(by_place.event_row[event_rows]).tolist(),
    )
    # the words of each place's first event, which its cell always lists (past its roles'
    # characters, the only one), read at once where its line is not kept yet
    known = words.event_words(portfolio, [(held[0][0], held[1][0]) for held in events.values()])
    held = by_place.held[codes].tolist()
    cells = {name: [""] * len(codes) for name in _TABLE_CELLS}
    most = None if every_figure else NAMES
    for at in np.flatnonzero(listed).tolist():
        code = int(codes[at])
        projects, role_words = roles.get(code, ([], []))
        first = list(dict.fromkeys(projects))  # its projects, in order
        named = [titles_of[pid] for pid in first]
        titles = _head(named.__getitem__, len(first), most, budget, TIP_LINES)
        written = first[: len(titles)]
        roles_of: dict[str, list[str]] = {pid: [] for pid in written}
        for pid, said in zip(projects, role_words, strict=True):
            if pid in roles_of:
                roles_of[pid].append(said)
        role_lines = [
            f"{title}: " + ", ".join(roles_of[pid])
            for pid, title in zip(written, titles, strict=True)
        ]
        here = _table_cells(
            portfolio,
            by_place,
            words,
            code,
            titles,
            role_lines,
            shown,
            shown.of.get(code, range(0)),
            counts[at],
            list(zip(*events.get(code, ([], [])), strict=True)),
            held[at],
            language,
            budget,
            known,
        )
        for name, text in here.items():
            cells[name][at] = text
    return cells


def _runs_of(place: np.ndarray, *columns: list) -> dict[int, tuple[list, ...]]:
    """The items of `columns` of each place (given with their places in order, a place's
    together), by the place's number."""
    starts, ends = runs(place)
    return {
        code: tuple(column[start:end] for column in columns)
        for code, start, end in zip(place[starts].tolist(), starts, ends, strict=True)
    }


def _table_cells(
    portfolio: Portfolio,
    by_place: ByPlace,
    words: Written,
    code: int,
    titles: list[str],
    role_lines: list[str],
    shown: ShownFigures,
    rows: range,
    count: int,
    held: list[tuple[str, str]],
    held_count: int,
    language: str,
    budget: int | None,
    known: dict[tuple[str, str], tuple],
) -> dict[str, str]:
    """What a place's table cells say: its projects, their roles, the events held there and
    its figures (each cut past `budget` characters)."""
    projects = int(by_place.projects[code])
    more_projects = more_words(projects - len(titles), language, N_("projects"))
    roles_text = "; ".join(role_lines) + (more_projects if len(titles) < projects else "")
    # the events follow the roles in their cell: past its first characters, one is written
    events_budget = 0 if budget is not None and len(roles_text) > budget else budget
    events = _events_here(portfolio, words, held, held_count, language, events_budget, known)
    texts = _head(
        lambda n: words.figure_text_at(portfolio, shown, rows[n]), len(rows), None, budget, 0, "\n"
    )
    more = "" if len(texts) == count else more_words(count - len(texts), language)
    return {
        "project_titles": "; ".join(titles) + (more_projects if len(titles) < projects else ""),
        "roles": roles_text,
        "events": events,
        "figures": "\n".join(texts) + more,
    }
