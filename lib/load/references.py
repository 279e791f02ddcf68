"""The ids that exist and the reports' texts, for the checks that an id refers to an entry
and that a quote is in its report (lib/load/cross_checks, lib/load/row_checks)."""

from __future__ import annotations

from typing import Any

from lib.load.located import Located
from lib.load.quotes import NormalisedTexts
from lib.load.slips import composition_hint
from lib.model.problems import Problem


class References:
    """Ids that exist (by kind), and the reports' texts; each problem found is added to
    `problems`."""

    def __init__(
        self,
        ids: dict[str, set[str]],
        texts: dict[str, str],
        problems: list[Problem],
        unreadable: set[str],
    ):
        self.ids = ids
        self.texts = NormalisedTexts(texts)
        self.problems = problems
        self.unreadable = unreadable

    def exists(self, kind: str, value: str) -> bool:
        """True when the id is known, or cannot be checked because its file is unreadable
        (that file's own problem is reported; one per reference would bury it)."""
        return kind in self.unreadable or value in self.ids.get(kind, set())

    def ref(self, item: Located, path: tuple, kind: str) -> None:
        value = _get(item.model, path)
        if value is not None and not self.exists(kind, value):
            self.problems.append(item.problem(path, unknown(value, kind)))

    def cited(self, item: Located, path: tuple) -> None:
        cited = _get(item.model, path) if path else item.model
        source_path, quote_path = path + ("source",), path + ("quote",)
        if not self.exists("sources", cited.source):
            self.problems.append(item.problem(source_path, unknown(cited.source, "sources")))
        elif cited.source in self.texts and not self.texts.holds(cited.source, cited.quote):
            message = (
                f"this quote is not in the report `{cited.source}`; copy it exactly from the report"
            )
            hint = composition_hint(cited.quote, self.texts[cited.source])
            self.problems.append(item.problem(quote_path, message + hint))


def unknown(value: str, kind: str) -> str:
    file = {"projects": "projects/", "indicators": "indicators.yaml"}.get(kind, f"{kind}.yaml")
    return f"'{value}' is not an id in {file}; check the spelling or add it there first"


def _get(model: Any, path: tuple) -> Any:
    for step in path:
        model = model[step] if isinstance(step, int) else getattr(model, step)
    return model
