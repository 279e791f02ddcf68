"""Words about every figure a column at a time: the figures' columns as plain lists, each
distinct value (a project, an event, a source) written once and looked up for each row. A
row at a time through `itertuples` (pandas' Arrow strings boxed one by one) took a quarter
to a half of a second at 10,000 projects. Plain pandas, no Streamlit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.index import index_of
from lib.query.project_rows import project_numbers
from lib.text.dates import period_text
from lib.text.i18n import tr


def figure_events(portfolio: Portfolio, projects: list[str], events: list[str]) -> pd.DataFrame:
    """Each figure's event (its project's and event's ids given row by row): the columns of
    the projects' events part (title_<code>, start, end, place, online...), one row a figure
    on a range index, with `found` False and the rest missing for a figure about no event or
    an unknown one. From the parts: a lazily opened portfolio validates a project a look,
    and a funder's figures name thousands of events."""
    keys = index_of(portfolio).once(("figure_columns.event keys",), lambda: _keys(portfolio))
    at = keys.rows_of(index_of(portfolio).id_index.get_indexer(projects), events)
    table = parts_of(portfolio.projects).events
    found = table.reset_index(drop=True).reindex(at).reset_index(drop=True)
    return found.assign(found=at >= 0)


@dataclass(frozen=True)
class _EventKeys:
    """Every event as one number, its project's (the index's position) and its id's: a
    MultiIndex of the two ids held them as texts twice over (13 MB at 100,000 projects). A
    project's event ids are unique (the validator says so), so each number is one event."""

    ids: pd.Index  # the distinct event ids
    keys: np.ndarray  # the events' numbers, sorted
    rows: np.ndarray  # the row of each number's event

    def rows_of(self, projects: np.ndarray, events: list[str]) -> np.ndarray:
        """The row of each (project position, event id), -1 where there is none."""
        codes = self.ids.get_indexer(events)
        if not len(self.keys):
            return np.full(len(codes), -1, dtype=np.int64)
        wanted = projects.astype(np.int64) * len(self.ids) + codes
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        hit = (projects >= 0) & (codes >= 0) & (self.keys[at] == wanted)
        return np.where(hit, self.rows[at], -1)


def _keys(portfolio: Portfolio) -> _EventKeys:
    events = parts_of(portfolio.projects).events
    projects = project_numbers(portfolio, "events", events["project"])
    codes, ids = pd.factorize(events["id"])
    keys = projects * len(ids) + codes
    order = np.argsort(keys, kind="stable")
    return _EventKeys(pd.Index(ids, dtype=object), keys[order], order)


def event_titles(events: pd.DataFrame, language: str, missing: str = "") -> list[str]:
    """Each event's title in `language` (a language we lack reads the source language, as
    Text.get does), `missing` for a figure about no event."""
    code = language if language in LANGUAGE_CODES else SOURCE_LANGUAGE
    titles = events[f"title_{code}"].tolist()
    return [
        title if found else missing
        for title, found in zip(titles, events["found"].tolist(), strict=True)
    ]


def event_dates(events: pd.DataFrame, column: str) -> list[FuzzyDate | None]:
    """An event date column as dates (None where not stated or no event), each distinct
    text read once."""
    texts = events[column].astype(object).where(events[column].notna(), None).tolist()
    return each_distinct(lambda text: None if text is None else FuzzyDate.parse(text), texts)


def each_distinct(write: Callable[..., Any], *columns: Iterable[Any]) -> list[Any]:
    """`write(*values)` for each row of `columns`, called once for each distinct row."""
    written: dict[tuple, Any] = {}
    result = []
    for key in zip(*columns, strict=True):
        if key not in written:
            written[key] = write(*key)
        result.append(written[key])
    return result


def figures_when(rows: pd.DataFrame, events: pd.DataFrame, language: str = "en") -> list[str]:
    """figures.figure_when of each row, given each row's event (figure_events): written once
    for each distinct period and event dates."""

    def written(start: object, end: object, event_start: object, event_end: object) -> str:
        return when_text(start, end, event_start, event_end, language)

    return each_distinct(
        written,
        [_date(start) for start in rows["period_start"].tolist()],
        [_date(end) for end in rows["period_end"].tolist()],
        event_dates(events, "start"),
        event_dates(events, "end"),
    )


def when_text(
    start: object, end: object, event_start: object, event_end: object, language: str = "en"
) -> str:
    """figure_when's words from a figure's period and its event's dates (None when it has no
    event or the event states none)."""
    # pandas may hold a missing date as NaN rather than None
    start = start if isinstance(start, FuzzyDate) else None
    end = end if isinstance(end, FuzzyDate) else None
    if start is None and end is None:
        start, end = event_start, event_end
    if start is None and end is None:
        return tr(language, "date not stated")
    return period_text(start, end, language)


def _date(value: object) -> FuzzyDate | None:
    return value if isinstance(value, FuzzyDate) else None  # as when_text reads them


def column_frame(columns: dict[str, list], index: pd.Index) -> pd.DataFrame:
    """The columns as a frame on `index`, as frame_rows.FrameRows gives them (without rows,
    the columns keep the object type)."""
    frame = pd.DataFrame(columns if len(index) else None, columns=list(columns))
    return frame.set_axis(index)
