"""Names of things in the reader's language, and the current filters in words."""

from __future__ import annotations

from collections.abc import Sequence

from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.model.schema import Indicator, Text
from lib.model.sources import source_titles
from lib.query.filters import Filters
from lib.query.index import index_of
from lib.query.limits import NAMES, names_text
from lib.text.i18n import N_, tr


def place_name(portfolio: Portfolio, place_id: str, language: str = "en") -> str:
    return portfolio.places[place_id].names.get(language)


def country_name(portfolio: Portfolio, code: str, language: str = "en") -> str:
    entry = portfolio.countries.get(code)
    return entry.names.get(language) if entry else code


def organisation_name(portfolio: Portfolio, organisation_id: str, language: str = "en") -> str:
    return portfolio.organisations[organisation_id].names.get(language)


funder_name = organisation_name

INFERRED = N_("the curators' reading, not the report's words")


def inferred_mark(entry: object, field: str, language: str, with_note: bool = False) -> str:
    """ " (the curators' reading...)" after a fact that `entry` marks as inferred, with the
    curators' note when there is room for it; "" for a fact a report states."""
    inferred = getattr(entry, "inferred", None) or ()
    if field not in inferred:
        return ""
    words = tr(language, INFERRED)
    note = getattr(entry, "note", None)
    return f" ({words}: {note})" if with_note and note else f" ({words})"


def programme_name(portfolio: Portfolio, programme_id: str, language: str = "en") -> str:
    return portfolio.programmes[programme_id].names.get(language)


def project_title(portfolio: Portfolio, project_id: str, language: str = "en") -> str:
    return portfolio.projects[project_id].title.get(language)


def project_titles(portfolio: Portfolio, language: str = "en") -> dict[str, str]:
    """Every project's title by id, made once per portfolio and language: a list of thousands
    of projects (a select box) asks for each title on every rerun."""
    return index_of(portfolio).once(
        ("project titles", language), lambda: _titles(portfolio, language)
    )


def _titles(portfolio: Portfolio, language: str) -> dict[str, str]:
    # from the projects' columns: a lazily opened portfolio validates a project a look.
    # A language we lack reads the source language, as Text.get does.
    code = language if language in LANGUAGE_CODES else SOURCE_LANGUAGE
    projects = parts_of(portfolio.projects).projects
    titles = dict(zip(projects["id"].tolist(), projects[f"title_{code}"].tolist(), strict=True))
    return {pid: titles[pid] for pid in portfolio.projects}  # in the portfolio's order


def report_titles(portfolio: Portfolio) -> dict[str, str]:
    """Every report's title by id, made once per portfolio: a snapshot's reports are each
    validated when asked for, and the map names hundreds of them on each filter change."""
    return index_of(portfolio).once(("report titles",), lambda: source_titles(portfolio.sources))


def titles_text(portfolio: Portfolio, project_ids: Sequence[str], language: str = "en") -> str:
    """'A, B and 1,234 more': the first few titles, for a sentence that cannot hold thousands."""
    titles = project_titles(portfolio, language)
    return names_text(
        [titles[p] for p in project_ids[:NAMES]], total=len(project_ids), language=language
    )


def indicator_label(portfolio: Portfolio, code: str, language: str = "en") -> str:
    return portfolio.indicators[code].labels.get(language)


def filters_in_words(portfolio: Portfolio, filters: Filters, language: str = "en") -> str:
    """'All projects' or 'Country: North Macedonia · City: Shtip · Years: 2018–2018'."""
    parts = []
    for label, ids, name in (
        (N_("Country"), filters.countries, country_name),
        (N_("City"), filters.cities, place_name),
        (N_("Funder"), filters.funders, funder_name),
        (N_("Programme"), filters.programmes, programme_name),
        (N_("Project"), filters.projects, project_title),
    ):
        if ids:
            names = ", ".join(name(portfolio, i, language) for i in ids)
            parts.append(f"{tr(language, label)}: {names}")
    if filters.years is not None:
        low, high = filters.years
        parts.append(tr(language, "Years: {low}–{high}", low=low, high=high))
    return " · ".join(parts) if parts else tr(language, "All projects")


def translation_mark(text: Text, language: str) -> str:
    """' (translation)' after a text the source did not write in `language`, else ''."""
    return "" if text.original == language else " " + tr(language, "(translation)")


def indicator_description(indicator: Indicator, language: str) -> str:
    """The indicator's description: our own wording, translated in the catalogs (extracted
    from indicators.yaml); a data folder's new indicator stays in English until they are."""
    return tr(language, indicator.description.strip())
