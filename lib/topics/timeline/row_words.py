"""The words of the Timeline's rows (lib/topics/timeline/data.py places them): for the rows
given, their project's title, what each is, its dates in words, its place, status and source.
Written a kind and a column at a time, each distinct code, place and source once; and only
for the rows asked for: a first visit draws twenty projects and three tables' first rows, not
a portfolio's 33,000 rows. Pure: portfolio and rows in, a frame out."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.figure_columns import each_distinct
from lib.query.figure_text import value_text
from lib.query.names import project_titles
from lib.text.dates import period_text
from lib.text.i18n import tr
from lib.text.vocabulary import code_words
from lib.topics.timeline.dates import date_fields, project_dates_text

COLUMNS = [
    "project_id", "project", "colour_index", "kind", "item", "type", "date", "date_written",
    "precision", "precision_words", "place", "status", "status_words", "part_of", "source",
    "quote", "placement", "x_start", "x_end",
]  # fmt: skip


def row_words(portfolio: Portfolio, places: pd.DataFrame, language: str) -> pd.DataFrame:
    """Every column of the rows `places` gives (`project_id`, `kind`, `ref`: the event's
    place in its project's events, or the figure's label in `portfolio.values`; and
    `colour_index`), in their order, on a fresh index."""
    kinds, refs = places["kind"].to_numpy(), places["ref"].tolist()
    owners = places["project_id"].tolist()
    blocks = []
    for kind in ("project", "event", "figure"):
        at = np.flatnonzero(kinds == kind)
        if not len(at):
            continue
        mine = [owners[position] for position in at.tolist()]
        if kind == "project":
            block = _project_columns(portfolio, mine, language)
        elif kind == "event":
            block = _event_columns(portfolio, mine, [refs[p] for p in at.tolist()], language)
        else:
            block = _figure_columns(portfolio, [refs[p] for p in at.tolist()], language)
        blocks.append((at, block))
    if not blocks:
        return pd.DataFrame(None, columns=COLUMNS)  # object columns, as frame_rows gives
    columns = {}
    for name in COLUMNS:
        column = np.empty(len(kinds), dtype=object)
        for at, block in blocks:
            column[at] = block[name]
        columns[name] = column.tolist()  # a list: pandas infers each column's type as before
    columns["colour_index"] = places["colour_index"].tolist()
    return pd.DataFrame(columns)


def _with_dates(columns: dict[str, list], starts: list, ends: list, language: str) -> dict:
    """`columns` and the date columns of each row's start and end."""
    fields = [date_fields(start, end, language) for start, end in zip(starts, ends, strict=True)]
    names = ("date_written", "precision", "precision_words", "placement", "x_start", "x_end")
    spread = zip(*fields, strict=True) if fields else ([] for _ in names)
    return {**columns, **{name: list(column) for name, column in zip(names, spread, strict=True)}}


def _project_columns(portfolio: Portfolio, ids: list[str], language: str) -> dict[str, list]:
    """The rows of the projects themselves."""
    projects = [portfolio.projects[project_id] for project_id in ids]
    cited = [project.dates_source for project in projects]
    statuses = [project.status for project in projects]
    count = len(projects)
    columns = {
        "project_id": ids,
        "project": [project.title.get(language) for project in projects],
        "colour_index": [0] * count,
        "kind": ["project"] * count,
        "item": [tr(language, "The project as a whole")] * count,
        "type": [tr(language, "project")] * count,
        "date": [project_dates_text(project, language) for project in projects],
        "place": [""] * count,
        "status": each_distinct(lambda status: status.replace("_", " "), statuses),
        "status_words": each_distinct(lambda status: code_words(status, language), statuses),
        "part_of": [""] * count,
        "source": [portfolio.sources[c.source].title if c else "" for c in cited],
        "quote": [c.quote if c else "" for c in cited],
    }
    starts = [project.start for project in projects]
    return _with_dates(columns, starts, [project.end for project in projects], language)


def _event_columns(
    portfolio: Portfolio, owners: list[str], places: list[int], language: str
) -> dict[str, list]:
    """The rows of events, each given by its project and its place in the project's events."""
    events = [
        portfolio.projects[pid].events[place] for pid, place in zip(owners, places, strict=True)
    ]
    titles = each_distinct(
        lambda pid: {
            event.id: event.title.get(language) for event in portfolio.projects[pid].events
        },
        owners,
    )
    part_of = [named.get(e.part_of or "", "") for named, e in zip(titles, events, strict=True)]
    titles = project_titles(portfolio, language)
    sessions = each_distinct(
        lambda n: " " + tr(language, "({n} sessions)", n=n) if n else "",
        [event.count for event in events],
    )
    statuses = [event.status for event in events]
    columns = {
        "project_id": owners,
        "project": [titles[pid] for pid in owners],
        "colour_index": [0] * len(events),
        "kind": ["event"] * len(events),
        "item": [e.title.get(language) + more for e, more in zip(events, sessions, strict=True)],
        "type": each_distinct(lambda kind: code_words(kind, language), [e.type for e in events]),
        "date": [period_text(event.start, event.end, language) for event in events],
        "place": each_distinct(
            lambda online, place: _where(portfolio, online, place, language),
            [event.online for event in events],
            [event.place for event in events],
        ),
        "status": statuses,
        "status_words": each_distinct(lambda status: code_words(status, language), statuses),
        "part_of": part_of,
        "source": each_distinct(
            lambda source: portfolio.sources[source].title, [e.source for e in events]
        ),
        "quote": [event.quote for event in events],
    }
    starts = [event.start for event in events]
    return _with_dates(columns, starts, [event.end for event in events], language)


def _where(portfolio: Portfolio, online: bool, place: str | None, language: str) -> str:
    if online:
        return tr(language, "online")
    if place:
        return portfolio.places[place].names.get(language)
    return tr(language, "not stated")


def _figure_columns(portfolio: Portfolio, labels: list[int], language: str) -> dict[str, list]:
    """The rows of dated project-wide figures, given by their labels in `portfolio.values`."""
    dated = portfolio.values.loc[labels]
    owners = dated["project"].tolist()
    starts, ends = list(dated["period_start"]), list(dated["period_end"])
    kinds = each_distinct(
        lambda code: portfolio.indicators[code].labels.get(language), dated["indicator"].tolist()
    )
    numbers = [
        value_text(value, precision, language, fewer)
        for value, precision, fewer in zip(
            dated["value"], dated["precision"].tolist(), dated["fewer_than"], strict=True
        )
    ]
    titles = project_titles(portfolio, language)  # the projects' columns, no project read
    count = len(owners)
    columns = {
        "project_id": owners,
        "project": [titles[pid] for pid in owners],
        "colour_index": [0] * count,
        "kind": ["figure"] * count,
        "item": [f"{kind}: {number}" for kind, number in zip(kinds, numbers, strict=True)],
        "type": [tr(language, "period of a figure")] * count,
        "date": [period_text(s, e, language) for s, e in zip(starts, ends, strict=True)],
        "place": each_distinct(
            lambda place: portfolio.places[place].names.get(language) if place else "",
            dated["place"].tolist(),
        ),
        "status": [""] * count,
        "status_words": [""] * count,
        "part_of": [""] * count,
        "source": each_distinct(
            lambda source: portfolio.sources[source].title, dated["source"].tolist()
        ),
        "quote": dated["quote"].tolist(),
    }
    return _with_dates(columns, starts, ends, language)
