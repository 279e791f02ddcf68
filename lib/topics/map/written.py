"""The words the map writes about a project or an event, each written once a data version and
language and then kept: a project's title, an event's title, and an event with its dates as a
city's row lists it. A filter change selects most of a portfolio's cities again, and wrote
them again (babel's dates, the title looked up in a project's objects) for every place.

Each is a look-up filled as the map asks for an entry, not all at once: a first visit writes
only the few events a city's row shows. An entry depends on the data version and language
only, which the look-ups are kept with (lib/query/index.py), so sessions share them safely.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from lib.model.portfolio import Portfolio
from lib.query.index import index_of
from lib.text.dates import period_text
from lib.text.i18n import tr


class _WrittenOnce(dict):
    """A dict that writes a missing entry with `write(key)` and keeps it."""

    def __init__(self, write: Callable[[Hashable], str]) -> None:
        super().__init__()
        self._write = write

    def __missing__(self, key: Hashable) -> str:
        text = self[key] = self._write(key)
        return text


@dataclass(frozen=True)
class Written:
    """`titles`: project id -> its title; `event_titles`: (project id, event id) -> the
    event's title, or "" without that event; `event_lines`: (project id, event id) ->
    'Title (19 June 2018 – 22 June 2018, planned)'. All in one language."""

    titles: dict[str, str]
    event_titles: dict[tuple[str, str], str]
    event_lines: dict[tuple[str, str], str]


def written_in(portfolio: Portfolio, language: str) -> Written:
    """The map's kept words of this data version in `language`."""
    return index_of(portfolio).remember(
        ("map.written", language), lambda: _written(portfolio, language)
    )


def _written(portfolio: Portfolio, language: str) -> Written:
    def event_title(key: tuple[str, str]) -> str:
        event = portfolio.event(*key)
        return event.title.get(language) if event is not None else ""

    def event_line(key: tuple[str, str]) -> str:
        event = portfolio.event(*key)
        assert event is not None  # asked only for the events a place lists
        planned = ", " + tr(language, "planned") if event.status == "planned" else ""
        return f"{titles[key]} ({period_text(event.start, event.end, language)}{planned})"

    projects = portfolio.projects
    titles = _WrittenOnce(event_title)
    return Written(
        _WrittenOnce(lambda pid: projects[pid].title.get(language)),
        titles,
        _WrittenOnce(event_line),
    )
