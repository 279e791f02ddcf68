"""Read IATI activity files leniently, as published files really are: broken markup repaired
where lxml can, language codes in any case, unknown attributes ignored, optional parts missing.

The result is plain data plus the file's text (every narrative, and one line for each date,
country, organisation, location and actual value it codes), which becomes the imported
source: every quote of the import is a line of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from lib.iati.activity import Activity, Actual, IatiFile, Indicator, Location, Organisation
from lib.iati.stream import ACTIVITY, ActivityStream, compression
from lib.iati.xml import XML_LANG

READ = {
    "iati-identifier", "reporting-org", "title", "description", "participating-org",
    "activity-status", "activity-date", "recipient-country", "location", "result",
}  # fmt: skip
DATE_NAMES = {"1": "planned start", "2": "actual start", "3": "planned end", "4": "actual end"}
ROLE_NAMES = {"1": "Funding", "2": "Accountable", "3": "Extending", "4": "Implementing"}
PROGRESS_EVERY = 1000  # activities between two progress reports


def language_code(value: str | None) -> str:
    """'EN', 'en-GB' and 'en_gb' are all 'en'; no value is ''."""
    return (value or "").strip().replace("_", "-").split("-")[0].lower()


def read_iati(path: Path, progress: Callable[[int], None] | None = None) -> IatiFile:
    """Every activity lxml can recover from the file; never raises on bad markup. The file is
    read as a stream (lib/iati/stream.py), so memory holds the text taken from the activities,
    not the file's tree; `progress` is told the count as it goes."""
    packed = compression(path)
    if packed:
        refused = (
            f"refused: the file is compressed ({packed}); decompress it and import the XML "
            "(the import reads XML files only)"
        )
        return IatiFile(path, "en", [], [], [], Counter(), refused)
    lines = [f"IATI activity file {path.name}"]
    activities: list[Activity] = []
    skipped: Counter = Counter()
    language = ""
    stream = ActivityStream(path)
    for element in stream:
        activities.append(_activity(element, lines, skipped))
        language = language or language_code(element.get(XML_LANG))
        if progress and len(activities) % PROGRESS_EVERY == 0:
            progress(len(activities))
    if stream.root is None:
        return IatiFile(path, "en", [], [], stream.repairs or ["no XML could be read"], Counter())
    if stream.root.tag not in (ACTIVITY, "iati-activities"):
        skipped[f"<{stream.root.tag}> (not an activity file)"] += 1
    if progress:
        progress(len(activities))
    return IatiFile(path, language or "en", activities, lines, stream.repairs, skipped)


def _narratives(element: etree._Element | None, default: str) -> dict[str, str]:
    """The first text of each language; an IATI 1.x element holds its text directly."""
    found: dict[str, str] = {}
    if element is None:
        return found
    for item in element.findall("narrative"):
        text = " ".join("".join(item.itertext()).split())
        language = language_code(item.get(XML_LANG)) or default
        if text:
            found.setdefault(language, text)
    direct = " ".join((element.text or "").split())
    if not found and direct:
        found[default] = direct
    return found


def _date(element: etree._Element | None) -> dt.date | None:
    if element is None:
        return None
    text = (element.get("iso-date") or element.text or "").strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _number(text: str) -> str:
    """A value as written, except that 12.0 is written 12 (the figure's quote must state it)."""
    text = text.strip()
    whole, _, fraction = text.partition(".")
    return whole if whole.isdigit() and fraction and set(fraction) == {"0"} else text


def _find(activity: etree._Element, tag: str, outside: str = "") -> list[etree._Element]:
    """The activity's `tag` elements, also where broken markup has nested them in another
    element (an unclosed <title> swallows what follows it), but not in a nested activity or
    inside `outside` (a result's <location> is only a reference)."""
    depth = int(activity.xpath("count(ancestor-or-self::iati-activity)"))
    extra = f"[not(ancestor::{outside})]" if outside else ""
    path = f".//{tag}[count(ancestor::iati-activity) = $depth]{extra}"
    return activity.xpath(path, depth=depth)


