"""The app's one way to get the data: loaded once per data version, cached, never mutated."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib.loader import LoadResult, data_dir_from_env, data_files, load_portfolio


def _version(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every data file: cheap to read on every rerun, and
    it changes whenever a curator saves a file, so the cache reloads exactly then."""
    return tuple(
        (str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in data_files(data_dir)
    )


@st.cache_data(show_spinner="Loading the data…", max_entries=4)
def _load(data_dir: str, version: tuple) -> LoadResult:
    return load_portfolio(Path(data_dir))


def load_for_app() -> LoadResult:
    """The current data directory's load result (with its problems, if any)."""
    data_dir = data_dir_from_env()
    return _load(str(data_dir), _version(data_dir))


@st.cache_data(show_spinner=False, max_entries=2)
def data_zip_for(data_dir: str, fingerprint: str) -> bytes:
    """The data folder as a ZIP, built once per data version rather than on every rerun."""
    from lib.data_package import data_zip

    return data_zip(Path(data_dir))
