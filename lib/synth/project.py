"""One synthetic project: its report text, its project file and its figures, made together so
that every quote is a sentence of the report and every figure is written in its quote.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from lib.synth.catalogue import Catalogue, City
from lib.synth.events import make_events, make_links
from lib.synth.report import FigureMaker, FuzzyDay, Report
from lib.synth.words import (
    NOTES,
    THEME_WEIGHTS,
    THEMES,
    WORD_LANGUAGES,
    in_every_language,
)

# A date's precision, and how often a report gives a project's dates that precisely.
_PRECISIONS = ("day", "month", "year", "none", "month_no_year")
_PRECISION_WEIGHTS = (30, 33, 15, 14, 8)


@dataclass
class ProjectMaker(FigureMaker):
    """Makes project `index`; `rows` collects its figures for indicator_values.csv."""

    rng: random.Random
    catalogue: Catalogue
    cities: list[City]
    city_weights: list[float]
    index: int
    project_id: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)

    def city(self, avoid: set[str] = frozenset()) -> City:
        for _ in range(20):
            city = self.rng.choices(self.cities, cum_weights=self.city_weights)[0]
            if city.id not in avoid:
                return city
        return next((c for c in self.cities if c.id not in avoid), self.cities[0])

    def make(self, seed: int) -> tuple[dict[str, Any], Report]:
        rng, number = self.rng, f"S-{self.index:05d}"
        theme = rng.choices(list(THEMES), weights=_theme_weights())[0]
        home = self.city()
        other = self.city({home.id})
        self.project_id = f"s{self.index:05d}-{theme}-{home.id}"[:80].strip("-")
        report = Report(f"synth-report-{self.index:05d}")
        titles, summaries = THEMES[theme]
        title = [
            t.format(city=home.name(lang), city2=other.name(lang)) + f" ({number})"
            for t, lang in zip(titles, WORD_LANGUAGES, strict=True)
        ]
        summary = [
            s.format(city=home.name(lang), city2=other.name(lang))
            for s, lang in zip(summaries, WORD_LANGUAGES, strict=True)
        ]
        report.say(
            "SYNTHETIC REPORT, made by the dashboard's `dashboard-data synth` command "
            f"(seed {seed}). It describes no real project: every name, number and date in it "
            "is invented, to test the dashboard with a large portfolio."
        )
        report.say(title[0])
        report.say(summary[0])
        project: dict[str, Any] = {
            "id": self.project_id,
            "published": True,
            "title": in_every_language(title),
            "summary": in_every_language(summary),
        }
        start, end = self._dates(project, report)
        lead = self.catalogue.ngo(home)
        lead_name = self.catalogue.organisations[lead].names[0]
        country = home.geoname.country
        led = report.cite(f"The project was led by {lead_name} in {home.en} ({country}).")
        places = [{"place": home.id, "role": "home_city", **led}]
        organisations = [{"organisation": lead, "role": "lead", **led}]
        partner_cities = self._partners(theme, home, other, places, organisations, report)
        project["places"] = places
        project["organisations"] = organisations
        project["funding"] = self._funding(theme, home, organisations, report)
        events = make_events(self.rng, theme, home, partner_cities, start, end, project, report)
        origins = {"twinning": [home, other], "network": [home, *partner_cities[:2]]}.get(
            theme, [home, *partner_cities[:1]]
        )
        self._figures(theme, events, partner_cities, origins, project, report)
        links = make_links(theme, home, partner_cities, events, report)
        if links:
            project["links"] = links
        if events:
            project["events"] = [event for event, _ in events]
        if rng.random() < 0.25:
            project["notes"] = [report.cite(f"The report adds that {rng.choice(NOTES)}.")]
        return project, report

    def _dates(self, project: dict[str, Any], report: Report) -> tuple[dt.date, dt.date]:
        rng = self.rng
        start = dt.date(rng.randint(2014, 2024), rng.randint(1, 12), rng.randint(1, 28))
        end = start + dt.timedelta(days=rng.randint(120, 1100))
        today = dt.date(2025, 6, 30)
        status = "completed" if end < today else rng.choice(("ongoing", "ongoing", "planned"))
        if rng.random() < 0.12:
            status = "not_stated"
        project["status"] = status
        if status != "not_stated":
            project["status_source"] = report.cite(f"The project is {status.replace('_', ' ')}.")
        precision = rng.choices(_PRECISIONS, weights=_PRECISION_WEIGHTS)[0]
        if precision == "month_no_year":
            end = min(end, dt.date(start.year, 12, 28))
        if precision != "none":
            first, last = FuzzyDay(start, precision), FuzzyDay(end, precision)
            project["start"] = first.text
            if status in ("ongoing", "planned") and rng.random() < 0.5:
                sentence = f"The project started {first.words}; the report gives no end date."
            else:
                project["end"] = last.text
                sentence = f"The project ran from {first.words[3:]} to {last.words[3:]}."
            project["dates_source"] = report.cite(sentence)
        return start, end

    def _partners(
        self,
        theme: str,
        home: City,
        other: City,
        places: list[dict],
        organisations: list[dict],
        report: Report,
    ) -> list[City]:
        rng, catalogue = self.rng, self.catalogue
        partners: list[City] = []
        if theme == "twinning":
            partners = [other]
            municipalities = [catalogue.municipality(city) for city in (home, other)]
            first, second = (catalogue.organisations[m].names[0] for m in municipalities)
            cited = report.cite(
                f"The {first} and the {second} were the partners of the twinning; citizens of "
                f"{home.en} and {other.en} took part."
            )
            places[0]["role"] = "twin_town"
            places.append({"place": other.id, "role": "twin_town", **cited})
            for municipality in municipalities:
                organisations.append({"organisation": municipality, "role": "partner", **cited})
            return partners
        if theme == "network":
            partners = [other] + [self.city({home.id, other.id}) for _ in range(rng.randint(1, 4))]
            partners = list({c.id: c for c in partners}.values())
            names = ", ".join(city.en for city in partners)
            cited = report.cite(f"The network's members include {names}.")
            places += [{"place": c.id, "role": "network_member", **cited} for c in partners]
        elif theme == "strategy":
            cited = report.cite(f"{home.en} was a pilot municipality of the project.")
            places.append({"place": home.id, "role": "pilot_municipality", **cited})
        for city in partners[:2] or ([other] if rng.random() < 0.4 else []):
            ngo = catalogue.ngo(city)
            name = catalogue.organisations[ngo].names[0]
            cited = report.cite(f"{name} in {city.en} was a partner of the project.")
            organisations.append({"organisation": ngo, "role": "partner", **cited})
            if city not in partners:
                partners.append(city)
        return partners

    def _funding(
        self, theme: str, home: City, organisations: list[dict], report: Report
    ) -> list[dict]:
        rng, catalogue = self.rng, self.catalogue
        currency = "EUR"
        if theme == "twinning":
            funder, programme = catalogue.eu(), catalogue.eu_programme("efc-measure-2-1")
        elif theme == "network":
            choice = rng.choice(("efc-measure-2-2", "cerv"))
            funder, programme = catalogue.eu(), catalogue.eu_programme(choice)
        else:
            draw = rng.random()
            if draw < 0.55:
                choice = (
                    "amif-asylum"
                    if theme == "legal"
                    else rng.choice(
                        ("amif-local-actions", "amif-local-actions", "amif-integration", "amif")
                    )
                )
                funder, programme = catalogue.eu(), catalogue.eu_programme(choice)
            elif draw < 0.70:
                funder, programme = catalogue.eu(), catalogue.eu_programme("esf-plus")
            elif draw < 0.85:
                funder, programme, currency = catalogue.ministry(home.country)
            elif draw < 0.95:
                funder, programme = catalogue.foundation()
            else:
                funder, programme = catalogue.eu(), catalogue.eu_programme("cerv")
        funder_name = catalogue.organisations[funder].names[0]
        programme_name = catalogue.programmes[programme].names[0]
        line: dict[str, Any] = {"funder": funder, "programme": programme}
        reference = ""
        if rng.random() < 0.4:
            line["grant_reference"] = f"{programme.split('-')[0].upper()}-{self.index:05d}"
            reference = f" (grant agreement {line['grant_reference']})"
        if rng.random() < 0.65:
            amount = rng.randint(15, 900) * 1000
            line["amount"] = {"value": amount, "currency": currency}
            sentence = (
                f"It received {amount:,} {currency} from the {funder_name} under the "
                f"{programme_name}{reference}."
            )
        else:
            sentence = (
                f"It was funded by the {funder_name} under the {programme_name}{reference}; "
                "the report gives no amount."
            )
        cited = report.cite(sentence)
        lines = [{**line, **cited}]
        organisations.append({"organisation": funder, "role": "funder", **cited})
        if rng.random() < 0.2:
            municipality = catalogue.municipality(home)
            name = catalogue.organisations[municipality].names[0]
            cited = report.cite(f"The project was co-funded by the {name}.")
            lines.append({"funder": municipality, "co_funded": True, **cited})
            organisations.append({"organisation": municipality, "role": "funder", **cited})
        return lines


def _theme_weights() -> list[int]:
    return [THEME_WEIGHTS[theme] for theme in THEMES]
