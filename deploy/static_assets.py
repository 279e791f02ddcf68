"""Streamlit's own web files (the page's JavaScript, CSS and fonts under /static/), copied for
nginx to serve from disk, each text file beside its gzip, so no replica serves them.

A first visit of two pages fetches some 120 of these files, 9 MB as they are (the chart
library alone is 4.7 MB). Served by a replica, they cost it about 150 ms of CPU a visitor,
taken from the script runs of every session on it, and nginx another 90 ms compressing them on
the fly (measured on this machine, issue 19). Compressed once here (level 9, under a second),
nginx sends the .gz file as it is (gzip_static). The names hold a hash of the content, so a
browser keeps them for a year. They come from the Streamlit the replicas run (this Python's), so
the files always match the page the replicas send.
"""

from __future__ import annotations

import gzip
import importlib.util
import shutil
from pathlib import Path

COMPRESSED = {".js", ".css", ".svg", ".json", ".map", ".txt"}  # woff2 and png are already


def streamlit_static() -> Path:
    """The folder Streamlit serves at /static/, found without importing Streamlit (seconds)."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("streamlit is not installed for this Python")
    return Path(spec.submodule_search_locations[0]) / "static" / "static"


def copy_static_assets(target: Path, source: Path | None = None) -> int:
    """Copy `source` (Streamlit's /static/ folder) to `target`, a .gz beside each text file;
    the number of files copied. nginx's `root` is target's parent."""
    source = source or streamlit_static()
    shutil.copytree(source, target)
    copied = 0
    for path in target.rglob("*"):
        if not path.is_file():
            continue
        copied += 1
        if path.suffix in COMPRESSED:
            # mtime 0: the same file gives the same bytes, whenever it is made
            packed = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(packed)
    return copied
