"""IATI: the export is valid 2.03 with valid codes and invents nothing; the import takes what
real files give, says what it skipped, and writes data that validates; a round trip keeps the
figures."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fixture_data import FIXTURE_DATA_DIR
from lxml import etree

from lib.cli import main
from lib.iati.codes import REPORTING_ORG_REF
from lib.iati.export import iati_export
from lib.iati.importer import import_iati
from lib.load.loader import load_portfolio
from lib.model.languages import LANGUAGE_CODES
from lib.query.filters import Filters

IATI = Path(__file__).parent / "iati"
EXAMPLE = IATI / "activity-standard-example-annotated.xml"
# Codelists that tests/iati/codelists does not hold, with the only codes the export may use
# from them, checked against IATI/IATI-Codelists (2.03): the schema's version, description type
# 1 (General), and a document link's category (A08 Results, outcomes and outputs) and format.
NOT_SHIPPED = {
    "Version": {"2.03"},
    "DescriptionType": {"1"},
    "DocumentCategory": {"A08"},
    "FileFormat": {"text/html"},
}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(IATI / "iati-activities-schema.xsd")))


@pytest.fixture(scope="module")
def bundled():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, target, ignore=shutil.ignore_patterns("basemap"))
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def richer_data(tmp_path: Path) -> Path:
    """The tests' data with what the reports do not give, for testing only: sentences added to
    copies of the reports that state a year on the MYLA figures' periods, the twinning and the
    CONNECTION projects' status and dates and an amount, and a web address."""
    data = copy_data(tmp_path)
    added = {
        "000_cc207db102143d95.txt": (
            "Проектът се изпълни от 19/06/2018 г. до 22/06/2018 г. и е приключен. "
            "Бюджетът на проекта е 25000 EUR."
        ),
        "003_6e458a75d0498bbb.txt": "Од јануари 2017 до април 2017 вкупно 518 бегалци добија "
        "поддршка и приближно 84.000 граѓани беа запознаени со активностите на проектот.",
        "004_9431c73241a37e4f.txt": "Проектът е приключен: той се проведе на 13ти и 14ти "
        "септември 2021г.",
    }
    for name, sentence in added.items():
        report = data / "sources" / name
        report.write_text(report.read_text(encoding="utf-8") + "\n\n" + sentence, encoding="utf-8")
    values = data / "indicator_values.csv"
    myla = f'myla-results-mk,"{added["003_6e458a75d0498bbb.txt"]}"'
    for figure in ("518,exact", "84000,approximate"):
        text = values.read_text(encoding="utf-8").splitlines()
        row = next(line for line in text if f",{figure},--01,--04," in line)
        fixed = row.replace(",--01,--04,", ",2017-01,2017-04,").split(",,,myla-results-mk,")[0]
        replace(values, row, f"{fixed},,,{myla}")
    connection = added["004_9431c73241a37e4f.txt"]
    replace(
        data / "projects/connection-network.yaml",
        "status: not_stated\n",
        'status: completed\nstart: "2021-09-13"\nend: "2021-09-14"\n'
        f'dates_source: {{source: sda-connection-bg, quote: "{connection}"}}\n'
        f'status_source: {{source: sda-connection-bg, quote: "{connection}"}}\n',
    )
    twinning = added["000_cc207db102143d95.txt"]
    replace(
        data / "projects/shtip-strazhitsa-twinning.yaml",
        "status: not_stated\n",
        'status: completed\nstart: "2018-06-19"\nend: "2018-06-22"\n'
        f'dates_source: {{source: twinning-report-bg, quote: "{twinning}"}}\n'
        f'status_source: {{source: twinning-report-bg, quote: "{twinning}"}}\n',
    )
    replace(
        data / "sources.yaml",
        "    file: 004_9431c73241a37e4f.txt\n",
        "    file: 004_9431c73241a37e4f.txt\n    url: https://example.org/connection\n",
    )
    replace(
        data / "projects/shtip-strazhitsa-twinning.yaml",
        "    programme: efc-measure-2-1\n    source: twinning-report-bg\n"
        '    quote: "Приложим към Направление 2: Мярка 2.1 „Побратимяване на градове“"\n',
        "    programme: efc-measure-2-1\n    amount: {value: 25000, currency: EUR}\n"
        f'    source: twinning-report-bg\n    quote: "{twinning}"\n',
    )
    assert load_portfolio(data).problems == ()
    return data


def codelist(name: str) -> set[str] | None:
    path = IATI / "codelists" / f"{name}.xml"
    if not path.is_file():
        return None
    return {code.text for code in etree.parse(str(path)).iter("code")}


