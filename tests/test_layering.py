"""The import contracts of pyproject.toml ([tool.importlinter]) hold, and they do fail when a
module breaks them: a lib/load module that imports Streamlit, a topic that imports lib/ui."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the project at `project`, as `make lint` runs it."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_of_the_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "lib", tmp_path / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_load_module_that_imports_streamlit_breaks_the_contracts(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    with (project / "lib" / "load" / "decode.py").open("a") as module:
        module.write("\nimport streamlit\n")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "Only lib.ui (and pages/, dashboard.py) import Streamlit" in result.stdout
    assert "BROKEN" in result.stdout
    assert "lib.load.decode -> streamlit" in result.stdout


def test_a_topic_that_imports_the_interface_breaks_the_layers(tmp_path: Path) -> None:
    project = copy_of_the_project(tmp_path)
    with (project / "lib" / "topics" / "people" / "data.py").open("a") as module:
        module.write("\nimport lib.ui.language\n")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "Layers: each package imports only the packages below it BROKEN" in result.stdout
    assert "lib.topics.people.data -> lib.ui.language" in result.stdout
