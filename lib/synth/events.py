"""A synthetic project's events and the lines between its cities, each written in a sentence
of its report (lib/synth/project.py makes the rest of the project)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from lib.synth.catalogue import City
from lib.synth.report import FuzzyDay, Report
from lib.synth.words import EVENT_TYPES, EVENT_WEIGHTS, TOPICS, in_every_language


def _span(rng: random.Random, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Two days in order inside [start, end], a few days to months apart."""
    first = start + dt.timedelta(days=rng.randrange(max((end - start).days, 1)))
    return first, min(end, first + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 30, 90))))


def make_events(
    rng: random.Random,
    theme: str,
    home: City,
    partners: list[City],
    start: dt.date,
    end: dt.date,
    project: dict[str, Any],
    report: Report,
) -> list[tuple[dict[str, Any], City | None]]:
    """Events with the city they were held in (None when online or not stated); a venue
    not yet among the project's places is added to them."""
    count = {"legal": rng.randint(0, 2), "twinning": 1}.get(theme, rng.randint(0, 4))
    types = rng.choices(list(EVENT_WEIGHTS), weights=list(EVENT_WEIGHTS.values()), k=count)
    if theme == "twinning":
        types = ["meeting"] + rng.sample(["conference", "debate", "round_table"], 2)
    topics = rng.sample(TOPICS, len(types))
    events: list[tuple[dict[str, Any], City | None]] = []
    planned = project["status"] == "planned"
    meeting = (start, start)  # the days of a twinning's meeting, set by its first event
    for number, (kind, topic) in enumerate(zip(types, topics, strict=True), start=1):
        names, words = EVENT_TYPES[kind]
        title = [name.format(t=t) for name, t in zip(names, topic, strict=True)]
        event: dict[str, Any] = {
            "id": f"{kind.replace('_', '-')}-{number}",
            "type": kind,
            "title": in_every_language(title),
        }
        first, last = _span(rng, start, end)
        precision = rng.choices(("day", "month", "none"), weights=(70, 20, 10))[0]
        if theme == "twinning" and number > 1:  # a day of the meeting it is part of
            first = min(meeting[0] + dt.timedelta(days=number - 2), meeting[1])
            last = first
            precision = "day" if "start" in events[0][0] else "none"
        meeting = (first, last)
        when = ""
        if precision != "none":
            event["start"] = FuzzyDay(first, precision).text
            when = " " + FuzzyDay(first, precision).words
            if last != first and FuzzyDay(last, precision).text != event["start"]:
                event["end"] = FuzzyDay(last, precision).text
                when = f" from {FuzzyDay(first, precision).words[3:]} to "
                when += FuzzyDay(last, precision).words[3:]
        city: City | None = rng.choice([home, *partners])
        if kind == "online_meeting":
            city, where = None, " online"
            event["online"] = True
        elif rng.random() < 0.08:
            city, where = None, ""
        else:
            event["place"] = city.id
            where = f" in {city.en}"
        series = ""
        if kind == "training" and rng.random() < 0.7:
            event["count"] = rng.randint(3, 12)
            series = f", a series of {event['count']} sessions,"
        verb = "is planned" if planned else "was held"
        if planned:
            event["status"] = "planned"
        if theme == "twinning" and number > 1:
            event["part_of"] = "meeting-1"
            event.pop("place", None)
            city, where = events[0][1], ""
            if city is not None:
                event["place"] = city.id
            sentence = f"As part of the meeting, the {title[0]} {verb}{when}."
        else:
            sentence = f"The {title[0]}{series} {verb}{where}{when}."
        event.update(report.cite(sentence))
        events.append((event, city))
        held_at = {entry["place"] for entry in project["places"] if entry["role"] == "venue"}
        if city is not None and city.id not in held_at:
            project["places"].append(
                {"place": city.id, "role": "venue", "source": report.source, "quote": sentence}
            )
    return events


def make_links(
    theme: str,
    home: City,
    partners: list[City],
    events: list[tuple[dict[str, Any], City | None]],
    report: Report,
) -> list[dict]:
    """The lines on the map: twin towns and the trip to their meeting, a network's hub
    to each partner."""
    if theme == "twinning":
        other = partners[0]
        cited = report.cite(f"{home.en} and {other.en} are twin towns.")
        links = [{"from_place": home.id, "to_place": other.id, "kind": "twinning", **cited}]
        venue = events[0][1]
        if venue is not None:
            guest = other if venue.id == home.id else home
            cited = report.cite(f"Citizens of {guest.en} travelled to {venue.en} to meet.")
            links.append(
                {
                    "from_place": guest.id,
                    "to_place": venue.id,
                    "kind": "travelled_to_event",
                    **cited,
                }
            )
        return links
    if theme == "network":
        cited = report.cite(f"{home.en} coordinates the network's exchanges.")
        return [
            {"from_place": home.id, "to_place": city.id, "kind": "network", **cited}
            for city in partners
        ]
    return []