def wrong_codes(document: etree._Element) -> list[str]:
    """Every coded value not in its codelist, as mapping.xml ties paths to codelists."""
    problems = []
    for mapping in etree.parse(str(IATI / "codelists/mapping.xml")).iter("mapping"):
        path, name = mapping.findtext("path"), mapping.find("codelist").get("ref")
        condition = mapping.findtext("condition")
        if condition:
            element, _, last = path.rpartition("/")
            path = f"{element}[{condition}]/{last}"
        found = [str(value) for value in document.xpath(path)]
        allowed = codelist(name)
        if allowed is None:
            allowed = NOT_SHIPPED.get(name)
            if allowed is None and found:
                problems.append(f"{path} uses {name}, a codelist we cannot check")
                continue
        problems += [f"{path}: {value} is not in {name}" for value in found if value not in allowed]
    return problems


def test_export_is_valid_iati_with_valid_codes(bundled, schema):
    document = etree.fromstring(iati_export(bundled).xml)
    assert schema.validate(document), schema.error_log
    assert wrong_codes(document) == []


def test_export_with_more_data_is_still_valid(richer_data, schema):
    document = etree.fromstring(iati_export(load_portfolio(richer_data).portfolio).xml)
    assert schema.validate(document), schema.error_log
    assert wrong_codes(document) == []


def test_the_code_check_catches_a_wrong_code(bundled):
    document = etree.fromstring(iati_export(bundled).xml)
    document.find(".//sector").set("code", "99999")
    document.find(".//participating-org").set("role", "7")
    assert len(wrong_codes(document)) == 2


def test_export_carries_identifiers_names_places_and_results(richer_data):
    document = etree.fromstring(iati_export(load_portfolio(richer_data).portfolio).xml)
    twinning = document.xpath(
        f"iati-activity[iati-identifier='{REPORTING_ORG_REF}-shtip-strazhitsa-twinning']"
    )[0]
    assert twinning.find("reporting-org").get("secondary-reporter") == "1"
    titles = {n.get("{http://www.w3.org/XML/1998/namespace}lang"): n.text
              for n in twinning.find("title")}  # fmt: skip
    assert titles["bg"] == "Европа в капана на имигрантската криза"
    assert set(titles) == set(LANGUAGE_CODES)
    assert twinning.find("activity-status").get("code") == "4"
    dates = {d.get("type"): d.get("iso-date") for d in twinning.findall("activity-date")}
    assert dates == {"2": "2018-06-19", "4": "2018-06-22"}
    assert [c.get("code") for c in twinning.findall("recipient-country")] == ["BG", "MK"]
    shtip = twinning.find("location[@ref='shtip']")
    assert shtip.find("location-id").get("code") == "785482"
    assert shtip.findtext("point/pos") == "41.74583 22.19583"
    funders = twinning.xpath("participating-org[@role='1']/narrative[@xml:lang='en']/text()")
    assert funders == ["European Union"]
    actuals = twinning.xpath(".//period/actual")
    assert [a.get("value") for a in actuals] == ["259", "132", "127"]
    assert actuals[1].find("dimension").get("name") == "origin_city"
    assert actuals[1].find("location").get("ref") == "shtip"


def test_export_invents_nothing_and_says_what_it_left_out(bundled):
    result = iati_export(bundled)
    document = etree.fromstring(result.xml)
    report = "\n".join(result.report_lines)
    assert document.find(".//budget") is None  # no report gives an amount
    assert document.find(".//document-link") is None  # no report has a known address
    assert document.xpath("//actual[@value='0']") == []
    assert document.xpath("//participating-org/@ref") == []  # no registered identifiers
    assert "1 of 4 projects and 0 of 16 figures exported" in report
    assert "project left out: rso-maritsa-forums" in report
    # No report states the twinning project's status or dates (19-22 June are the meeting's):
    # it is not published as "Closed" with actual dates, but left out, since IATI needs both.
    assert "project left out: shtip-strazhitsa-twinning" in report
    assert document.xpath("//activity-status[@code='4']") == []
    assert document.xpath("//activity-date[@type='4']") == []
    assert document.xpath("//activity-date/@iso-date") == ["2017-01-01"]  # MYLA's, as stated
    assert (
        "Refugees supported = 518 (exact): its period (January – April, year not stated)" in report
    )
    assert "Participants = 32 (exact): no period is given" in report
    myla = document.xpath(
        f"iati-activity[iati-identifier='{REPORTING_ORG_REF}-myla-refugee-integration']"
    )[0]
    assert myla.find("activity-status").get("code") == "2"
    assert "Activity status: not stated by the reports" in etree.tostring(myla, encoding=str)


