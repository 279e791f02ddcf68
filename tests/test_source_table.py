"""The reports as one table (lib/model/sources.py): a snapshot stores it and validates a report
only when a page asks for it; the reports a visitor sees must be those the files give."""

from __future__ import annotations

import gc
import shutil
import weakref

import pytest
from fixture_data import FIXTURE_DATA_DIR

import lib.model.sources as sources_module
from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.model.sources import Sources, source_column, source_titles
from lib.store.build import build
from lib.store.snapshot import open_snapshot


@pytest.fixture(scope="module")
def loaded():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports") / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    built = build(folder, folder.parent / "cache")
    return open_snapshot(built.path, folder, built.path.stem).portfolio


def test_a_snapshot_gives_every_report_as_the_files_do(loaded, opened):
    assert isinstance(opened.sources, Sources)
    assert list(opened.sources) == list(loaded.sources)
    for sid, source in loaded.sources.items():
        assert opened.sources[sid] == source
    assert opened.sources["myla-results-mk"].language == "mk"
    with pytest.raises(KeyError):
        opened.sources["no-such-report"]


def test_a_reports_missing_field_is_none_not_empty(loaded, opened):
    translated = [sid for sid, source in loaded.sources.items() if source.translation_of]
    plain = [sid for sid, source in loaded.sources.items() if not source.translation_of]
    assert translated and plain
    for portfolio in (loaded, opened):
        originals = dict(
            zip(
                source_column(portfolio.sources, "id"),
                source_column(portfolio.sources, "translation_of"),
                strict=True,
            )
        )
        assert originals[plain[0]] is None
        assert originals[translated[0]] == loaded.sources[translated[0]].translation_of


def test_titles_come_from_the_table_without_validating_a_report(opened, monkeypatch):
    validated = []
    real = sources_module.Source.model_validate
    monkeypatch.setattr(
        sources_module.Source, "model_validate", lambda row: validated.append(row) or real(row)
    )
    fresh = Sources(opened.sources.table())
    titles = source_titles(fresh)
    assert titles["myla-results-mk"] == fresh["myla-results-mk"].title
    assert len(validated) == 1  # the one report asked for, not the table's every row


def test_the_public_keeps_the_same_reports_from_a_snapshot_as_from_the_files(tmp_path):
    from audience_data import audience_data

    folder = audience_data(tmp_path / "data")
    loaded = load_portfolio(folder).portfolio
    built = build(folder, tmp_path / "cache")
    opened = open_snapshot(built.path, folder, built.path.stem).portfolio
    from_files, from_snapshot = (for_audience(p, "public") for p in (loaded, opened))
    assert len(from_snapshot.sources) < len(loaded.sources)  # an unpublished project's reports
    assert list(from_snapshot.sources) == list(from_files.sources)
    for sid, source in from_files.sources.items():
        assert from_snapshot.sources[sid] == source


def test_a_replaced_reports_mapping_is_freed_without_the_cycle_collector(opened):
    # a start freezes what it made (lib/ui/current_data.py): a mapping kept alive only by a
    # cycle would then never be freed, and the public audience replaces the opened one
    fresh = Sources(opened.sources.table())
    assert fresh["myla-results-mk"].language == "mk"
    gone = weakref.ref(fresh)
    gc.disable()
    try:
        del fresh
        assert gone() is None
    finally:
        gc.enable()


def test_the_reports_of_every_id_are_the_same_reports_not_a_copy(opened):
    every = opened.sources.only(reversed(list(opened.sources)))
    assert every is opened.sources
    some = opened.sources.only(["myla-results-mk"])
    assert list(some) == ["myla-results-mk"]
    assert some["myla-results-mk"] == opened.sources["myla-results-mk"]
    assert list(opened.sources.only([])) == []


def test_every_title_read_from_the_table_is_the_files_title(loaded, opened):
    titles = source_titles(opened.sources)
    assert dict(titles) == {sid: source.title for sid, source in loaded.sources.items()}
    assert titles["myla-results-mk"] == loaded.sources["myla-results-mk"].title
    with pytest.raises(KeyError):
        titles["no-such-report"]
