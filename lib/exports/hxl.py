"""The figures and funding lines as an HXL-tagged CSV: a header row for people, a hashtag row
for humanitarian tools (libhxl, HDX, the HXL Proxy), then one row a figure or funding line.

Counts of different kinds go in different columns, so that no tool adds them up: people reached
(#reached+ind, with +refugees when the indicator counts refugees), attendances, people
informed, and things (#output+num). A part of a total (people from one city) is a row of its
own beside its total, marked in "Part of the total". There is no #targeted column: no report
gives a target. Funding lines carry the amount and currency only where a report gives them.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

from lib.load.audience import precision_words
from lib.model.portfolio import Portfolio
from lib.model.schema import Place
from lib.query.filters import Filters, selected_projects, selected_values
from lib.text.dates import period_text
from lib.text.escape import CSV_ROW_END, spreadsheet_cell
from lib.topics.funding.data import funding_rows

COLUMNS: list[tuple[str, str]] = [
    ("Record", "#meta+record"),
    ("Project", "#activity+name"),
    ("Project id", "#activity+code"),
    ("Event", "#meta+event"),
    ("Indicator", "#indicator+name"),
    ("Indicator code", "#indicator+code"),
    ("People reached", "#reached+ind"),
    ("Refugees reached", "#reached+ind+refugees"),
    ("Attendances", "#reached+attendances"),
    ("People informed", "#reached+informed"),
    ("Things done or made", "#output+num"),
    ("Precision", "#meta+precision"),
    ("How rows combine", "#meta+aggregation"),
    ("Part of the total", "#meta+breakdown"),
    ("Period start", "#date+start"),
    ("Period end", "#date+end"),
    ("Period as reported", "#meta+period"),
    ("Place role", "#meta+place_role"),
    ("City", "#loc+name"),
    ("GeoNames id", "#loc+code+v_geonames"),
    ("Region", "#adm1+name"),
    ("Country", "#country+name"),
    ("Country code", "#country+code+v_iso2"),
    ("Latitude", "#geo+lat"),
    ("Longitude", "#geo+lon"),
    ("Funders", "#org+funder+name"),
    ("Implementers", "#org+impl+name"),
    ("Programme", "#meta+programme"),
    ("Grant reference", "#meta+grant"),
    ("Funding amount", "#value+funding"),
    ("Currency", "#currency"),
    ("Source", "#meta+source"),
    ("Quote", "#meta+quote"),
]
VALUE_COLUMNS = {
    "unique_people": "People reached",
    "people_reached": "People reached",
    "attendances": "Attendances",
    "people_informed": "People informed",
    "items": "Things done or made",
}
IMPLEMENTING_ROLES = ("lead", "implementer", "partner", "coordinator")


def hxl_csv(portfolio: Portfolio, filters: Filters | None = None, language: str = "en") -> bytes:
    """UTF-8 with a byte-order mark, as the dashboard's other CSV downloads."""
    filters = filters or Filters()
    projects = selected_projects(portfolio, filters)
    rows = [_figure(portfolio, row, language) for row in _figures(portfolio, filters)]
    rows += _funding(portfolio, projects, language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=CSV_ROW_END)
    writer.writerow([header for header, _ in COLUMNS])
    writer.writerow([tag for _, tag in COLUMNS])
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(header, "")) for header, _ in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def _figures(portfolio: Portfolio, filters: Filters) -> list:
    return list(selected_values(portfolio, filters).itertuples(index=False))


def _project_columns(portfolio: Portfolio, project_id: str, language: str) -> dict[str, str]:
    project = portfolio.projects[project_id]
    organisations = portfolio.organisations

    def names(ids: list[str]) -> str:
        return "; ".join(dict.fromkeys(organisations[i].names.get(language) for i in ids))

    return {
        "Project": project.title.get(language),
        "Project id": project.id,
        "Funders": names([funding.funder for funding in project.funding]),
        "Implementers": names(  # a role that is the curators' reading is left out
            [
                e.organisation
                for e in project.organisations
                if e.role in IMPLEMENTING_ROLES and not e.is_inferred("role")
            ]
        ),
    }


def _figure(portfolio: Portfolio, row: object, language: str) -> dict[str, str]:
    indicator = portfolio.indicators[row.indicator]
    column = VALUE_COLUMNS[indicator.counts]
    if column == "People reached" and "refugee" in indicator.code:
        column = "Refugees reached"
    event = portfolio.event(row.project, row.event) if row.event else None
    record = {
        "Record": "figure",
        **_project_columns(portfolio, row.project, language),
        "Event": event.title.get(language) if event else "",
        "Indicator": indicator.labels.get(language),
        "Indicator code": indicator.code,
        column: "" if pd.isna(row.value) else str(int(row.value)),
        "Precision": precision_words(row.precision, row.fewer_than),
        "How rows combine": (
            "rows add up" if indicator.aggregation == "sum" else "at least: rows may overlap"
        ),
        "Part of the total": "from this city" if row.breakdown == "origin_city" else "total",
        "Period as reported": period_text(row.period_start, row.period_end),
        "Source": portfolio.sources[row.source].title,
        "Quote": row.quote,
    }
    for header, date in (("Period start", row.period_start), ("Period end", row.period_end)):
        record[header] = str(date) if date is not None and date.has_year else ""
    return record | _where(portfolio, row, language)


def _where(portfolio: Portfolio, row: object, language: str) -> dict[str, str]:
    """The figure's place: the city a part came from, else its event's venue, else the
    project's only place; the country alone when all the project's places share it."""
    project_places = list(dict.fromkeys(e.place for e in portfolio.projects[row.project].places))
    if row.place:
        place_id, role = row.place, "origin city of these people"
    elif row.venue:
        place_id, role = row.venue, "venue of the event"
    elif len(project_places) == 1:
        place_id, role = project_places[0], "the project's place"
    else:
        countries = {portfolio.places[p].country for p in project_places}
        if len(countries) != 1:
            return {}
        return _country(portfolio, countries.pop(), language) | {"Place role": "project country"}
    place = portfolio.places[place_id]
    return (
        _place(place, language)
        | _country(portfolio, place.country, language)
        | {"Place role": role}
    )


def _place(place: Place, language: str) -> dict[str, str]:
    name = place.names.get(language)
    columns = {"Region": name} if place.kind == "region" else {"City": name}
    if place.geonames_id is not None:
        columns["GeoNames id"] = str(place.geonames_id)
    if place.latitude is not None:
        columns |= {"Latitude": f"{place.latitude}", "Longitude": f"{place.longitude}"}
    return columns


def _country(portfolio: Portfolio, code: str, language: str) -> dict[str, str]:
    entry = portfolio.countries.get(code)
    return {"Country": entry.names.get(language) if entry else code, "Country code": code}


def _funding(portfolio: Portfolio, projects: list[str], language: str) -> list[dict[str, str]]:
    rows = []
    for line in funding_rows(portfolio, projects, language).itertuples(index=False):
        reported = not pd.isna(line.amount_value) and "amount" not in line.inferred
        stated_reference = "grant_reference" not in line.inferred
        rows.append(
            {
                "Record": "funding",
                **_project_columns(portfolio, line.project_id, language),
                "Funders": line.funder,
                "Programme": line.programme_path,
                "Grant reference": line.grant_reference if stated_reference else "",
                "Funding amount": _number(line.amount_value) if reported else "",
                "Currency": line.currency,
                "Precision": "exact" if reported else "not reported",
                "Source": line.source,
                "Quote": line.quote,
            }
        )
    return rows


def _number(value: float) -> str:
    """120000 or 1234.5: plain decimals, never 1.2e+05."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
