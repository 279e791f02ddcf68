"""The words of the Timeline's rows (lib/topics/timeline/data.py places them): for the rows
given, their project's title, what each is, its dates in words, its place, status and source.
Written a kind and a column at a time, each distinct code, place and source once; and only
for the rows asked for: a first visit draws twenty projects and three tables' first rows, not
a portfolio's 33,000 rows. Pure: portfolio and rows in, a frame out."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.figure_columns import each_distinct
from lib.query.figure_text import value_text
from lib.query.frame_rows import rows_at
from lib.query.index import index_of
from lib.query.names import project_titles, report_titles
from lib.query.project_rows import project_numbers
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
    """The rows of the projects themselves, from the projects' columns: a snapshot would
    validate every project a walk of the objects reads (ten seconds at 10,000 projects)."""
    every = parts_of(portfolio.projects).projects
    rows = rows_at(every, index_of(portfolio).id_index.get_indexer(ids))  # as the ids
    starts, ends = _dates(rows["start"]), _dates(rows["end"])
    statuses = rows["status"].tolist()
    titles, reports = project_titles(portfolio, language), report_titles(portfolio)
    count = len(ids)
    columns = {
        "project_id": ids,
        "project": [titles[pid] for pid in ids],
        "colour_index": [0] * count,
        "kind": ["project"] * count,
        "item": [tr(language, "The project as a whole")] * count,
        "type": [tr(language, "project")] * count,
        "date": each_distinct(
            lambda start, end: project_dates_text(start, end, language), starts, ends
        ),
        "place": [""] * count,
        "status": each_distinct(lambda status: status.replace("_", " "), statuses),
        "status_words": each_distinct(lambda status: code_words(status, language), statuses),
        "part_of": [""] * count,
        "source": each_distinct(
            lambda source: reports[source] if source else "",
            _texts(rows["dates_source"]),
        ),
        "quote": [quote or "" for quote in _texts(rows["dates_quote"])],
    }
    return _with_dates(columns, starts, ends, language)


def _event_columns(
    portfolio: Portfolio, owners: list[str], places: list[int], language: str
) -> dict[str, list]:
    """The rows of events, each given by its project and its place in the project's events,
    from the events' columns (no project validated)."""
    every = parts_of(portfolio.projects).events
    rows = rows_at(every, _event_positions(portfolio, owners, places))
    title = f"title_{_code(language)}"
    sessions = each_distinct(
        lambda n: " " + tr(language, "({n} sessions)", n=n) if n else "", _texts(rows["count"])
    )
    statuses = rows["status"].tolist()
    titles, reports = project_titles(portfolio, language), report_titles(portfolio)
    count = len(owners)
    columns = {
        "project_id": owners,
        "project": [titles[pid] for pid in owners],
        "colour_index": [0] * count,
        "kind": ["event"] * count,
        "item": [name + more for name, more in zip(rows[title].tolist(), sessions, strict=True)],
        "type": each_distinct(lambda kind: code_words(kind, language), rows["type"].tolist()),
        "place": each_distinct(
            lambda online, place: _where(portfolio, online, place, language),
            rows["online"].tolist(),
            _texts(rows["place"]),
        ),
        "status": statuses,
        "status_words": each_distinct(lambda status: code_words(status, language), statuses),
        "part_of": _part_of_titles(portfolio, owners, _texts(rows["part_of"]), title),
        "source": each_distinct(lambda source: reports[source], rows["source"].tolist()),
        "quote": rows["quote"].tolist(),
    }
    starts, ends = _dates(rows["start"]), _dates(rows["end"])
    columns["date"] = [
        period_text(start, end, language) for start, end in zip(starts, ends, strict=True)
    ]
    return _with_dates(columns, starts, ends, language)


