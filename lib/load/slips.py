"""Typing slips a schema cannot see, each checked by itself: a programme that is its own
parent through others (an event part of itself likewise), an event dated years away from its
project, and a quote that reads the same as its report but is composed of other characters."""

from __future__ import annotations

import unicodedata
from typing import Any

from lib.load.quotes import normalise

PARENT_CIRCLE = "a programme cannot be its own parent, directly or through others"
# An event may come a little before or after its project (a launch, a follow-up); one dated
# further away is a typing slip (2099 for 2019). A project with no end may run this long.
SLACK_YEARS, OPEN_END_YEARS = 2, 10


def parent_circle(programme_id: str, programmes: dict[str, Any]) -> bool:
    """True when following `parent` from the programme comes back to it."""
    seen, current = set(), programmes[programme_id].parent
    while current in programmes and current not in seen:
        if current == programme_id:
            return True
        seen.add(current)
        current = programmes[current].parent
    return False


def event_circle(event_id: str, events: dict[str, Any]) -> bool:
    """True when following `part_of` from the event comes back to it."""
    seen, current = set(), event_id
    while current in events and events[current].part_of:
        if current in seen:
            return True
        seen.add(current)
        current = events[current].part_of
        if current == event_id:
            return True
    return False


def far_from_project(project: Any, start: Any) -> str | None:
    """Why an event starting on `start` cannot belong to `project`, or None."""
    if start is None or not start.has_year:
        return None
    first = project.start.first_day() if project.start is not None else None
    last = project.end.last_day() if project.end is not None else None
    limit = last.year + SLACK_YEARS if last is not None else None
    if limit is None and first is not None:
        limit = first.year + OPEN_END_YEARS
    too_early = first is not None and start.year < first.year - SLACK_YEARS
    if not too_early and (limit is None or start.year <= limit):
        return None
    span = f"{project.start or '?'} to {project.end or 'not stated'}"
    return f"the event is dated {start}, far outside its project ({span}); check the year"


def composition_hint(quote: str, normalised_text: str) -> str:
    """For a quote not found in its report: a hint when it reads the same but its letters
    are composed otherwise (an accented letter as one character in one, as a letter and a
    separate accent in the other, as macOS and some PDFs write them); else nothing."""
    composed = unicodedata.normalize("NFC", normalise(quote))
    if composed not in unicodedata.normalize("NFC", normalised_text):
        return ""
    return (
        "; it reads the same, but some letters are written as a letter and a separate "
        "accent (or the other way round): retype it, or copy it from the report again"
    )
