"""Dates that keep the precision the report gave: a day, a month, a year, or a month of a
year the report does not state."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "month", "year", "month_no_year"]

_PATTERNS: list[tuple[re.Pattern[str], Precision]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^--(\d{2})$"), "month_no_year"),
]

FORMATS_HELP = (
    "write 2018-06-19 for a day, 2018-06 for a month, 2018 for a year, "
    "or --06 for June of a year the report does not state"
)


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to `precision`; the unknown parts are None, never guessed."""

    year: int | None
    month: int | None
    day: int | None
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read one of the four written forms; raise ValueError with words a curator understands."""
        return _parse_cached(cls, text)

    @classmethod
    def _parse_uncached(cls, text: str) -> FuzzyDate:
        text = text.strip()
        for pattern, precision in _PATTERNS:
            match = pattern.match(text)
            if match:
                return cls._checked(precision, [int(part) for part in match.groups()], text)
        raise ValueError(f"'{text}' is not a date we can read: {FORMATS_HELP}")

    @classmethod
    def _checked(cls, precision: Precision, parts: list[int], text: str) -> FuzzyDate:
        if precision == "month_no_year":
            year, month, day = None, parts[0], None
        else:
            year, month, day = (parts + [None, None])[:3]
        if year is not None and not 1900 <= year <= 2100:
            raise ValueError(f"'{text}': the year {year} is outside 1900-2100")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}': there is no month {month} (months are 01 to 12)")
        if day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{text}': month {month:02d} of {year} has no day {day}")
        return cls(year, month, day, precision)

    def __str__(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == "year":
            return f"{self.year:04d}"
        return f"--{self.month:02d}"

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def first_day(self) -> dt.date | None:
        """The earliest day this date can be; None when the year is unknown."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date | None:
        """The latest day this date can be; None when the year is unknown."""
        if self.year is None:
            return None
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


@lru_cache(maxsize=8192)  # a portfolio writes the same few thousand dates again and again
def _parse_cached(cls: type[FuzzyDate], text: str) -> FuzzyDate:
    return cls._parse_uncached(text)


def is_before(end: FuzzyDate, start: FuzzyDate) -> bool:
    """True only when `end` is certainly before `start`: an unknown year never proves an order."""
    end_last, start_first = end.last_day(), start.first_day()
    return end_last is not None and start_first is not None and end_last < start_first
