"""The timeline's rows: each project, its events and the periods its figures cover, with every
date kept at the precision the report gave it. Pure: portfolio and project ids in, frames out.

A row is placed on the dated axis only when every date it has states its year; a date such as
"--06" (June of a year no report states) is listed apart, never drawn on a calendar it does
not belong to.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pandas as pd

from lib.date_text import date_text, period_text
from lib.dates import FuzzyDate
from lib.people_tables import value_text
from lib.portfolio import Portfolio
from lib.schema import Event, Project

Placement = Literal["axis", "no_year", "no_date"]

PRECISION_WORDS = {
    "day": "day",
    "month": "month only",
    "year": "year only",
    "month_no_year": "month, year not stated",
}
# The coarser of two precisions describes a span: "2018-06 – 2018-06-22" is known to the month.
_COARSENESS = ("day", "month", "year", "month_no_year")
START_AND_END_NOT_STATED = "start and end not stated"

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
    "part_of",
    "source",
    "quote",
    "placement",
    "x_start",
    "x_end",
]

TABLE_COLUMNS = {
    "project": "Project",
    "item": "What",
    "type": "Type",
    "date": "Date",
    "date_written": "Date as written",
    "precision_words": "Known to",
    "place": "Place",
    "status": "Status",
    "part_of": "Part of",
    "source": "Source",
    "quote": "Quote",
}


def coarsest(start: FuzzyDate | None, end: FuzzyDate | None) -> str | None:
    """The least precise of the dates given, or None when there is no date at all."""
    given = [date.precision for date in (start, end) if date is not None]
    return max(given, key=_COARSENESS.index) if given else None


def written(start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    """The dates in the data's own notation: '2018-06-19 – 2018-06-22', '--06', 'not stated'."""
    if start is None and end is None:
        return "not stated"
    if start is None:
        return f"not stated – {end}"
    if end is None or end == start:
        return str(start)
    return f"{start} – {end}"


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


def project_dates_text(project: Project) -> str:
    """A project's own dates: a start without an end must not read as a one-day project."""
    if project.start is None and project.end is None:
        return START_AND_END_NOT_STATED
    if project.end is None:
        return f"started {date_text(project.start)}; end not stated"
    if project.start is None:
        return f"start not stated; ended {date_text(project.end)}"
    return period_text(project.start, project.end)


def _row(start: FuzzyDate | None, end: FuzzyDate | None, **fields: object) -> dict:
    x_start, x_end = axis_span(start, end)
    precision = coarsest(start, end)
    return {
        "date_written": written(start, end),
        "precision": precision or "",
        "precision_words": PRECISION_WORDS.get(precision or "", "not stated"),
        "placement": placement(start, end),
        "x_start": x_start,
        "x_end": x_end,
        **fields,
    }


def _project_row(portfolio: Portfolio, project: Project, base: dict) -> dict:
    cited = project.dates_source
    return _row(
        project.start,
        project.end,
        **base,
        kind="project",
        item="The project as a whole",
        type="project",
        date=project_dates_text(project),
        place="",
        status=project.status.replace("_", " "),
        part_of="",
        source=portfolio.sources[cited.source].title if cited else "",
        quote=cited.quote if cited else "",
    )


def _event_row(
    portfolio: Portfolio, event: Event, titles: dict[str, str], base: dict, language: str
) -> dict:
    if event.online:
        where = "online"
    elif event.place:
        where = portfolio.places[event.place].names.get(language)
    else:
        where = "not stated"
    sessions = f" ({event.count} sessions)" if event.count else ""
    return _row(
        event.start,
        event.end,
        **base,
        kind="event",
        item=event.title.get(language) + sessions,
        type=event.type.replace("_", " "),
        date=period_text(event.start, event.end),
        place=where,
        status=event.status,
        part_of=titles.get(event.part_of or "", ""),
        source=portfolio.sources[event.source].title,
        quote=event.quote,
    )


def _figure_rows(portfolio: Portfolio, mine: pd.DataFrame, base: dict, language: str) -> list[dict]:
    """Periods of the project-wide figures. A figure about an event is already placed by its
    event, and a part of a total by its whole, so only dated project-wide wholes are added."""
    rows = []
    for figure in mine.itertuples(index=False):
        if figure.period_start is None and figure.period_end is None:
            continue
        label = portfolio.indicators[figure.indicator].labels.get(language)
        rows.append(
            _row(
                figure.period_start,
                figure.period_end,
                **base,
                kind="figure",
                item=f"{label}: {value_text(figure.value, figure.precision)}",
                type="period of a figure",
                date=period_text(figure.period_start, figure.period_end),
                place=portfolio.places[figure.place].names.get(language) if figure.place else "",
                status="",
                part_of="",
                source=portfolio.sources[figure.source].title,
                quote=figure.quote,
            )
        )
    return rows


def timeline_rows(
    portfolio: Portfolio, project_ids: list[str], language: str = "en"
) -> pd.DataFrame:
    """One row for each project, each of its events and each dated project-wide figure."""
    values = portfolio.values
    wholes = values[(values["event"] == "") & (values["breakdown"] == "")]
    wanted = set(project_ids)
    # One pass over the figures, not one a project: a portfolio has thousands of projects.
    figures = {
        project_id: mine
        for project_id, mine in wholes[wholes["project"].isin(wanted)].groupby("project")
    }
    no_figures = wholes.iloc[0:0]
    rows: list[dict] = []
    for index, project_id in enumerate(project_ids):
        project = portfolio.projects[project_id]
        base = {
            "project_id": project_id,
            "project": project.title.get(language),
            "colour_index": index,
        }
        titles = {event.id: event.title.get(language) for event in project.events}
        rows.append(_project_row(portfolio, project, base))
        rows += [_event_row(portfolio, event, titles, base, language) for event in project.events]
        rows += _figure_rows(portfolio, figures.get(project_id, no_figures), base, language)
    return pd.DataFrame(rows, columns=COLUMNS)


# In the short tables the date leads: on a phone only the first columns are in view.
_DATE_FIRST = ["item", "date", "date_written", "project"]


def readable_table(rows: pd.DataFrame, first: list[str] | None = None) -> pd.DataFrame:
    """The rows as a reader sees them, with column names in words; `first` columns lead."""
    order = list(dict.fromkeys([*(first or []), *TABLE_COLUMNS]))
    return rows[order].rename(columns=TABLE_COLUMNS).reset_index(drop=True)


def without_year(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows whose date names a month but no year: kept off the dated axis."""
    return readable_table(rows[rows["placement"] == "no_year"], _DATE_FIRST)


def without_date(rows: pd.DataFrame) -> pd.DataFrame:
    """Events the reports describe without any date."""
    no_date = rows[(rows["placement"] == "no_date") & (rows["kind"] == "event")]
    return readable_table(no_date, _DATE_FIRST)


def projects_off_axis(rows: pd.DataFrame) -> list[str]:
    """Titles of projects with nothing that can be placed on the dated axis."""
    on_axis = set(rows.loc[rows["placement"] == "axis", "project_id"])
    return list(dict.fromkeys(rows.loc[~rows["project_id"].isin(on_axis), "project"]))
