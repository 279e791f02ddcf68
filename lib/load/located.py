"""A validated entry and where it stands in its file (`Located`), so a later check can name
its line; and a project known unchanged since an earlier version (`KnownProject`), whose
model is validated only when a check needs it whole.

At 100,000 projects, validating every unchanged project's JSON again took some 5 s of a
rebuild after one edited file, yet the cross-file checks that may be left out for it
(lib/load/passed_checks.py) read only its id, its events' ids and its dates: those come from
the earlier snapshot's parts tables (lib/store/reuse.py), and the model when a check that
runs reads more (a place renamed: every project's quotes are checked again).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from lib.load.yaml_reader import field_name, line_of
from lib.model.problems import Problem

if TYPE_CHECKING:  # fact_checks reads Located: its OwnChecks are named here for types only
    from lib.load.fact_checks import OwnChecks

# (project id, event id or "") -> (start, end), FuzzyDate or None: what the rows' period
# checks read of a project (lib/load/figure_checks.check_periods)
Dates = dict[tuple[str, str], tuple[Any, Any]]
# the class of an entry's model -> the field that holds its id (Located.key_field)
_KEY_FIELDS: dict[type, str] = {}


class ProjectsKnown(Protocol):
    """Where known projects come from (an earlier snapshot: lib/store/reuse.py): a project's
    model, its events' ids and its dates, by its id."""

    def project_model(self, project_id: str) -> Any: ...

    def project_events(self, project_id: str) -> dict[str, Any]: ...

    def project_dates(self, project_id: str) -> Dates: ...


# One lock for every known project's model: a check validates one at a time anyway (Python's
# lock), and a lock a project took 100,000 of them at 100,000 projects.
_MODEL_LOCK = threading.Lock()


class KnownProject:
    """A project file known unchanged: its id, and its model, its events' ids and its dates
    from `source`, the model validated when first asked for. Two attributes (no functions of
    its own): a rebuild at 100,000 projects makes one a project."""

    __slots__ = ("id", "_source", "_model")

    def __init__(self, project_id: str, source: ProjectsKnown) -> None:
        self.id, self._source, self._model = project_id, source, None

    def model(self) -> Any:
        model = self._model
        if model is None:
            with _MODEL_LOCK:
                if self._model is None:
                    self._model = self._source.project_model(self.id)
                model = self._model
        return model

    def events(self) -> dict[str, Any]:
        return self._source.project_events(self.id)

    def dates(self) -> Dates:
        return self._source.project_dates(self.id)


@dataclass(frozen=True)
class Located:
    """A validated entry (`given`: the model, or a KnownProject) and where it stands."""

    given: Any
    file: str
    lines: dict
    base: tuple
    # Taken from an earlier snapshot by its file's digest: the same bytes passed every check
    # then, under the same validator code (lib/store/tables.py's VALIDATOR).
    known: bool = False
    # A project's checks of itself, made by the worker process that parsed it
    own_checks: OwnChecks | None = None

    @property
    def model(self) -> Any:
        """The entry's model (a known project's validated now, if not before)."""
        given = self.given
        return given.model() if isinstance(given, KnownProject) else given

    @property
    def key_field(self) -> str:
        """The field that holds the entry's id: `code` for the entries that have one."""
        # the model's fields, not hasattr: a pydantic model's missing attribute raises, and
        # that took 3 s of a 100,000-project rebuild; once a kind of entry (the checks ask
        # a million times at 100,000 projects)
        kind = type(self.given)
        field = _KEY_FIELDS.get(kind)
        if field is None:
            field = _KEY_FIELDS[kind] = (
                "code" if "code" in getattr(kind, "model_fields", ()) else "id"
            )
        return field

    @functools.cached_property
    def key(self) -> str:
        """The entry's id (or code), without validating a known project; kept once asked
        for (the checks ask nine times a project: 0.9 s at 100,000 projects)."""
        return getattr(self.given, self.key_field)

    def problem(self, path: tuple, message: str) -> Problem:
        full = self.base + path
        return Problem(self.file, line_of(self.lines, full), field_name(full), message)
