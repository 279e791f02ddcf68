"""Words about every figure a column at a time: the figures' columns as plain lists, each
distinct value (a project, an event, a source) written once and looked up for each row. A
row at a time through `itertuples` (pandas' Arrow strings boxed one by one) took a quarter
to a half of a second at 10,000 projects. Plain pandas, no Streamlit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from lib.model.dates import FuzzyDate
from lib.model.portfolio import Portfolio
from lib.model.schema import Event
from lib.query.figures import when_text


def figure_events(
    portfolio: Portfolio, projects: list[str], events: list[str]
) -> list[Event | None]:
    """Each figure's event (None for a figure about no event, or about an unknown one)."""
    # a project has a few events: looking among them beats a look-up table of every event
    return [
        portfolio.event(project, event) if event else None
        for project, event in zip(projects, events, strict=True)
    ]


def each_distinct(write: Callable[..., Any], *columns: Iterable[Any]) -> list[Any]:
    """`write(*values)` for each row of `columns`, called once for each distinct row."""
    written: dict[tuple, Any] = {}
    result = []
    for key in zip(*columns, strict=True):
        if key not in written:
            written[key] = write(*key)
        result.append(written[key])
    return result


def figures_when(rows: pd.DataFrame, events: list[Event | None], language: str = "en") -> list[str]:
    """figures.figure_when of each row, given each row's event: written once for each
    distinct period and event."""
    written: dict[tuple, str] = {}
    result = []
    for start, end, event in zip(
        rows["period_start"].tolist(), rows["period_end"].tolist(), events, strict=True
    ):
        start = start if isinstance(start, FuzzyDate) else None  # as when_text reads them
        end = end if isinstance(end, FuzzyDate) else None
        key = (start, end, id(event))  # the portfolio's events outlive the call
        if key not in written:
            written[key] = when_text(start, end, event, language)
        result.append(written[key])
    return result


def column_frame(columns: dict[str, list], index: pd.Index) -> pd.DataFrame:
    """The columns as a frame on `index`, as frame_rows.FrameRows gives them (without rows,
    the columns keep the object type)."""
    frame = pd.DataFrame(columns if len(index) else None, columns=list(columns))
    return frame.set_axis(index)
