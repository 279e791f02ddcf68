"""Tables for the project list and a project's own page: names, roles and dates as written."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.model.schema import Project
from lib.query.citations import project_uses, use_headers
from lib.query.frame_rows import FrameRows
from lib.query.limits import TABLE_ROWS, table_head
from lib.query.names import inferred_mark
from lib.query.project_words import project_words
from lib.text.dates import date_text, period_text
from lib.text.i18n import N_, format_number, tr
from lib.text.vocabulary import code_words
from lib.topics.funding.line_words import amount_text

# Column names: in English as they always were (links and tests name them), else translated.
# A table's number leads (on a phone the first columns are the ones in view).
LIST_COLUMNS = {
    "events": N_("events"),
    "title": N_("title"),
    "status": N_("status"),
    "dates": N_("dates"),
    "places": N_("places"),
    "funders": N_("funders"),
}
EVENT_COLUMNS = {
    "sessions": N_("sessions"),
    "event": N_("event"),
    "type": N_("type"),
    "dates": N_("dates"),
    "where": N_("where"),
    "status": N_("status"),
    "part of": N_("part of"),
    "quote": N_("quote"),
}
ORGANISATION_COLUMNS = {
    "organisation": N_("organisation"),
    "role": N_("role"),
    "quote": N_("quote"),
}
FUNDING_COLUMNS = {
    "amount": N_("amount"),
    "funder": N_("funder"),
    "programme": N_("programme"),
    "grant reference": N_("grant reference"),
    "co-funded": N_("co-funded"),
    "quote": N_("quote"),
}


def _headed(frame: pd.DataFrame, columns: dict[str, str], language: str) -> pd.DataFrame:
    """The frame's `columns` in their order (others, such as an id, first), with their names
    in words of `language` (an empty frame keeps its names)."""
    if len(frame):
        frame = frame[[c for c in frame.columns if c not in columns] + list(columns)]
    return frame.rename(columns={key: tr(language, name) for key, name in columns.items()})


def project_list(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> pd.DataFrame:
    """One row a project, in the order of `project_ids`: title, status, dates, cities,
    funders. For the CSV download, built when someone clicks: the page shows the first rows
    (project_list_head)."""
    if not project_ids:
        return _headed(pd.DataFrame(), LIST_COLUMNS, language)
    return _headed(_rows(portfolio, project_ids, language), LIST_COLUMNS, language)


def project_list_head(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> tuple[pa.Table, str]:
    """The list's first rows as the page shows them (limits.table_head), their words written
    for those rows alone, and the note of how many it leaves out."""
    shown = project_list(portfolio, project_ids[:TABLE_ROWS], language).drop(columns="id")
    return table_head(shown, tr(language, "projects"), language=language, total=len(project_ids))


def _rows(portfolio: Portfolio, project_ids: Sequence[str], language: str) -> pd.DataFrame:
    rows = FrameRows(["id", *LIST_COLUMNS])
    words = project_words(portfolio, language, _row)
    keep = len(project_ids) <= TABLE_ROWS  # the page's head; a CSV's are written, not kept
    for at in range(0, len(project_ids), _OPENED):  # a bounded number of projects at once
        for row in words.many(project_ids[at : at + _OPENED], keep):
            rows.add(row)
    return rows.frame()


_OPENED = 512  # projects opened together: a CSV of 90,000 is written a slice at a time


def _row(portfolio: Portfolio, project_id: str, project: Project, language: str) -> dict:
    """The project list's row of `project`, in `language`."""
    places = dict.fromkeys(portfolio.places[e.place].names.get(language) for e in project.places)
    funders = dict.fromkeys(
        portfolio.organisations[f.funder].names.get(language) for f in project.funding
    )
    return {
        "id": project_id,
        "title": project.title.get(language),
        "status": code_words(project.status, language) + inferred_mark(project, "status", language),
        "dates": period_text(project.start, project.end, language)
        + inferred_mark(project, "start", language)
        + inferred_mark(project, "end", language),
        "places": ", ".join(places),
        "funders": ", ".join(funders),
        "events": len(project.events),
    }


def project_events(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    project = portfolio.projects[project_id]
    titles = {event.id: event.title.get(language) for event in project.events}
    rows = [
        {
            "event": event.title.get(language),
            "type": code_words(event.type, language),
            "dates": period_text(event.start, event.end, language),
            "where": tr(language, "online")
            if event.online
            else (
                portfolio.places[event.place].names.get(language)
                + inferred_mark(event, "place", language)
                if event.place
                else tr(language, "not stated")
            ),
            # a count no report gives is "not stated", never an empty "None" cell
            "sessions": format_number(event.count, language)
            if event.count is not None
            else tr(language, "not stated"),
            "status": code_words(event.status, language),
            "part of": titles.get(event.part_of or "", ""),
            "quote": event.quote,
        }
        for event in project.events
    ]
    frame = pd.DataFrame(rows)
    return _headed(frame, EVENT_COLUMNS, language)


def project_funding(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    rows = []
    for funding in portfolio.projects[project_id].funding:
        programme = portfolio.programmes.get(funding.programme or "")
        not_stated = tr(language, "not stated")
        rows.append(
            {
                "funder": portfolio.organisations[funding.funder].names.get(language),
                "programme": programme.names.get(language) if programme else not_stated,
                "grant reference": (funding.grant_reference or not_stated)
                + inferred_mark(funding, "grant_reference", language),
                "amount": amount_text(funding.amount, language)
                + inferred_mark(funding, "amount", language),
                "co-funded": tr(language, "yes") + inferred_mark(funding, "co_funded", language)
                if funding.co_funded
                else "",
                "quote": funding.quote,
            }
        )
    return _headed(pd.DataFrame(rows), FUNDING_COLUMNS, language)


def project_organisations(
    portfolio: Portfolio, project_id: str, language: str = "en"
) -> pd.DataFrame:
    """One row an organisation's role in the project; a role that is the curators' reading
    says so, with their note."""
    rows = [
        {
            "organisation": portfolio.organisations[entry.organisation].names.get(language),
            "role": code_words(entry.role, language)
            + inferred_mark(entry, "role", language, with_note=True),
            "quote": entry.quote,
        }
        for entry in portfolio.projects[project_id].organisations
    ]
    return _headed(pd.DataFrame(rows), ORGANISATION_COLUMNS, language)


def start_and_end(portfolio: Portfolio, project_id: str, language: str = "en") -> str:
    project = portfolio.projects[project_id]
    if project.start is None and project.end is None:
        return tr(language, "Start and end not stated")
    return tr(
        language,
        "Start: {start} · End: {end}",
        start=date_text(project.start, language) + inferred_mark(project, "start", language),
        end=date_text(project.end, language) + inferred_mark(project, "end", language),
    )


def project_sources(portfolio: Portfolio, project_id: str, language: str = "en") -> pd.DataFrame:
    """Every sentence quoted from the project's reports, with the report's title, headed in
    the reader's language."""
    uses = pd.DataFrame([use.__dict__ for use in project_uses(portfolio, project_id, language)])
    uses["source"] = [portfolio.sources[s].title for s in uses["source"]]
    return uses.drop(columns="project").rename(columns=use_headers(language))
