"""A snapshot held open while it is served (lib/store/held.py): a project's JSON and a report's
text are read from the file when a page asks for them, identical to the YAML's, in any order,
and still after a newer build has replaced the file; DuckDB's pool for it stays small."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.store.build as store_build
import lib.store.held as held
from lib.load.loader import load_portfolio
from lib.store.build import build
from lib.store.snapshot import open_snapshot
from lib.text.i18n import tr
from lib.topics.funding.data import funding_lines, funding_table_head
from lib.topics.projects.data import project_list_head


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the fixture data and the path of its snapshot."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 0.0)
    path = build(folder, tmp_path / "cache").path
    assert path is not None
    return folder, path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The positions of the projects each read of several projects' JSON asks for."""
    asked: list[list[int]] = []
    original = held.HeldSnapshot.project_bodies

    def counted(self, positions):
        asked.append(list(positions))
        return original(self, positions)

    monkeypatch.setattr(held.HeldSnapshot, "project_bodies", counted)
    return asked


def test_projects_read_one_at_a_time_in_any_order_are_the_yaml_ones(built, monkeypatch):
    folder, path = built
    monkeypatch.setattr(held, "BLOCK", 1)  # a query a project, one block kept
    monkeypatch.setattr(held, "KEPT_BLOCKS", 1)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    ids = list(loaded.projects)
    assert len(ids) == 4
    for pid in [*reversed(ids), *ids]:
        assert opened.projects[pid] == loaded.projects[pid], pid
    twinning = opened.projects["shtip-strazhitsa-twinning"]
    assert twinning.title.get("bg") == "Европа в капана на имигрантската криза"


def test_projects_opened_together_are_the_yaml_ones_in_one_query(built, reads, monkeypatch):
    """A page's table of scattered projects reads them in one query, not a block each; the
    public audience's projects (withheld quotes) are opened through it too."""
    folder, path = built
    monkeypatch.setattr(held, "BLOCK", 1)
    monkeypatch.setattr(held, "KEPT_BLOCKS", 1)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    ids = list(loaded.projects)
    wanted = [ids[2], ids[0], ids[2], ids[3]]
    assert opened.projects.many(wanted) == [loaded.projects[pid] for pid in wanted]
    assert reads == [[2, 0, 3]]  # each project once, in one read
    assert opened.projects.many(wanted) == [loaded.projects[pid] for pid in wanted]
    assert len(reads) == 1  # kept: not read again
    public = opened.projects.only(ids[1:], change=lambda project: project)
    assert public.many([ids[3], ids[1]]) == [loaded.projects[ids[3]], loaded.projects[ids[1]]]
    assert reads[1:] == [[1]]  # the fourth kept, the second read
    with pytest.raises(KeyError):
        public.many([ids[0]])


def test_projects_opened_not_kept_are_read_again_and_keep_nothing(built, reads, monkeypatch):
    """A table that opens many projects for a few words each (the Funding table) keeps none
    of them, in the public audience's mapping nor in the snapshot's it reads through: the
    next look reads them again; projects already kept are given as kept."""
    folder, path = built
    monkeypatch.setattr(held, "KEPT_BLOCKS", 0)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    ids = list(loaded.projects)
    public = opened.projects.only(ids, change=lambda project: project)
    wanted = [ids[2], ids[0]]
    expected = [loaded.projects[pid] for pid in wanted]
    assert public.many(wanted, keep=False) == expected
    assert public.many(wanted, keep=False) == expected
    assert reads == [[2, 0], [2, 0]]  # not kept: read again
    assert public.many([ids[0]]) == [loaded.projects[ids[0]]]  # kept from now on
    assert public.many(wanted, keep=False) == expected
    assert reads[2:] == [[0], [2]]  # the first kept, the third read


def test_the_funding_table_keeps_its_words_not_its_projects(built, reads, monkeypatch):
    """The Funding table's rows opened their projects; the next filter change showing the
    same lines writes them from the words kept, and the projects themselves were not kept
    (a page that asks for one reads it again)."""
    folder, path = built
    monkeypatch.setattr(held, "KEPT_BLOCKS", 0)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    ids = sorted(opened.projects)
    lines = funding_lines(opened, ids)
    first, _ = funding_table_head(opened, lines, "bg")
    assert len(reads) == 1 and len(reads[0]) == len(set(lines["project_id"]))
    again, _ = funding_table_head(opened, lines, "bg")
    assert again.equals(first) and len(reads) == 1  # from the words kept
    assert first.column(tr("bg", "Funder")).to_pylist() == [
        loaded.organisations[fid].names.get("bg") for fid in lines["funder_id"]
    ]
    funded = lines["project_id"].iloc[0]
    assert opened.projects.many([funded]) == [loaded.projects[funded]]
    assert reads[1:] == [[list(opened.projects).index(funded)]]  # not kept: read again


def test_the_project_list_keeps_its_rows_not_its_projects(built, reads, monkeypatch):
    """The Projects page's list, written again for the next filter change, reads no project
    again; a project it opened is not kept."""
    folder, path = built
    monkeypatch.setattr(held, "KEPT_BLOCKS", 0)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    ids = sorted(opened.projects)
    first, _ = project_list_head(opened, ids, "mk")
    assert reads == [[list(opened.projects).index(pid) for pid in ids]]
    again, _ = project_list_head(opened, ids, "mk")
    assert again.equals(first) and len(reads) == 1
    assert first.column(tr("mk", "title")).to_pylist() == [
        loaded.projects[pid].title.get("mk") for pid in ids
    ]
    assert opened.projects.many(ids[:1]) == [loaded.projects[ids[0]]]
    assert len(reads) == 2  # not kept: read again


def test_report_texts_are_read_from_the_file_as_written(built, monkeypatch):
    folder, path = built
    monkeypatch.setattr(held, "BLOCK", 2)  # two blocks of the fixture's texts
    monkeypatch.setattr(held, "KEPT_BLOCKS", 1)
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    assert list(opened.source_texts) == list(loaded.source_texts)
    for sid in reversed(list(loaded.source_texts)):
        assert opened.source_texts[sid] == loaded.source_texts[sid]
    assert "no-such-report" not in opened.source_texts
    with pytest.raises(KeyError):
        opened.source_texts["no-such-report"]


def test_open_data_stays_readable_when_a_newer_build_removes_its_file(built):
    """A replica's open sessions keep working while the data is updated: the file is held
    open, and a removed file's bytes stay readable to whoever holds it."""
    folder, path = built
    loaded = load_portfolio(folder).portfolio
    opened = open_snapshot(path, folder, loaded.fingerprint).portfolio
    path.unlink()
    for pid in loaded.projects:
        assert opened.projects[pid].funding == loaded.projects[pid].funding
    sid = next(iter(loaded.source_texts))
    assert opened.source_texts[sid] == loaded.source_texts[sid]


def test_the_held_files_pool_is_bounded(built):
    folder, path = built
    opened = open_snapshot(path, folder, load_portfolio(folder).portfolio.fingerprint)
    assert opened is not None
    # another connection to the same file in this process shares the held one's database
    other = duckdb.connect(str(path), read_only=True)
    try:
        (limit,) = other.execute("SELECT current_setting('memory_limit')").fetchone()
    finally:
        other.close()
    assert limit.endswith("MiB") and float(limit.split()[0]) <= 16