def test_richer_data_gives_budget_link_month_periods_and_approximate_flag(richer_data):
    result = iati_export(load_portfolio(richer_data).portfolio)
    document = etree.fromstring(result.xml)
    budget = document.find(".//budget")
    assert budget.findtext("value") == "25000.00" and budget.find("value").get("currency") == "EUR"
    assert document.find(".//document-link").get("url") == "https://example.org/connection"
    period = document.xpath("//period[actual/@value='84000']")[0]
    assert period.find("period-start").get("iso-date") == "2017-01-01"
    assert period.find("period-end").get("iso-date") == "2017-04-30"
    comment = period.find("actual/comment/narrative").text
    assert comment.startswith("Approximate:")


def test_filters_select_activities(richer_data):
    result = iati_export(load_portfolio(richer_data).portfolio, Filters(cities=("shtip",)))
    identifiers = etree.fromstring(result.xml).xpath("//iati-identifier/text()")
    assert identifiers == [f"{REPORTING_ORG_REF}-shtip-strazhitsa-twinning"]
    assert etree.fromstring(result.xml).xpath("//actual/@value") == ["132"]


def round_trip(data_dir: Path, tmp_path: Path) -> tuple[list, list]:
    exported = iati_export(load_portfolio(data_dir).portfolio)
    xml = tmp_path / "export.xml"
    xml.write_bytes(exported.xml)
    out = tmp_path / "imported"
    assert main(["import-iati", str(xml), "--out", str(out)]) == 0
    imported = load_portfolio(out)
    assert imported.problems == ()
    frame = imported.portfolio.values
    before = [(f[1], f[2], f[3], f[4], f[5]) for f in exported.report.figures]
    after = list(zip(frame.indicator, frame.value.astype(int), frame.precision, frame.place,
                     frame.breakdown, strict=True))  # fmt: skip
    assert sorted(imported.portfolio.projects) == sorted(exported.report.activities)
    return before, after


def test_round_trip_keeps_the_figures(richer_data, tmp_path):
    before, after = round_trip(richer_data, tmp_path)
    assert Counter(after) == Counter(before)
    assert ("participants", 132, "exact", "shtip", "origin_city") in after


def test_round_trip_keeps_the_indicators_roles(richer_data, tmp_path):
    """Headline, page and map sizer are written after the catalogue note and read back (the
    richer data: the tests' data exports no dated figure, so no indicator)."""
    round_trip(richer_data, tmp_path)
    indicators = load_portfolio(tmp_path / "imported").portfolio.indicators
    participants = indicators["participants"]
    assert (participants.page, participants.headline, participants.sizes_map) == (
        "participants",
        True,
        True,
    )
    originals = load_portfolio(richer_data).portfolio.indicators
    roles = ("page", "headline", "sizes_map")
    for code, indicator in indicators.items():
        original = originals[code]
        assert [getattr(indicator, r) for r in roles] == [getattr(original, r) for r in roles]
        assert "Dashboard roles" not in indicator.description


def test_round_trip_with_more_figures_keeps_precision(richer_data, tmp_path):
    before, after = round_trip(richer_data, tmp_path)
    assert Counter(after) == Counter(before)
    assert ("citizens-informed", 84000, "approximate", "", "") in after
    assert ("network-cities", 22, "exact", "", "") in after


