"""Events found among the projects' events' columns (lib/model/projects.py), one at a time
or a batch at once, as Portfolio.event finds one (the first of its project with the id): the
map writes an event's title and dates from them, never from a project's objects (a snapshot
validates a project each time one is opened)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.index import index_of
from lib.query.project_rows import project_numbers


def event_columns(
    portfolio: Portfolio, project_id: str, event_id: str, *columns: str
) -> tuple | None:
    """The event's `columns` (lib/model/projects.py SCHEMAS), read from the events' columns,
    or None without that event: a snapshot validates a project each time one is opened, and
    a first visit lists a thousand events."""
    index = index_of(portfolio)
    events, first, counts = index.once(
        ("map.events by project",), lambda: _events_by_project(portfolio)
    )
    try:
        number = index.id_index.get_loc(project_id)
    except KeyError:
        return None
    count = int(counts[number])
    if not count:
        return None
    start = int(first[number])
    try:  # the first with the id, as Portfolio.event finds it
        at = start + events.column("id").slice(start, count).to_pylist().index(event_id)
    except ValueError:
        return None
    return tuple(events.column(column)[at].as_py() for column in columns)


def _events_by_project(portfolio: Portfolio) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """The events' columns as an Arrow table (its buffers shared with the parts' frame), and
    by each project's position among the index's ids, its first row and how many rows it has
    (a project's events are together, in the order of the ids): a fresh selection's thousand
    events were each found by slicing the table and reading its project's ids again, and
    every event's id kept as a Python text, with a dict of every project, was 20 MB at
    100,000 projects."""
    events = parts_of(portfolio.projects).events
    # numbered as the map's every_place numbers them, once a version
    numbers = project_numbers(portfolio, "events", events["project"])
    projects = len(index_of(portfolio).ids)
    counts = np.bincount(numbers[numbers >= 0], minlength=projects)
    first = np.searchsorted(numbers, np.arange(projects))
    return pa.Table.from_pandas(events, preserve_index=False), first, counts


def _event_keys(portfolio: Portfolio) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """Each (project, event id) of the events' columns as one number (its project's position
    among the index's ids and its id's number), sorted, with its first row (as
    Portfolio.event finds an event: the first with the id), and the ids by their numbers:
    what a batch of events is looked up in with numpy, once a version."""
    events = parts_of(portfolio.projects).events
    projects = project_numbers(portfolio, "events", events["project"])
    numbers, ids = pd.factorize(events["id"])
    keys = projects.astype(np.int64) * (len(ids) + 1) + numbers
    keys[(projects < 0) | (numbers < 0)] = -1  # of no project, or with no id: never found
    order = np.argsort(keys, kind="stable")  # a key's first row first
    ordered = keys[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(keys) else np.zeros(0, dtype=bool)
    return ordered[first], order[first], pd.Index(ids)


def events_found(
    portfolio: Portfolio, events: list[tuple[str, str]], columns: tuple[str, ...]
) -> dict[tuple[str, str], tuple]:
    """The `columns` of each of these (project id, event id), found at once among the
    events' columns as event_columns finds one (the first with the id), by key; an event not
    found is left out."""
    index = index_of(portfolio)
    table = index.once(("map.events by project",), lambda: _events_by_project(portfolio))[0]
    keys, rows, ids = index.once(("map.event keys",), lambda: _event_keys(portfolio))
    if not len(keys):
        return {}
    projects = index.id_index.get_indexer([project for project, _ in events])
    numbers = ids.get_indexer([event for _, event in events])
    wanted = projects.astype(np.int64) * (len(ids) + 1) + numbers
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    found = (projects >= 0) & (numbers >= 0) & (keys[at] == wanted)
    taken = pa.array(rows[at[found]])
    read = [table.column(column).take(taken).to_pylist() for column in columns]
    known = [key for key, here in zip(events, found.tolist(), strict=True) if here]
    return dict(zip(known, zip(*read, strict=True), strict=True))
