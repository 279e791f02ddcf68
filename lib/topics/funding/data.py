"""Who pays for what: one row a funding line of the selected projects, and the funder ›
programme › strand › measure › project tree the chart draws. Pure: portfolio and ids in.

An amount no report gives is "not reported", never 0: it sizes nothing and adds to nothing.
Amounts in different currencies are never added together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.model.schema import Amount
from lib.query.filters import programme_chain
from lib.query.frame_rows import FrameRows, rows_of_projects
from lib.query.index import index_of
from lib.query.limits import TABLE_ROWS, table_head
from lib.query.project_rows import positions_of, project_numbers, rows_of
from lib.text.i18n import N_, format_number, tr
from lib.topics.funding.line_words import (
    amount_text,
    line_words,
)

NO_AMOUNT_REPORTED = N_(
    "No report gives an amount of money for these projects: the chart counts funded projects, "
    "not money."
)

SizeBasis = Literal["amount", "projects"]
ROOT_ID = "all"

COLUMNS = [
    "project_id",
    "project",
    "funder_id",
    "funder",
    "programme_ids",
    "programme_path",
    "grant_reference",
    "amount",
    "amount_value",
    "currency",
    "co_funded",
    "inferred",  # the fields the curators mark as their reading: open formats leave them out
    "source",
    "quote",
]

# The amount and who gives it lead: on a phone they are the columns in view.
TABLE_COLUMNS = {
    "amount": N_("Amount"),
    "funder": N_("Funder"),
    "project": N_("Project"),
    "programme_path": N_("Programme path"),
    "grant_reference": N_("Grant reference"),
    "co_funded": N_("Co-funded"),
    "source": N_("Source"),
    "quote": N_("Quote"),
}


# A funding line without words: what the Funding page counts, sizes and groups by. `line` is
# its place in its project's funding list, where its words are written from.
LINE_COLUMNS = ["project_id", "line", "funder_id", "programme_ids", "amount_value", "currency"]


def funding_lines(portfolio: Portfolio, project_ids: Sequence[str]) -> pd.DataFrame:
    """One row a funding line of `project_ids` (in their order, each project's lines in its
    file's order), without words: gathered once a data version, then selected."""
    every = _every_line_once(portfolio)
    if list(project_ids) != sorted(project_ids):  # the filters give them sorted, as `every` is
        return rows_of_projects(every, project_ids)
    # by the lines' project numbers: Arrow's is_in hashed a funder's 93,000 lines' project
    # ids on every filter change, 15 ms at 100,000 projects
    mine = every[rows_of(portfolio, _EVERY_LINE, every["project_id"], project_ids)]
    return mine.reset_index(drop=True)


def funded_projects(portfolio: Portfolio, project_ids: Sequence[str]) -> int:
    """How many of `project_ids` have a funding line (funding_lines' distinct projects), by
    number: counting a funder's 93,000 lines' distinct project ids took 15 ms."""
    every = _every_line_once(portfolio)
    numbers = project_numbers(portfolio, _EVERY_LINE, every["project_id"])
    funded = np.zeros(len(index_of(portfolio).ids) + 1, dtype=bool)  # the last: no project
    funded[numbers] = True
    funded[-1] = False
    return int(funded[positions_of(portfolio, project_ids)].sum())


_EVERY_LINE = "funding.every_line"


def _every_line_once(portfolio: Portfolio) -> pd.DataFrame:
    return index_of(portfolio).once((_EVERY_LINE,), lambda: _every_line(portfolio))


def _every_line(portfolio: Portfolio) -> pd.DataFrame:
    # from the projects' columns: a lazily opened portfolio validates a project a look
    funding = parts_of(portfolio.projects).funding
    if funding.empty:  # the columns' types as a frame of no rows gives them
        frame = FrameRows(LINE_COLUMNS).frame()
        frame["amount_value"] = frame["amount_value"].astype("Float64")
        return frame
    # each programme's chain once (a funder's portfolio has dozens, its lines 100,000s)
    chains = {pid: tuple(programme_chain(portfolio, pid)) for pid in portfolio.programmes}
    return pd.DataFrame(
        {
            "project_id": funding["project"],
            "line": funding["line"],
            "funder_id": funding["funder"],
            "programme_ids": [
                chains[programme] if isinstance(programme, str) else ()
                for programme in funding["programme"].tolist()
            ],
            "amount_value": funding["amount_value"].astype("Float64"),
            "currency": funding["currency"].fillna(""),  # a line with no amount has none
        }
    )


def funder_lines(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> pd.DataFrame:
    """The funding lines of `project_ids` (funding_lines) with their funder's name: what the
    board pack counts and sizes per funder, without writing every line's words (the lines it
    lists get theirs from `written`)."""
    lines = funding_lines(portfolio, project_ids)
    organisations = portfolio.organisations
    names = {fid: organisations[fid].names.get(language) for fid in lines["funder_id"].unique()}
    return lines.assign(funder=[names[fid] for fid in lines["funder_id"].tolist()])


def funding_rows(
    portfolio: Portfolio, project_ids: Sequence[str], language: str = "en"
) -> pd.DataFrame:
    """One row a funding line with its words (COLUMNS), the projects in the order given, each
    project's lines in the order its file gives them: for the CSV and the HXL export (each
    line's project opened: built on a click) and a chart of a few projects. The page's counts
    and its programme chart need no words (funding_lines), its table and the board pack write
    those of their first rows (funding_table_head, funder_lines)."""
    return written(portfolio, funding_lines(portfolio, project_ids), language)


def written(portfolio: Portfolio, lines: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The funding lines `lines` (of funding_lines) with their words (line_words: written once
    a project and language, those of the last few thousand projects kept for the next filter
    change; a CSV's or a chart's many lines are written and not kept)."""
    rows = FrameRows(COLUMNS)
    project_ids, positions = lines["project_id"].tolist(), lines["line"].tolist()
    words = line_words(portfolio, language)
    keep = len(project_ids) <= TABLE_ROWS  # a table's head
    for at in range(0, len(project_ids), _OPENED_LINES):  # a bounded number of projects at once
        ids = project_ids[at : at + _OPENED_LINES]
        distinct = list(dict.fromkeys(ids))
        theirs = dict(zip(distinct, words.many(distinct, keep), strict=True))
        for project_id, position in zip(ids, positions[at : at + _OPENED_LINES], strict=True):
            rows.add(theirs[project_id][position])
    frame = rows.frame()
    frame["amount_value"] = frame["amount_value"].astype("Float64")
    return frame


# lines whose projects are opened together: a funder's CSV of 90,000 lines is written a slice
# at a time, never all its projects validated at once
_OPENED_LINES = 512


def funder_count(portfolio: Portfolio, lines: pd.DataFrame, language: str = "en") -> int:
    """How many funders the lines name, by their names in `language`."""
    organisations = portfolio.organisations
    return len({organisations[fid].names.get(language) for fid in lines["funder_id"].unique()})


def funding_table(rows: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    names = {column: tr(language, header) for column, header in TABLE_COLUMNS.items()}
    return rows[list(TABLE_COLUMNS)].rename(columns=names).reset_index(drop=True)


def funding_table_head(
    portfolio: Portfolio, lines: pd.DataFrame, language: str = "en"
) -> tuple[pa.Table, str]:
    """The table's first rows as the page shows them (limits.table_head), their words written
    for those lines alone, and the note of how many it leaves out."""
    shown = funding_table(written(portfolio, lines.head(TABLE_ROWS), language), language)
    return table_head(shown, tr(language, "funding lines"), language=language, total=len(lines))


def reported_totals(rows: pd.DataFrame) -> dict[str, float]:
    """The reported amounts added up per currency; lines with no amount are left out."""
    reported = rows[rows["amount_value"].notna()]
    # the amounts alone are grouped: a copy of every column a currency took 7 MB at 10,000
    sums = reported["amount_value"].groupby(reported["currency"], sort=True).sum()
    return {currency: float(total) for currency, total in sums.items()}


def size_basis(rows: pd.DataFrame) -> SizeBasis:
    """Amounts may size the chart only when every line reports one, all in one currency:
    otherwise a line with no amount would need a size we would have to invent."""
    every_line = len(rows) > 0 and rows["amount_value"].notna().all()
    return "amount" if every_line and rows["currency"].nunique() == 1 else "projects"


def size_label(rows: pd.DataFrame, language: str = "en") -> str:
    if size_basis(rows) == "amount":
        return tr(language, "Size: amount reported ({currency})", currency=rows["currency"].iloc[0])
    if rows["amount_value"].notna().any():
        return tr(
            language,
            "Size: number of funded projects (amounts are not reported for every line, "
            "or are in different currencies, so they cannot size the chart)",
        )
    return tr(language, "Size: number of funded projects (no amount is reported)")


def amount_summary(rows: pd.DataFrame, language: str = "en") -> str:
    """What the reports say about money, in one sentence a board can read out."""
    reported = int(rows["amount_value"].notna().sum())
    if reported == 0:
        return tr(language, NO_AMOUNT_REPORTED)
    by_currency = reported_totals(rows)
    totals = ", ".join(
        amount_text(Amount(value=value, currency=currency), language)
        for currency, value in by_currency.items()
    )
    missing = len(rows) - reported
    text = tr(
        language,
        "Amounts reported for {reported} of {lines} funding lines, adding up to {totals}",
        reported=format_number(reported, language),
        lines=format_number(len(rows), language),
        totals=totals,
    )
    if len(by_currency) > 1:
        text += tr(language, " (each currency apart).")
    else:
        text += "."
    if missing:
        text += " " + tr(
            language,
            "{n} line(s) report no amount: left out of the sum, not counted as 0.",
            n=format_number(missing, language),
        )
    return text
