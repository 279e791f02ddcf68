"""The figures tied to each place of the map, found in one pass over the view's figures, and a
figure written out as a line of a city's tooltip and table row."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np
import pandas as pd

from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.text.i18n import tr


class PlaceFigure(NamedTuple):
    """One figure tied to a place: `sized` (counts towards its dot) and `from_here`."""

    indicator: str
    project: str
    event: str
    value: object
    precision: str
    fewer_than: object
    source: str
    quote: str
    line: int  # of indicator_values.csv: the figure's own
    sized: bool
    from_here: bool


class PlaceSize(NamedTuple):
    """What a place's figures of the indicator that sizes the dots add up to."""

    counted: int  # figures with a number
    total: int  # their sum, or the largest when the indicator's figures may overlap
    approximate: bool  # any of them is approximate


class FiguresByPlace:
    """Figures tied to each place: the parts that came from a place and the wholes of events
    held there (a whole that is broken down by origin is tied to the origins, not to its
    venue), found with frame operations over the view's figures. Of each place only the first
    `lines` figures are kept as records (every one when `lines` is None, for the CSV); the
    count, the reports cited and the dot's size are worked out for all of them."""

    def __init__(
        self,
        values: pd.DataFrame,
        sizer: str | None,
        adds_up: bool,
        lines: int | None,
        cited_kept: int,
    ) -> None:
        breakdown = values["breakdown"]
        keys = values["project"] + "|" + values["event"] + "|" + values["indicator"]
        broken_down = is_in(keys, keys[breakdown != ""].unique())
        from_here = (breakdown == "origin_city").to_numpy(dtype=bool)
        at_venue = ((breakdown == "") & (values["venue"] != "")).to_numpy(dtype=bool)
        kept = from_here | at_venue
        tie = np.where(
            from_here, values["place"].to_numpy(object), values["venue"].to_numpy(object)
        )
        tied = values.loc[kept, list(_FIGURE_COLUMNS)].assign(
            place=tie[kept], sized=(from_here | ~broken_down)[kept], from_here=from_here[kept]
        )
        by_place = tied.groupby("place", sort=False)
        self.counts = by_place.size().to_dict()
        shown = tied if lines is None else by_place.head(lines)
        self.rows: dict[str, list[PlaceFigure]] = defaultdict(list)
        columns = (
            shown[name].to_numpy(dtype=object) for name in (*_FIGURE_COLUMNS, "sized", "from_here")
        )
        for place, *fields in zip(shown["place"].to_numpy(object), *columns, strict=True):
            self.rows[place].append(PlaceFigure(*fields))
        cited = tied.drop_duplicates(["place", "source", "quote"])
        by_cited = cited.groupby("place", sort=False)
        self.cited_counts = by_cited.size().to_dict()
        self.cited: dict[str, list[tuple[str, str]]] = defaultdict(list)
        first_cited = _lists(by_cited.head(cited_kept), "place", "source", "quote")
        for place, source, quote in zip(*first_cited, strict=True):
            self.cited[place].append((source, quote))
        sources_of: dict[str, set[str]] = defaultdict(set)
        for place, source in zip(*_lists(cited, "place", "source"), strict=True):
            sources_of[place].add(source)
        self.source_ids = {place: frozenset(ids) for place, ids in sources_of.items()}
        sized = tied[tied["sized"].to_numpy(bool) & (tied["indicator"] == sizer).to_numpy(bool)]
        self.sized_places = set(sized["place"].tolist())
        reported = sized[sized["value"].notna().to_numpy(bool)]
        numbers = reported.groupby("place", sort=False)["value"]
        approximate = (reported["precision"] == "approximate").groupby(
            reported["place"], sort=False
        )
        self.sizes = {
            place: PlaceSize(int(counted), int(total), bool(approx))
            for place, counted, total, approx in zip(
                numbers.size().index,
                numbers.size(),
                numbers.sum() if adds_up else numbers.max(),
                approximate.any(),
                strict=True,
            )
        }

    def of(self, place: str) -> list[PlaceFigure]:
        """The place's first figures (all of them without a `lines` bound)."""
        return self.rows.get(place, [])


def _lists(frame: pd.DataFrame, *columns: str) -> list[list]:
    """The columns as Python lists: walking a text column element by element is many times
    slower (each of its Arrow values is converted on its own)."""
    return [frame[column].tolist() for column in columns]


_FIGURE_COLUMNS = (
    "indicator", "project", "event", "value", "precision", "fewer_than", "source", "quote", "line",
)  # fmt: skip


def figure_line(
    portfolio: Portfolio,
    row: PlaceFigure,
    language: str,
    event: str,
) -> tuple[str, str]:
    """('Participants from this city: 132', 'report title: “the sentence”'); `event` is the
    title of the figure's event, or "" without one."""
    label = portfolio.indicators[row.indicator].labels.get(language)
    if row.from_here:
        where = tr(language, "from this city")
    elif event:
        where = tr(language, "at {event}, held here", event=event)
    else:
        where = tr(language, "at an event held here")
    shown = value_text(row.value, row.precision, language, row.fewer_than)
    return f"{label} {where}: {shown}", f"{portfolio.sources[row.source].title}: “{row.quote}”"
