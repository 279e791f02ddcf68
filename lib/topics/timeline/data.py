"""The timeline's rows: each project, its events and the periods its figures cover, with every
date kept at the precision the report gave it. Pure: portfolio and project ids in, frames out.

A row is placed on the dated axis only when every date it has states its year; a date such as
"--06" (June of a year no report states) is listed apart, never drawn on a calendar it does
not belong to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.dates import FuzzyDate
from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.index import index_of
from lib.query.project_rows import positions_of
from lib.topics.timeline.dates import (
    START_AND_END_NOT_STATED as START_AND_END_NOT_STATED,
)
from lib.topics.timeline.dates import coarsest as coarsest
from lib.topics.timeline.dates import written as written
from lib.topics.timeline.row_words import COLUMNS, row_words

PLACE_COLUMNS = ["project_id", "kind", "ref", "placement", "colour_index"]


def timeline_rows(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> pd.DataFrame:
    """One row for each project, each of its events and each dated project-wide figure, the
    projects in the order given, each with its `colour_index` (its place in that order).

    A project's rows depend on the project and the language only: they are written out once
    a data version and language, for every project, and a filter change selects its
    projects' rows rather than writing them again. A page that shows only some rows' words
    selects `timeline_places` and writes those rows' words (row_words.row_words)."""
    placed = _placed(portfolio)
    every = index_of(portfolio).once(
        ("timeline.every_row", language),
        lambda: row_words(portfolio, placed.rows(np.arange(len(placed.owners))), language),
    )
    if not project_ids:
        return pd.DataFrame(None, columns=COLUMNS)  # object columns, as frame_rows gives
    at, colour = placed.chosen(project_ids)
    mine = every.take(at).reset_index(drop=True)
    return mine.assign(colour_index=colour)[COLUMNS]


def timeline_places(portfolio: Portfolio, project_ids: Sequence[str]) -> pd.DataFrame:
    """timeline_rows' rows without their words: `project_id`, `kind`, `placement`,
    `colour_index`, and `ref` for row_words (the same rows, in the same order)."""
    if not project_ids:
        return pd.DataFrame(None, columns=PLACE_COLUMNS)  # object columns, as frame_rows gives
    placed = _placed(portfolio)
    # a filter's selection has its projects' places among the ids kept with it: 78,000 ids
    # are not looked up again (ids of no project, which have none, are looked up here)
    found = positions_of(portfolio, project_ids)
    at, colour = placed.chosen(project_ids, found if len(found) == len(project_ids) else None)
    return placed.rows(at).assign(colour_index=colour)


