"""The figures tied to each place of the map, found in one pass over the view's figures, and a
figure written out as a line of a city's tooltip and table row."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import pandas as pd

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
    sized: bool
    from_here: bool


class FiguresByPlace:
    """Figures tied to each place, found in one pass over the view's figures: the parts that
    came from a place and the wholes of events held there. A whole that is broken down by
    origin is tied to the origins, not to its venue. Kept as plain records, a place's list
    each: a frame a place (hundreds of places, each filtered, copied and walked) took most of
    a 10,000-project map's time."""

    def __init__(self, values: pd.DataFrame) -> None:
        keys = values["project"] + "|" + values["event"] + "|" + values["indicator"]
        broken_down = keys.isin(set(keys[values["breakdown"] != ""])).to_numpy(dtype=bool)
        # object arrays: walking a masked (Int64) column an element at a time is slow
        columns = (values[name].to_numpy(dtype=object) for name in _FIGURE_COLUMNS)
        fields = list(zip(*columns, strict=True))
        self.rows: dict[str, list[PlaceFigure]] = defaultdict(list)
        places = (values[name].to_numpy(dtype=object) for name in ("breakdown", "place", "venue"))
        for position, (breakdown, place, venue) in enumerate(zip(*places, strict=True)):
            if breakdown == "origin_city":
                self.rows[place].append(PlaceFigure(*fields[position], True, True))
            elif breakdown == "" and venue:
                sized = bool(not broken_down[position])
                self.rows[venue].append(PlaceFigure(*fields[position], sized, False))

    def of(self, place: str) -> list[PlaceFigure]:
        return self.rows.get(place, [])


_FIGURE_COLUMNS = (
    "indicator", "project", "event", "value", "precision", "fewer_than", "source", "quote",
)  # fmt: skip


def figure_line(portfolio: Portfolio, row: PlaceFigure, language: str) -> tuple[str, str]:
    """('Participants from this city: 132', 'report title: “the sentence”')."""
    label = portfolio.indicators[row.indicator].labels.get(language)
    events = portfolio.projects[row.project].events
    event = next((e.title.get(language) for e in events if e.id == row.event), "")
    if row.from_here:
        where = tr(language, "from this city")
    elif event:
        where = tr(language, "at {event}, held here", event=event)
    else:
        where = tr(language, "at an event held here")
    shown = value_text(row.value, row.precision, language, row.fewer_than)
    return f"{label} {where}: {shown}", f"{portfolio.sources[row.source].title}: “{row.quote}”"
