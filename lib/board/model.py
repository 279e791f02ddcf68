"""What the board pack and presentation mode are made of: topics of lines (a figure in words
with the numbers of its reports), and the reports numbered in the order they are first cited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.model.sources import source_titles
from lib.topics.map.data import MapData

REFS = 6  # reports a line numbers; the dashboard's tables list every one


@dataclass(frozen=True)
class Line:
    """One figure or fact in words, with the numbers of the reports that state it."""

    label: str
    text: str
    refs: tuple[int, ...] = ()
    more_refs: int = 0  # reports beyond the first REFS, counted but not numbered

    def refs_text(self) -> str:
        """'[1, 2]', or '[1, 2, 3, 4, 5, 6 …+120]' for a total from many reports."""
        if not self.refs:
            return ""
        more = f" …+{self.more_refs}" if self.more_refs else ""
        return "[" + ", ".join(str(n) for n in self.refs) + more + "]"


@dataclass(frozen=True)
class Topic:
    """A page of the pack, a screen of the presentation: `tiles` are headline figures drawn
    large, `lines` the figures in words, `notes` what a reader must know to read them."""

    key: str
    title: str
    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()
    tiles: tuple[Line, ...] = ()


@dataclass(frozen=True)
class SourceEntry:
    number: int
    source_id: str
    title: str
    language: str
    url: str | None


@dataclass
class Board:
    """Everything the pack and the wall screen show for one view."""

    language: str
    filters_words: str
    project_ids: Sequence[str]
    project_count: int
    topics: list[Topic] = field(default_factory=list)
    sources: list[SourceEntry] = field(default_factory=list)
    participants: pd.DataFrame | None = None
    people: pd.DataFrame | None = None
    funding: pd.DataFrame | None = None  # funding lines with their funder's name (funder_lines)
    timeline: pd.DataFrame | None = None
    map: MapData | None = None

    def topic(self, key: str) -> Topic:
        return next(topic for topic in self.topics if topic.key == key)


class SourceNumbering:
    """Numbers the reports in the order the pack first cites them: [1], [2]..."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio
        self.numbers: dict[str, int] = {}
        self.by_title = {title: sid for sid, title in source_titles(portfolio.sources).items()}

    def of(self, source_ids: Iterable[str]) -> tuple[tuple[int, ...], int]:
        """The numbers of the first REFS reports among `source_ids` (ids or titles), and how
        many more there are: a total over a portfolio may come from thousands of reports."""
        known = []
        for source_id in source_ids:
            source_id = self.by_title.get(source_id, source_id)  # frames hold titles
            if source_id in self.portfolio.sources:
                known.append(source_id)
        distinct = list(dict.fromkeys(known))
        numbers = [
            self.numbers.setdefault(source_id, len(self.numbers) + 1)
            for source_id in distinct[:REFS]
        ]
        return tuple(sorted(numbers)), max(len(distinct) - REFS, 0)

    def entries(self) -> list[SourceEntry]:
        return [
            SourceEntry(number, sid, s.title, s.language, s.url)
            for sid, number in self.numbers.items()
            for s in (self.portfolio.sources[sid],)
        ]