@dataclass(frozen=True)
class _Placed:
    """Every project's rows (_every_place) as numbers: whose each row is (its project's
    place in `ids`, so a filter change picks the rows of 78,000 projects by numbers, not by
    matching their ids' texts row by row: a quarter of a second at 100,000 projects), what
    it is and where it is placed. The texts are written for the rows a selection takes:
    kept for every row, they were 20 MB of a replica at 100,000 projects."""

    ids: pd.Index  # every project's id, sorted, as the rows are
    id_texts: pa.Array  # the same ids
    owners: np.ndarray  # each row's project's place in `ids`
    kinds: np.ndarray  # each row's place in _KINDS
    refs: np.ndarray  # -1 for a project's own row, an event's `at`, a figure's row
    placements: np.ndarray  # each row's place in _PLACEMENTS

    def chosen(
        self, project_ids: Sequence[str], found: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The rows of the projects, in the order of `project_ids` and each project's rows
        in theirs; and each one's project's place in `project_ids` (its colour_index).
        `found`: the projects' places in `ids`, when known (every one of them there)."""
        if found is None:
            found = self.ids.get_indexer(project_ids)
        chosen = np.full(len(self.ids), -1, dtype=np.int64)  # each project's place in the order
        known = found >= 0
        chosen[found[known]] = np.flatnonzero(known)
        colour = chosen[self.owners]
        at = np.flatnonzero(colour >= 0)
        if not (np.diff(colour[at]) >= 0).all():  # the filters give the ids' order already
            at = at[np.argsort(colour[at], kind="stable")]
        return at, colour[at]

    def rows(self, at: np.ndarray) -> pd.DataFrame:
        """The rows `at`, with PLACE_COLUMNS (colour_index 0), on a range index."""
        return pd.DataFrame(
            {
                "project_id": _texts(self.id_texts, self.owners[at]),
                "kind": _texts(_KINDS, self.kinds[at]),
                "ref": self.refs[at],
                "placement": _texts(_PLACEMENTS, self.placements[at]),
                "colour_index": 0,
            }
        )


def _placed(portfolio: Portfolio) -> _Placed:
    def place() -> _Placed:
        index = index_of(portfolio)  # its ids are the projects' ids, sorted
        ids = pa.array(index.ids, type=pa.string())
        return _Placed(index.id_index, ids, *_every_place(portfolio))

    return index_of(portfolio).once(("timeline.every_place",), place)


def _every_place(
    portfolio: Portfolio,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every project's rows, the projects in the order of their ids, each project's own row
    first, then its events, then its dated figures: each row's project's place in the sorted
    ids, its kind, its ref and where it is placed (_Placed). Worked out in arrays, not row by
    row: a first visit at 100,000 projects places 400,000 rows."""
    # A figure about an event is already placed by its event, and a part of a total by its
    # whole, so only dated project-wide wholes are added.
    values = portfolio.values
    dated = values[
        (values["event"] == "")
        & (values["breakdown"] == "")
        & (values["period_start"].notna() | values["period_end"].notna())
    ]
    ids = sorted(portfolio.projects)
    if not ids:
        nothing = np.zeros(0, dtype=np.int64)
        return nothing, nothing, nothing, nothing
    places = pd.Index(ids, dtype=object)
    # the projects' and events' dates as their parts write them (a walk over the projects'
    # objects validates each one from a snapshot)
    parts = parts_of(portfolio.projects)
    events = parts.events
    dated = dated[is_in(dated["project"], ids)]
    owners = np.concatenate(
        [
            np.arange(len(ids)),
            places.get_indexer(events["project"].to_numpy(dtype=object)),
            places.get_indexer(dated["project"].to_numpy(dtype=object)),
        ]
    )
    kinds = np.repeat(np.arange(3), [len(ids), len(events), len(dated)])
    refs = np.concatenate(
        [
            np.full(len(ids), -1, dtype=np.int64),
            events["at"].to_numpy(dtype=np.int64),
            dated.index.to_numpy(dtype=np.int64),
        ]
    )
    placed = np.concatenate(
        [
            _placements(parts.projects["start"], parts.projects["end"], FuzzyDate.parse),
            _placements(events["start"], events["end"], FuzzyDate.parse),
            _placements(dated["period_start"], dated["period_end"], lambda date: date),
        ]
    )
    # the blocks (projects, events, figures) are each in the order of the projects: a stable
    # sort by project puts each project's own row, events and figures together, in that order
    order = np.argsort(owners, kind="stable")
    return owners[order], kinds[order], refs[order], placed[order]


_KINDS = pa.array(["project", "event", "figure"])
_PLACEMENTS = pa.array(["axis", "no_year", "no_date"])  # as dates.placement names them


def _texts(names: pa.Array, at: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """names[at] as a text column, made in Arrow (from a list of 400,000 Python strings it
    took a quarter of a second)."""
    return pd.array(names.take(at), dtype="str")


def _placements(starts: pd.Series, ends: pd.Series, read: Callable) -> np.ndarray:
    """Where each (start, end) is placed, as a place in _PLACEMENTS: as dates.placement
    places it (on the axis when every date given states its year, no_date when none is
    given), each distinct date `read` once."""
    start_given, start_yearless = _yearless(starts, read)
    end_given, end_yearless = _yearless(ends, read)
    return np.where(~(start_given | end_given), 2, np.where(start_yearless | end_yearless, 1, 0))


def _yearless(dates: pd.Series, read: Callable) -> tuple[np.ndarray, np.ndarray]:
    """Whether each date is given, and whether it is given without a year."""
    codes, distinct = pd.factorize(dates)  # a missing date's code is -1
    yearless = [read(date).year is None for date in distinct]
    return codes >= 0, np.array([*yearless, False], dtype=bool)[codes]


def projects_off_axis(rows: pd.DataFrame) -> list[str]:
    """Titles of projects with nothing that can be placed on the dated axis."""
    on_axis = set(rows.loc[rows["placement"] == "axis", "project_id"])
    return list(dict.fromkeys(rows.loc[~rows["project_id"].isin(on_axis), "project"]))


def drawn_rows(
    portfolio: Portfolio, rows: pd.DataFrame, focus: str | None, drawn: list[str], language: str
) -> pd.DataFrame:
    """The chart's rows, with their words: the `focus` project's (every row when it has none:
    the chart's own rule), else the `drawn` projects'."""
    if not focus:
        chosen = rows[is_in(rows["project_id"], drawn)]
    else:
        focused = (rows["project_id"] == focus).to_numpy()
        chosen = rows[focused] if focused.any() else rows
    return row_words(portfolio, chosen, language)


def projects_off_axis_ids(rows: pd.DataFrame) -> list[str]:
    """Ids of the projects with nothing placed on the dated axis, in the rows' order."""
    colours = rows["colour_index"].to_numpy(dtype=np.int64)
    axis = (rows["placement"] == "axis").to_numpy(dtype=bool)
    dated = np.zeros(colours.max(initial=-1) + 1, dtype=bool)
    dated[colours[axis]] = True
    return _first_of_each(rows, colours, ~dated[colours])


def projects_on_axis(rows: pd.DataFrame) -> list[str]:
    """Ids of the projects with something placed on the dated axis, in the rows' order."""
    colours = rows["colour_index"].to_numpy(dtype=np.int64)
    return _first_of_each(rows, colours, (rows["placement"] == "axis").to_numpy(dtype=bool))


def _first_of_each(rows: pd.DataFrame, colours: np.ndarray, mask: np.ndarray) -> list[str]:
    """The project id of each of the `mask`ed rows' projects, in the order of first sight. A
    project's colour_index (its place in the selection) is one a project: it is matched as a
    number, not as the id's text (a second over 78,000 ids, an element at a time)."""
    at = np.flatnonzero(mask)
    _, first = np.unique(colours[at], return_index=True)
    return rows["project_id"].iloc[at[np.sort(first)]].tolist()
