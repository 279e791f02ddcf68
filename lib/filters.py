"""Which projects and figures the current filters select; plain Python, no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.portfolio import Portfolio


@dataclass(frozen=True)
class Filters:
    """An empty tuple means "all"; `years` None means any year, including unstated ones."""

    countries: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    projects: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return self != Filters()


def project_years(portfolio: Portfolio, project_id: str) -> set[int]:
    """Every year a project's dates, events or figures state; empty when none is stated."""
    project = portfolio.projects[project_id]
    dates = [project.start, project.end]
    dates += [date for event in project.events for date in (event.start, event.end)]
    rows = portfolio.values[portfolio.values["project"] == project_id]
    dates += list(rows["period_start"]) + list(rows["period_end"])
    return {date.year for date in dates if date is not None and date.year is not None}


def year_bounds(portfolio: Portfolio) -> tuple[int, int] | None:
    years = {
        year for project_id in portfolio.projects for year in project_years(portfolio, project_id)
    }
    return (min(years), max(years)) if years else None


def programme_chain(portfolio: Portfolio, programme_id: str | None) -> list[str]:
    """Ids from the top programme down to `programme_id`: a measure's programme and strand
    first. A project funded under a measure is funded under its strand and programme too."""
    chain: list[str] = []
    while programme_id and programme_id not in chain:
        chain.insert(0, programme_id)
        programme_id = portfolio.programmes[programme_id].parent
    return chain


def _matches(portfolio: Portfolio, project_id: str, filters: Filters) -> bool:
    project = portfolio.projects[project_id]
    places = {entry.place for entry in project.places}
    countries = {portfolio.places[place].country for place in places}
    funders = {funding.funder for funding in project.funding}
    programmes: set[str] = set()
    for funding in project.funding:
        programmes.update(programme_chain(portfolio, funding.programme))
    if filters.projects and project_id not in filters.projects:
        return False
    if filters.countries and not countries & set(filters.countries):
        return False
    if filters.cities and not places & set(filters.cities):
        return False
    if filters.funders and not funders & set(filters.funders):
        return False
    if filters.programmes and not programmes & set(filters.programmes):
        return False
    if filters.years is not None:
        low, high = filters.years
        if not any(low <= year <= high for year in project_years(portfolio, project_id)):
            return False
    return True


def selected_projects(portfolio: Portfolio, filters: Filters) -> list[str]:
    """Ids of the projects the filters select, sorted."""
    return [pid for pid in sorted(portfolio.projects) if _matches(portfolio, pid, filters)]


def undated_projects(portfolio: Portfolio, filters: Filters) -> list[str]:
    """Projects a year filter leaves out only because no report states their year."""
    if filters.years is None:
        return []
    without_years = Filters(**{**filters.__dict__, "years": None})
    return [
        pid
        for pid in selected_projects(portfolio, without_years)
        if not project_years(portfolio, pid)
    ]


def selected_values(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    """The figures of the selected projects, with a `counts_in_total` column.

    Without a city filter the wholes count and their parts do not (they are inside the
    wholes). With a city filter, a figure broken down by city counts through its parts from
    the selected cities; one that is not broken down counts whole where its event took place
    in a selected city. Other figures are left out, because no report ties them to a city
    (a project-wide 518 is not "518 in Kumanovo"): `city_unattributed` lists them.
    """
    projects = selected_projects(portfolio, filters)
    frame = portfolio.values[portfolio.values["project"].isin(projects)]
    frame = frame.assign(venue=[_venue(portfolio, row) for row in frame.itertuples()])
    is_whole = frame["breakdown"] == ""
    if not filters.cities:
        return frame.assign(counts_in_total=is_whole)
    cities = set(filters.cities)
    broken_down = _groups(frame).isin(set(_groups(frame[~is_whole])))
    keep = (~is_whole & frame["place"].isin(cities)) | (
        is_whole & ~broken_down & frame["venue"].isin(cities)
    )
    return frame[keep].assign(counts_in_total=True)


def city_unattributed(portfolio: Portfolio, filters: Filters) -> pd.DataFrame:
    """Figures of the selected projects that a city filter leaves out because they are
    neither broken down by city nor tied to an event in a city."""
    if not filters.cities:
        return portfolio.values.iloc[0:0]
    projects = tuple(selected_projects(portfolio, filters))
    frame = selected_values(portfolio, Filters(projects=projects))
    broken_down = _groups(frame).isin(set(_groups(frame[frame["breakdown"] != ""])))
    return frame[(frame["breakdown"] == "") & (frame["venue"] == "") & ~broken_down]


def _groups(frame: pd.DataFrame) -> pd.Series:
    """The key that ties a whole to its parts, as the validator's part-whole check does."""
    periods = frame["period_start"].astype(str) + "|" + frame["period_end"].astype(str)
    return frame["project"] + "|" + frame["event"] + "|" + frame["indicator"] + "|" + periods


def _venue(portfolio: Portfolio, row: object) -> str:
    if not row.event:
        return ""
    event = portfolio.event(row.project, row.event)
    return (event.place or "") if event else ""