def _activity(element: etree._Element, lines: list[str], skipped: Counter) -> Activity:
    default = language_code(element.get(XML_LANG)) or "en"
    identifier = " ".join((element.findtext("iati-identifier") or "").split())
    lines.append("")
    lines.append(f"Activity {identifier or '(no identifier)'}")
    lines.extend(
        " ".join("".join(item.itertext()).split())
        for item in element.iter("narrative")
        if "".join(item.itertext()).strip()
    )
    for child in element:
        if isinstance(child.tag, str) and child.tag not in READ:
            skipped[child.tag] += 1
    dates = {}
    for item in _find(element, "activity-date"):
        date = _date(item)
        if date is not None and item.get("type") in DATE_NAMES:
            dates.setdefault(item.get("type"), date)
    dates_line = "Activity dates: " + "; ".join(
        f"{DATE_NAMES[kind]} {date.isoformat()}" for kind, date in sorted(dates.items())
    )
    countries = [
        code.strip().upper()
        for code in (
            item.get("code") or "" for item in _find(element, "recipient-country", "transaction")
        )
        if len(code.strip()) == 2 and code.strip().isalpha()
    ]
    countries_line = "Recipient countries: " + ", ".join(countries)
    status = next(iter(_find(element, "activity-status")), None)
    status_code = (status.get("code") or "").strip() if status is not None else ""
    activity = Activity(
        identifier=identifier,
        titles=_narratives(element.find("title"), default),
        descriptions=_descriptions(element, default),
        status=status_code,
        dates=dates,
        dates_line=dates_line,
        countries=countries,
        countries_line=countries_line,
        status_line=f"Activity status: {status_code}",
    )
    lines.extend(
        line
        for line in (dates_line, countries_line, activity.status_line)
        if not line.endswith(": ")
    )
    for item in _find(element, "participating-org"):
        activity.organisations.append(_organisation(item, default, lines))
    for index, item in enumerate(_find(element, "location", "result")):
        activity.locations.append(_location(item, index, default, lines))
    for result in _find(element, "result"):
        _result(result, activity, default, lines, skipped)
    return activity


def _descriptions(element: etree._Element, default: str) -> dict[str, str]:
    """The general description (type 1, or no type), else the first one."""
    items = element.findall("description")
    general = [item for item in items if (item.get("type") or "1").strip() == "1"]
    return _narratives((general or items or [None])[0], default)


def _organisation(item: etree._Element, default: str, lines: list[str]) -> Organisation:
    role = (item.get("role") or "").strip()
    ref = (item.get("ref") or "").strip()
    names = _narratives(item, default)
    name = names.get(default) or next(iter(names.values()), ref)
    line = f"Participating organisation, role {role} ({ROLE_NAMES.get(role, 'unknown')}): {name}"
    line += f" [{ref}]" if ref else ""
    lines.append(line)
    return Organisation(ref, (item.get("type") or "").strip(), role, names, line)


def _location(item: etree._Element, index: int, default: str, lines: list[str]) -> Location:
    ref = (item.get("ref") or "").strip() or f"location-{index + 1}"
    geonames_id = None
    for location_id in item.findall("location-id"):
        code = (location_id.get("code") or "").strip()
        if (location_id.get("vocabulary") or "").strip().upper() == "G1" and code.isdigit():
            geonames_id = int(code)
    country = ""
    for administrative in item.findall("administrative"):
        code = (administrative.get("code") or "").strip().upper()
        if (administrative.get("vocabulary") or "").strip().upper() == "A4" and len(code) == 2:
            country = code
    point = None
    parts = (item.findtext("point/pos") or "").replace(",", " ").split()
    try:
        latitude, longitude = float(parts[0]), float(parts[1])
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            point = (latitude, longitude)
    except (IndexError, ValueError):
        pass
    names = _narratives(item.find("name"), default)
    words = [f"Location {ref}: {names.get(default) or next(iter(names.values()), '(no name)')}"]
    if point:
        words.append(f"point {point[0]} {point[1]}")
    if geonames_id:
        words.append(f"GeoNames {geonames_id}")
    line = ", ".join(words)
    lines.append(line)
    return Location(ref, geonames_id, names, point, country, line)


def _result(
    result: etree._Element, activity: Activity, default: str, lines: list[str], skipped: Counter
) -> None:
    result_title = _narratives(result.find("title"), default)
    for element in result.findall("indicator"):
        indicator = Indicator(
            titles=_narratives(element.find("title"), default) or result_title,
            descriptions=_narratives(element.find("description"), default),
            measure=(element.get("measure") or "1").strip(),
        )
        activity.indicators.append(indicator)
        name = indicator.titles.get(default) or next(iter(indicator.titles.values()), "")
        skipped["result baseline"] += len(element.findall("baseline"))
        for period in element.findall("period"):
            start, end = _date(period.find("period-start")), _date(period.find("period-end"))
            skipped["result target"] += len(period.findall("target"))
            for actual in period.findall("actual"):
                value = _number(actual.get("value") or "")
                line = (
                    f"Indicator “{name}”, period {start or '(no start)'} to {end or '(no end)'}: "
                    f"actual value {value or '(none)'}"
                )
                lines.append(line)
                activity.actuals.append(
                    Actual(
                        indicator=len(activity.indicators) - 1,
                        value=value,
                        start=start,
                        end=end,
                        locations=[
                            ref for ref in (x.get("ref") for x in actual.findall("location")) if ref
                        ],
                        dimensions=[
                            ((d.get("name") or "").strip(), (d.get("value") or "").strip())
                            for d in actual.findall("dimension")
                        ],
                        comments=list(_narratives(actual.find("comment"), default).values()),
                        line=line,
                    )
                )
