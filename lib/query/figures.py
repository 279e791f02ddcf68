"""Headline figures for a set of projects, each with its sources, never adding unlike counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.figure_codes import figure_codes, first_of_each, positions
from lib.query.figure_columns import event_titles, figure_events, when_text
from lib.query.filters import FigureRows
from lib.query.index import index_of
from lib.query.limits import CITATIONS
from lib.query.names import project_titles
from lib.query.project_rows import rows_of
from lib.text.i18n import format_number, tr


@dataclass(frozen=True)
class Citation:
    project: str
    source: str
    quote: str
    when: str  # the period or event date as the report gives it, or "date not stated"


@dataclass(frozen=True)
class Figure:
    """One headline number; `value` is None when no selected project reports it."""

    key: str
    value: int | None
    approximate: bool
    at_least: bool
    citations: tuple[Citation, ...]  # the first CITATIONS of them: what a card quotes
    citation_count: int  # how many there are in all
    sources: tuple[str, ...]  # every report cited, in the order first cited
    not_reported_in: tuple[str, ...]
    projects_reporting: tuple[str, ...]
    figures_added: int = 1
    # Public site: projects whose count is hidden as small, and the bound of their sum
    # (None when a withheld complement has no bound); the total then is "at least" value.
    suppressed_in: tuple[str, ...] = ()
    fewer_than: int | None = None


def headline_codes(portfolio: Portfolio) -> list[str]:
    """The headline indicators (`headline: true` in indicators.yaml), in that file's order."""
    return [code for code, indicator in portfolio.indicators.items() if indicator.headline]


def indicator_figure(
    portfolio: Portfolio, code: str, values: pd.DataFrame, language: str = "en"
) -> Figure:
    """The total of one indicator over `values` (from filters.selected_values, unchanged), by
    the indicator's own aggregation rule.

    Only rows marked `counts_in_total` count (a part by origin city is already inside its
    whole). With `at_least` aggregation, a project's rows may overlap, so the project
    contributes its largest row and the total is marked as a lower bound.
    """
    at = positions(portfolio, values)
    if at is None:  # not rows of the portfolio's figures: from the frame's own columns
        return _figure_of_frame(portfolio, code, values, language)
    counted = values["counts_in_total"].to_numpy(dtype=bool)
    return figure_at(portfolio, code, at, counted, language)


def figure_at(
    portfolio: Portfolio, code: str, at: np.ndarray, counted: np.ndarray, language: str = "en"
) -> Figure:
    """indicator_figure of the index's figures at the positions `at`, where `counted` says
    which count in a total (filters.selected_figures)."""
    codes = figure_codes(portfolio)
    indicator = portfolio.indicators[code]
    # the wholes' places in `at`, then their positions among the portfolio's figures
    wholes = np.flatnonzero((codes.indicator[at] == codes.indicators.get(code, -1)) & counted)
    rows = at[wholes]
    number = codes.value[rows]
    has_value = ~np.isnan(number)
    project = codes.project[rows]
    # per project, how many figures report a number: counting beats sorting 260,000 rows
    reports = np.bincount(project[has_value], minlength=len(codes.projects))
    reporting = np.flatnonzero(reports)
    if not len(reporting):
        total = None
    elif indicator.aggregation == "sum":
        total = int(number[has_value].sum())
    else:
        largest = np.full(len(codes.projects), -np.inf)
        np.maximum.at(largest, project[has_value], number[has_value])
        total = int(largest[reporting].sum())
    overlapping = indicator.aggregation == "at_least" and bool((reports > 1).any())
    hidden = codes.suppressed[rows]
    fewer_than = codes.fewer_than[rows[hidden]]
    # each hidden count is at most its bound minus one, so their sum is below this
    bound = None if np.isnan(fewer_than).any() else int((fewer_than - 1).sum()) + 1
    # the reported figures' sentences first, then those of figures given without a number
    said = np.concatenate([wholes[has_value], wholes[~has_value]])
    cited = said[first_of_each(codes.citation[at[said]])]
    sources = codes.source[at[cited]]
    withheld = np.bincount(project[hidden], minlength=len(codes.projects)) > 0
    listed = np.bincount(project, minlength=len(codes.projects)) > 0
    silent = np.flatnonzero(listed & (reports == 0) & ~withheld)
    return Figure(
        key=code,
        value=total,
        approximate=bool(codes.approximate[rows[has_value]].any()),
        at_least=bool(overlapping) or (bool(hidden.any()) and len(reporting) > 0),
        citations=_citations(
            portfolio, index_of(portfolio).values.iloc[at[cited[:CITATIONS]]], language
        ),
        citation_count=len(cited),
        sources=tuple(codes.sources[sources[first_of_each(sources)]].tolist()),
        not_reported_in=tuple(codes.projects[silent].tolist()),
        projects_reporting=tuple(codes.projects[reporting].tolist()),
        figures_added=int(has_value.sum()) if indicator.aggregation == "sum" else 1,
        suppressed_in=tuple(codes.projects[np.flatnonzero(withheld)].tolist()),
        fewer_than=bound if hidden.any() else None,
    )


