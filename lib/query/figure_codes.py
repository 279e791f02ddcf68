"""The figures' columns a headline adds up, as numbers, worked out once a data version.

A headline over a funder's 260,000 figures masked and took Arrow text columns (project,
source, quote) and grouped them by name: a tenth of a second a card at 100,000 projects.
Here each figure's project, indicator and cited sentence is a number, in arrays over the
index's rows, so a headline takes integers and floats at the rows' positions instead.
Plain numpy and pandas, no Streamlit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.index import index_of
from lib.query.shared_texts import shared_texts


@dataclass(frozen=True)
class FigureCodes:
    """Arrays over the rows of the index's `values`, by position."""

    indicator: np.ndarray  # the row's place in `indicators`
    indicators: dict[str, int]  # indicator code -> its number
    project: np.ndarray  # the row's project's place in `projects`
    projects: np.ndarray  # every project id of a figure, sorted as Python sorts text
    value: np.ndarray  # float; NaN where the report gives no number
    approximate: np.ndarray  # bool: precision "approximate"
    suppressed: np.ndarray  # bool: precision "suppressed" (hidden as small)
    fewer_than: np.ndarray  # float; NaN where none
    citation: np.ndarray  # one number for each (project, source, quote)
    source: np.ndarray  # the row's source's place in `sources`
    sources: np.ndarray  # the source ids, as first met


def figure_codes(portfolio: Portfolio) -> FigureCodes:
    """The portfolio's figure codes, once a data version."""
    index = index_of(portfolio)
    return index.once(("figure_codes",), lambda: _codes(index.values, index.ids, portfolio.sources))


def positions(portfolio: Portfolio, values: pd.DataFrame) -> np.ndarray | None:
    """Where the rows of `values` (filters.selected_values: rows of the index's figures, on
    their labels, unchanged) are among the index's figures; None when a label is not one of
    them or a row's number differs, which a frame from elsewhere would show."""
    every = index_of(portfolio).values.index
    at = _labels_at(every, values.index)
    if at is None:
        return None
    mine = values["value"].to_numpy(dtype=float, na_value=np.nan)
    theirs = figure_codes(portfolio).value[at]
    return at if np.array_equal(mine, theirs, equal_nan=True) else None


def cited_sources(portfolio: Portfolio, values: pd.DataFrame) -> list[str]:
    """The ids of the portfolio's reports that the rows of `values` (as `positions` takes
    them) cite, each once, in the order first cited. By the figures' source numbers: a
    funder's 270,000 figures' ids made unique, then each looked for among 80,000 reports,
    took 60 ms of each chart's picture at 100,000 projects."""
    at = positions(portfolio, values)
    if at is None:
        cited = values["source"].unique().tolist() if "source" in values else []
        return [sid for sid in cited if sid in portfolio.sources]
    return cited_sources_at(portfolio, at)


def cited_sources_at(portfolio: Portfolio, at: np.ndarray) -> list[str]:
    """cited_sources of the index's figures at the positions `at`."""
    codes = figure_codes(portfolio)
    known = index_of(portfolio).once(
        ("figure_codes.known_sources",),
        lambda: np.array([sid in portfolio.sources for sid in codes.sources.tolist()], bool),
    )
    numbers = codes.source[at]
    firsts = numbers[first_of_each(numbers)]
    return codes.sources[firsts[known[firsts]]].tolist()


def _labels_at(every: pd.Index, labels: pd.Index) -> np.ndarray | None:
    """Where `labels` are in `every` (each once), or None if one is not there or repeats. The
    figures' labels are their positions (a RangeIndex): then they are found by arithmetic, as
    a hash look-up of a funder's 270,000 labels took 30 ms, each headline again."""
    if isinstance(every, pd.RangeIndex) and every.step == 1 and labels.dtype.kind == "i":
        at = labels.to_numpy() - every.start
        if len(at) and (at.min() < 0 or at.max() >= len(every)):
            return None
        ascending = len(at) < 2 or bool((at[1:] > at[:-1]).all())  # so no label repeats
        return at if ascending or not labels.has_duplicates else None
    if every.has_duplicates or labels.has_duplicates:
        return None
    at = every.get_indexer(labels)
    return None if (at < 0).any() else at


def _codes(
    values: pd.DataFrame, project_ids: Iterable[str], source_ids: Iterable[str]
) -> FigureCodes:
    """The codes of `values`, their project and report ids the objects of `project_ids` and
    `source_ids` (the index's, the portfolio's), not texts of their own."""
    indicator, indicators = pd.factorize(values["indicator"])
    project, projects = pd.factorize(values["project"])
    # project numbers in sorted order of the ids, so sorting numbers sorts the ids
    ids = np.array(shared_texts(projects.tolist(), project_ids), dtype=object)
    order = np.argsort(ids, kind="stable")
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    source, sources = pd.factorize(values["source"], use_na_sentinel=False)
    quote, _ = pd.factorize(values["quote"], use_na_sentinel=False)
    pair = project.astype(np.int64) * (len(sources) + 1) + source
    cited, _ = pd.factorize(pair)
    triple = cited.astype(np.int64) * (quote.max(initial=0) + 1) + quote
    precision = values["precision"]
    return FigureCodes(
        # numbers of a few hundred thousand things at most: 4 bytes each, not 8 (3 MB less
        # at 100,000 projects)
        indicator=indicator.astype(np.int32),
        indicators={code: number for number, code in enumerate(indicators.tolist())},
        project=rank[project].astype(np.int32),
        projects=ids[order],
        value=values["value"].to_numpy(dtype=float, na_value=np.nan),
        approximate=(precision == "approximate").to_numpy(dtype=bool, na_value=False),
        suppressed=(precision == "suppressed").to_numpy(dtype=bool, na_value=False),
        fewer_than=values["fewer_than"].to_numpy(dtype=float, na_value=np.nan),
        citation=triple,
        source=source.astype(np.int32),
        sources=np.array(shared_texts(sources.tolist(), source_ids), dtype=object),
    )


def first_of_each(keys: np.ndarray) -> np.ndarray:
    """Positions of the first row of each distinct key, in the rows' order. By hashing, not
    sorting: sorting a funder's 270,000 figures' report numbers took 25 ms of every chart's
    picture at 100,000 projects, and each headline sorted its figures' sentences again."""
    return np.flatnonzero(~pd.Series(keys).duplicated().to_numpy())
