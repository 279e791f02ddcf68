"""Words written from a project for a table of many projects (the Funding table's lines, the
project list's rows), kept a project and language for the next filter change, where the
validated projects they are written from are not.

A page's table opens hundreds of projects a filter change. Kept by the projects' mapping
(lib/model/projects.py), each validated project stayed some forty objects that Python's cycle
collector walks at every full collection, in whichever page's rerun it falls: after the
Funding page's filter changes at 100,000 projects, the Map's next one took 140 ms, 50-65 ms
with the words kept instead (texts, numbers and tuples of texts). The projects are opened
together and kept nowhere (LazyEntries.many with keep False).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TypeVar

from lib.model.lazy import LazyEntries
from lib.model.portfolio import Portfolio
from lib.model.schema import Project
from lib.query.index import index_of

T = TypeVar("T")
# projects whose words are kept, a table and language: at most KEPT, within KEPT_BYTES of
# their estimated size (a Funding line's words about 1 KB)
KEPT = 4096
KEPT_BYTES = 16 * 1024 * 1024

# (portfolio, project id, project, language) -> the project's words
Writer = Callable[[Portfolio, str, Project, str], T]


def project_words(portfolio: Portfolio, language: str, write: Writer[T]) -> LazyEntries[T]:
    """project id -> `write`'s words of that project in `language`, written when first asked
    for, the last KEPT kept (within KEPT_BYTES); `many(ids, keep)` opens the projects it
    writes together. `write` is a module's function (it names the table: one mapping a
    function and language)."""
    return index_of(portfolio).once(
        ("project_words", write, language), lambda: _words(portfolio, language, write)
    )


def _words(portfolio: Portfolio, language: str, write: Writer[T]) -> LazyEntries[T]:
    # The portfolio's index keeps this mapping, and must not keep the portfolio alive
    # (lib/query/index.py): asked through that index, the portfolio is there.
    held = weakref.ref(portfolio)

    def write_many(wanted: list[tuple[str, int]], _keep: bool) -> list[T]:
        portfolio = held()
        assert portfolio is not None, "the words of a data version no longer served"
        opened = _opened(portfolio, [project_id for project_id, _ in wanted])
        return [write(portfolio, pid, opened[pid], language) for pid, _ in wanted]

    projects = portfolio.projects
    ids = projects if isinstance(projects, LazyEntries) else list(projects)
    return LazyEntries(
        ids, lambda pid, at: write_many([(pid, at)], False)[0], KEPT, write_many, KEPT_BYTES
    )


def _opened(portfolio: Portfolio, project_ids: Sequence[str]) -> dict[str, Project]:
    """The projects of `project_ids`, opened together where the mapping can (LazyEntries.many:
    a city's 80 projects are scattered over a snapshot's 100,000), and not kept."""
    distinct = list(dict.fromkeys(project_ids))
    projects = portfolio.projects
    if isinstance(projects, LazyEntries):
        return dict(zip(distinct, projects.many(distinct, keep=False), strict=True))
    return {pid: projects[pid] for pid in distinct}
