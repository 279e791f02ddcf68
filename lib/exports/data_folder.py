"""The data folder as downloads: every file in one ZIP, and when the files last changed."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from lib.load.loader import data_files


def data_zip(data_dir: Path) -> bytes:
    """Every data file (YAML, CSV, the reports' texts, the READMEs) in one ZIP, paths kept."""
    files = data_files(data_dir) + sorted(data_dir.glob("**/README.md"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, Path("data") / path.relative_to(data_dir))
    return buffer.getvalue()


def last_changed(data_dir: Path) -> dt.datetime:
    """The latest modification time of the data files, in UTC."""
    latest = max(path.stat().st_mtime for path in data_files(data_dir))
    return dt.datetime.fromtimestamp(latest, tz=dt.UTC)
