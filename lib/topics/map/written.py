"""The words the map writes about an event or a figure, each written once a data
version and language and then kept (a project's title is lib/query/names.project_titles'): an
event's title, an event with its dates as a city's row lists it, and a figure's line with its
source. A filter change selects most of a portfolio's cities again, and wrote them again
(babel's dates, the title looked up in a project's objects) for every place.

Each is a look-up filled as the map asks for an entry, not all at once: a first visit writes
only the few events a city's row shows. An entry depends on the data version and language
only, which the look-ups are kept with (lib/query/index.py), so sessions share them safely.
They hold texts only, never the portfolio: the index is let go with its portfolio (a weak
reference), which a portfolio held from inside its own index would never be.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.figure_text import value_text
from lib.query.index import index_of
from lib.query.names import report_titles
from lib.query.project_rows import project_numbers
from lib.text.dates import period_text
from lib.text.i18n import tr
from lib.topics.map.place_figures import PlaceFigure, ShownFigures


@dataclass(frozen=True)
class Written:
    """The kept words of one data version in `language`."""

    language: str
    event_titles: dict[tuple[str, str], str] = field(default_factory=dict)
    event_lines: dict[tuple[str, str], str] = field(default_factory=dict)
    figure_lines: dict[int, tuple[str, str]] = field(default_factory=dict)  # by CSV line
    figure_texts: dict[int, str] = field(default_factory=dict)  # by CSV line

    def event_title(self, portfolio: Portfolio, project_id: str, event_id: str) -> str:
        """The event's title, or "" without that event."""
        key = (project_id, event_id)
        title = self.event_titles.get(key)
        if title is None:
            event = _event_words(portfolio, project_id, event_id, _title_column(self.language))
            title = event[0] if event is not None else ""
            self.event_titles[key] = title
        return title

    def know_event_titles(self, portfolio: Portfolio, events: list[tuple[str, str]]) -> None:
        """Write the titles of these (project id, event id) at once, as event_title writes
        each: a filter change's thousands of new figures each looked their event up in its
        project's slice of the events' columns, a third of the map's time."""
        missing = [key for key in dict.fromkeys(events) if key not in self.event_titles]
        if not missing:
            return
        index = index_of(portfolio)
        table = index.once(("map.events by project",), lambda: _events_by_project(portfolio))[0]
        keys, rows, ids = index.once(("map.event keys",), lambda: _event_keys(portfolio))
        projects = index.id_index.get_indexer([project for project, _ in missing])
        numbers = ids.get_indexer([event for _, event in missing])
        wanted = projects.astype(np.int64) * (len(ids) + 1) + numbers
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        found = (projects >= 0) & (numbers >= 0) & (keys[at] == wanted)
        titles = table.column(_title_column(self.language)).take(pa.array(rows[at[found]]))
        self.event_titles.update(dict.fromkeys(missing, ""))  # no such event: no title
        known = [key for key, here in zip(missing, found.tolist(), strict=True) if here]
        self.event_titles.update(zip(known, titles.to_pylist(), strict=True))

    def event_line(self, portfolio: Portfolio, project_id: str, event_id: str) -> str:
        """'Title (19 June 2018 – 22 June 2018, planned)' of an event a place lists."""
        key = (project_id, event_id)
        line = self.event_lines.get(key)
        if line is None:
            language = self.language
            # its title read with its dates (one look-up, not two), kept as event_title keeps it
            columns = (_title_column(language), "status", "start", "end")
            event = _event_words(portfolio, project_id, event_id, *columns)
            assert event is not None  # asked only for the events a place lists
            title, status, start, end = event
            if self.event_titles.get(key) is None:
                self.event_titles[key] = title
            planned = ", " + tr(language, "planned") if status == "planned" else ""
            dates = period_text(_date(start), _date(end), language)
            line = f"{title} ({dates}{planned})"
            self.event_lines[key] = line
        return line

    def figure(self, portfolio: Portfolio, row: PlaceFigure) -> tuple[str, str]:
        """place_figures.figure_line of the row (a figure's line and source depend on the
        figure alone, which its line of indicator_values.csv names)."""
        written = self.figure_lines.get(row.line)
        if written is None:
            event = self.event_title(portfolio, row.project, row.event)
            written = figure_line(portfolio, row, self.language, event)
            self.figure_lines[row.line] = written
        return written

    def figure_at(self, portfolio: Portfolio, shown: ShownFigures, at: int) -> tuple[str, str]:
        """`figure` of the figure at `at` of `shown`, its record made only if not kept."""
        written = self.figure_lines.get(shown.lines[at])
        return self.figure(portfolio, shown.record(at)) if written is None else written

    def figure_text_at(self, portfolio: Portfolio, shown: ShownFigures, at: int) -> str:
        """`figure_text` of the figure at `at` of `shown`, its record made only if needed."""
        line = shown.lines[at]
        text = self.figure_texts.get(line)
        if text is None:
            written = self.figure_lines.get(line)
            if written is None:
                return self.figure_text(portfolio, shown.record(at))
            figure, source = written
            text = tr(self.language, "{figure} (source: {source})", figure=figure, source=source)
            self.figure_texts[line] = text
        return text

    def figure_text(self, portfolio: Portfolio, row: PlaceFigure) -> str:
        """'Participants from this city: 132 (source: report title: “the sentence”)'."""
        text = self.figure_texts.get(row.line)
        if text is None:
            figure, source = self.figure(portfolio, row)
            text = tr(self.language, "{figure} (source: {source})", figure=figure, source=source)
            self.figure_texts[row.line] = text
        return text


