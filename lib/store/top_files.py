"""The names of the data folder's top-level data files, in the order the loader reads them
(lib/load/loader.LIST_FILES, then the figures and the settings), held without the loader:
a server has a child process look at a large folder beside the reruns (lib/store/sweep.py),
and the loader's import (pandas, pydantic) was a third of that child's time.
tests/test_top_files.py checks that they are the loader's."""

TOP_FILES = (
    "sources.yaml",
    "countries.yaml",
    "places.yaml",
    "organisations.yaml",
    "programmes.yaml",
    "indicators.yaml",
    "indicator_values.csv",
    "settings.yaml",
)
