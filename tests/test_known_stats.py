"""The one look at a data folder's files that a server's start and sweeps take
(lib/store/known_stats.look): the stats of every entry, and the key a build recorded its
fingerprint under, from the same directory reads."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import data_file_names, data_files, fingerprint, load_portfolio
from lib.store.known_stats import data_stamps, look, outline, stats_key


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    """The fixture data with what the loader does not read beside it: a hidden file, a text
    file among the projects, a project that is a link, a sub-folder, and sources/ moved
    elsewhere behind a link."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data)
    (data / "projects" / ".draft.yaml").write_text("title: draft\n", encoding="utf-8")
    (data / "projects" / "notes.txt").write_text("to do\n", encoding="utf-8")
    os.symlink(data / "places.yaml", data / "projects" / "linked.yaml")
    (data / "projects" / "old").mkdir()
    shutil.move(data / "sources", tmp_path / "sources")
    os.symlink(tmp_path / "sources", data / "sources")
    return data


def _key_of_the_loaders_files(data_dir: Path) -> str:
    """The key as its definition reads: the folder's path, then the name, size and time of
    each file lib/load/loader.data_files lists, in its order."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode() + b"\0")
    for path in data_files(data_dir):
        found = os.stat(path, follow_symlinks=False)
        digest.update(f"{path.name}\0{found.st_size}\0{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@pytest.mark.parametrize("which", ["fixture", "odd"])
def test_the_look_gives_the_key_a_build_records(which: str, odd: Path) -> None:
    data = FIXTURE_DATA_DIR if which == "fixture" else odd
    found = look(data)
    files, key = found.files, found.key
    assert key == stats_key(data) == _key_of_the_loaders_files(data)
    paths = {path for path, _, _ in files}
    assert str(data / "projects" / "linked.yaml") in paths or which == "fixture"
    assert str(data / "indicator_values.csv") in paths
    assert len(set(files)) == len(files)  # each entry once


def test_the_key_takes_a_folders_files_in_the_order_of_their_names(odd: Path) -> None:
    """A name that begins another ("p.yaml", "p.yaml.yaml") comes first, and a name's
    characters order it before its size and time do: the key's lines are sorted whole."""
    for name, text in [
        ("p.yaml.yaml", "a"),
        ("p.yaml", "a much longer text than the other files hold\n" * 3),
        ("p-1.yaml", "b"),
        ("p~.yaml", ""),
        ("P.yaml", "c"),
        ("\u0440.yaml", "d"),
    ]:
        (odd / "projects" / name).write_text(text, encoding="utf-8")
    listed = [path.name for path in data_files(odd) if path.parent.name == "projects"]
    assert listed.index("p.yaml") < listed.index("p.yaml.yaml")
    assert look(odd).key == _key_of_the_loaders_files(odd)


def test_the_key_changes_with_a_data_file_and_not_with_a_file_the_loader_skips(odd: Path):
    before = look(odd)
    files, key = before.files, before.key
    (odd / "projects" / "notes.txt").write_text("done\n", encoding="utf-8")
    after_notes = look(odd)
    assert after_notes.key == key  # not a data file: the same version
    assert after_notes.files != files  # but the look sees it changed
    project = next((odd / "projects").glob("*.yaml"))
    project.write_text(project.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert look(odd).key not in (key, None)
    assert look(odd).key == _key_of_the_loaders_files(odd)


def test_the_outline_holds_the_top_level_entries_only(odd: Path) -> None:
    top = {Path(path).name for path, _, _ in outline(odd)}
    assert {"projects", "sources", "places.yaml", "indicator_values.csv"} <= top
    assert "linked.yaml" not in top


def test_a_missing_folder_has_no_files_and_a_key(tmp_path: Path) -> None:
    found = look(tmp_path / "nowhere")
    assert len(found.files) == 0 and found.key == _key_of_the_loaders_files(tmp_path / "nowhere")


def test_the_sources_line_counts_the_files_from_the_servers_own_look(tmp_path: Path) -> None:
    """ "N data files ... last changed on ...": from the times the server's look gathered, the
    same as from a look at each file (a second at 100,000 projects)."""
    import lib.ui.app_data as app_data
    from lib.exports.data_folder import files_and_last_change
    from lib.load.loader import load_portfolio

    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    version = app_data._Version()
    version.of(FIXTURE_DATA_DIR)
    times = version.times(FIXTURE_DATA_DIR)
    count, changed = files_and_last_change(portfolio, times)
    looked_count, looked_changed = files_and_last_change(portfolio)
    assert count == looked_count == 17  # 8 shared files, 4 projects and 5 reports
    assert abs((changed - looked_changed).total_seconds()) < 0.001
    assert version.times(tmp_path) == {}  # no look at that folder: each file is looked at


def test_a_builds_look_stamps_the_data_files_only_and_its_second_look_agrees(odd: Path):
    """A build's look before its read stamps the files the loader reads or refuses by name,
    no link and nothing hidden; its look after the read (known_stats.data_stamps) stats
    those alone and gives the same stamps until one of them changes."""
    (odd / "README.md").write_text("notes\n", encoding="utf-8")
    (odd / "projects" / "stray.yml").write_text("id: stray\n", encoding="utf-8")
    before = look(odd, stamped=True).data_stamps()
    names = {path[len(str(odd)) + 1 :] for path in before}
    assert "places.yaml" in names and "indicator_values.csv" in names
    assert "projects/stray.yml" in names  # refused by name: a change to it is a change
    assert "projects/rso-maritsa-forums.yaml" in names
    assert not {"README.md", "projects/.draft.yaml", "projects/notes.txt"} & names
    assert "projects/linked.yaml" not in names  # a link is read anew, never known by stamp
    project = odd / "projects" / "rso-maritsa-forums.yaml"
    assert before[str(project)] == (
        project.stat().st_size,
        project.stat().st_mtime_ns,
        project.stat().st_ctime_ns,
        project.stat().st_ino,
    )
    assert data_stamps(odd) == before
    (odd / "README.md").write_text("more notes\n", encoding="utf-8")
    assert data_stamps(odd) == before
    project.write_text(project.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert data_stamps(odd) != before
    assert data_stamps(odd) == look(odd, stamped=True).data_stamps()


def test_the_data_file_names_are_the_data_files_and_make_the_same_fingerprint(odd: Path):
    names = data_file_names(odd)
    assert [odd / name for name in names] == data_files(odd)
    assert "projects/rso-maritsa-forums.yaml" in names and "countries.yaml" in names
    assert "projects/linked.yaml" not in names and "projects/notes.txt" not in names
    assert fingerprint(odd, names) == fingerprint(odd)
    assert fingerprint(FIXTURE_DATA_DIR) == load_portfolio(FIXTURE_DATA_DIR).portfolio.fingerprint
