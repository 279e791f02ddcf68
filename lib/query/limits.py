"""How much a page draws of a long list: a funder's portfolio has thousands of projects, and a
page that drew one mark, line or row for each would take seconds to rerun and to send. Pages
draw the first or largest few, say how many more there are, and where to find them all (the
table, the CSV download, a narrower filter). Plain Python and pandas, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.text.i18n import N_, format_number, tr

CITATIONS = 5  # quoted sentences under a headline figure
CHART_ROWS = 40  # bars or lines of a chart
TIMELINE_PROJECTS = 20  # projects on the time axis, each with its events
TABLE_ROWS = 500  # rows of an on-screen table; the CSV download has every row
NAMES = 12  # project names written out in a sentence
LINES = 5  # lines of text, such as a network's size, under a figure


def names_text(
    names: Sequence[str],
    limit: int = NAMES,
    separator: str = ", ",
    total: int | None = None,
    language: str = "en",
) -> str:
    """'A, B, C', or 'A, B, C and 1,234 more' when there are more than `limit` (of `total`,
    when only the first few names are given)."""
    shown = separator.join(names[:limit])
    left = (len(names) if total is None else total) - limit
    if left <= 0:
        return shown
    return tr(language, "{names} and {left} more", names=shown, left=format_number(left, language))


def more_text(shown: int, total: int, what: str, where: str, language: str = "en") -> str:
    """'' when everything is shown, else 'Showing 40 of 3,120 events; {where}.' (`what` and
    `where` come already translated)."""
    if total <= shown:
        return ""
    return tr(
        language,
        "Showing {shown} of {total} {what}; {where}.",
        shown=format_number(shown, language),
        total=format_number(total, language),
        what=what,
        where=where,
    )


def table_head(
    frame: pd.DataFrame,
    what: str,
    limit: int = TABLE_ROWS,
    language: str = "en",
    total: int | None = None,
) -> tuple[pa.Table, str]:
    """The first `limit` rows to show, and the sentence to write under them ('' when all).
    The rows are Arrow: converted once where a page keeps them, where a pandas frame would
    be converted on every rerun (a sixth of a 10,000-project page's rerun). `total`: how
    many rows there are, when `frame` holds only the first (its words written for those)."""
    where = tr(language, "the CSV download has them all")
    total = len(frame) if total is None else total
    note = more_text(min(limit, len(frame)), total, what, where, language)
    return pa.Table.from_pandas(frame.head(limit), preserve_index=False), note


def largest_groups(frame: pd.DataFrame, group: str, value: str, limit: int) -> pd.DataFrame:
    """The rows of the `limit` groups with the largest `value` (a group with no value counts
    as 0), in their order in `frame`: what a chart of one bar a group can draw."""
    # each group a number, in the order first met: the texts of a funder's 150,000 figures
    # hashed once, not three times (to count, to group, to pick)
    numbers, names = pd.factorize(frame[group])
    if len(names) <= limit:
        return frame
    named = numbers >= 0  # a row of no group is in none of them
    sizes = frame[value].to_numpy(dtype=float, na_value=0)[named]
    size = np.full(len(names), -np.inf)
    np.maximum.at(size, numbers[named], sizes)
    # the `limit` largest, and of equal sizes at the cut the groups first met: picked, not
    # sorted (sorting a funder's 60,000 groups took 20 ms of its filter change at 100,000)
    cut = np.partition(size, len(size) - limit)[len(size) - limit]
    chosen = size > cut
    at_cut = np.flatnonzero(size == cut)
    chosen[at_cut[: limit - np.count_nonzero(chosen)]] = True
    return frame[named & chosen[numbers]]


def first_rows(frame: pd.DataFrame, by: str, limit: int) -> pd.DataFrame:
    """Per value of `by` (a bar, a panel), its first `limit` rows, in their order: a bar that
    stacked 100,000 figures of one event would be a 100 MB message."""
    return frame[(frame.groupby(by, sort=False).cumcount() < limit).to_numpy()]


def largest_rows(frame: pd.DataFrame, by: str, value: str, limit: int) -> pd.DataFrame:
    """Per value of `by` (a chart panel), every row when there are at most `limit`, else the
    `limit` rows with the largest `value` (rows without one left out; of equal values, the
    first), in their order. By positions: a funder's 80,000 rows' labels looked up in a
    panel's took 10 ms of every filter change at 100,000 projects."""
    group, _ = pd.factorize(frame[by], sort=False)
    numbers = frame[value].to_numpy(dtype=float, na_value=np.nan)
    keep = np.ones(len(frame), dtype=bool)
    for crowded in np.flatnonzero(np.bincount(group) > limit):
        rows = np.flatnonzero(group == crowded)
        rows = rows[~np.isnan(numbers[rows])]
        keep[group == crowded] = False
        # (stable: of equal values, the first rows)
        keep[rows[np.argsort(-numbers[rows], kind="stable")[:limit]]] = True
    return frame[keep]


# Of one table cell on screen (two or three quoted sentences); the CSV download has the whole
# text. The map's table of a funder's 610 cities, cut at 1,000, sent 1.6 MB on every rerun.
CELL_CHARACTERS = 300


CUT_NOTE = N_("… (cut here: the CSV download has it all)")


def short_cells(
    frame: pd.DataFrame, limit: int = CELL_CHARACTERS, language: str = "en"
) -> pd.DataFrame:
    """`frame` with each text longer than `limit` cut at a word and marked as cut: a city
    named by 300 projects would otherwise send every title on every rerun."""

    def short(text: object) -> object:
        if not isinstance(text, str) or len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0] + " " + tr(language, CUT_NOTE)

    texts = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "str"]
    return frame.assign(**{column: frame[column].map(short) for column in texts})
