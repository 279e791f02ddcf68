"""What the Sources page lists: each report, and what the data took from it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.citations import catalogue_uses, project_sources, project_uses
from lib.query.index import index_of
from lib.text.dates import date_text
from lib.text.i18n import N_, tr


@dataclass(frozen=True)
class _Cited:
    """How many facts cite each report, and the (report, project) pairs ("" for catalogue
    entries), as frames: worked out once per portfolio, since a portfolio's thousands of
    reports would otherwise each walk every project. The facts themselves, with their quotes,
    are not kept (a funder's portfolio has hundreds of thousands): `uses_of` works out those
    of the one report a reader opens."""

    counts: pd.Series  # report -> facts citing it
    pairs: pd.DataFrame  # source, project: which projects' facts cite which report

    def projects_of(self, source_id: str) -> frozenset[str]:
        return frozenset(self.pairs.loc[self.pairs["source"] == source_id, "project"])


def _citations(portfolio: Portfolio) -> _Cited:
    def count() -> _Cited:
        # a project's own facts, by their sources alone: building each fact's words (and a
        # figures table a project) took 70 s at 100,000 projects
        sources: list[str] = []
        projects: list[str] = []
        for pid, project in portfolio.projects.items():
            own = list(project_sources(project))
            sources += own
            projects += [pid] * len(own)
        catalogue = [use.source for use in catalogue_uses(portfolio)]
        facts = pd.concat(
            [
                pd.DataFrame({"source": sources, "project": projects}),
                portfolio.values[["source", "project"]],  # one fact a figure
                pd.DataFrame({"source": catalogue, "project": [""] * len(catalogue)}),
            ],
            ignore_index=True,
        )
        return _Cited(facts["source"].value_counts(), facts.drop_duplicates())

    return index_of(portfolio).remember(("citations",), count)


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
    cited = _citations(portfolio).counts
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
    projects = _citations(portfolio).projects_of(source_id)
    values = portfolio.values
    figures = dict(tuple(values[values["project"].isin(projects)].groupby("project", sort=False)))
    uses = [
        use
        for pid in portfolio.projects
        if pid in projects
        for use in project_uses(portfolio, pid, language, figures.get(pid, values.iloc[0:0]))
    ]
    if "" in projects:
        uses += catalogue_uses(portfolio, language)
    rows = [
        {
            "project": portfolio.projects[use.project].title.get(language) if use.project else "",
            "what": use.what,
            "quote": use.quote,
        }
        for use in uses
        if use.source == source_id
    ]
    names = {key: tr(language, name) for key, name in USE_COLUMNS.items()}
    return pd.DataFrame(rows, columns=list(USE_COLUMNS)).rename(columns=names)


def plain_text(report_text: str) -> str:
    """A report's full text as a reader reads it: the curated copy marks bold with markdown's
    `**`, which the page shows as plain text and would otherwise print literally."""
    return report_text.replace("**", "")
