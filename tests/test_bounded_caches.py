"""What the pages keep beside the data is bounded by bytes, not only by a count of entries,
and a file that is the same in every language is kept once."""

from __future__ import annotations

import gc
import sys

import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.query.index as index_module
from lib.load.loader import load_portfolio
from lib.query.filters import Filters
from lib.query.index import index_of, size_estimate
from lib.ui.export_downloads import export_for


@pytest.fixture
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def test_remembered_results_are_dropped_oldest_first_past_the_byte_bound(portfolio, monkeypatch):
    monkeypatch.setattr(index_module, "_REMEMBERED_BYTES", 3 * 1024 * 1024)
    index = index_of(portfolio)
    megabyte = b"x" * (1024 * 1024)
    built = []
    for key in range(5):
        index.remember(("bytes", key), lambda key=key: built.append(key) or megabyte)
    assert built == [0, 1, 2, 3, 4]
    index.remember(("bytes", 4), lambda: built.append("again") or megabyte)  # still kept
    index.remember(("bytes", 0), lambda: built.append("again") or megabyte)  # dropped: rebuilt
    assert built == [0, 1, 2, 3, 4, "again"]


def test_what_does_not_depend_on_the_filters_stays_while_filter_results_come_and_go(
    portfolio, monkeypatch
):
    """Every figure's words of a 100,000-project portfolio were pushed out by the filter
    results of the same page, and written again on the next rerun (seconds)."""
    monkeypatch.setattr(index_module, "_REMEMBERED_BYTES", 3 * 1024 * 1024)
    index = index_of(portfolio)
    megabyte = b"x" * (1024 * 1024)
    built = []
    index.once(("every figure's words", "en"), lambda: built.append("words") or 2 * megabyte)
    for key in range(5):
        index.remember(("filter result", key), lambda: megabyte)
    index.once(("every figure's words", "en"), lambda: built.append("again") or 2 * megabyte)
    assert built == ["words"]


def test_what_does_not_depend_on_the_filters_is_bounded_by_bytes_too(portfolio, monkeypatch):
    monkeypatch.setattr(index_module, "_ONCE_BYTES", 3 * 1024 * 1024)
    index = index_of(portfolio)
    megabyte = b"x" * (1024 * 1024)
    built = []
    for language in ("en", "bg", "mk", "de"):
        index.once(
            ("words", language), lambda language=language: built.append(language) or megabyte
        )
    index.once(("words", "en"), lambda: built.append("again") or megabyte)  # dropped: rebuilt
    assert built == ["en", "bg", "mk", "de", "again"]


def test_size_estimate_counts_frames_and_files_inside_results():
    frame = pd.DataFrame({"value": range(100_000)})
    assert size_estimate(frame) >= 800_000
    assert size_estimate(("note", frame)) >= 800_000
    assert size_estimate({"pdf": b"x" * 500_000}) >= 500_000
    assert size_estimate(frame.iloc[:, 0]) >= 800_000 // frame.shape[1]  # a Series alone
    ids = tuple(f"project-{n:06d}" for n in range(100_000))  # a funder's project ids
    assert 1_400_000 <= size_estimate(ids) <= 2 * (sys.getsizeof(ids) + 1_400_000)


def test_an_index_goes_with_its_portfolio():
    """A replaced data version is not kept alive by its index (and what it remembers)."""
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    index_of(portfolio)
    key = id(portfolio)
    assert key in index_module._INDEXES
    del portfolio
    gc.collect()
    assert key not in index_module._INDEXES


def test_a_file_the_same_in_every_language_is_built_once(portfolio, monkeypatch):
    built = []
    real_export = __import__("lib.ui.export_downloads", fromlist=["export"]).export

    def counting_export(*args):
        built.append(args[1])
        return real_export(*args)

    monkeypatch.setattr("lib.ui.export_downloads.export", counting_export)
    for language in ("en", "bg", "mk"):
        for format in ("iati", "datapackage", "hxl"):
            export_for(portfolio, format, Filters(), language)
    assert sorted(built) == ["datapackage", "hxl", "hxl", "hxl", "iati"]
