"""Large IATI activity files for the import's memory and time tests: the official example
activity repeated with a new identifier each time (comments left out, as the reader drops
them)."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent / "iati" / "activity-standard-example-annotated.xml"
IDENTIFIER = "AA-AAA-123456789-ABC123"


def write_activities(path: Path, count: int) -> Path:
    """An activity file of `count` activities, written as it goes (no copy of it in memory)."""
    text = re.sub(r"<!--.*?-->\n?", "", EXAMPLE.read_text(encoding="utf-8"), flags=re.S)
    start, end = text.index("<iati-activity "), text.index("</iati-activity>")
    end += len("</iati-activity>")
    head, activity, tail = text[:start], text[start:end], text[end:]
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for number in range(count):
            out.write(activity.replace(IDENTIFIER, f"AA-AAA-123456789-{number:06d}") + "\n ")
        out.write(tail)
    return path
