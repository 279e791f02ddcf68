"""One problem found in a data file, in words a curator understands."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A value echoed in a message ('...') is cut to this many characters: a 100 KB cell pasted into
# the wrong column must not make a 100 KB message, in the terminal or on the dashboard.
MAX_ECHO = 80
MAX_FIELD = 120
MAX_MESSAGE = 1000
# The dashboard lists this many problems; `dashboard-data validate` lists every one.
MAX_LISTED = 200
_ECHOED = re.compile("'([^'\\n]{" + str(MAX_ECHO + 1) + ",})'")


def shortened(text: str, limit: int = MAX_ECHO) -> str:
    """`text` cut to `limit` characters, saying how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at `file:line` in `field`; `line` is None when the whole file is at fault."""

    file: str
    line: int | None
    field: str
    message: str

    def __post_init__(self) -> None:
        message = self.message
        if len(message) > MAX_MESSAGE // 2:  # only an echoed value makes a message this long
            message = _ECHOED.sub(lambda match: f"'{shortened(match.group(1))}'", message)
        object.__setattr__(self, "message", shortened(message, MAX_MESSAGE))
        object.__setattr__(self, "field", shortened(self.field, MAX_FIELD))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


def problem_listing(problems: Sequence[Problem], limit: int = MAX_LISTED) -> str:
    """The problems one a line, at most `limit` of them, then how many more there are."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(
            f"… and {len(problems) - limit:,} more; `dashboard-data validate` lists every one."
        )
    return "\n".join(lines)
