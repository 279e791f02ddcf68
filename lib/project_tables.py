"""Tables for the project list and a project's own page: names, roles and dates as written."""

from __future__ import annotations

import pandas as pd

from lib.date_text import date_text, period_text
from lib.portfolio import Portfolio


def project_list(
    portfolio: Portfolio, project_ids: list[str], language: str = "en"
) -> pd.DataFrame:
    """One row a project: title, status, dates, cities, funders."""
    rows = []
    for project_id in project_ids:
        project = portfolio.projects[project_id]
        places = dict.fromkeys(
            portfolio.places[e.place].names.get(language) for e in project.places
        )
        funders = dict.fromkeys(
            portfolio.organisations[f.funder].names.get(language) for f in project.funding
        )
        rows.append(
            {
                "id": project_id,
                "title": project.title.get(language),
                "status": project.status.replace("_", " "),
                "dates": period_text(project.start, project.end),
                "places": ", ".join(places),
                "funders": ", ".join(funders),
                "events": len(project.events),
            }
        )
    return pd.DataFrame(rows)


def project_events(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    project = portfolio.projects[project_id]
    titles = {event.id: event.title.get(language) for event in project.events}
    rows = [
        {
            "event": event.title.get(language),
            "type": event.type.replace("_", " "),
            "dates": period_text(event.start, event.end),
            "where": "online"
            if event.online
            else (
                portfolio.places[event.place].names.get(language) if event.place else "not stated"
            ),
            "sessions": event.count,
            "status": event.status,
            "part of": titles.get(event.part_of or "", ""),
            "quote": event.quote,
        }
        for event in project.events
    ]
    frame = pd.DataFrame(rows)
    if len(frame):
        frame["sessions"] = frame["sessions"].astype("Int64")
    return frame


def project_funding(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    rows = []
    for funding in portfolio.projects[project_id].funding:
        programme = portfolio.programmes.get(funding.programme or "")
        amount = (
            f"{funding.amount.value:,.0f} {funding.amount.currency}"
            if funding.amount
            else "not reported"
        )
        rows.append(
            {
                "funder": portfolio.organisations[funding.funder].names.get(language),
                "programme": programme.names.get(language) if programme else "not stated",
                "grant reference": funding.grant_reference or "not stated",
                "amount": amount,
                "co-funded": "yes" if funding.co_funded else "",
                "quote": funding.quote,
            }
        )
    return pd.DataFrame(rows)


def start_and_end(portfolio: Portfolio, project_id: str) -> str:
    project = portfolio.projects[project_id]
    if project.start is None and project.end is None:
        return "Start and end not stated"
    return f"Start: {date_text(project.start)} · End: {date_text(project.end)}"
