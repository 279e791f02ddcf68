"""The one place that says which data folder the tests read: the frozen copy in tests/data/.

A curator's honest edit of data/ must never break a test, so tests that check figures read
tests/data/ (a copy of data/ taken on purpose, with its own README). conftest.py points
DASHBOARD_DATA_DIR at it for the whole session, so AppTest runs, the command line and the
Streamlit servers of the browser tests read it too. Only tests/test_bundled_data.py reads the
curated data/ (BUNDLED_DATA_DIR), to check that it validates.
"""

from __future__ import annotations

from pathlib import Path

from lib.load.loader import DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA_DIR = ROOT / "tests" / "data"
BUNDLED_DATA_DIR = DEFAULT_DATA_DIR


def drop_the_seminar(folder: Path) -> None:
    """A valid change a reader sees, in a copy of the tests' data: the seminar's 32
    participants leave the total of 291, which is then 259."""
    path = folder / "indicator_values.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "myla-seminar-mlsp,participants,32," not in line]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")
