"""The rows of the participants and People supported pages before their words: which
figures a filter selects, in the order the page lists them, with what the charts need to
choose their bars (an event's group, a figure's role as a whole or a part, the parts
added up). Words are written after (lib/topics/people/data.py), for the rows the screen
shows: of a funder's 12,000 figures, a chart draws a few hundred and a table the first 500.
Plain pandas, no Streamlit."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.query.figure_codes import figure_codes, positions
from lib.query.filters import FigureRows
from lib.query.index import index_of
from lib.query.names import project_titles


def page_codes(portfolio: Portfolio, page: str) -> list[str]:
    """Codes of the indicators whose `page` in indicators.yaml is `page` ("participants",
    "people_supported"), in the order of that file."""
    return [code for code, indicator in portfolio.indicators.items() if indicator.page == page]


_ROLES = pd.array(["part", "total", "whole"], dtype="str")


def participant_rows(portfolio: Portfolio, values: pd.DataFrame) -> pd.DataFrame:
    """The participants figures of `values` (its rows, on its index), with `key` (ties a
    whole to its parts, as the validator does: same event, indicator and period), `group`
    (one chart bar: the project, event and indicator; `bar`, the same as a number), `role`
    (`total`: a whole whose parts are also in `values`; `part`: from one city; `whole`: a
    figure not broken down by city, or one the filters left without its parts) and
    `assigned` (a total's parts added up)."""
    codes = page_codes(portfolio, "participants")
    return _participants(portfolio, values[values["indicator"].isin(codes)])


def participant_rows_at(portfolio: Portfolio, figures: FigureRows) -> pd.DataFrame:
    """participant_rows of the figures filters.selected_figures gives, with only the columns
    that choose the bars and add up the parts (CHOOSING, then `key`, `bar`, `role` and
    `assigned`): the others, a funder's 156,000 rows' texts, took 45 ms to take on every
    filter change, and are taken for the rows shown alone (participant_shown)."""
    numbers = figure_codes(portfolio)
    codes = page_codes(portfolio, "participants")
    wanted = [numbers.indicators[code] for code in codes if code in numbers.indicators]
    chosen = np.flatnonzero(np.isin(numbers.indicator[figures.at], wanted))
    at = figures.at[chosen]
    rows = index_of(portfolio).values[CHOOSING].take(at)
    rows = rows.assign(counts_in_total=figures.counted[chosen])
    return _participants(portfolio, rows, texts=False, at=at)


CHOOSING = ["value", "breakdown"]  # of the figures' columns, those participant_rows_at takes


def participant_shown(portfolio: Portfolio, shown: pd.DataFrame) -> pd.DataFrame:
    """Some rows of participant_rows_at (or of participant_rows, given back as they are) with
    every column participant_rows gives them."""
    if "group" in shown:
        return shown
    rows = index_of(portfolio).values.loc[shown.index]
    rows = rows.assign(counts_in_total=shown["counts_in_total"], key=shown["key"])
    group = _group_texts(rows)
    return rows.assign(group=group, **{name: shown[name] for name in ("bar", "role", "assigned")})


def _participants(
    portfolio: Portfolio, rows: pd.DataFrame, texts: bool = True, at: np.ndarray | None = None
) -> pd.DataFrame:
    """`rows` with participant_rows' columns (without `group`'s texts unless `texts`);
    `at`: the rows' positions among the index's figures, when known."""
    every = index_of(portfolio).group
    keys = every.loc[rows.index] if at is None else every.take(at)
    # each key a number from 0 (a missing one, -1, is 0: ties to other missing ones, as
    # texts would), its parts marked and added up by number: a funder's 156,000 keys put in
    # a set, looked up and grouped took 10 ms of each filter change at 100,000 projects
    numbers = keys.to_numpy() + 1
    is_part = (rows["breakdown"] != "").to_numpy()
    values = rows["value"].to_numpy(dtype=float, na_value=np.nan)
    counted = np.bincount(numbers[is_part], minlength=len(every) + 1) > 0
    has_parts = ~is_part & counted[numbers] & ~np.isnan(values)
    # all missing to begin with, made from arrays: a list of a funder's 100,000 NAs took 36 ms
    assigned = pd.arrays.IntegerArray(np.zeros(len(rows), np.int64), np.ones(len(rows), bool))
    if has_parts.any():
        known = is_part & ~np.isnan(values)
        sums = np.bincount(numbers[known], weights=values[known], minlength=len(every) + 1)
        assigned[has_parts] = sums[numbers[has_parts]].astype(np.int64)
    group = _group_texts(rows) if texts else None
    grouped = {"group": group} if texts else {}
    return rows.assign(
        key=keys,
        **grouped,
        bar=_bars(portfolio, rows, group),
        # three words taken by each row's number: text made of 100,000 Python strings is slow
        role=_ROLES.take(np.where(is_part, 0, np.where(has_parts, 1, 2))),
        assigned=assigned,
    )


def _group_texts(rows: pd.DataFrame) -> pd.Series:
    """Each row's chart bar: its project, event and indicator, joined. Joined for the rows
    asked about (a page's shown rows, a board pack's): every figure's, kept once a version,
    took 17 MB at 100,000 projects."""
    return _joined(rows)


def _bars(portfolio: Portfolio, rows: pd.DataFrame, texts: pd.Series | None) -> pd.Series:
    """Each row's bar as a number (the same text, the same number; missing where the text
    is), which the page picks its bars by: hashing a funder's 156,000 texts to rank and
    count the bars took 40 ms at 100,000 projects. `texts`: the rows' _group_texts, if made."""
    at = positions(portfolio, rows)
    if at is None:
        joined = _joined(rows) if texts is None else texts
        return pd.Series(_numbered(joined), index=rows.index)
    index = index_of(portfolio)
    # every figure's bar text numbered once a version; the texts themselves are not kept
    numbers = index.once(("participants.group_numbers",), lambda: _numbered(_joined(index.values)))
    return pd.Series(numbers.take(at), index=rows.index)


def _numbered(groups: pd.Series) -> pd.arrays.IntegerArray:
    numbers, _ = pd.factorize(groups)
    return pd.arrays.IntegerArray(numbers.astype(np.int32), numbers < 0)


def _joined(rows: pd.DataFrame) -> pd.Series:
    return rows["project"] + "|" + rows["event"] + "|" + rows["indicator"]


def people_rows(portfolio: Portfolio, values: pd.DataFrame, language: str) -> pd.DataFrame:
    """The People supported figures of `values` (its rows, on its index) that count in a
    total, in the page's order: by indicator (as indicators.yaml lists them), then by the
    project's title in `language`, else as in `values`."""
    counted = values["counts_in_total"].to_numpy(dtype=bool)
    at = positions(portfolio, values)
    if at is None:  # not rows of the portfolio's figures: from the frame's own columns
        codes = page_codes(portfolio, "people_supported")
        chosen = np.flatnonzero(is_in(values["indicator"], codes) & counted)
        order = pd.Index(codes).get_indexer(values["indicator"].iloc[chosen])
        ranks = _title_ranks(portfolio, language)
        title_rank = ranks.to_numpy()[ranks.index.get_indexer(values["project"].iloc[chosen])]
        # (stable: equal titles keep their order)
        return values.iloc[chosen[np.lexsort((title_rank, order))]]
    return values.iloc[_people_order(portfolio, at, counted, language)]


def people_rows_at(portfolio: Portfolio, figures: FigureRows, language: str) -> pd.DataFrame:
    """people_rows of the figures filters.selected_figures gives, with only the columns the
    page counts and chooses its bars by (PEOPLE_CHOOSING): the others are taken for the rows
    a chart draws or a table lists alone (people_shown)."""
    chosen = _people_order(portfolio, figures.at, figures.counted, language)
    rows = index_of(portfolio).values[PEOPLE_CHOOSING].take(figures.at[chosen])
    return rows.assign(counts_in_total=figures.counted[chosen])


PEOPLE_CHOOSING = ["indicator", "value", "precision"]


def people_shown(portfolio: Portfolio, shown: pd.DataFrame) -> pd.DataFrame:
    """Some rows of people_rows_at (or of people_rows, given back as they are) with every
    column people_rows gives them."""
    if "quote" in shown:
        return shown
    rows = index_of(portfolio).values.loc[shown.index]
    return rows.assign(counts_in_total=shown["counts_in_total"])


def _people_order(
    portfolio: Portfolio, at: np.ndarray, counted: np.ndarray, language: str
) -> np.ndarray:
    """Which of the index's figures at `at` people_rows lists, in its order, as places in `at`.
    By the figures' numbers: their texts hashed again took 25 ms at 100,000 projects."""
    codes = page_codes(portfolio, "people_supported")
    numbers = figure_codes(portfolio)
    # each indicator's place among `codes`, -1 for the others (and, last, for none)
    place = np.full(len(numbers.indicators) + 1, -1)
    for n, code in enumerate(codes):
        place[numbers.indicators.get(code, len(numbers.indicators))] = n
    place[-1] = -1
    every_order = place[numbers.indicator[at]]
    chosen = np.flatnonzero((every_order >= 0) & counted)
    order = every_order[chosen]
    title_rank = _numbered_title_ranks(portfolio, language)[numbers.project[at[chosen]]]
    # one take of the rows, in the page's order: a funder's 100,000 rows were taken twice
    # (selected, then sorted), a fifth of a second each at 100,000 projects
    # (stable: equal titles keep their order)
    return chosen[np.lexsort((title_rank, order))]


def _numbered_title_ranks(portfolio: Portfolio, language: str) -> np.ndarray:
    """_title_ranks by the figures' project numbers (figure_codes), once a language."""

    def ranks() -> np.ndarray:
        ranks = _title_ranks(portfolio, language)
        return ranks.to_numpy()[ranks.index.get_indexer(figure_codes(portfolio).projects)]

    return index_of(portfolio).once(("people.numbered_title_ranks", language), ranks)


def _title_ranks(portfolio: Portfolio, language: str) -> pd.Series:
    """Each project's place among the titles in `language` sorted (equal titles, equal
    places), by project id: sorting by it sorts by title, without the titles."""

    def ranks() -> pd.Series:
        titles = project_titles(portfolio, language)
        _, rank = np.unique(np.array(list(titles.values()), dtype=object), return_inverse=True)
        # the ids as the titles' own keys (objects): a text index's look-up made 100,000
        # texts of its own, kept with it, 8 MB at 100,000 projects
        return pd.Series(rank, index=pd.Index(list(titles), dtype=object))

    return index_of(portfolio).once(("people.title_ranks", language), ranks)
