"""The HXL export is read by libhxl with its hashtags, keeps counts of different kinds apart and
unknowns empty; the flat CSV export is the dashboard's own download."""

from __future__ import annotations

import io

import hxl
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.cli import main
from lib.exports.csv_file import csv_bytes
from lib.exports.hxl import hxl_csv
from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_values
from lib.query.flat_table import readable_values


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


@pytest.fixture(scope="module")
def rows(portfolio):
    return list(hxl.data(io.BytesIO(hxl_csv(portfolio))))


def figure(rows, indicator: str, city: str = "", project: str = "") -> hxl.model.Row:
    """The one figure of this indicator: a total, or the part from `city`."""
    found = [
        row
        for row in rows
        if row.get("#indicator+code") == indicator
        and row.get("#meta+breakdown") == ("from this city" if city else "total")
        and (not city or row.get("#loc+name") == city)
        and (not project or row.get("#activity+code") == project)
    ]
    assert len(found) == 1, found
    return found[0]


def test_libhxl_reads_the_hashtags(portfolio):
    dataset = hxl.data(io.BytesIO(hxl_csv(portfolio)))
    tags = {column.display_tag for column in dataset.columns}
    for tag in (
        "#org+funder+name", "#org+impl+name", "#adm1+name", "#loc+name", "#geo+lat", "#geo+lon",
        "#date+start", "#date+end", "#reached+ind", "#reached+ind+refugees", "#reached+informed",
        "#output+num", "#value+funding", "#currency", "#country+code+v_iso2", "#indicator+name",
    ):  # fmt: skip
        assert tag in tags, tag


def test_libhxl_default_schema_finds_no_errors(portfolio):
    errors = []
    schema = hxl.schema(callback=errors.append)
    assert schema.validate(hxl.data(io.BytesIO(hxl_csv(portfolio))))
    assert [error.message for error in errors if error.rule.severity == "error"] == []


def test_people_counts_keep_their_kind_and_precision(rows):
    refugees = figure(rows, "refugees-supported")
    assert refugees.get("#reached+ind+refugees") == "518"
    # A tag pattern matches every column with its attributes: -refugees leaves that one out.
    assert refugees.get("#reached+ind-refugees") in (None, "")
    informed = figure(rows, "citizens-informed")
    assert informed.get("#reached+informed") == "84000"
    assert informed.get("#meta+precision") == "approximate"
    assert informed.get("#date+start") in (None, "")  # the report gives no year
    assert informed.get("#meta+period") == "January – April, year not stated"


def test_parts_of_a_total_carry_their_city_and_coordinates(rows, portfolio):
    shtip = figure(rows, "participants", "Shtip")
    assert shtip.get("#reached+ind") == "132"
    assert shtip.get("#geo+lat") == str(portfolio.places["shtip"].latitude)
    assert shtip.get("#country+code") == "MK"
    assert shtip.get("#date+start") == "2018-06-19"
    total = figure(rows, "participants", project="shtip-strazhitsa-twinning")
    assert total.get("#reached+ind") == "259"
    assert total.get("#meta+place_role") == "venue of the event"


def test_a_region_is_adm1_and_an_unreported_figure_stays_empty(rows):
    forums = [row for row in rows if row.get("#activity+code") == "rso-maritsa-forums"]
    figures = [row for row in forums if row.get("#meta+record") == "figure"]
    assert {row.get("#adm1+name") for row in figures} == {"Haskovo region"}
    assert all(row.get("#reached+ind") in (None, "") for row in figures)
    assert {row.get("#meta+precision") for row in figures} == {"not reported"}


def test_funding_lines_name_funders_and_give_no_amount_none_reports(rows):
    funding = [row for row in rows if row.get("#meta+record") == "funding"]
    assert {row.get("#org+funder") for row in funding} >= {"European Union", "Group 484"}
    assert all(row.get("#value+funding") in (None, "") for row in funding)
    myla = [row for row in rows if row.get("#activity+code") == "myla-refugee-integration"]
    assert "Macedonian Young Lawyers Association" in myla[0].get("#org+impl")


def test_filters_and_language_apply(portfolio):
    data = hxl_csv(portfolio, Filters(cities=("shtip",)), language="mk")
    figures = [r for r in hxl.data(io.BytesIO(data)) if r.get("#meta+record") == "figure"]
    assert [row.get("#reached+ind") for row in figures] == ["132"]
    assert figures[0].get("#loc+name") == "Штип"


def test_cli_writes_hxl_with_a_byte_order_mark(tmp_path):
    out = tmp_path / "figures.csv"
    assert main(["export", "--format", "hxl", "--out", str(out)]) == 0
    assert out.read_bytes().startswith("\ufeffRecord,".encode())


def test_csv_export_is_the_dashboards_download(portfolio, tmp_path, capsysbinary):
    expected = csv_bytes(readable_values(portfolio, selected_values(portfolio, Filters())))
    out = tmp_path / "figures.csv"
    assert main(["export", "--format", "csv", "--out", str(out)]) == 0
    assert out.read_bytes() == expected
    capsysbinary.readouterr()
    assert main(["export", "--format", "csv", "--project", "myla-refugee-integration"]) == 0
    printed = capsysbinary.readouterr().out
    assert printed.startswith(b"\xef\xbb\xbfproject,event,indicator")
    assert b"Refugees supported" in printed and b"Shtip" not in printed
