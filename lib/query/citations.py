"""Every place the data cites a report, so a reader can see what was taken from each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.load.audience import is_suppressed, suppressed_words
from lib.model.portfolio import Portfolio
from lib.query.names import inferred_mark
from lib.text.i18n import format_number, tr
from lib.text.vocabulary import code_words


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
    if project.status_source is not None:
        what = tr(language, "status") + inferred_mark(project, "status", language, True)
        uses.append(
            Use(project.status_source.source, project_id, what, project.status_source.quote)
        )
    if project.dates_source is not None:
        uses.append(
            Use(
                project.dates_source.source,
                project_id,
                tr(language, "dates"),
                project.dates_source.quote,
            )
        )
    for entry in project.places:
        name = portfolio.places[entry.place].names.get(language)
        role = code_words(entry.role, language)
        what = tr(language, "place: {name} ({role})", name=name, role=role)
        what += inferred_mark(entry, "place", language, with_note=True)
        uses.append(Use(entry.source, project_id, what, entry.quote))
    for entry in project.organisations:
        name = portfolio.organisations[entry.organisation].names.get(language)
        uses.append(
            Use(
                entry.source,
                project_id,
                tr(
                    language,
                    "organisation: {name} ({role})",
                    name=name,
                    role=code_words(entry.role, language),
                )
                + inferred_mark(entry, "role", language, with_note=True),
                entry.quote,
            )
        )
    for funding in project.funding:
        name = portfolio.organisations[funding.funder].names.get(language)
        what = tr(language, "funding: {name}", name=name)
        for field in ("amount", "grant_reference", "co_funded"):
            what += inferred_mark(funding, field, language, with_note=True)
        uses.append(Use(funding.source, project_id, what, funding.quote))
    for event in project.events:
        uses.append(
            Use(
                event.source,
                project_id,
                tr(language, "event: {title}", title=event.title.get(language)),
                event.quote,
            )
        )
    for link in project.links:
        if link.inferred:  # a stated link's quote is its places'; an inferred one says why
            ends = (link.from_place, link.to_place)
            names = [portfolio.places[p].names.get(language) for p in ends]
            what = tr(language, "link: {names}", names=" – ".join(names))
            what += inferred_mark(link, "kind", language, with_note=True)
            uses.append(Use(link.source, project_id, what, link.quote))
    for note in project.notes:
        uses.append(Use(note.source, project_id, tr(language, "note"), note.quote))
    if rows is None:
        rows = portfolio.values[portfolio.values["project"] == project_id]
    for row in rows.itertuples(index=False):
        label = portfolio.indicators[row.indicator].labels.get(language)
        if pd.isna(row.value):
            shown = tr(language, "not reported")
        else:
            shown = format_number(int(row.value), language)
        if is_suppressed(row.precision):
            shown = suppressed_words(row.fewer_than, language)
        if row.precision == "approximate":
            shown = tr(language, "about {number}", number=shown)
        what = tr(language, "figure: {label} = {number}", label=label, number=shown)
        uses.append(Use(row.source, project_id, what, row.quote))
    return uses


def catalogue_uses(portfolio: Portfolio, language: str = "en") -> list[Use]:
    """The citations of the catalogue entries: organisations and programmes."""
    uses = []
    for organisation in portfolio.organisations.values():
        what = tr(language, "organisation: {name}", name=organisation.names.get(language))
        uses.append(Use(organisation.source, "", what, organisation.quote))
    for programme in portfolio.programmes.values():
        what = tr(language, "programme: {name}", name=programme.names.get(language))
        uses.append(Use(programme.source, "", what, programme.quote))
    return uses


def use_headers(language: str) -> dict[str, str]:
    """Column names in words for a table of `Use`s."""
    return {
        "source": tr(language, "source"),
        "what": tr(language, "what"),
        "quote": tr(language, "quote"),
    }