def _event_spans(portfolio: Portfolio) -> tuple[np.ndarray, np.ndarray]:
    """Where each project's first event's row is (a project's events are together, in its
    file's order) and how many it has, by the project's position among the index's sorted ids;
    one more slot, (-1, 0), for an id not among them. Worked out once a version (at 100,000
    projects, on every call, it took a third of a second of each table); on the projects'
    numbers, arrays of 100,000 numbers, where the ids as an index of texts held two copies of
    them (13 MB)."""

    def find() -> tuple[np.ndarray, np.ndarray]:
        events = parts_of(portfolio.projects).events
        numbers = project_numbers(portfolio, "events", events["project"])
        first = np.full(len(index_of(portfolio).ids) + 1, -1, dtype=np.int64)
        count = np.zeros(len(first), dtype=np.int64)
        found, at, many = np.unique(numbers, return_index=True, return_counts=True)
        known = found >= 0  # -1: a row of no project of the index
        first[found[known]], count[found[known]] = at[known], many[known]
        return first, count

    return index_of(portfolio).once(("timeline.event spans",), find)


def _event_positions(portfolio: Portfolio, owners: list[str], places: list[int]) -> np.ndarray:
    """Where each (project, place in its events) is in the events' rows: its project's first
    row plus the place."""
    first = _event_spans(portfolio)[0][index_of(portfolio).id_index.get_indexer(owners)]
    return first + np.asarray(places, dtype=np.int64)


def _events_of(portfolio: Portfolio, ids: list[str]) -> np.ndarray:
    """The rows of every event of the projects `ids`, ascending: their projects' spans, not
    a look at each of a portfolio's hundreds of thousands of events."""
    first, count = _event_spans(portfolio)
    at = index_of(portfolio).id_index.get_indexer(ids)
    starts, many = first[at], count[at]
    # each row's step into its project's span: 0, 1, ... from where the span's rows begin
    steps = np.arange(int(many.sum())) - np.repeat(np.cumsum(many) - many, many)
    return np.sort(np.repeat(starts, many) + steps)


def _part_of_titles(
    portfolio: Portfolio, owners: list[str], part_of: list[str | None], title: str
) -> list[str]:
    """The title of the event of the same project that each row's event is part of ("" for
    none); the titles of only the projects' events that hold parts are read."""
    wholes = {owner for owner, whole in zip(owners, part_of, strict=True) if whole}
    if not wholes:
        return [""] * len(owners)
    events = parts_of(portfolio.projects).events
    theirs = rows_at(events, _events_of(portfolio, sorted(wholes)))
    named = dict(
        zip(
            zip(theirs["project"].tolist(), theirs["id"].tolist(), strict=True),
            theirs[title].tolist(),
            strict=True,
        )
    )
    return [
        named.get((owner, whole), "") if whole else ""
        for owner, whole in zip(owners, part_of, strict=True)
    ]


def _code(language: str) -> str:
    """The language whose columns hold the words: a code we lack reads the source language,
    as Text.get does."""
    return language if language in LANGUAGE_CODES else SOURCE_LANGUAGE


def _texts(column: pd.Series) -> list:
    """The column's values as a list, None where missing."""
    return column.to_numpy(dtype=object, na_value=None).tolist()


def _dates(column: pd.Series) -> list[FuzzyDate | None]:
    """Dates written as text (None where not given), each distinct text read once."""
    texts = _texts(column)
    read = {text: FuzzyDate.parse(text) for text in set(texts) if text is not None}
    return [read[text] if text is not None else None for text in texts]


def _where(portfolio: Portfolio, online: bool, place: str | None, language: str) -> str:
    if online:
        return tr(language, "online")
    if place:
        return portfolio.places[place].names.get(language)
    return tr(language, "not stated")


def _figure_columns(portfolio: Portfolio, labels: list[int], language: str) -> dict[str, list]:
    """The rows of dated project-wide figures, given by their labels in `portfolio.values`."""
    values = portfolio.values
    dated = rows_at(values, values.index.get_indexer(labels))
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
    reports = report_titles(portfolio)  # the reports' table's column, no report validated
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
        "source": each_distinct(lambda source: reports[source], dated["source"].tolist()),
        "quote": dated["quote"].tolist(),
    }
    return _with_dates(columns, starts, ends, language)
