"""lib/store/top_files.py: the top-level data files a look at the folder keys, as the loader
reads them, so the look's child process (lib/store/sweep.py) need not import the loader."""

from __future__ import annotations

import subprocess
import sys

from lib.load.loader import LIST_FILES, SETTINGS_FILE
from lib.load.values_csv import VALUES_FILE
from lib.store.top_files import TOP_FILES


def test_the_top_files_are_the_loaders_in_its_order() -> None:
    assert (*LIST_FILES, VALUES_FILE, SETTINGS_FILE) == TOP_FILES


def test_the_sweeps_child_does_not_import_the_loader() -> None:
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, lib.store.sweep; print('lib.load' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.strip() == "False"
