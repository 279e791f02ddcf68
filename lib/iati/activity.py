"""What lib/iati/read.py takes from an IATI file: its activities, each with its organisations,
locations, indicators and actual values, and the line of the file's text that states each."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Organisation:
    ref: str
    type: str
    role: str
    names: dict[str, str]
    line: str


@dataclass
class Location:
    ref: str
    geonames_id: int | None
    names: dict[str, str]
    point: tuple[float, float] | None
    country: str
    line: str


@dataclass
class Actual:
    indicator: int  # index in Activity.indicators
    value: str
    start: dt.date | None
    end: dt.date | None
    locations: list[str]
    dimensions: list[tuple[str, str]]
    comments: list[str]
    line: str


@dataclass
class Indicator:
    titles: dict[str, str]
    descriptions: dict[str, str]
    measure: str


@dataclass
class Activity:
    identifier: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    status: str
    dates: dict[str, dt.date]
    dates_line: str
    countries: list[str]
    status_line: str
    countries_line: str
    organisations: list[Organisation] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)


@dataclass
class IatiFile:
    path: Path
    language: str
    activities: list[Activity]
    lines: list[str]
    repairs: list[str]
    skipped: Counter
    refused: str = ""  # why the file was not read at all (compressed)
