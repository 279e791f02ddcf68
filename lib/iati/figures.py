"""Imported IATI actual values as our figures, and their indicators as catalogue entries.

An actual becomes a figure when it is a whole number of units over a period with full dates,
and is either a total or the part of a total that came from one city (our only breakdown).
Figures broken down any other way (sex, age, a place where something happened) are skipped:
adding them as totals would count people twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, get_args

from lib.curation.place_entry import slug
from lib.iati.activity import Activity, Actual, Indicator
from lib.iati.codes import APPROXIMATE_MARK, CATALOGUE_PATTERN, ORIGIN_DIMENSION, ROLES_PATTERN
from lib.model.languages import LANGUAGE_CODES
from lib.model.schema import Indicator as IndicatorEntry

MEASURES = {
    "2": "a percentage",
    "3": "a nominal scale",
    "4": "an ordinal scale",
    "5": "qualitative",
}
PAGES = set(get_args(get_args(IndicatorEntry.model_fields["page"].annotation)[0]))
ALLOWED = {
    name: set(get_args(IndicatorEntry.model_fields[name].annotation))
    for name in ("unit", "counts", "aggregation", "topic")
}
# The unit a foreign indicator's English title suggests; people when nothing else fits, since
# most indicators of this kind count people. The description says it is a guess to check.
UNIT_WORDS = {
    "events": ("event", "meeting", "workshop", "forum", "conference"),
    "sessions": ("session",),
    "documents": ("document", "report", "assessment", "plan", "study", "publication"),
    "groups": ("group", "committee", "community", "communities"),
    "agreements": ("agreement", "memorand", "contract"),
    "cities": ("city", "cities", "municipalit"),
}
GUESSED = (
    "Imported from IATI: unit, counts, aggregation and topic are the importer's guesses from "
    "the title; check them."
)


def figure_rows(
    activity: Activity,
    project_id: str,
    source: str,
    places_by_ref: dict[str, str],
    catalogue: dict[str, dict],
) -> tuple[list[dict[str, Any]], list[str]]:
    """The activity's figures (rows of indicator_values.csv) and a line for each one skipped;
    the indicators of imported figures are added to `catalogue`."""
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    seen: set[tuple] = set()
    for actual in activity.actuals:
        indicator = activity.indicators[actual.indicator]
        row, why = _row(actual, indicator, places_by_ref)
        if row is None:
            skipped.append(f"figure skipped: {actual.line}: {why}")
            continue
        entry = indicator_entry(indicator)
        catalogue.setdefault(entry["code"], entry)
        row |= {"project": project_id, "indicator": entry["code"], "source": source}
        key = tuple(row[name] for name in sorted(row) if name != "quote")
        if key in seen:
            skipped.append(f"figure skipped: {actual.line}: it repeats another figure")
            continue
        seen.add(key)
        rows.append(row)
    return _parts_that_add_up(rows, skipped), skipped


def _row(
    actual: Actual, indicator: Indicator, places_by_ref: dict[str, str]
) -> tuple[dict[str, Any] | None, str]:
    if indicator.measure in MEASURES:
        return None, f"the indicator is measured as {MEASURES[indicator.measure]}, not in units"
    if not re.fullmatch(r"[0-9]+", actual.value):
        return None, "the value is not a whole number" if actual.value else "there is no value"
    if actual.start is None or actual.end is None or actual.end < actual.start:
        return None, "its period has no valid start and end dates"
    origin = [value for name, value in actual.dimensions if _is_origin(name)]
    other = [f"{name}={value}" for name, value in actual.dimensions if not _is_origin(name)]
    place, breakdown = "", ""
    if other:
        return None, f"it is broken down by {', '.join(other)}; our figures are totals"
    if origin:
        if len(actual.locations) != 1 or actual.locations[0] not in places_by_ref:
            return None, "the city its part of the total came from could not be placed"
        place, breakdown = places_by_ref[actual.locations[0]], "origin_city"
    elif actual.locations:
        return None, "it is a figure at a location, which our format cannot say"
    mark = APPROXIMATE_MARK.casefold()
    approximate = any(comment.casefold().startswith(mark) for comment in actual.comments)
    return {
        "event": "",
        "value": int(actual.value),
        "precision": "approximate" if approximate else "exact",
        "period_start": actual.start.isoformat(),
        "period_end": actual.end.isoformat(),
        "place": place,
        "breakdown": breakdown,
        "quote": actual.line,
    }, ""


def _is_origin(name: str) -> bool:
    return name.casefold().replace(" ", "_") == ORIGIN_DIMENSION


def indicator_entry(indicator: Indicator) -> dict[str, Any]:
    """An indicators.yaml entry: our own export's catalogue fields where the description
    carries them, else the importer's guesses, said to be guesses."""
    titles = indicator.titles or {"en": "Indicator"}
    original = "en" if "en" in titles else next(iter(titles))
    base = titles.get(original)
    labels = {lang: titles.get(lang, base) for lang in LANGUAGE_CODES}
    labels["original"] = original if original in LANGUAGE_CODES else "en"
    descriptions = indicator.descriptions
    description = descriptions.get("en") or next(iter(descriptions.values()), "")
    match = CATALOGUE_PATTERN.search(" ".join(indicator.descriptions.values()))
    if match and all(match[name] in ALLOWED[name] for name in ALLOWED):
        fields = {name: match[name] for name in ALLOWED} | _roles(indicator.descriptions)
        text = description.split("Dashboard catalogue:")[0]
        return {"code": match["code"], "labels": labels, **fields,
                "description": text.strip() or base}  # fmt: skip
    title = labels["en"].casefold()
    unit = next((u for u, words in UNIT_WORDS.items() if any(w in title for w in words)), "people")
    return {
        "code": slug(labels["en"])[:72].strip("-") or "indicator",
        "labels": labels,
        "unit": unit,
        "counts": "people_reached" if unit == "people" else "items",
        "aggregation": "at_least",  # never adds rows that may count the same people twice
        "topic": "outputs",
        "description": f"{description} {GUESSED}".strip(),
    }


def _roles(descriptions: dict[str, str]) -> dict[str, Any]:
    """The dashboard roles our own export wrote after its catalogue note, where it wrote any."""
    match = ROLES_PATTERN.search(" ".join(descriptions.values()))
    roles: dict[str, Any] = {}
    for role in match["roles"].split("; ") if match else ():
        if role.startswith("page ") and role[5:] in PAGES:
            roles["page"] = role[5:]
        elif role in ("headline", "sizes_map"):
            roles[role] = True
    return roles


def _parts_that_add_up(rows: list[dict[str, Any]], skipped: list[str]) -> list[dict[str, Any]]:
    """Drop the parts of a total that exceed it: the data keeps parts only where they agree."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        groups[(row["indicator"], row["period_start"], row["period_end"])].append(row)
    dropped: list[int] = []
    for group in groups.values():
        wholes = [row for row in group if not row["breakdown"]]
        parts = [row for row in group if row["breakdown"]]
        if not parts or len(wholes) != 1:
            continue  # as the validator: parts are checked against exactly one whole
        total = sum(row["value"] for row in parts)
        exact = all(row["precision"] == "exact" for row in group)
        if total > wholes[0]["value"] or (exact and total != wholes[0]["value"]):
            dropped += [id(row) for row in parts]
            skipped += [f"figure skipped: {row['quote']}: its parts do not add up" for row in parts]
    return [row for row in rows if id(row) not in dropped]
