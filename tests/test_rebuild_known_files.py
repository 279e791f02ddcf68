"""A rebuild takes the files known unchanged without a Path or a lookup a file
(lib/load/data_file.py FolderFiles, lib/load/known_files.py, lib/store/reuse.py): the same
files in the same order, the same lines named, the same projects as a first read."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from lib.load.data_file import files_in
from lib.load.loader import load_portfolio
from lib.load.project_files import project_paths
from lib.load.yaml_reader import lines_on_demand, lines_on_demand_in
from lib.store.build import build
from lib.store.known_stats import look


def test_the_project_files_are_the_yaml_files_of_projects_by_name(fresh_copy: Path):
    (fresh_copy / "projects" / "notes.txt").write_text("not a project\n", encoding="utf-8")
    problems: list = []
    paths = project_paths(fresh_copy, problems)
    expected = sorted((fresh_copy / "projects").glob("*.yaml"))
    assert list(paths) == expected == files_in(fresh_copy / "projects", ".yaml")
    assert len(paths) == 4 and paths[1] == expected[1] and paths[-1] == expected[-1]
    assert paths[1:3] == expected[1:3]
    assert paths.names[0] == expected[0].name and problems == []


def test_a_known_files_lines_are_those_of_the_file_read_again(fresh_copy: Path):
    folder = fresh_copy / "projects"
    later = lines_on_demand_in(folder, "rso-maritsa-forums.yaml")
    now = lines_on_demand(folder / "rso-maritsa-forums.yaml")
    assert later[("id",)] == now[("id",)] == 2
    assert later[("title", "en")] == 6
    assert dict(later) == dict(now)


def test_a_rebuild_of_an_unchanged_folder_gives_the_first_reads_projects(
    fresh_copy: Path, tmp_path: Path
):
    first = build(fresh_copy, tmp_path / "cache")
    rebuilt = build(fresh_copy, tmp_path / "cache")
    read = load_portfolio(fresh_copy).portfolio
    assert first.path == rebuilt.path and rebuilt.result.problems == ()
    projects = rebuilt.result.portfolio.projects
    assert list(projects) == list(read.projects) == sorted(read.projects)
    for project_id in read.projects:
        assert projects[project_id] == read.projects[project_id]
    assert projects["rso-maritsa-forums"].title.en.startswith("Building capacity")
    sources = rebuilt.result.portfolio.source_texts
    assert list(sources) == list(read.source_texts)
    assert all(sources[key] == read.source_texts[key] for key in read.source_texts)


def test_a_rebuild_after_a_project_edit_gives_the_first_reads_figures(
    fresh_copy: Path, tmp_path: Path
):
    """indicator_values.csv unchanged: its table is the earlier snapshot's, made a frame again;
    it is the one a first read makes, to the type of each cell (a date a FuzzyDate, a count
    a whole number that may be missing)."""
    assert build(fresh_copy, tmp_path / "cache").path is not None
    project = fresh_copy / "projects" / "rso-maritsa-forums.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    rebuilt = build(fresh_copy, tmp_path / "cache").result.portfolio.values
    read = load_portfolio(fresh_copy).portfolio.values
    pd.testing.assert_frame_equal(rebuilt, read)
    assert list(rebuilt.dtypes) == list(read.dtypes)
    assert [type(cell) for cell in rebuilt.iloc[0]] == [type(cell) for cell in read.iloc[0]]
    twinning = rebuilt.loc[rebuilt["value"] == 259].iloc[0]
    assert (twinning["project"], str(twinning["period_start"])) == (
        "shtip-strazhitsa-twinning",
        "2018-06-19",
    )


def test_a_look_lists_the_top_folder_then_projects_then_sources(fresh_copy: Path):
    """projects/ is looked at on another thread: its entries still come between the data
    folder's and the reports', as the folders list them."""
    (fresh_copy / "projects" / "notes.txt").write_text("not a project\n", encoding="utf-8")
    walked = []
    for folder in (fresh_copy, fresh_copy / "projects", fresh_copy / "sources"):
        with os.scandir(folder) as entries:
            walked += [(entry.path, entry.stat().st_size) for entry in entries]
    found = look(fresh_copy, stamped=True)
    assert [(path, size) for path, size, _time in found.files] == walked
    stamped = list(found.data_stamps())
    assert [path for path, _size in walked if path in found.data_stamps()] == stamped
    assert str(fresh_copy / "projects" / "rso-maritsa-forums.yaml") in stamped
    assert len(stamped) == len(walked) - 6  # no folder, README (two), notes or datapackage.json
    assert found.key is not None and found.key == look(fresh_copy).key
