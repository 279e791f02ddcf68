"""A rebuild from an earlier snapshot (lib/store/reuse.py, lib/store/carried.py,
lib/load/passed_checks.py) after the edits a curator makes: the same problems, with the same
file, line, field and words, as a first read of the folder, and when the data passes, the
same snapshot, row for row, and the same figures on the pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixture_data import drop_the_seminar
from snapshot_tables import tables

import lib.store.build as store_build
from lib.load.loader import load_portfolio
from lib.query.figures import indicator_figure
from lib.query.filters import Filters, selected_values
from lib.store.build import build
from lib.store.snapshot import open_snapshot

VALUES = "indicator_values.csv"


@pytest.fixture
def data(fresh_copy: Path, tmp_path: Path) -> Path:
    """A copy of the tests' data, built once into tmp_path/cache: the earlier snapshot."""
    assert build(fresh_copy, tmp_path / "cache").path is not None
    return fresh_copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def rebuilt_as_first_read(data: Path) -> store_build.Built:
    """The rebuild from the cache beside `data`, checked against a first read's problems."""
    rebuilt = build(data, data.parent / "cache")
    assert rebuilt.result.problems == load_portfolio(data).problems
    return rebuilt


def said(built: store_build.Built) -> list[tuple]:
    return [(p.file, p.line, p.field, p.message) for p in built.result.problems]


def served_figures(built: store_build.Built, data: Path) -> dict[str, int | None]:
    """The headline figures the Overview shows, from the snapshot the rebuild wrote, after
    checking that snapshot holds row for row what a first build of the folder writes."""
    assert built.path is not None
    first = build(data, data.parent / "first-build-cache")
    assert first.path is not None and first.path.name == built.path.name
    rebuilt_tables, first_tables = tables(built.path), tables(first.path)
    assert list(rebuilt_tables) == list(first_tables)
    for name, table in first_tables.items():
        assert rebuilt_tables[name].equals(table), name
    portfolio = open_snapshot(built.path, data, first.result.portfolio.fingerprint).portfolio
    everything = selected_values(portfolio, Filters())
    codes = ("participants", "refugees-supported", "people-trained")
    return {code: indicator_figure(portfolio, code, everything).value for code in codes}


def test_an_edit_that_puts_a_figure_out_of_its_quote_is_refused(data):
    edit(data / VALUES, ",259,exact,", ",258,exact,")
    rebuilt = rebuilt_as_first_read(data)
    assert rebuilt.path is None and rebuilt.result.portfolio is None
    assert said(rebuilt) == [
        (VALUES, 2, "value", "the parts on lines 3, 4 add up to 132 + 127 = 259, not 258"),
        (
            VALUES,
            2,
            "value",
            "the quote does not state the number 258; a figure must be in its quote "
            "(unknown is not zero: use not_reported)",
        ),
    ]


def test_an_edit_that_fixes_the_problem_is_served_with_its_figures(data):
    edit(data / VALUES, ",259,exact,", ",258,exact,")
    assert build(data, data.parent / "cache").path is None
    edit(data / VALUES, ",258,exact,", ",259,exact,")
    drop_the_seminar(data)
    rebuilt = rebuilt_as_first_read(data)
    assert rebuilt.result.problems == ()
    assert served_figures(rebuilt, data) == {
        "participants": 259,
        "refugees-supported": 518,
        "people-trained": 16,
    }


def test_a_removed_project_file_leaves_its_figures_naming_no_project(data):
    (data / "projects" / "rso-maritsa-forums.yaml").unlink()
    rebuilt = rebuilt_as_first_read(data)
    unknown = (
        "'rso-maritsa-forums' is not an id in projects/; check the spelling or add it there first"
    )
    assert said(rebuilt) == [(VALUES, 5, "project", unknown), (VALUES, 6, "project", unknown)]


def test_a_removed_project_and_its_figures_leave_the_others_served(data):
    (data / "projects" / "myla-refugee-integration.yaml").unlink()
    values = data / VALUES
    lines = values.read_text(encoding="utf-8").splitlines(keepends=True)
    values.write_text("".join(x for x in lines if "myla-refugee-integration" not in x))
    rebuilt = rebuilt_as_first_read(data)
    assert rebuilt.result.problems == ()
    assert list(rebuilt.result.portfolio.projects) == list(load_portfolio(data).portfolio.projects)
    assert served_figures(rebuilt, data) == {
        "participants": 259,
        "refugees-supported": None,  # both were the removed project's
        "people-trained": None,
    }


def test_an_added_project_file_is_served_beside_the_others(data):
    added = data / "projects" / "rso-maritsa-forums-2.yaml"
    shutil.copyfile(data / "projects" / "rso-maritsa-forums.yaml", added)
    edit(added, "id: rso-maritsa-forums\n", "id: rso-maritsa-forums-2\n")
    rebuilt = rebuilt_as_first_read(data)
    assert rebuilt.result.problems == ()
    assert len(rebuilt.result.portfolio.projects) == 5
    assert served_figures(rebuilt, data)["participants"] == 291


def test_an_added_file_claiming_a_taken_id_is_refused_by_name(data):
    shutil.copyfile(
        data / "projects" / "rso-maritsa-forums.yaml", data / "projects" / "zz-copy.yaml"
    )
    rebuilt = rebuilt_as_first_read(data)
    assert said(rebuilt) == [
        (
            "projects/zz-copy.yaml",
            2,
            "id",
            "'rso-maritsa-forums' is used twice (first in projects/rso-maritsa-forums.yaml, "
            "line 2); ids must be unique",
        ),
        ("projects/zz-copy.yaml", 2, "id", "the id must match the file name `zz-copy`"),
    ]


def test_a_place_renamed_in_places_yaml_is_unknown_to_the_unchanged_files_naming_it(data):
    edit(data / "places.yaml", "  - id: sofia\n", "  - id: sofia-city\n")
    rebuilt = rebuilt_as_first_read(data)
    unknown = "'sofia' is not an id in places.yaml; check the spelling or add it there first"
    assert said(rebuilt)[:3] == [
        ("organisations.yaml", 114, "organisations[15].place", unknown),
        ("projects/connection-network.yaml", 16, "places[1].place", unknown),
        ("projects/connection-network.yaml", 52, "links[1].from_place", unknown),
    ]
    assert len(said(rebuilt)) == 9


def test_an_edited_report_text_no_longer_holding_a_quote_refuses_its_figures(data):
    text = next((data / "sources").glob("*.txt"))
    text.write_text("A report with other words.\n", encoding="utf-8")
    rebuilt = rebuilt_as_first_read(data)
    assert rebuilt.result.problems != ()
    assert all("this quote is not in the report" in p.message for p in rebuilt.result.problems)


def test_an_indicator_renamed_is_unknown_to_the_unchanged_figures_naming_it(data):
    """indicators.yaml is read by every row's check: the unchanged CSV is checked again."""
    edit(data / "indicators.yaml", "  - code: refugees-supported\n", "  - code: refugees-helped\n")
    rebuilt = rebuilt_as_first_read(data)
    unknown = (
        "'refugees-supported' is not an id in indicators.yaml; check the spelling or add it "
        "there first"
    )
    assert (VALUES, 14, "indicator", unknown) in said(rebuilt)
