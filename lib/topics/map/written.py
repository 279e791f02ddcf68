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

import pyarrow as pa

from lib.model.dates import FuzzyDate
from lib.model.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from lib.model.portfolio import Portfolio
from lib.model.sources import Sources
from lib.query.figure_text import value_text
from lib.query.index import index_of
from lib.query.names import report_titles
from lib.text.dates import period_text
from lib.text.i18n import tr
from lib.topics.map.event_rows import event_columns, events_found
from lib.topics.map.place_figures import PlaceFigure, ShownFigures


@dataclass(frozen=True)
class Written:
    """The kept words of one data version in `language`."""

    language: str
    event_titles: dict[tuple[str, str], str] = field(default_factory=dict)
    event_lines: dict[tuple[str, str], str] = field(default_factory=dict)
    figure_lines: dict[int, tuple[str, str]] = field(default_factory=dict)  # by CSV line
    figure_texts: dict[int, str] = field(default_factory=dict)  # by CSV line
    # 'report title: “the sentence”' of a (report id, sentence) a place's figures cite
    cited_lines: dict[tuple[str, str], str] = field(default_factory=dict)

    def event_title(self, portfolio: Portfolio, project_id: str, event_id: str) -> str:
        """The event's title, or "" without that event."""
        key = (project_id, event_id)
        title = self.event_titles.get(key)
        if title is None:
            event = event_columns(portfolio, project_id, event_id, _title_column(self.language))
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
        found = events_found(portfolio, missing, (_title_column(self.language),))
        self.event_titles.update(dict.fromkeys(missing, ""))  # no such event: no title
        self.event_titles.update((key, words[0]) for key, words in found.items())

    def event_words(
        self, portfolio: Portfolio, events: list[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple]:
        """What event_line reads of these (project id, event id) whose lines are not kept,
        read at once, by key (an event not found is left out): a funder's table looked up
        its places' few hundred new events one at a time, 50 µs each."""
        missing = [key for key in dict.fromkeys(events) if key not in self.event_lines]
        if not missing:
            return {}
        return events_found(portfolio, missing, _line_columns(self.language))

    def event_line(
        self,
        portfolio: Portfolio,
        project_id: str,
        event_id: str,
        known: dict[tuple[str, str], tuple] | None = None,
    ) -> str:
        """'Title (19 June 2018 – 22 June 2018, planned)' of an event a place lists; `known`:
        event_words' of a batch the event may be in."""
        key = (project_id, event_id)
        line = self.event_lines.get(key)
        if line is None:
            language = self.language
            # its title read with its dates (one look-up, not two), kept as event_title keeps it
            event = None if known is None else known.get(key)
            if event is None:
                event = event_columns(portfolio, project_id, event_id, *_line_columns(language))
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

    def know_figures(self, portfolio: Portfolio, rows: list[PlaceFigure]) -> None:
        """Write the lines of these figures at once, as `figure` writes each (their events'
        titles known already, know_event_titles'): a year range's thousands of new figures
        each looked its report's title up in the reports' table and its label and words up
        again, a third of the change at 100,000 projects."""
        kept = self.figure_lines
        first: dict[int, PlaceFigure] = {}  # a line's first row, as `figure` keeps it
        for row in rows:
            if row.line not in kept and row.line not in first:
                first[row.line] = row
        if not first:
            return
        missing = list(first.values())
        language = self.language
        titles = _report_titles(portfolio, [row.source for row in missing])
        labels = {
            code: portfolio.indicators[code].labels.get(language)
            for code in dict.fromkeys(row.indicator for row in missing)
        }
        here, somewhere = tr(language, "from this city"), tr(language, "at an event held here")
        at_event = tr(language, "at {event}, held here")  # filled in as tr fills it
        values: dict[tuple, str] = {}  # a selection's figures share a few hundred numbers
        for row in missing:
            if row.from_here:
                where = here
            else:
                event = self.event_title(portfolio, row.project, row.event)
                where = at_event.format(event=event) if event else somewhere
            key = (type(row.value), row.value, row.precision, type(row.fewer_than), row.fewer_than)
            shown = values.get(key)
            if shown is None:
                shown = values[key] = value_text(row.value, row.precision, language, row.fewer_than)
            kept[row.line] = (
                f"{labels[row.indicator]} {where}: {shown}",
                f"{titles[row.source]}: “{row.quote}”",
            )

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


def _report_titles(portfolio: Portfolio, sources: list[str]) -> dict[str, str]:
    """The titles of these reports, by id, read from the reports' table at once (each read
    alone, a report's position and then its title, took a tenth of a year range's change)."""
    wanted = list(dict.fromkeys(sources))
    held = portfolio.sources
    if not isinstance(held, Sources):
        titles = report_titles(portfolio)
        return {sid: titles[sid] for sid in wanted}
    at = pa.array([held.position(sid) for sid in wanted], type=pa.int64())
    return dict(zip(wanted, held.table()["title"].take(at).to_pylist(), strict=True))


def _line_columns(language: str) -> tuple[str, ...]:
    return (_title_column(language), "status", "start", "end")


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
