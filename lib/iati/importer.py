"""Convert IATI activity files into a data folder in our curated format, taking what it can and
saying what it skipped and why.

Each file becomes one source whose text is the file's narratives and coded values as lines
(lib/iati/read.py), so every imported quote is really in its source. An activity becomes a
project when it names a funder and somewhere to place it; its actual values become figures
when they are whole numbers over a period with full dates. Imported projects are not published:
a curator reviews them first, as with any new project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lib.curation.place_entry import slug
from lib.curation.writer import values_csv, yaml_text
from lib.iati.activity import Activity, IatiFile, Location, Organisation
from lib.iati.codes import (
    KIND_FROM_TYPE,
    NOTES_HEADING,
    REPORTING_ORG_REF,
    ROLE_FROM_CODE,
    STATUS_FROM_CODE,
    STATUS_NOT_STATED_NOTE,
)
from lib.iati.figures import figure_rows
from lib.iati.places import country_place, resolve_place
from lib.iati.read import read_iati
from lib.load.loader import DEFAULT_DATA_DIR
from lib.load.yaml_reader import read_yaml
from lib.model.languages import LANGUAGE_CODES


@dataclass
class ImportResult:
    files: dict[str, str]
    report: list[str]
    projects: int = 0
    figures: int = 0


def import_iati(
    paths: list[Path], progress: Callable[[str, int], None] | None = None
) -> ImportResult:
    """The curated files for every activity the files hold, and the import's report;
    `progress` is told (file name, activities read so far) as each file is read."""
    state = _Import()
    for path in paths:
        told = (lambda count, name=path.name: progress(name, count)) if progress else None
        state.add_file(read_iati(path, told))
    return state.result()


def activities_text(count: int) -> str:
    return f"{count:,} activit{'y' if count == 1 else 'ies'}"


def text_block(narratives: dict[str, str], fallback: str, language: str) -> dict[str, str]:
    """A text in every language: each as the file gives it, the others filled with the first
    text the file gives (our format needs them all)."""
    ours = {lang: text for lang, text in narratives.items() if lang in LANGUAGE_CODES}
    other = next((text for lang, text in narratives.items() if lang not in LANGUAGE_CODES), None)
    # Our own export writes the original language first; other files, their own language.
    original = next(iter(ours), language if language in LANGUAGE_CODES else "en")
    base = ours.get(original) or other or fallback
    return {lang: ours.get(lang, base) for lang in LANGUAGE_CODES} | {"original": original}


def _unique(wanted: str, taken: Any, fallback: str) -> str:
    base = wanted[:72].strip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@dataclass
class _Import:
    sources: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    places: dict[str, dict] = field(default_factory=dict)
    place_keys: dict[Any, str] = field(default_factory=dict)
    organisations: dict[str, dict] = field(default_factory=dict)
    organisation_keys: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, dict] = field(default_factory=dict)
    projects: dict[str, dict] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    report: list[str] = field(default_factory=list)

    def add_file(self, file: IatiFile) -> None:
        name = file.path.name
        if file.refused:
            self.report.append(f"{name}: {file.refused}")
            return
        self.report.append(f"{name}: read {activities_text(len(file.activities))}")
        for repair in file.repairs[:5]:
            self.report.append(f"{name}: repaired while reading: {repair}")
        if len(file.repairs) > 5:
            self.report.append(f"{name}: and {len(file.repairs) - 5} more repairs")
        for element, count in sorted(file.skipped.items()):
            if count:
                self.report.append(f"{name}: skipped {element} ×{count}: {_why(element)}")
        if not file.activities:
            self.report.append(f"{name}: no activity could be read")
            return
        language = file.language if file.language in LANGUAGE_CODES else "en"
        if language != file.language:
            self.report.append(
                f"{name}: its language '{file.language}' is not one of ours (en, bg, mk); the "
                "source is marked en and texts are kept as written"
            )
        source_id = _unique(slug(f"iati-{file.path.stem}"), self.texts, "iati-file")
        self.texts[source_id] = "\n".join(file.lines) + "\n"
        self.sources.append(
            {
                "id": source_id,
                "title": f"IATI activity file {name}",
                "language": language,
                "file": f"{source_id}.txt",
                "note": (
                    "Imported by dashboard-data import-iati. The text is the file's narratives, "
                    "one a line, with its dates, countries, organisations, locations and actual "
                    "values written out as lines."
                ),
            }
        )
        for activity in file.activities:
            self._activity(activity, source_id, language, name)

    def _activity(self, activity: Activity, source: str, language: str, file: str) -> None:
        label = f"{file}: activity {activity.identifier or '(no identifier)'}"
        roles = []
        for organisation in activity.organisations:
            role = ROLE_FROM_CODE.get(organisation.role)
            if role is None or not (organisation.names or organisation.ref):
                why = "no name or ref" if role else f"role '{organisation.role}' is not 1 to 4"
                self.report.append(f"{label}: organisation skipped: {organisation.line}: {why}")
            else:
                roles.append((organisation, role))
        located = []
        for location in activity.locations:
            entry, why = resolve_place(location, activity.countries, language)
            if entry is None:
                self.report.append(f"{label}: location {location.ref} skipped: {why}")
            else:
                located.append((location, entry))
        if not any(role == "funder" for _, role in roles):
            self.report.append(
                f"{label}: skipped: no funding organisation (participating-org role 1); "
                "every project here names who funds it"
            )
            return
        if not located and not activity.countries:
            self.report.append(f"{label}: skipped: no location or recipient country to place it")
            return
        self._project(activity, source, language, label, roles, located)

    def _project(
        self,
        activity: Activity,
        source: str,
        language: str,
        label: str,
        roles: list[tuple[Organisation, str]],
        located: list[tuple[Location, dict]],
    ) -> None:
        wanted = activity.identifier.removeprefix(REPORTING_ORG_REF + "-")
        project_id = _unique(slug(wanted), self.projects, "activity")
        cited = {"source": source}
        places, by_ref = [], {}
        for location, entry in located:
            place_id = self._place(entry, (entry.get("geonames_id") or location.line))
            by_ref[location.ref] = place_id
            role = "venue" if entry["kind"] == "city" else "target_region"
            places.append({"place": place_id, "role": role, **cited, "quote": location.line})
        if not places:
            for code in activity.countries:
                entry = country_place(code, self._country_names(code))
                place_id = self._place(entry, f"country {code}")
                places.append(
                    {"place": place_id, "role": "target_region", **cited,
                     "quote": activity.countries_line}
                )  # fmt: skip
            self.report.append(f"{label}: placed in its recipient countries (no location placed)")
        organisations = [
            {"organisation": self._organisation(o, source, language), "role": role, **cited,
             "quote": o.line}
            for o, role in roles
        ]  # fmt: skip
        funders = [o for o in organisations if o["role"] == "funder"]
        funding = [{"funder": o["organisation"], **cited, "quote": o["quote"]} for o in funders]
        project = {
            "id": project_id,
            "published": False,
            "title": text_block(activity.titles, activity.identifier or project_id, language),
            "summary": self._summary(activity, language),
            "status": self._status(activity, label),
        }
        if project["status"] != "not_stated":  # the status line of the file's text states it
            project["status_source"] = {"source": source, "quote": activity.status_line}
        project |= self._dates(activity, source, label)
        project |= {"places": places, "organisations": organisations, "funding": funding}
        self.projects[project_id] = project
        rows, skipped = figure_rows(activity, project_id, source, by_ref, self.indicators)
        self.rows += rows
        self.report += [f"{label}: {line}" for line in skipped]

    def _summary(self, activity: Activity, language: str) -> dict[str, str]:
        descriptions = activity.descriptions.items()
        cut = {lang: text.split(NOTES_HEADING)[0].strip() for lang, text in descriptions}
        fallback = next(iter(activity.titles.values()), activity.identifier or "(no title)")
        return text_block({k: v for k, v in cut.items() if v}, fallback, language)

    def _status(self, activity: Activity, label: str) -> str:
        if any(STATUS_NOT_STATED_NOTE[:30] in text for text in activity.descriptions.values()):
            return "not_stated"
        status = STATUS_FROM_CODE.get(activity.status)
        if status is None:
            code = activity.status or "none"
            self.report.append(f"{label}: activity status {code} has no match: not_stated")
        return status or "not_stated"

    def _dates(self, activity: Activity, source: str, label: str) -> dict[str, Any]:
        start = activity.dates.get("2") or activity.dates.get("1")
        end = activity.dates.get("4") or activity.dates.get("3")
        if start and end and end < start:
            self.report.append(f"{label}: end {end} before start {start}: end left out")
            end = None
        dates = {name: d.isoformat() for name, d in (("start", start), ("end", end)) if d}
        if dates:
            dates["dates_source"] = {"source": source, "quote": activity.dates_line}
        return dates

    def _place(self, entry: dict, key: Any) -> str:
        if key not in self.place_keys:
            place_id = _unique(entry.pop("_slug"), self.places, "place")
            self.places[place_id] = {"id": place_id, **entry}
            self.place_keys[key] = place_id
        return self.place_keys[key]

    def _organisation(self, organisation: Organisation, source: str, language: str) -> str:
        names = text_block(organisation.names, organisation.ref, language)
        key = organisation.ref.upper() or names[names["original"]].casefold()
        if key not in self.organisation_keys:
            wanted = slug(names["en"]) or slug(organisation.ref)
            organisation_id = _unique(wanted, self.organisations, "organisation")
            self.organisations[organisation_id] = {
                "id": organisation_id,
                "kind": KIND_FROM_TYPE.get(organisation.type, "not_stated"),
                "names": names,
                "source": source,
                "quote": organisation.line,
            }
            self.organisation_keys[key] = organisation_id
        return self.organisation_keys[key]

    def _country_names(self, code: str) -> dict[str, str]:
        known = _bundled_country_names()
        if code not in known:
            self.report.append(f"country {code}: no names known; the code is used in all three")
        return known.get(code, dict.fromkeys(LANGUAGE_CODES, code))

    def result(self) -> ImportResult:
        files = {"sources.yaml": yaml_text({"sources": self.sources})}
        files |= {f"sources/{sid}.txt": text for sid, text in self.texts.items()}
        codes = sorted({place["country"] for place in self.places.values()})
        countries = [{"code": code, "names": self._country_names(code) | {"original": "en"}}
                     for code in codes]  # fmt: skip
        files["countries.yaml"] = yaml_text({"countries": countries})
        files["places.yaml"] = yaml_text({"places": list(self.places.values())})
        organisations = list(self.organisations.values())
        files["organisations.yaml"] = yaml_text({"organisations": organisations})
        files["programmes.yaml"] = yaml_text({"programmes": []})
        files["indicators.yaml"] = yaml_text({"indicators": list(self.indicators.values())})
        files |= {f"projects/{pid}.yaml": yaml_text(p) for pid, p in self.projects.items()}
        files["indicator_values.csv"] = values_csv(self.rows)
        summary = (
            f"Imported {len(self.projects)} project(s), {len(self.rows)} figure(s), "
            f"{len(self.places)} place(s), {len(self.organisations)} organisation(s) and "
            f"{len(self.indicators)} indicator(s) from {len(self.sources)} file(s)."
        )
        report = [summary] + [f"  - {line}" for line in dict.fromkeys(self.report)]
        return ImportResult(files, report, len(self.projects), len(self.rows))


def _why(element: str) -> str:
    if element in ("budget", "transaction", "planned-disbursement"):
        return "amounts are not imported: ours belong to one funder's grant, with its quote"
    if element.startswith("result"):
        return "our figures are actual values only"
    return "our format has no field for it"


def _bundled_country_names() -> dict[str, dict[str, str]]:
    """Country names from the bundled countries.yaml, for the codes it has."""
    document = read_yaml(DEFAULT_DATA_DIR / "countries.yaml", "countries.yaml").value or {}
    return {
        entry["code"]: {lang: entry["names"][lang] for lang in LANGUAGE_CODES}
        for entry in document.get("countries") or []
    }
