"""The words of each project's funding lines (its title, the funder, the programme path, the
grant reference, the amount, co-funding, the source and quote), written once a project and
language from the validated project (lib/query/project_words.py), for the Funding table, its
CSV and the board pack."""

from __future__ import annotations

from functools import lru_cache

from lib.model.lazy import LazyEntries
from lib.model.portfolio import Portfolio
from lib.model.schema import Amount, Project
from lib.query.filters import programme_chain
from lib.query.names import inferred_mark, report_titles
from lib.query.project_words import project_words
from lib.text.i18n import N_, format_number, tr

NOT_REPORTED = N_("not reported")
NOT_STATED = N_("not stated")
CO_FUNDED = N_("co-funded")
PATH_SEPARATOR = " › "


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
    file's order, written in `language` when first asked for (project_words: the words of
    the last few thousand projects kept, the projects not)."""
    return project_words(portfolio, language, _written)


def _written(
    portfolio: Portfolio, project_id: str, project: Project, language: str
) -> tuple[dict, ...]:
    reports = report_titles(portfolio)  # the reports' table's column, no report validated
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