def _event_words(
    portfolio: Portfolio, project_id: str, event_id: str, *columns: str
) -> tuple | None:
    """The event's `columns` (lib/model/projects.py SCHEMAS), read from the events' columns,
    or None without that event: a snapshot validates a project each time one is opened, and
    a first visit lists a thousand events."""
    index = index_of(portfolio)
    events, first, counts = index.once(
        ("map.events by project",), lambda: _events_by_project(portfolio)
    )
    try:
        number = index.id_index.get_loc(project_id)
    except KeyError:
        return None
    count = int(counts[number])
    if not count:
        return None
    start = int(first[number])
    try:  # the first with the id, as Portfolio.event finds it
        at = start + events.column("id").slice(start, count).to_pylist().index(event_id)
    except ValueError:
        return None
    return tuple(events.column(column)[at].as_py() for column in columns)


def _events_by_project(portfolio: Portfolio) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """The events' columns as an Arrow table (its buffers shared with the parts' frame), and
    by each project's position among the index's ids, its first row and how many rows it has
    (a project's events are together, in the order of the ids): a fresh selection's thousand
    events were each found by slicing the table and reading its project's ids again, and
    every event's id kept as a Python text, with a dict of every project, was 20 MB at
    100,000 projects."""
    events = parts_of(portfolio.projects).events
    # numbered as the map's every_place numbers them, once a version
    numbers = project_numbers(portfolio, "events", events["project"])
    projects = len(index_of(portfolio).ids)
    counts = np.bincount(numbers[numbers >= 0], minlength=projects)
    first = np.searchsorted(numbers, np.arange(projects))
    return pa.Table.from_pandas(events, preserve_index=False), first, counts


def _event_keys(portfolio: Portfolio) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """Each (project, event id) of the events' columns as one number (its project's position
    among the index's ids and its id's number), sorted, with its first row (as
    Portfolio.event finds an event: the first with the id), and the ids by their numbers:
    what a batch of events is looked up in with numpy, once a version."""
    events = parts_of(portfolio.projects).events
    projects = project_numbers(portfolio, "events", events["project"])
    numbers, ids = pd.factorize(events["id"])
    keys = projects.astype(np.int64) * (len(ids) + 1) + numbers
    keys[(projects < 0) | (numbers < 0)] = -1  # of no project, or with no id: never found
    order = np.argsort(keys, kind="stable")  # a key's first row first
    ordered = keys[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(keys) else np.zeros(0, dtype=bool)
    return ordered[first], order[first], pd.Index(ids)


def _title_column(language: str) -> str:
    """A language we lack reads the source language, as Text.get does."""
    return f"title_{language if language in LANGUAGE_CODES else SOURCE_LANGUAGE}"


def _date(text: str | None) -> FuzzyDate | None:
    return None if text is None else FuzzyDate.parse(text)


def written_in(portfolio: Portfolio, language: str) -> Written:
    """The map's kept words of this data version in `language`."""
    return index_of(portfolio).once(("map.written", language), lambda: Written(language))


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
    return f"{label} {where}: {shown}", f"{report_titles(portfolio)[row.source]}: “{row.quote}”"
