"""A synthetic portfolio in the data format of data/README.md, for testing the dashboard at scale.

`dashboard-data synth --projects N --seed S --out DIR` writes one: real European cities from the
offline gazetteer (so it needs the dev dependencies), invented organisations, programmes,
projects, events and figures, each quoted from a synthetic report that says it is synthetic.
The same seed gives the same files, and every portfolio passes `dashboard-data validate`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
from pathlib import Path
from typing import Any

from lib.load.loader import DEFAULT_DATA_DIR
from lib.load.values_csv import COLUMNS, VALUES_FILE
from lib.store.atomic import write_folder_atomically
from lib.synth.catalogue import REGISTER_FILE, REGISTER_ID, Catalogue, City, pick_cities
from lib.synth.project import ProjectMaker
from lib.synth.words import COUNTRIES, in_every_language
from lib.text.escape import CSV_ROW_END

SYNTHETIC_NOTE = "Synthetic: invented by `dashboard-data synth`; it describes no real project."


def city_count(projects: int) -> int:
    """How many cities a portfolio of `projects` spreads over: more, but fewer per project."""
    return round(6 * math.sqrt(projects)) + 10


def synth_files(projects: int, seed: int) -> dict[str, str]:
    """Every file of the portfolio: its path inside the data folder -> its text."""
    rng = random.Random(seed)
    cities = pick_cities(rng, city_count(projects))
    total, cumulative = 0.0, []
    for city in cities:
        total += math.sqrt(city.geoname.population)
        cumulative.append(total)
    catalogue = Catalogue(rng)
    files: dict[str, str] = {}
    sources: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    used_places: set[str] = set()
    for index in range(1, projects + 1):
        maker = ProjectMaker(rng, catalogue, cities, cumulative, index)
        project, report = maker.make(seed)
        header = f"# A synthetic project (seed {seed}). {SYNTHETIC_NOTE}\n"
        files[f"projects/{project['id']}.yaml"] = header + dump(project)
        files[f"sources/{report.source}.txt"] = "\n\n".join(report.lines) + "\n"
        lead = project["organisations"][0]["organisation"]
        sources.append(
            {
                "id": report.source,
                "title": f"Synthetic report: {project['title']['en']}",
                "language": "en",
                "file": f"{report.source}.txt",
                "publisher": lead,
                "note": SYNTHETIC_NOTE,
            }
        )
        rows += maker.rows
        used_places |= _place_ids(project) | {row["place"] for row in maker.rows if row["place"]}
    used_places |= {o.place for o in catalogue.organisations.values() if o.place}
    # after the reports: the register names the catalogue, it reports on no project
    sources.append(
        {
            "id": REGISTER_ID,
            "title": "Synthetic register of organisations and programmes",
            "language": "en",
            "file": REGISTER_FILE,
            "note": SYNTHETIC_NOTE,
        }
    )
    placed = [city for city in cities if city.id in used_places]
    files |= _catalogue_files(seed, catalogue, placed, sources)
    files[VALUES_FILE] = _values_csv(rows)
    return files


def write_portfolio(out: Path, projects: int, seed: int) -> dict[str, str]:
    """Write the portfolio into `out`, which must not exist or be empty; all files or none."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty folder; choose a new one")
    files = synth_files(projects, seed)
    write_folder_atomically(out, files)
    return files


def _place_ids(project: dict[str, Any]) -> set[str]:
    ids = {entry["place"] for entry in project["places"]}
    ids |= {p for link in project.get("links", []) for p in (link["from_place"], link["to_place"])}
    return ids | {event["place"] for event in project.get("events", []) if "place" in event}


def _catalogue_files(
    seed: int, catalogue: Catalogue, cities: list[City], sources: list[dict[str, Any]]
) -> dict[str, str]:
    head = f"# A synthetic portfolio (seed {seed}). {SYNTHETIC_NOTE}\n# Fields: data/README.md.\n"
    register = [
        "SYNTHETIC REGISTER, made by the dashboard's `dashboard-data synth` command "
        f"(seed {seed}). The organisations and programmes below are invented, or real names "
        "used for invented projects, to test the dashboard with a large portfolio."
    ]
    organisations = []
    for organisation in catalogue.organisations.values():
        entry: dict[str, Any] = {
            "id": organisation.id,
            "kind": organisation.kind,
            "names": in_every_language(organisation.names),
        }
        if organisation.country:
            entry["country"] = organisation.country
        if organisation.place:
            entry["place"] = organisation.place
        quote = catalogue.sentence(organisation.id)
        register.append(quote)
        organisations.append({**entry, "source": REGISTER_ID, "quote": quote})
    programmes = []
    for programme in catalogue.programmes.values():
        entry = {
            "id": programme.id,
            "level": programme.level,
            "names": in_every_language(programme.names),
            "funder": programme.funder,
        }
        if programme.parent:
            entry["parent"] = programme.parent
        quote = catalogue.sentence(programme.id)
        register.append(quote)
        programmes.append({**entry, "source": REGISTER_ID, "quote": quote})
    countries = sorted({city.country for city in cities} | _organisation_countries(catalogue))
    places = [
        {
            "id": city.id,
            "kind": "city",
            "country": city.country,
            "geonames_id": city.geoname.geonames_id,
            "latitude": city.geoname.latitude,
            "longitude": city.geoname.longitude,
            "names": in_every_language((city.en, city.bg, city.mk)),
        }
        for city in sorted(cities, key=lambda city: city.id)
    ]
    country_entries = [{"code": c, "names": in_every_language(COUNTRIES[c])} for c in countries]
    return {
        "README.md": _readme(seed, len(sources) - 1),
        "sources.yaml": head + dump({"sources": sources}),
        f"sources/{REGISTER_FILE}": "\n\n".join(register) + "\n",
        "countries.yaml": head + dump({"countries": country_entries}),
        "places.yaml": head + dump({"places": places}),
        "organisations.yaml": head + dump({"organisations": organisations}),
        "programmes.yaml": head + dump({"programmes": programmes}),
        "indicators.yaml": (DEFAULT_DATA_DIR / "indicators.yaml").read_text(encoding="utf-8"),
    }


def _organisation_countries(catalogue: Catalogue) -> set[str]:
    return {o.country for o in catalogue.organisations.values() if o.country}


def _readme(seed: int, projects: int) -> str:
    return (
        "# A synthetic portfolio\n\n"
        f"{projects} invented projects made by `dashboard-data synth --projects {projects} "
        f"--seed {seed}`, to test the dashboard at scale. The cities are real (GeoNames ids and "
        "coordinates from the offline gazetteer); every organisation, project, event, figure "
        "and report is invented, and each report says so. Not for publication.\n"
    )


def _values_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator=CSV_ROW_END)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# --- a small YAML writer: block style, texts in double quotes, as the curated files are -----


def dump(value: dict[str, Any]) -> str:
    return "\n".join(_lines(value, 0)) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) and "original" in item:  # a text in three languages
                inner = ", ".join(f"{k}: {_scalar(v)}" for k, v in item.items() if k != "original")
                lines.append(f"{pad}{key}: {{{inner}, original: {item['original']}}}")
            elif isinstance(item, dict | list):
                lines.append(f"{pad}{key}:")
                lines += _lines(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
        return lines
    for item in value:
        if isinstance(item, dict):
            inner = _lines(item, indent + 2)
            inner[0] = f"{pad}- {inner[0][indent + 2 :]}"
            lines += inner
        else:
            lines.append(f"{pad}- {_scalar(item)}")
    return lines
