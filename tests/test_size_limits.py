"""Size limits catch a wrong file, not a large portfolio: the lists that grow with it may pass
the 5 MB a person's own file may hold; synth offers only sizes that validate."""

import shutil

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.cli import main as cli
from lib.cli.synth import MAX_SYNTH_PROJECTS
from lib.load.loader import load_portfolio

LINE = "# " + "x" * 78 + "\n"  # a line of a normal length


@pytest.mark.parametrize("name", ["sources.yaml", "organisations.yaml", "places.yaml"])
def test_a_list_file_over_5_mb_still_loads(tmp_path, name):
    """sources.yaml reached 5 MB at 17,000 projects, and the app then showed nothing."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data)
    path = data / name
    with path.open("a", encoding="utf-8") as stream:
        stream.write(LINE * (6 * 1024 * 1024 // len(LINE)))
    assert path.stat().st_size > 6 * 1024 * 1024
    result = load_portfolio(data)
    assert result.problems == (), result.problems[:3]


def test_a_project_file_over_5_mb_is_still_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data)
    with (data / "projects" / "connection-network.yaml").open("a", encoding="utf-8") as stream:
        stream.write(LINE * (6 * 1024 * 1024 // len(LINE)))
    messages = [problem.message for problem in load_portfolio(data).problems]
    assert any("larger than 5 MB" in message for message in messages)


def test_synth_refuses_a_size_it_cannot_promise_validates(tmp_path, capsys):
    out = tmp_path / "portfolio"
    assert cli(["synth", "--projects", str(MAX_SYNTH_PROJECTS + 1), "--out", str(out)]) == 2
    assert f"1 to {MAX_SYNTH_PROJECTS:,}" in capsys.readouterr().err
    assert not out.exists()
