"""The words of each project's funding lines (its title, the funder, the programme path, the
grant reference, the amount, co-funding, the source and quote), written once a project and
language from the validated project, for the Funding table, its CSV and the board pack.

The words of the last KEPT projects are kept for the next filter change, not the validated
projects: the table opens hundreds of projects a change, and kept (lib/model/projects.py) each
stayed some forty objects that Python's cycle collector walks at every full collection,
whichever page's rerun it falls in (after the Funding page's filter changes at 100,000
projects, a collection took 130 ms; with the words kept instead, 15 ms). A project's words are
a few texts, numbers and tuples of texts a line.
"""

from __future__ import annotations

import weakref
from functools import lru_cache

from lib.model.lazy import LazyEntries
from lib.model.portfolio import Portfolio
from lib.model.schema import Amount, Project
from lib.query.filters import programme_chain
from lib.query.index import index_of
from lib.query.names import inferred_mark, report_titles
from lib.text.i18n import N_, format_number, tr

NOT_REPORTED = N_("not reported")
NOT_STATED = N_("not stated")
CO_FUNDED = N_("co-funded")
PATH_SEPARATOR = " › "
KEPT = 4096  # projects whose lines' words are kept, a language


def amount_text(amount: Amount | None, language: str = "en") -> str:
    """'12,000 EUR', '12,000.50 EUR', or 'not reported' for an amount no report gives."""
    if amount is None:
        return tr(language, NOT_REPORTED)
    return _amount_words(amount.value, amount.currency, language)


# A portfolio's thousands of grants repeat a few hundred amounts: Babel writes each once
# (short strings, so the count bounds the bytes).
@lru_cache(maxsize=32768)
def _amount_words(value: float, currency: str, language: str) -> str:
    decimals = 0 if float(value).is_integer() else 2
    return f"{format_number(value, language, decimals)} {currency}"


def line_words(portfolio: Portfolio, language: str) -> LazyEntries[tuple[dict, ...]]:
    """project id -> its funding lines' rows (lib/topics/funding/data.py COLUMNS), in its
    file's order, written in `language` when first asked for; `many` opens the projects it
    writes together, and keeps none of them."""
    return index_of(portfolio).once(
        ("funding.line_words", language), lambda: _line_words(portfolio, language)
    )


def _line_words(portfolio: Portfolio, language: str) -> LazyEntries[tuple[dict, ...]]:
    reports = report_titles(portfolio)  # the reports' table's column, no report validated
    # The portfolio's index keeps this mapping, and must not keep the portfolio alive
    # (lib/query/index.py): asked through that index, the portfolio is there.
    held = weakref.ref(portfolio)

    def write_many(wanted: list[tuple[str, int]], _keep: bool) -> list[tuple[dict, ...]]:
        portfolio = held()
        assert portfolio is not None, "the words of a data version no longer served"
        opened = _opened(portfolio, [project_id for project_id, _ in wanted])
        return [
            _written(portfolio, reports, project_id, opened[project_id], language)
            for project_id, _ in wanted
        ]

    projects = portfolio.projects
    ids = projects if isinstance(projects, LazyEntries) else list(projects)
    return LazyEntries(ids, lambda pid, at: write_many([(pid, at)], False)[0], KEPT, write_many)


def _written(
    portfolio: Portfolio, reports: dict, project_id: str, project: Project, language: str
) -> tuple[dict, ...]:
    rows = []
    for funding in project.funding:
        chain = programme_chain(portfolio, funding.programme)
        names = [portfolio.programmes[pid].names.get(language) for pid in chain]
        rows.append(
            {
                "project_id": project_id,
                "project": project.title.get(language),
                "funder_id": funding.funder,
                "funder": portfolio.organisations[funding.funder].names.get(language),
                "programme_ids": tuple(chain),
                "programme_path": PATH_SEPARATOR.join(names) or tr(language, NOT_STATED),
                "grant_reference": (funding.grant_reference or tr(language, NOT_STATED))
                + inferred_mark(funding, "grant_reference", language),
                "amount": amount_text(funding.amount, language)
                + inferred_mark(funding, "amount", language),
                "amount_value": funding.amount.value if funding.amount else None,
                "currency": funding.amount.currency if funding.amount else "",
                "co_funded": tr(language, CO_FUNDED if funding.co_funded else NOT_STATED)
                + inferred_mark(funding, "co_funded", language),
                "inferred": tuple(funding.inferred or ()),
                "source": reports[funding.source],
                "quote": funding.quote,
            }
        )
    return tuple(rows)


def _opened(portfolio: Portfolio, project_ids: list[str]) -> dict[str, Project]:
    """The projects of `project_ids`, opened together where the mapping can (LazyEntries.many:
    a city's 80 projects are scattered over a snapshot's 100,000), and not kept."""
    distinct = list(dict.fromkeys(project_ids))
    projects = portfolio.projects
    if isinstance(projects, LazyEntries):
        return dict(zip(distinct, projects.many(distinct, keep=False), strict=True))
    return {pid: projects[pid] for pid in distinct}
