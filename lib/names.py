"""Names of things in the reader's language, and the current filters in words."""

from __future__ import annotations

from collections.abc import Sequence

from lib.bounded import NAMES, names_text
from lib.filters import Filters
from lib.portfolio import Portfolio
from lib.portfolio_index import index_of


def place_name(portfolio: Portfolio, place_id: str, language: str = "en") -> str:
    return portfolio.places[place_id].names.get(language)


def country_name(portfolio: Portfolio, code: str, language: str = "en") -> str:
    entry = portfolio.countries.get(code)
    return entry.names.get(language) if entry else code


def organisation_name(portfolio: Portfolio, organisation_id: str, language: str = "en") -> str:
    return portfolio.organisations[organisation_id].names.get(language)


funder_name = organisation_name


def programme_name(portfolio: Portfolio, programme_id: str, language: str = "en") -> str:
    return portfolio.programmes[programme_id].names.get(language)


def project_title(portfolio: Portfolio, project_id: str, language: str = "en") -> str:
    return portfolio.projects[project_id].title.get(language)


def project_titles(portfolio: Portfolio, language: str = "en") -> dict[str, str]:
    """Every project's title by id, made once per portfolio and language: a list of thousands
    of projects (a select box) asks for each title on every rerun."""
    return index_of(portfolio).remember(
        ("project titles", language),
        lambda: {pid: project.title.get(language) for pid, project in portfolio.projects.items()},
    )


def titles_text(portfolio: Portfolio, project_ids: Sequence[str], language: str = "en") -> str:
    """'A, B and 1,234 more': the first few titles, for a sentence that cannot hold thousands."""
    titles = project_titles(portfolio, language)
    return names_text([titles[p] for p in project_ids[:NAMES]], total=len(project_ids))


def indicator_label(portfolio: Portfolio, code: str, language: str = "en") -> str:
    return portfolio.indicators[code].labels.get(language)


def filters_in_words(portfolio: Portfolio, filters: Filters, language: str = "en") -> str:
    """'All projects' or 'Country: North Macedonia · City: Shtip · Years: 2018–2018'."""
    parts = []
    for label, ids, name in (
        ("Country", filters.countries, country_name),
        ("City", filters.cities, place_name),
        ("Funder", filters.funders, funder_name),
        ("Programme", filters.programmes, programme_name),
        ("Project", filters.projects, project_title),
    ):
        if ids:
            parts.append(f"{label}: " + ", ".join(name(portfolio, i, language) for i in ids))
    if filters.years is not None:
        parts.append(f"Years: {filters.years[0]}–{filters.years[1]}")
    return " · ".join(parts) if parts else "All projects"
