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
from lib.model.lazy import LazyEntries
from lib.model.projects import Projects
from lib.model.sizes import size_estimate
from lib.query.filters import Filters
from lib.query.index import index_of
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
    held = sys.getsizeof(ids) + sum(map(sys.getsizeof, ids))
    assert held // 2 <= size_estimate(ids) <= 2 * held


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


def _counted(entries: dict, made: list[str]):
    def find(key: str, _at: int):
        made.append(key)
        return entries[key]

    return find


def test_kept_entries_are_dropped_oldest_first_past_the_byte_bound():
    """A mapping of validated entries keeps the last ones within its bytes, not 4,096 of
    them whatever their size: a curator's long texts must not take gigabytes."""
    entries = {key: "x" * 1024 * 1024 for key in "abcde"}  # a megabyte a text
    made: list[str] = []
    bound = 3 * 1024 * 1024 + 512 * 1024  # room for three
    kept = LazyEntries(entries, _counted(entries, made), kept=100, kept_bytes=bound)
    for key in "abcde":
        assert kept[key] == entries[key]
    assert kept["e"] == entries["e"] and kept["c"] == entries["c"]  # c, d, e kept
    assert made == list("abcde")
    assert kept["a"] == entries["a"]  # dropped, made again: it drops d, the least recent
    assert made == [*"abcde", "a"]
    kept.many(["c", "e"])
    assert made == [*"abcde", "a"]
    kept.many(["b", "d"])  # each made again, dropping a and then c
    assert made == [*"abcde", "a", "b", "d"]
    assert kept["c"] and made[-1] == "c"


def test_an_entry_larger_than_the_bound_is_still_kept_alone():
    entries = {"huge": "x" * 4 * 1024 * 1024, "small": "y"}
    made: list[str] = []
    kept = LazyEntries(entries, _counted(entries, made), kept=100, kept_bytes=1024 * 1024)
    kept["huge"], kept["huge"]
    assert made == ["huge"]
    kept["small"], kept["huge"]  # the small one pushed the huge one out
    assert made == ["huge", "small", "huge"]


def test_a_snapshots_projects_are_kept_by_their_estimated_size(portfolio, monkeypatch):
    """The fixture's projects estimated as what they hold (16 to 27 KB as Python traced
    them), and a mapping of them bounded by that: room for one keeps only the last opened."""
    projects = dict(portfolio.projects)
    sizes = {pid: size_estimate(project, 8) for pid, project in projects.items()}
    assert all(10_000 <= size <= 60_000 for size in sizes.values()), sizes
    monkeypatch.setattr("lib.model.projects.KEPT_BYTES", max(sizes.values()) + 1)
    made: list[str] = []
    kept = Projects(projects, _counted(projects, made), lambda: portfolio.projects.parts, 4096)
    first, second = list(projects)[:2]
    kept[first], kept[first], kept[second], kept[second]
    assert made == [first, second]
    assert kept[first].id == first and made == [first, second, first]
