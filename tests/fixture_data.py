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