def _figure_of_frame(
    portfolio: Portfolio, code: str, values: pd.DataFrame, language: str
) -> Figure:
    """indicator_figure from the columns of a frame that is not the portfolio's figures."""
    indicator = portfolio.indicators[code]
    # only the columns used: masking every column of a 10,000-project frame took most of
    # a headline's time
    wholes = values.loc[(values["indicator"] == code) & values["counts_in_total"], _USED]
    has_value = wholes["value"].notna().to_numpy()
    reported = wholes[has_value]
    if indicator.aggregation == "sum":
        per_project = reported.groupby("project")["value"].sum()
    else:
        per_project = reported.groupby("project")["value"].max()
    overlapping = indicator.aggregation == "at_least" and (
        reported.groupby("project").size().gt(1).any()
    )
    hidden = wholes[(wholes["precision"] == "suppressed").to_numpy()]
    bound = None if hidden["fewer_than"].isna().any() else int((hidden["fewer_than"] - 1).sum()) + 1
    keys = ["project", "source", "quote"]
    cited = pd.concat([reported[keys], wholes.loc[~has_value, keys]]).drop_duplicates()
    silent = _projects(wholes) - _projects(reported) - _projects(hidden)
    return Figure(
        key=code,
        value=int(per_project.sum()) if len(per_project) else None,
        approximate=bool((reported["precision"] == "approximate").any()),
        at_least=bool(overlapping) or (len(hidden) > 0 and len(per_project) > 0),
        citations=_citations(portfolio, wholes.loc[cited.index[:CITATIONS]], language),
        citation_count=len(cited),
        sources=tuple(cited["source"].unique().tolist()),
        not_reported_in=tuple(sorted(silent)),
        projects_reporting=tuple(sorted(per_project.index.tolist())),
        figures_added=len(reported) if indicator.aggregation == "sum" else 1,
        suppressed_in=tuple(sorted(_projects(hidden))),
        fewer_than=bound if len(hidden) else None,
    )


_USED = [
    "project", "event", "value", "precision", "fewer_than", "source", "quote",
    "period_start", "period_end",
]  # fmt: skip


def _projects(rows: pd.DataFrame) -> set[str]:
    # as a list first: iterating over an Arrow-backed column yields one value at a time
    return set(rows["project"].unique().tolist())


def _citations(portfolio: Portfolio, rows: pd.DataFrame, language: str) -> tuple[Citation, ...]:
    return tuple(
        Citation(row.project, row.source, row.quote, figure_when(portfolio, row, language))
        for row in rows.itertuples(index=False)
    )


def figure_when(portfolio: Portfolio, row: object, language: str = "en") -> str:
    """A figure's own period, else its event's dates, written as precisely as stated."""
    event = portfolio.event(row.project, row.event) if row.event else None
    event_start, event_end = (event.start, event.end) if event else (None, None)
    return when_text(row.period_start, row.period_end, event_start, event_end, language)


