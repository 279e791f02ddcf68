"""The synthetic report of a project, sentence by sentence, and the figures it states: each
figure's quote is a sentence of the report, and each sentence writes its figure's number.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from lib.synth.catalogue import City
from lib.synth.words import MONTHS


@dataclass
class Report:
    """The sentences of one synthetic report; `say` adds one and returns it as the quote."""

    source: str
    lines: list[str] = field(default_factory=list)

    def say(self, sentence: str) -> str:
        self.lines.append(sentence)
        return sentence

    def cite(self, sentence: str) -> dict[str, str]:
        return {"source": self.source, "quote": self.say(sentence)}


@dataclass
class FuzzyDay:
    """A day known to `precision`: the text for the data file and the words for the report."""

    day: dt.date
    precision: str

    @property
    def text(self) -> str:
        return {
            "day": self.day.isoformat(),
            "month": self.day.isoformat()[:7],
            "year": str(self.day.year),
            "month_no_year": f"--{self.day.month:02d}",
        }[self.precision]

    @property
    def words(self) -> str:
        month = MONTHS[self.day.month - 1]
        return {
            "day": f"on {self.day.day} {month} {self.day.year}",
            "month": f"in {month} {self.day.year}",
            "year": f"in {self.day.year}",
            "month_no_year": f"in {month}",
        }[self.precision]


class FigureMaker:
    """The figures half of lib/synth_project's ProjectMaker: rows for indicator_values.csv."""

    rng: random.Random
    project_id: str
    rows: list[dict[str, Any]]

    def row(self, report: Report, indicator: str, value: int | None, sentence: str, **extra: str):
        precision = extra.pop("precision", "exact" if value is not None else "not_reported")
        self.rows.append(
            {
                "project": self.project_id,
                "event": extra.get("event", ""),
                "indicator": indicator,
                "value": "" if value is None else str(value),
                "precision": precision,
                "period_start": extra.get("period_start", ""),
                "period_end": extra.get("period_end", ""),
                "place": extra.get("place", ""),
                "breakdown": extra.get("breakdown", ""),
                "source": report.source,
                "quote": sentence,
            }
        )

    def _figures(
        self,
        theme: str,
        events: list[tuple[dict[str, Any], City | None]],
        partners: list[City],
        origins: list[City],
        project: dict[str, Any],
        report: Report,
    ) -> None:
        rng = self.rng
        for event, _ in events:
            if event.get("status") == "planned" or event.get("part_of"):
                continue
            name = event["title"]["en"]
            period = {}
            if "start" in event and rng.random() < 0.5:
                period = {"period_start": event["start"], "period_end": event.get("end", "")}
            if event["type"] == "training":
                trained = rng.randint(6, 60)
                if rng.random() < 0.15:
                    self.row(
                        report,
                        "people-trained",
                        None,
                        report.say(
                            f"People were trained in the {name}, but the report gives no number."
                        ),
                        event=event["id"],
                    )
                else:
                    approximate = rng.random() < 0.25
                    said = f"About {trained} people" if approximate else f"{trained} people"
                    sentence = report.say(f"{said} were trained in the {name}.")
                    precision = "approximate" if approximate else "exact"
                    self.row(
                        report,
                        "people-trained",
                        trained,
                        sentence,
                        event=event["id"],
                        precision=precision,
                        **period,
                    )
                continue
            draw = rng.random()
            size = rng.randint(8, 300)
            if draw < 0.12:
                sentence = report.say(
                    f"The report does not give the number of people who took part in the {name}."
                )
                self.row(report, "participants", None, sentence, event=event["id"], **period)
            elif len(origins) > 1 and (theme in ("twinning", "network") or draw > 0.9):
                self._breakdown(report, event["id"], name, size, origins, period)
            else:
                approximate = draw > 0.75
                said = f"About {size} people" if approximate else f"In all, {size} people"
                sentence = report.say(f"{said} took part in the {name}.")
                precision = "approximate" if approximate else "exact"
                self.row(
                    report,
                    "participants",
                    size,
                    sentence,
                    event=event["id"],
                    precision=precision,
                    **period,
                )
        self._project_figures(theme, partners, project, report)

    def _breakdown(
        self, report: Report, event: str, name: str, size: int, origins: list[City], period: dict
    ) -> None:
        """A whole and its parts by origin city, in one sentence; they add up."""
        size = max(size, 10 * len(origins) + 10)
        cuts = sorted(self.rng.sample(range(1, size), len(origins) - 1)) if len(origins) > 1 else []
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, size], strict=True)]
        listed = " and ".join(f"{n} from {c.en}" for n, c in zip(parts, origins, strict=True))
        sentence = report.say(f"In all, {size} people took part in the {name}: {listed}.")
        self.row(report, "participants", size, sentence, event=event, **period)
        for part, city in zip(parts, origins, strict=True):
            self.row(
                report,
                "participants",
                part,
                sentence,
                event=event,
                place=city.id,
                breakdown="origin_city",
                **period,
            )

    def _project_figures(
        self, theme: str, partners: list[City], project: dict[str, Any], report: Report
    ) -> None:
        rng = self.rng
        period = {}
        if "start" in project and "end" in project and rng.random() < 0.6:
            period = {"period_start": project["start"], "period_end": project["end"]}
        if theme in ("language", "jobs", "legal", "schools", "health", "women"):
            supported = rng.randint(20, 1500)
            draw = rng.random()
            if draw < 0.1:
                sentence = "The project supported refugees, but the report does not say how many."
                self.row(report, "refugees-supported", None, report.say(sentence))
            else:
                approximate = draw > 0.8
                said = f"about {supported}" if approximate else str(supported)
                sentence = report.say(f"The project supported {said} refugees directly.")
                precision = "approximate" if approximate else "exact"
                self.row(
                    report, "refugees-supported", supported, sentence, precision=precision, **period
                )
        if theme == "jobs" and rng.random() < 0.5:
            employed = rng.randint(2, 25)
            sentence = report.say(f"The project employed {employed} people.")
            self.row(report, "people-employed", employed, sentence, **period)
        if theme == "awareness" or rng.random() < 0.08:
            informed = rng.randint(10, 1200) * 100
            sentence = report.say(f"The campaign informed about {informed:,} citizens.")
            self.row(report, "citizens-informed", informed, sentence, precision="approximate")
        if theme == "strategy":
            for code, words in (
                ("assessments", "assessments were prepared"),
                ("working-groups", "working groups were formed"),
                ("memoranda", "memoranda of cooperation were signed"),
            ):
                if rng.random() < 0.7:
                    number = rng.randint(1, 8)
                    sentence = report.say(f"In the project, {number} {words}.")
                    self.row(report, code, number, sentence)
        if theme == "network":
            cities = len(partners) + 1 + rng.randint(3, 25)
            sentence = report.say(f"The network brings together {cities} cities.")
            self.row(report, "network-cities", cities, sentence)
            if rng.random() < 0.5:
                groups = rng.randint(2, 8)
                sentence = report.say(f"The partners work in {groups} communities of practice.")
                self.row(report, "communities-of-practice", groups, sentence)