def test_import_of_the_official_example_validates(tmp_path, capsys):
    assert main(["import-iati", str(EXAMPLE), "--out", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert "valid. 1 projects" in printed
    assert "skipped budget ×1: amounts are not imported" in printed
    assert "broken down by sex=female, age=adult" in printed
    assert "location AF-KAN skipped: no country" in printed
    portfolio = load_portfolio(tmp_path / "out").portfolio
    assert portfolio.places["phnom-penh"].geonames_id == 1821306  # from GeoNames, not typed
    project = next(iter(portfolio.projects.values()))
    assert project.title.en == "Activity title"
    assert project.status == "ongoing" and str(project.start) == "2012-04-28"
    assert {e.role for e in project.organisations} == {"funder", "lead", "coordinator"}
    source = portfolio.source_texts[project.funding[0].source]
    assert "Name of Agency B" in source and "Titre de l'activité" in source


# Ways real files break the schema, applied to the official example.
def upper_case_languages(text: str) -> str:
    return text.replace('xml:lang="en"', 'xml:lang="EN"').replace(
        'xml:lang="fr"', 'xml:lang="FR-fr"'
    )


def extra_attributes(text: str) -> str:
    text = text.replace("<title>", '<title lang="en" foo="bar">')
    return text.replace('<participating-org ref="BB', '<participating-org data-x="1" ref="BB')


def missing_optional_parts(text: str) -> str:
    return re.sub(r"(?s)<description.*?</description>|<location .*?</location>", "", text)


def broken_markup(text: str) -> str:
    """An unclosed <title> and a bare ampersand."""
    return text.replace("</title>", "", 1).replace("&", "&amp;&")


def value_at_locations(text: str) -> str:
    """The actual keeps its two locations but loses its dimensions; its value is 11.0."""
    text = text.replace('actual value="11"', 'actual value="11.0"')
    return re.sub(r"(?s)(<actual .*?)<dimension.*?(<comment>)", r"\1\2", text)


VARIANTS = {
    "upper-case languages": upper_case_languages,
    "extra attributes": extra_attributes,
    "missing optional parts": missing_optional_parts,
    "broken markup": broken_markup,
    "a value at locations": value_at_locations,
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_import_is_lenient_with_real_world_breakage(variant, tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text(VARIANTS[variant](EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["import-iati", str(broken), "--out", str(tmp_path / "out")]) == 0
    assert "valid. 1 projects" in capsys.readouterr().out


def test_broken_markup_is_reported_as_repaired(tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text(broken_markup(EXAMPLE.read_text(encoding="utf-8")))
    main(["import-iati", str(broken), "--out", str(tmp_path / "out")])
    assert "repaired while reading" in capsys.readouterr().out


def test_a_value_at_locations_is_skipped_not_counted_as_a_total(tmp_path):
    text = value_at_locations(EXAMPLE.read_text(encoding="utf-8"))
    (tmp_path / "a.xml").write_text(text)
    result = import_iati([tmp_path / "a.xml"])
    assert result.figures == 0
    assert any("actual value 11: it is a figure at a location" in line for line in result.report)


def test_import_refuses_a_folder_that_holds_data(tmp_path, capsys):
    out = copy_data(tmp_path)
    assert main(["import-iati", str(EXAMPLE), "--out", str(out)]) == 2
    assert "already holds" in capsys.readouterr().err


def test_cli_export_writes_the_file_and_the_report(tmp_path, capsys):
    out = tmp_path / "activities.xml"
    assert (
        main(
            [
                "export",
                "--format",
                "iati",
                "--out",
                str(out),
                "--project",
                "myla-refugee-integration",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "1 of 1 projects" in printed and f"Wrote {out}" in printed
    assert etree.parse(str(out)).xpath("count(//iati-activity)") == 1


def test_cli_export_refuses_unknown_ids(capsys):
    assert main(["export", "--format", "iati", "--country", "MK,XX"]) == 2
    assert "there is no country 'XX'" in capsys.readouterr().err


def test_sources_page_offers_the_open_formats_for_the_current_filters(monkeypatch, on_click):
    from app_support import open_app, set_filter

    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DATA_DIR))
    app = open_app("pages/sources/app.py")

    def buttons() -> dict[str, Any]:
        return {button.proto.label: button for button in app.get("download_button")}

    labels = " ".join(buttons())
    assert "IATI 2.03" in labels and "HXL" in labels and "Frictionless" in labels
    iati = next(label for label in buttons() if "IATI" in label)
    assert buttons()[iati].proto.deferred_file_id  # built on the click, not on every visit
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio

    def identifiers(xml: bytes) -> list[str]:
        return etree.fromstring(xml).xpath("//iati-identifier/text()")

    def clicked() -> bytes:
        return on_click[buttons()[iati].proto.deferred_file_id]()

    assert identifiers(clicked()) == identifiers(iati_export(portfolio).xml)

    def left_out() -> list[str]:
        return [text.value for text in app.text if text.value.startswith("IATI 2.03")]

    assert left_out() == []  # worked out only when asked for
    app.toggle(key="sources.left").set_value(True).run()
    assert left_out()[0].startswith("IATI 2.03: 1 of 4 projects")
    assert "project left out" in left_out()[0]
    set_filter(app, "cities", ["shtip"])
    shtip = identifiers(iati_export(portfolio, Filters(cities=("shtip",))).xml)
    assert identifiers(clicked()) == shtip != identifiers(iati_export(portfolio).xml)