def headline_counts(portfolio: Portfolio, project_ids: Sequence[str]) -> dict[str, int]:
    """Counts of things named in the project files: projects, cities, countries, funders.
    From the projects' parts: a funder's 80,000 projects are not walked one at a time."""
    parts = parts_of(portfolio.projects)
    places, funding = parts.places, parts.funding
    listed = places["place"][rows_of(portfolio, "places", places["project"], project_ids)]
    places = [portfolio.places[place_id] for place_id in listed.unique().tolist()]
    funders = funding["funder"][rows_of(portfolio, "funding", funding["project"], project_ids)]
    funders = funders.unique()
    return {
        "projects": len(project_ids),
        "cities": sum(1 for place in places if place.kind != "region"),
        "countries": len({place.country for place in places}),
        "funders": len(funders),
    }


@dataclass(frozen=True)
class Network:
    title: str
    size: int
    named: int
    event: str = ""  # the meeting the cities took part in, when the report counts one


def network_words(network: Network, language: str = "en") -> str:
    """The Overview's line for a network: a count of the cities at one meeting is not the
    size of the whole network, so it names the meeting."""
    size = format_number(network.size, language)
    named = format_number(network.named, language)
    if network.event:
        return tr(
            language,
            "{project}: {size} cities took part in {event}, {named} of them named in the "
            "report and counted above.",
            project=network.title,
            size=size,
            event=network.event,
            named=named,
        )
    return tr(
        language,
        "{project}: {size} cities in its network, {named} of them named in the report and "
        "counted above.",
        project=network.title,
        size=size,
        named=named,
    )


def network_sizes(
    portfolio: Portfolio, values: pd.DataFrame, language: str = "en"
) -> list[Network]:
    """Networks whose report gives a size larger than the cities it names (22 cities, 8 named)."""
    return _networks(portfolio, network_rows(portfolio, values), language)


def network_sizes_at(
    portfolio: Portfolio, figures: FigureRows, language: str = "en", first: int | None = None
) -> list[Network]:
    """network_sizes of the figures filters.selected_figures gives (the `first` of them, or
    all): only the networks' rows are taken, not first every selected figure's (60 ms for a
    funder at 100,000 projects), and the words of those asked for alone (a funder's 5,000
    networks' took 80 ms, for the Overview's five lines)."""
    at = _network_positions(portfolio, figures)[:first]
    return _networks(portfolio, index_of(portfolio).values.take(at), language)


def network_count_at(portfolio: Portfolio, figures: FigureRows) -> int:
    """How many networks network_sizes_at gives in all."""
    return len(_network_positions(portfolio, figures))


def _network_positions(portfolio: Portfolio, figures: FigureRows) -> np.ndarray:
    codes = figure_codes(portfolio)
    wanted = [codes.indicators[code] for code in _city_codes(portfolio) if code in codes.indicators]
    at = figures.at
    return at[np.isin(codes.indicator[at], wanted) & ~np.isnan(codes.value[at])]


def _networks(portfolio: Portfolio, rows: pd.DataFrame, language: str) -> list[Network]:
    # columns as lists, not a row tuple each: a funder's 5,000 networks made 5,000 tuples
    projects, sizes = rows["project"].tolist(), rows["value"].tolist()
    # titles and places from the projects' columns: a lazily opened portfolio validates a
    # project a look, and the Overview names every network of the selection
    titles = project_titles(portfolio, language)
    places = parts_of(portfolio.projects).places
    places = places.loc[rows_of(portfolio, "places", places["project"], projects), _PLACE]
    named = places.groupby("project")["place"].nunique().to_dict()
    # the title of a meeting whose cities a figure counts, from the events' columns too
    meetings = event_titles(figure_events(portfolio, projects, rows["event"].tolist()), language)
    return [
        Network(titles[project], int(size), int(named.get(project, 0)), meeting)
        for project, size, meeting in zip(projects, sizes, meetings, strict=True)
    ]


_PLACE = ["project", "place"]


def network_rows(portfolio: Portfolio, values: pd.DataFrame) -> pd.DataFrame:
    """The reported figures of indicators of unit `cities` (indicators.yaml): how many cities a
    project's network has, which the Overview compares with the places its file names."""
    return values[values["indicator"].isin(_city_codes(portfolio)) & values["value"].notna()]


def _city_codes(portfolio: Portfolio) -> list[str]:
    return [code for code, indicator in portfolio.indicators.items() if indicator.unit == "cities"]
