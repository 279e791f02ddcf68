"""datapackage.json describes indicator_values.csv truly: frictionless validates the tests' data
with it, refuses a broken copy, and the descriptor agrees with our own schema (the curated
data/datapackage.json is checked by tests/test_bundled_data.py)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR
from frictionless import validate

from lib.cli import main
from lib.exports.datapackage import package_zip
from lib.load.loader import data_files, load_portfolio
from lib.load.values_csv import BREAKDOWNS, COLUMNS, PRECISIONS, VALUES_FILE
from lib.query.filters import Filters

DESCRIPTOR = FIXTURE_DATA_DIR / "datapackage.json"


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def errors(report) -> list:
    return report.flatten(["rowNumber", "fieldName", "type"])


def test_frictionless_validates_the_tests_data():
    report = validate(str(DESCRIPTOR))
    assert report.valid, errors(report)


def test_every_csv_in_data_is_a_resource(descriptor):
    paths = {resource["path"] for resource in descriptor["resources"]}
    assert paths == {path.name for path in FIXTURE_DATA_DIR.glob("*.csv")} == {VALUES_FILE}


def test_the_table_schema_agrees_with_ours(descriptor):
    schema = descriptor["resources"][0]["schema"]
    fields = {field["name"]: field for field in schema["fields"]}
    assert list(fields) == list(COLUMNS)
    assert fields["precision"]["constraints"]["enum"] == list(PRECISIONS)
    assert fields["breakdown"]["constraints"]["enum"] == [b for b in BREAKDOWNS if b]
    assert fields["value"]["type"] == "integer" and fields["value"]["constraints"]["minimum"] == 0
    # the validator's rule "a figure is entered once": every column but the quote
    assert schema["primaryKey"] == [name for name in COLUMNS if name != "quote"]
    assert "foreignKeys" not in schema  # the ids point into YAML files, not CSV


def test_licence_and_sources_are_declared(descriptor):
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "to be confirmed by the project team" in descriptor["description"]
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    titles = [source["title"] for source in descriptor["sources"]]
    assert titles == [source.title for source in portfolio.sources.values()]
    for source in descriptor["sources"]:
        assert (FIXTURE_DATA_DIR / source["path"]).is_file()


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("84000,approximate", "84000,roughly", "constraint-error"),
        ("259,exact", "-259,exact", "constraint-error"),
        ("518,exact,--01", "518,exact,January", "constraint-error"),
        ("518,exact,--01", "518.5,exact,--01", "type-error"),
    ],
)
def test_frictionless_refuses_a_broken_copy(tmp_path: Path, old: str, new: str, error: str):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data, ignore=shutil.ignore_patterns("basemap"))
    values = data / VALUES_FILE
    values.write_text(values.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    report = validate(str(data / "datapackage.json"))
    assert not report.valid
    assert error in {kind for _, _, kind in errors(report)}


def test_a_repeated_figure_breaks_the_primary_key(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data, ignore=shutil.ignore_patterns("basemap"))
    values = data / VALUES_FILE
    lines = values.read_text(encoding="utf-8").splitlines(keepends=True)
    values.write_text("".join(lines + lines[-1:]), encoding="utf-8")
    assert "primary-key" in {
        kind for _, _, kind in errors(validate(str(data / "datapackage.json")))
    }


def test_our_validator_ignores_the_descriptor():
    assert DESCRIPTOR not in data_files(FIXTURE_DATA_DIR)
    assert load_portfolio(FIXTURE_DATA_DIR).problems == ()


def test_the_filtered_package_is_valid_and_holds_the_selection(tmp_path: Path):
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    archive = zipfile.ZipFile(io.BytesIO(package_zip(portfolio, Filters(cities=("shtip",)))))
    archive.extractall(tmp_path)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, errors(report)
    rows = (tmp_path / VALUES_FILE).read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and ",132,exact," in rows[1]
    described = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert "only the figures selected by: City: Shtip" in described["description"]


def test_cli_writes_the_package(tmp_path: Path):
    out = tmp_path / "package.zip"
    assert main(["export", "--format", "datapackage", "--out", str(out)]) == 0
    names = zipfile.ZipFile(out).namelist()
    assert {"datapackage.json", VALUES_FILE} <= set(names)
    assert sum(name.startswith("sources/") for name in names) == 5


def test_the_frictionless_command_validates_the_package():
    """The command a curator runs, as the README gives it."""
    command = [sys.executable, "-m", "frictionless", "validate", str(DESCRIPTOR)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "VALID" in finished.stdout
