"""What the Sources page lists: each report, and what the data took from it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.citations import catalogue_uses, project_uses
from lib.query.figure_columns import each_distinct
from lib.query.index import index_of
from lib.query.limits import TABLE_ROWS
from lib.query.shared_texts import shared_texts
from lib.text.dates import date_text
from lib.text.i18n import N_, language_name, tr


@dataclass(frozen=True)
class _Cited:
    """How many facts cite each report, and the (report, project) pairs ("" for catalogue
    entries), by numbers: worked out once per portfolio, since a portfolio's thousands of
    reports would otherwise each walk every project. The facts themselves, with their quotes,
    are not kept (a funder's portfolio has hundreds of thousands): `uses_of` works out those
    of the one report a reader opens."""

    counts: pd.Series  # report -> facts citing it, by report id, sorted
    reports: np.ndarray  # each (report, project) pair's report: its place in counts' index
    projects: np.ndarray  # and its project: its place in `ids`, -1 for a catalogue entry
    ids: tuple[str, ...]  # the index's project ids

    def projects_of(self, source_id: str) -> frozenset[str]:
        report = self.counts.index.get_indexer([source_id])[0]
        if report < 0:
            return frozenset()
        theirs = self.projects[self.reports == report]
        return frozenset(self.ids[at] if at >= 0 else "" for at in theirs.tolist())


def _citations(portfolio: Portfolio) -> _Cited:
    def count() -> _Cited:
        # a project's own facts, by their sources alone, from the projects' columns: building
        # each fact's words (and a figures table a project) took 70 s at 100,000 projects,
        # and a lazily opened portfolio validates a project each time one is looked at
        own = parts_of(portfolio.projects).facts
        own = own.loc[own["counted"], ["source", "project", "uses"]]
        catalogue = [use.source for use in catalogue_uses(portfolio)]
        facts = pd.concat(
            [
                own,
                portfolio.values[["source", "project"]].assign(uses=1),  # one fact a figure
                pd.DataFrame({"source": catalogue, "project": [""] * len(catalogue), "uses": 1}),
            ],
            ignore_index=True,
        )
        counts = facts.groupby("source")["uses"].sum()
        # by the reports' own id texts: a text index's look-up made 100,000 texts of its
        # own, kept with it, 7 MB at 100,000 reports
        labels = shared_texts(counts.index.tolist(), portfolio.sources)
        counts.index = pd.Index(labels, dtype=object, name=counts.index.name)
        # the pairs as numbers: as texts, a row each, they were 11 MB at 100,000 projects
        index = index_of(portfolio)
        pairs = pd.DataFrame(
            {
                "report": counts.index.get_indexer(facts["source"]),
                "project": index.id_index.get_indexer(facts["project"]),
            }
        ).drop_duplicates()
        reports, projects = (pairs[name].to_numpy(dtype=np.int32) for name in pairs)
        return _Cited(counts, reports, projects, index.ids)

    return index_of(portfolio).once(("citations",), count)


def source_list(portfolio: Portfolio, language: str = "en") -> pd.DataFrame:
    """One row a report: title, language, link, what it translates, how many facts cite it."""
    kept = index_of(portfolio).once(
        ("source list", language), lambda: _source_list(portfolio, language)
    )
    return kept.copy(deep=False)  # the kept frame stays as it is whatever the caller does


# Column names: in English as they always were, else translated. How many facts a report
# gave leads (on a phone the first columns are the ones in view).
SOURCE_COLUMNS = {
    "facts taken": N_("facts taken"),
    "title": N_("title"),
    "language": N_("language"),
    "publisher": N_("publisher"),
    "link": N_("link"),
    "translation of": N_("translation of"),
    "published": N_("published"),
    "file": N_("file"),
}
USE_COLUMNS = {"project": N_("project"), "what": N_("what"), "quote": N_("quote")}


def source_list_head(portfolio: Portfolio, language: str = "en") -> pd.DataFrame:
    """source_list's first TABLE_ROWS rows, their words written for them alone: the page
    shows those (at 100,000 reports, writing every row took 1.8 s of its first visit)."""
    return (
        index_of(portfolio)
        .once(
            ("source list head", language),
            lambda: _source_list(portfolio, language, TABLE_ROWS),
        )
        .copy(deep=False)
    )


def _source_list(portfolio: Portfolio, language: str, rows: int | None = None) -> pd.DataFrame:
    # a column at a time, each publisher and language named once: a row at a time, looking
    # each report's count up in a Series, took a fifth of a second at 10,000 reports
    sources = list(itertools.islice(portfolio.sources.values(), rows))
    ids = [source.id for source in sources]
    not_stated, no_link = tr(language, "not stated"), tr(language, "no link known")
    organisations = portfolio.organisations
    columns = {
        "id": ids,
        "facts taken": _citations(portfolio).counts.reindex(ids, fill_value=0).tolist(),
        "title": [source.title for source in sources],
        "language": each_distinct(
            lambda code: language_name(code, language), [s.language for s in sources]
        ),
        "publisher": each_distinct(
            lambda publisher: (
                organisations[publisher].names.get(language)
                if publisher in organisations
                else not_stated
            ),
            [source.publisher or "" for source in sources],
        ),
        "link": [source.url or no_link for source in sources],
        # the report's title, never its id (issue 17, point 7)
        "translation of": [
            portfolio.sources[s.translation_of].title
            if (s.translation_of or "") in portfolio.sources
            else ""
            for s in sources
        ],
        "published": [date_text(source.published, language) for source in sources],
        "file": [f"sources/{source.file}" for source in sources],
    }
    names = {key: tr(language, name) for key, name in SOURCE_COLUMNS.items()}
    return pd.DataFrame(columns if sources else None, columns=list(columns)).rename(columns=names)


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
