"""The data set, or the part the filters select, as IATI 2.03 activities: one a project.

Nothing is invented for IATI's sake: no budget unless a report gives every amount and the
project's dates to the day, no organisation identifiers (ours are not registered), no document
link without a known web address, no date more precise than the report's. What IATI cannot
hold is written into the English description or listed in the export's report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from lib.iati.codes import (
    COUNTRY_VOCABULARY,
    DOCUMENT_CATEGORY,
    DOCUMENT_FORMAT,
    END_TYPE,
    EXACTNESS_EXACT,
    GEONAMES_VOCABULARY,
    IATI_VERSION,
    LOCATION_CLASS,
    NOTES_HEADING,
    ORGANISATION_TYPES,
    REPORTING_ORG_NAME,
    REPORTING_ORG_REF,
    REPORTING_ORG_TYPE,
    ROLE_CODES,
    SECTOR_CODE,
    SECTOR_VOCABULARY,
    START_TYPE,
    STATUS_CODES,
    STATUS_NOT_STATED_NOTE,
    WGS84,
)
from lib.iati.results import add_results
from lib.iati.xml import XML_LANG, ExportReport, narrative, sub, texts
from lib.model.dates import FuzzyDate
from lib.model.portfolio import Portfolio
from lib.model.schema import Project
from lib.query.filters import Filters, programme_chain, selected_projects, selected_values
from lib.text.dates import date_text


@dataclass(frozen=True)
class IatiExport:
    xml: bytes
    report: ExportReport
    report_lines: tuple[str, ...]


def iati_export(
    portfolio: Portfolio, filters: Filters | None = None, now: dt.datetime | None = None
) -> IatiExport:
    """The selected projects as an `iati-activities` document, and what was left out."""
    filters = filters or Filters()
    now = now or dt.datetime.now(dt.UTC)
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": now.strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    report = ExportReport()
    values = selected_values(portfolio, filters)
    projects = selected_projects(portfolio, filters)
    for project_id in projects:
        rows = values[values["project"] == project_id]
        activity = _activity(portfolio, portfolio.projects[project_id], rows, report)
        if activity is not None:
            root.append(activity)
    _shared_notes(portfolio, projects, report)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return IatiExport(xml, report, tuple(report.lines(len(projects), len(values))))


def activity_identifier(project_id: str) -> str:
    return f"{REPORTING_ORG_REF}-{project_id}"


def _activity(
    portfolio: Portfolio, project: Project, rows, report: ExportReport
) -> etree._Element | None:
    dates = _dates(project)
    if not dates:
        report.left_out.append(
            f"project left out: {project.id}: IATI needs at least one activity date given to "
            f"the day; the reports give start {date_text(project.start)}, end "
            f"{date_text(project.end)} (its {len(rows)} figure(s) go with it)"
        )
        return None
    report.activities.append(project.id)
    activity = etree.Element("iati-activity")
    activity.set(XML_LANG, "en")
    sub(activity, "iati-identifier").text = activity_identifier(project.id)
    reporting = sub(
        activity, "reporting-org", ref=REPORTING_ORG_REF, type=REPORTING_ORG_TYPE,
        secondary_reporter="1",  # we report on other organisations' projects, from their reports
    )  # fmt: skip
    narrative(reporting, REPORTING_ORG_NAME, "en")
    texts(sub(activity, "title"), project.title)
    notes = _notes(portfolio, project)
    suffix = {"en": f"\n\n{NOTES_HEADING} " + " ".join(notes)} if notes else {}
    texts(sub(activity, "description", type="1"), project.summary, suffix)
    _organisations(activity, portfolio, project, report)
    sub(activity, "activity-status", code=STATUS_CODES[_stated_status(project)])
    for date_type, date in dates:
        sub(activity, "activity-date", type=date_type, iso_date=date.isoformat())
    for country in sorted({portfolio.places[p.place].country for p in project.places}):
        sub(activity, "recipient-country", code=country)
    _locations(activity, portfolio, project, rows)
    sub(activity, "sector", vocabulary=SECTOR_VOCABULARY, code=SECTOR_CODE)
    _budget(activity, project)
    _document_links(activity, portfolio, project, rows, report)
    add_results(activity, portfolio, rows, report)
    return activity


def _stated_status(project: Project) -> str:
    """The status a report states: one the curators marked as their reading is not stated."""
    return "not_stated" if project.is_inferred("status") else project.status


def _dates(project: Project) -> list[tuple[str, dt.date]]:
    """Only dates a report gives, to the day: IATI dates are full dates. An end is "actual"
    only when a report says the project is completed."""
    dates = []
    status = _stated_status(project)
    start, end = project.start, project.end
    if start is not None and start.precision == "day" and not project.is_inferred("start"):
        dates.append((START_TYPE.get(status, "2"), start.first_day()))
    if end is not None and end.precision == "day" and not project.is_inferred("end"):
        dates.append((END_TYPE.get(status, "3"), end.first_day()))
    return dates


def _notes(portfolio: Portfolio, project: Project) -> list[str]:
    """What IATI has no element for, in sentences for the English description."""
    notes = [STATUS_NOT_STATED_NOTE] if _stated_status(project) == "not_stated" else []
    for name, date in (("start", project.start), ("end", project.end)):
        if date is not None and date.precision != "day" and not project.is_inferred(name):
            notes.append(f"The reports give the {name} only as {_as_written(date)}.")
    for funding in project.funding:
        funder = portfolio.organisations[funding.funder].names.en
        chain = programme_chain(portfolio, funding.programme)
        chain = [portfolio.programmes[programme].names.en for programme in chain]
        co_funded = funding.co_funded and not funding.is_inferred("co_funded")
        words = f"{'Co-funded' if co_funded else 'Funded'} by {funder}"
        words += f" under {' › '.join(chain)}" if chain else ""
        if funding.grant_reference and not funding.is_inferred("grant_reference"):
            words += f", grant agreement {funding.grant_reference}"
        if funding.amount is not None and not funding.is_inferred("amount"):
            words += f", {funding.amount.value:,.2f} {funding.amount.currency}"
        notes.append(words + ".")
    return notes


def _as_written(date: FuzzyDate) -> str:
    return f"{date} ({date_text(date)})"


def _organisations(
    activity: etree._Element, portfolio: Portfolio, project: Project, report: ExportReport
) -> None:
    entries = []
    for entry in project.organisations:
        if entry.is_inferred("role"):  # IATI has no way to say "our reading": left out
            name = portfolio.organisations[entry.organisation].names.en
            report.left_out.append(
                f"organisation left out: {project.id}: {name} ({entry.role}): no report states "
                f"this role; it is the curators' reading ({entry.note})"
            )
            continue
        entries.append((entry.organisation, entry.role))
    entries += [(funding.funder, "funder") for funding in project.funding]
    seen: set[tuple[str, str]] = set()
    for organisation_id, role in entries:
        code = ROLE_CODES.get(role)
        if code is None:
            name = portfolio.organisations[organisation_id].names.en
            report.left_out.append(
                f"organisation left out: {project.id}: {name} ({role}): IATI has no such role"
            )
            continue
        if (organisation_id, code) in seen:
            continue
        seen.add((organisation_id, code))
        organisation = portfolio.organisations[organisation_id]
        element = sub(activity, "participating-org", role=code)
        if organisation.kind in ORGANISATION_TYPES:
            element.set("type", ORGANISATION_TYPES[organisation.kind])
        texts(element, organisation.names)


def _locations(activity: etree._Element, portfolio: Portfolio, project: Project, rows) -> None:
    roles: dict[str, list[str]] = {}
    for entry in project.places:
        if not entry.is_inferred("place"):
            roles.setdefault(entry.place, []).append(entry.role.replace("_", " "))
    for place_id in rows["place"]:
        if place_id:
            roles.setdefault(place_id, []).append("origin of participants")
    for place_id, place_roles in roles.items():
        place = portfolio.places[place_id]
        location = sub(activity, "location", ref=place_id)
        if place.geonames_id is not None:
            geonames = str(place.geonames_id)
            sub(location, "location-id", vocabulary=GEONAMES_VOCABULARY, code=geonames)
        texts(sub(location, "name"), place.names)
        words = "Role in the project: " + ", ".join(dict.fromkeys(place_roles)) + "."
        narrative(sub(location, "activity-description"), words, "en")
        country = place.country
        sub(location, "administrative", vocabulary=COUNTRY_VOCABULARY, level="0", code=country)
        if place.latitude is not None:
            point = sub(location, "point", srsName=WGS84)
            sub(point, "pos").text = f"{place.latitude} {place.longitude}"
            sub(location, "exactness", code=EXACTNESS_EXACT)
        sub(location, "location-class", code=LOCATION_CLASS[place.kind])


def _budget(activity: etree._Element, project: Project) -> None:
    """A budget only when every funding line reports an amount, in one currency, and the
    project's dates are known to the day: the budget's period. Otherwise none, never a 0."""
    amounts = [f.amount for f in project.funding if not f.is_inferred("amount")]
    if len(amounts) < len(project.funding) or any(amount is None for amount in amounts):
        return
    if len({a.currency for a in amounts}) != 1:
        return
    if not (project.start and project.end and project.start.precision == project.end.precision):
        return
    if project.is_inferred("start") or project.is_inferred("end"):
        return
    if project.start.precision != "day":
        return
    budget = sub(activity, "budget", type="1", status="2")  # original, committed
    sub(budget, "period-start", iso_date=project.start.first_day().isoformat())
    sub(budget, "period-end", iso_date=project.end.first_day().isoformat())
    value = sub(budget, "value", currency=amounts[0].currency)
    value.set("value-date", project.start.first_day().isoformat())
    value.text = f"{sum(amount.value for amount in amounts):.2f}"


def _document_links(
    activity: etree._Element, portfolio: Portfolio, project: Project, rows, report: ExportReport
) -> None:
    cited = {entry.source for entry in (*project.places, *project.organisations, *project.funding)}
    cited |= set(rows["source"])
    for source_id in sorted(cited):
        source = portfolio.sources[source_id]
        if source.url is None:
            report.unlinked_sources.add(source_id)
            continue
        link = sub(activity, "document-link", url=source.url, format=DOCUMENT_FORMAT)
        narrative(sub(link, "title"), source.title, source.language)
        sub(link, "category", code=DOCUMENT_CATEGORY)
        sub(link, "language", code=source.language)
        if source.published is not None and source.published.precision == "day":
            sub(link, "document-date", iso_date=source.published.first_day().isoformat())


def _shared_notes(portfolio: Portfolio, projects: list[str], report: ExportReport) -> None:
    exported = [portfolio.projects[p] for p in projects if p in report.activities]
    if any(len({portfolio.places[e.place].country for e in p.places}) > 1 for p in exported):
        report.left_out.append(
            "recipient-country percentages left out: no report says how a project's work is "
            "shared between its countries"
        )
    unlinked = report.unlinked_sources
    if unlinked:
        report.left_out.append(
            f"document-link left out for {len(unlinked)} report(s) with no known web address "
            "(IATI needs one); each figure's comment names its report and quotes it instead"
        )
    for project in exported:
        for name, date in (("start", project.start), ("end", project.end)):
            if date is not None and date.precision != "day":
                report.left_out.append(
                    f"date left out: {project.id}: {name} {_as_written(date)} is not a full "
                    "date; it is written in the description"
                )
