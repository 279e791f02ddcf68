"""Every place the data cites a report, so a reader can see what was taken from each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.portfolio import Portfolio


@dataclass(frozen=True)
class Use:
    """One fact taken from a report: what it is about and the sentence that states it."""

    source: str
    project: str  # "" for catalogue entries (organisations, programmes)
    what: str
    quote: str


def project_uses(
    portfolio: Portfolio, project_id: str, language: str = "en", rows: pd.DataFrame | None = None
) -> list[Use]:
    """Every fact of one project with its quote, in the order a reader meets them; `rows`
    are the project's figures when the caller has them already."""
    project = portfolio.projects[project_id]
    uses: list[Use] = []
    if project.dates_source is not None:
        uses.append(
            Use(
                project.dates_source.source,
                project_id,
                "dates",
                project.dates_source.quote,
            )
        )
    for entry in project.places:
        name = portfolio.places[entry.place].names.get(language)
        uses.append(Use(entry.source, project_id, f"place: {name} ({entry.role})", entry.quote))
    for entry in project.organisations:
        name = portfolio.organisations[entry.organisation].names.get(language)
        uses.append(
            Use(
                entry.source,
                project_id,
                f"organisation: {name} ({entry.role})",
                entry.quote,
            )
        )
    for funding in project.funding:
        name = portfolio.organisations[funding.funder].names.get(language)
        uses.append(Use(funding.source, project_id, f"funding: {name}", funding.quote))
    for event in project.events:
        uses.append(
            Use(
                event.source,
                project_id,
                f"event: {event.title.get(language)}",
                event.quote,
            )
        )
    for note in project.notes:
        uses.append(Use(note.source, project_id, "note", note.quote))
    if rows is None:
        rows = portfolio.values[portfolio.values["project"] == project_id]
    for row in rows.itertuples(index=False):
        label = portfolio.indicators[row.indicator].labels.get(language)
        shown = "not reported" if pd.isna(row.value) else f"{row.value:,}"
        if row.precision == "approximate":
            shown = f"about {shown}"
        uses.append(Use(row.source, project_id, f"figure: {label} = {shown}", row.quote))
    return uses


def all_uses(portfolio: Portfolio, language: str = "en") -> list[Use]:
    """Every citation in the data set: projects' facts and the catalogue entries."""
    # One pass over the figures, not one a project: a portfolio has thousands of projects.
    figures = dict(tuple(portfolio.values.groupby("project", sort=False)))
    none = portfolio.values.iloc[0:0]
    uses = [
        use
        for pid in portfolio.projects
        for use in project_uses(portfolio, pid, language, figures.get(pid, none))
    ]
    for organisation in portfolio.organisations.values():
        what = f"organisation: {organisation.names.get(language)}"
        uses.append(Use(organisation.source, "", what, organisation.quote))
    for programme in portfolio.programmes.values():
        what = f"programme: {programme.names.get(language)}"
        uses.append(Use(programme.source, "", what, programme.quote))
    return uses
