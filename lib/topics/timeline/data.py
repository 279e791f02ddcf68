"""The timeline's rows: each project, its events and the periods its figures cover, with every
date kept at the precision the report gave it. Pure: portfolio and project ids in, frames out.

A row is placed on the dated axis only when every date it has states its year; a date such as
"--06" (June of a year no report states) is listed apart, never drawn on a calendar it does
not belong to.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

import pandas as pd

from lib.model.dates import FuzzyDate
from lib.model.portfolio import Portfolio
from lib.model.schema import Event, Project
from lib.query.figure_text import value_text
from lib.query.frame_rows import FrameRows, rows_of_projects
from lib.query.index import index_of
from lib.text.dates import date_text, period_text
from lib.text.i18n import N_, tr
from lib.text.vocabulary import code_words

Placement = Literal["axis", "no_year", "no_date"]

PRECISION_WORDS = {
    "day": N_("day"),
    "month": N_("month only"),
    "year": N_("year only"),
    "month_no_year": N_("month, year not stated"),
}
# The coarser of two precisions describes a span: "2018-06 – 2018-06-22" is known to the month.
_COARSENESS = ("day", "month", "year", "month_no_year")
START_AND_END_NOT_STATED = N_("start and end not stated")

COLUMNS = [
    "project_id",
    "project",
    "colour_index",
    "kind",
    "item",
    "type",
    "date",
    "date_written",
    "precision",
    "precision_words",
    "place",
    "status",
    "status_words",
    "part_of",
    "source",
    "quote",
    "placement",
    "x_start",
    "x_end",
]


def coarsest(start: FuzzyDate | None, end: FuzzyDate | None) -> str | None:
    """The least precise of the dates given, or None when there is no date at all."""
    given = [date.precision for date in (start, end) if date is not None]
    return max(given, key=_COARSENESS.index) if given else None


def written(start: FuzzyDate | None, end: FuzzyDate | None, language: str = "en") -> str:
    """The dates in words, keeping their precision: '19 June 2018 – 22 June 2018',
    'September, year not stated', 'not stated' (never the data's '--09': readers see this)."""
    if start is not None and end is None:
        return date_text(start, language)
    if start is None and end is not None:
        return f"{tr(language, 'not stated')} – {date_text(end, language)}"
    return period_text(start, end, language)


def placement(start: FuzzyDate | None, end: FuzzyDate | None) -> Placement:
    given = [date for date in (start, end) if date is not None]
    if not given:
        return "no_date"
    return "axis" if all(date.has_year for date in given) else "no_year"


def axis_span(
    start: FuzzyDate | None, end: FuzzyDate | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first day and the day after the last (half-open, as a bar is drawn); None, None
    off the axis."""
    if placement(start, end) != "axis":
        return None, None
    first = (start or end).first_day()
    last = (end or start).last_day()
    return first, last + dt.timedelta(days=1)


def project_dates_text(project: Project, language: str = "en") -> str:
    """A project's own dates: a start without an end must not read as a one-day project."""
    if project.start is None and project.end is None:
        return tr(language, START_AND_END_NOT_STATED)
    if project.end is None:
        start = date_text(project.start, language)
        return tr(language, "started {date}; end not stated", date=start)
    if project.start is None:
        end = date_text(project.end, language)
        return tr(language, "start not stated; ended {date}", date=end)
    return period_text(project.start, project.end, language)


# A portfolio's tens of thousands of events and figures share a few thousand pairs of dates:
# what a pair says is worked out once (small tuples, so the count bounds the bytes).
@lru_cache(maxsize=32768)
def _date_fields(start: FuzzyDate | None, end: FuzzyDate | None, language: str) -> tuple:
    x_start, x_end = axis_span(start, end)
    precision = coarsest(start, end)
    words = tr(language, PRECISION_WORDS.get(precision or "", "not stated"))
    return (
        written(start, end, language),
        precision or "",
        words,
        placement(start, end),
        x_start,
        x_end,
    )


_period_text = lru_cache(maxsize=32768)(period_text)


def _row(start: FuzzyDate | None, end: FuzzyDate | None, language: str, **fields: object) -> dict:
    written_as, precision, words, placed, x_start, x_end = _date_fields(start, end, language)
    return {
        "date_written": written_as,
        "precision": precision,
        "precision_words": words,
        "placement": placed,
        "x_start": x_start,
        "x_end": x_end,
        **fields,
    }


def _project_row(portfolio: Portfolio, project: Project, base: dict, language: str) -> dict:
    cited = project.dates_source
    return _row(
        project.start,
        project.end,
        language,
        **base,
        kind="project",
        item=tr(language, "The project as a whole"),
        type=tr(language, "project"),
        date=project_dates_text(project, language),
        place="",
        status=project.status.replace("_", " "),
        status_words=code_words(project.status, language),
        part_of="",
        source=portfolio.sources[cited.source].title if cited else "",
        quote=cited.quote if cited else "",
    )


def _event_row(
    portfolio: Portfolio, event: Event, titles: dict[str, str], base: dict, language: str
) -> dict:
    if event.online:
        where = tr(language, "online")
    elif event.place:
        where = portfolio.places[event.place].names.get(language)
    else:
        where = tr(language, "not stated")
    sessions = " " + tr(language, "({n} sessions)", n=event.count) if event.count else ""
    return _row(
        event.start,
        event.end,
        language,
        **base,
        kind="event",
        item=event.title.get(language) + sessions,
        type=code_words(event.type, language),
        date=_period_text(event.start, event.end, language),
        place=where,
        status=event.status,
        status_words=code_words(event.status, language),
        part_of=titles.get(event.part_of or "", ""),
        source=portfolio.sources[event.source].title,
        quote=event.quote,
    )


def _figure_rows(portfolio: Portfolio, mine: list, base: dict, language: str) -> list[dict]:
    """Periods of one project's dated project-wide figures (rows of `portfolio.values`)."""
    rows = []
    for figure in mine:
        label = portfolio.indicators[figure.indicator].labels.get(language)
        number = value_text(figure.value, figure.precision, language, figure.fewer_than)
        rows.append(
            _row(
                figure.period_start,
                figure.period_end,
                language,
                **base,
                kind="figure",
                item=f"{label}: {number}",
                type=tr(language, "period of a figure"),
                date=_period_text(figure.period_start, figure.period_end, language),
                place=portfolio.places[figure.place].names.get(language) if figure.place else "",
                status="",
                status_words="",
                part_of="",
                source=portfolio.sources[figure.source].title,
                quote=figure.quote,
            )
        )
    return rows


def timeline_rows(
    portfolio: Portfolio, project_ids: list[str], language: str = "en"
) -> pd.DataFrame:
    """One row for each project, each of its events and each dated project-wide figure, the
    projects in the order given, each with its `colour_index` (its place in that order).

    A project's rows depend on the project and the language only: they are written out once
    a data version and language, for every project, and a filter change selects its
    projects' rows rather than writing them again."""
    every = index_of(portfolio).remember(
        ("timeline.every_row", language), lambda: _every_row(portfolio, language)
    )
    if not project_ids:
        return FrameRows(COLUMNS).frame()
    mine = rows_of_projects(every, project_ids)
    colour = pd.Index(project_ids).get_indexer(mine["project_id"])  # its place in the order
    return mine.assign(colour_index=colour)[COLUMNS]


def _every_row(portfolio: Portfolio, language: str) -> pd.DataFrame:
    # A figure about an event is already placed by its event, and a part of a total by its
    # whole, so only dated project-wide wholes are added.
    values = portfolio.values
    dated = values[
        (values["event"] == "")
        & (values["breakdown"] == "")
        & (values["period_start"].notna() | values["period_end"].notna())
    ]
    # One pass over the figures into plain tuples: a frame a project, for thousands of
    # projects, took 60 MB while the timeline was built.
    figures: dict[str, list] = {}
    for figure in dated.itertuples(index=False):
        figures.setdefault(figure.project, []).append(figure)
    rows = FrameRows(COLUMNS)  # 33,000 rows at 10,000 projects
    for project_id in sorted(portfolio.projects):
        project = portfolio.projects[project_id]
        base = {"project_id": project_id, "project": project.title.get(language), "colour_index": 0}
        titles = {event.id: event.title.get(language) for event in project.events}
        rows.add(_project_row(portfolio, project, base, language))
        for event in project.events:
            rows.add(_event_row(portfolio, event, titles, base, language))
        for row in _figure_rows(portfolio, figures.get(project_id, []), base, language):
            rows.add(row)
    return rows.frame()


def projects_off_axis(rows: pd.DataFrame) -> list[str]:
    """Titles of projects with nothing that can be placed on the dated axis."""
    on_axis = set(rows.loc[rows["placement"] == "axis", "project_id"])
    return list(dict.fromkeys(rows.loc[~rows["project_id"].isin(on_axis), "project"]))


def projects_on_axis(rows: pd.DataFrame) -> list[str]:
    """Ids of the projects with something placed on the dated axis, in the rows' order."""
    return list(dict.fromkeys(rows.loc[rows["placement"] == "axis", "project_id"]))
