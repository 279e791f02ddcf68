"""The loaded data set: every file's entries, validated, read-only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.model.schema import (
    CountryEntry,
    Event,
    Indicator,
    Organisation,
    Place,
    Programme,
    Project,
    Settings,
    Source,
)


@dataclass(frozen=True)
class Portfolio:
    """Everything in one data directory, keyed by id; `values` is the tidy indicator table."""

    data_dir: Path
    sources: dict[str, Source]
    source_texts: Mapping[str, str]  # held packed when opened from a snapshot
    countries: dict[str, CountryEntry]
    places: dict[str, Place]
    organisations: dict[str, Organisation]
    programmes: dict[str, Programme]
    indicators: dict[str, Indicator]
    projects: Mapping[str, Project]  # a Projects mapping, or a plain dict in tests
    values: pd.DataFrame
    fingerprint: str = field(default="")
    settings: Settings = field(default_factory=Settings)

    def event(self, project_id: str, event_id: str) -> Event | None:
        """The event of a project with this id, or None."""
        events = self.projects[project_id].events
        return next((event for event in events if event.id == event_id), None)
