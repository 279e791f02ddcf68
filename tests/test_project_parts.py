"""The projects taken apart into columns (lib/model/projects.py): what the index, the public
audience and the pages read for every project. A snapshot stores them and validates a
project only when it is asked for; both ways must give the same parts and projects."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.model.projects as projects_module
from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.model.packed import PackedTexts
from lib.model.projects import SCHEMAS, Projects, parts_of
from lib.store.build import build
from lib.store.snapshot import open_snapshot


@pytest.fixture(scope="module")
def loaded():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parts") / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    built = build(folder, folder.parent / "cache")
    return built.path, folder, open_snapshot(built.path, folder, built.path.stem).portfolio


def test_a_projects_parts_say_what_its_file_says(loaded):
    parts = parts_of(loaded.projects)
    row = parts.projects.set_index("id").loc["myla-refugee-integration"]
    assert row["start"] == "2017-01-01" and pd.isna(row["end"])
    assert row["title_en"].startswith("Strengthening local actors")
    assert row["title_mk"].startswith("Зајакнување")
    funding = parts.funding[parts.funding["project"] == "myla-refugee-integration"]
    assert funding["funder"].tolist() == ["norwegian-embassy-belgrade", "group-484"]
    assert funding["line"].tolist() == [0, 1]
    assert funding["programme"].isna().all()  # not stated: missing, not ""
    network = parts.places[parts.places["project"] == "connection-network"]
    assert ("sofia", "home_city") in set(zip(network["place"], network["role"], strict=True))
    assert parts.projects["id"].tolist() == sorted(loaded.projects)
    meeting = parts.events.set_index("id").loc["connection-partner-meeting"]
    assert (meeting["start"], meeting["end"]) == ("2021-09-13", "2021-09-14")
    assert meeting["online"] and pd.isna(meeting["place"]) and pd.isna(meeting["count"])
    assert meeting["title_mk"] == "Партнерска средба на проектот CONNECTION"
    assert meeting["source"] == "sda-connection-bg" and meeting["quote"].startswith("Срещата")
    assert row["dates_source"] == "myla-results-mk"


def test_a_snapshot_gives_the_same_parts_and_projects_as_the_files(loaded, opened):
    _, _, portfolio = opened
    assert isinstance(portfolio.projects, Projects)
    assert list(portfolio.projects) == list(loaded.projects)
    for name in SCHEMAS:
        expected = getattr(parts_of(loaded.projects), name)
        pd.testing.assert_frame_equal(getattr(portfolio.projects.parts, name), expected)
    for pid, project in loaded.projects.items():
        assert portfolio.projects[pid] == project
    with pytest.raises(KeyError):
        portfolio.projects["no-such-project"]


def test_the_public_parts_hold_only_published_projects(tmp_path):
    from audience_data import audience_data

    portfolio = load_portfolio(audience_data(tmp_path / "data")).portfolio
    hidden = [pid for pid, project in portfolio.projects.items() if not project.published]
    assert hidden, "the audience data has an unpublished project"
    public = for_audience(portfolio, "public")
    parts = parts_of(public.projects)
    assert not set(hidden) & set(parts.projects["id"])
    for name in SCHEMAS:
        column = "id" if name == "projects" else "project"
        assert not set(hidden) & set(getattr(parts, name)[column]), name
    assert sorted(public.projects) == parts.projects["id"].tolist()


def test_a_snapshot_whose_parts_lost_a_row_is_not_served(opened, tmp_path):
    path, folder, _ = opened
    damaged = tmp_path / path.name
    shutil.copyfile(path, damaged)
    connection = duckdb.connect(str(damaged))
    connection.execute("DELETE FROM project_places WHERE place = 'sofia'")
    connection.close()
    assert open_snapshot(damaged, folder, path.stem) is None
    assert open_snapshot(path, folder, path.stem) is not None


def test_a_snapshots_projects_are_kept_validated_up_to_a_bound(opened, monkeypatch):
    path, folder, _ = opened
    monkeypatch.setattr(projects_module, "KEPT", 1)
    projects = open_snapshot(path, folder, path.stem).portfolio.projects
    first = projects["myla-refugee-integration"]
    assert projects["myla-refugee-integration"] is first  # kept, not validated again
    projects["connection-network"]  # pushes the first out
    again = projects["myla-refugee-integration"]
    assert again is not first and again == first


def test_a_snapshots_public_reports_lose_their_withheld_sentences(tmp_path):
    from audience_data import SPLIT_SENTENCE, VOLUNTEERS, audience_data

    folder = audience_data(tmp_path / "data")
    built = build(folder, tmp_path / "cache")
    opened = open_snapshot(built.path, folder, built.path.stem).portfolio
    assert isinstance(opened.source_texts, PackedTexts)
    assert dict(opened.source_texts) == load_portfolio(folder).portfolio.source_texts
    public = for_audience(opened, "public")
    assert SPLIT_SENTENCE in opened.source_texts["myla-results-mk"]
    assert SPLIT_SENTENCE not in public.source_texts["myla-results-mk"]
    assert VOLUNTEERS in public.source_texts["myla-results-mk"]
    assert "secret-report" not in public.source_texts


def test_every_project_taken_again_keeps_the_order_and_a_part_keeps_its_own(opened):
    _, _, portfolio = opened
    projects = portfolio.projects
    ids = list(projects)
    every = projects.only(reversed(ids))
    assert list(every) == ids  # the mapping's order, not the order asked in
    assert every["connection-network"] == projects["connection-network"]
    some = projects.only([ids[-1], ids[0]])
    assert list(some) == [ids[0], ids[-1]]
    assert ids[1] not in some and len(some) == 2
    with pytest.raises(KeyError):
        some[ids[1]]
    assert list(every) == ids  # a part taken later does not change the whole
