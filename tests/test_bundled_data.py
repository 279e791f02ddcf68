"""The curated data/ itself validates: the only test that reads it.

Every other test reads the frozen copy in tests/data/ (tests/fixture_data.py), so a curator's
honest edit of data/ breaks nothing but this file, and only when the edit is invalid.
"""

import pytest
from fixture_data import BUNDLED_DATA_DIR
from frictionless import validate

from lib.cli import main
from lib.load.loader import load_portfolio


@pytest.fixture(scope="module")
def portfolio():
    result = load_portfolio(BUNDLED_DATA_DIR)
    assert [str(problem) for problem in result.problems] == []
    return result.portfolio


def test_validate_command_accepts_data(capsys):
    assert main(["validate", str(BUNDLED_DATA_DIR)]) == 0
    assert " valid. " in capsys.readouterr().out


def test_data_loads_with_projects_and_figures(portfolio):
    assert portfolio.projects and len(portfolio.values) > 0


def test_frictionless_validates_data_with_its_descriptor():
    report = validate(str(BUNDLED_DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])


def test_places_match_the_offline_geonames_extract(portfolio):
    gazetteer = pytest.importorskip("lib.curation.gazetteer")
    for place in portfolio.places.values():
        if place.geonames_id is None:
            continue
        record = gazetteer.by_id(place.geonames_id)
        assert record is not None, place.id
        assert (record.latitude, record.longitude, record.country) == (
            place.latitude,
            place.longitude,
            place.country,
        )
