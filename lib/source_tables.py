"""What the Sources page lists: each report, and what the data took from it."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from lib.citations import all_uses
from lib.date_text import date_text
from lib.portfolio import Portfolio


def source_list(portfolio: Portfolio, language: str = "en") -> pd.DataFrame:
    """One row a report: title, language, link, what it translates, how many facts cite it."""
    cited = Counter(use.source for use in all_uses(portfolio, language))
    rows = []
    for source in portfolio.sources.values():
        publisher = portfolio.organisations.get(source.publisher or "")
        rows.append(
            {
                "id": source.id,
                "title": source.title,
                "language": source.language,
                "publisher": publisher.names.get(language) if publisher else "not stated",
                "link": source.url or "no link known",
                "translation of": source.translation_of or "",
                "published": date_text(source.published),
                "facts taken": cited[source.id],
                "file": f"sources/{source.file}",
            }
        )
    return pd.DataFrame(rows)


def uses_of(portfolio: Portfolio, source_id: str, language: str = "en") -> pd.DataFrame:
    """Every fact taken from one report, with the project it belongs to and the quote."""
    rows = [
        {
            "project": portfolio.projects[use.project].title.get(language) if use.project else "",
            "what": use.what,
            "quote": use.quote,
        }
        for use in all_uses(portfolio, language)
        if use.source == source_id
    ]
    return pd.DataFrame(rows, columns=["project", "what", "quote"])
