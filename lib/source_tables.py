"""What the Sources page lists: each report, and what the data took from it."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.citations import Use, all_uses
from lib.date_text import date_text
from lib.i18n import N_, tr
from lib.portfolio import Portfolio
from lib.portfolio_index import index_of


def _uses_by_source(portfolio: Portfolio, language: str) -> dict[str, list[Use]]:
    """Every citation, by report: worked out once per portfolio and language, since a
    portfolio's thousands of reports would otherwise each walk every project."""

    def group() -> dict[str, list[Use]]:
        uses: dict[str, list[Use]] = defaultdict(list)
        for use in all_uses(portfolio, language):
            uses[use.source].append(use)
        return dict(uses)

    return index_of(portfolio).remember(("uses by source", language), group)


def source_list(portfolio: Portfolio, language: str = "en") -> pd.DataFrame:
    """One row a report: title, language, link, what it translates, how many facts cite it."""
    kept = index_of(portfolio).remember(
        ("source list", language), lambda: _source_list(portfolio, language)
    )
    return kept.copy(deep=False)  # the kept frame stays as it is whatever the caller does


# Column names: in English as they always were, else translated.
SOURCE_COLUMNS = {
    "title": N_("title"),
    "language": N_("language"),
    "publisher": N_("publisher"),
    "link": N_("link"),
    "translation of": N_("translation of"),
    "published": N_("published"),
    "facts taken": N_("facts taken"),
    "file": N_("file"),
}
USE_COLUMNS = {"project": N_("project"), "what": N_("what"), "quote": N_("quote")}


def _source_list(portfolio: Portfolio, language: str) -> pd.DataFrame:
    cited = {source: len(uses) for source, uses in _uses_by_source(portfolio, language).items()}
    rows = []
    for source in portfolio.sources.values():
        publisher = portfolio.organisations.get(source.publisher or "")
        rows.append(
            {
                "id": source.id,
                "title": source.title,
                "language": source.language,
                "publisher": publisher.names.get(language)
                if publisher
                else tr(language, "not stated"),
                "link": source.url or tr(language, "no link known"),
                "translation of": source.translation_of or "",
                "published": date_text(source.published, language),
                "facts taken": cited.get(source.id, 0),
                "file": f"sources/{source.file}",
            }
        )
    names = {key: tr(language, name) for key, name in SOURCE_COLUMNS.items()}
    return pd.DataFrame(rows).rename(columns=names)


def uses_of(portfolio: Portfolio, source_id: str, language: str = "en") -> pd.DataFrame:
    """Every fact taken from one report, with the project it belongs to and the quote."""
    rows = [
        {
            "project": portfolio.projects[use.project].title.get(language) if use.project else "",
            "what": use.what,
            "quote": use.quote,
        }
        for use in _uses_by_source(portfolio, language).get(source_id, [])
    ]
    names = {key: tr(language, name) for key, name in USE_COLUMNS.items()}
    return pd.DataFrame(rows, columns=list(USE_COLUMNS)).rename(columns=names)
