"""Which reports the public audience keeps (lib/load/audience.py): those its projects and
figures cite, and, round by round, what they reach: the report a kept one translates, its
translations, its publisher and that organisation's report. The same whether the reports are
held as validated objects (a build's) or as a snapshot's table."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from audience_data import TRANSLATION_ID, audience_data

from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.model.portfolio import Portfolio
from lib.model.sources import Sources, table_of

# A translation of the fixture's translation (reached in the second round), published by an
# organisation no project names (the third), whose own report is cited by nothing else (the
# fourth); and a report nothing reaches.
_REPORTS = f"""\
  - id: second-translation
    title: "Results (a second translation)"
    language: bg
    file: second.txt
    translation_of: {TRANSLATION_ID}
    publisher: chain-publisher
  - id: publisher-report
    title: "Who we are"
    language: en
    file: publisher.txt
  - id: lone-report
    title: "A report nothing cites"
    language: en
    file: lone.txt
"""
_PUBLISHER = """\
  - id: chain-publisher
    kind: ngo
    names: {en: "Chain Publisher", bg: "Верига", mk: "Синџир", original: en}
    source: publisher-report
    quote: "We publish reports."
"""


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, "utf-8")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Portfolio:
    folder = audience_data(tmp_path_factory.mktemp("reports") / "data")
    _append(folder / "sources.yaml", _REPORTS)
    _append(folder / "organisations.yaml", _PUBLISHER)
    for name, text in [
        ("second", "Втори превод."),
        ("publisher", "We publish reports."),
        ("lone", "Alone."),
    ]:
        (folder / "sources" / f"{name}.txt").write_text(text + "\n", "utf-8")
    result = load_portfolio(folder)
    assert not result.problems, result.problems
    return result.portfolio


@pytest.mark.parametrize("held", ["validated", "table"])
def test_public_keeps_the_reports_its_reports_reach_round_by_round(loaded, held):
    if held == "table":  # as a snapshot holds them
        loaded = dataclasses.replace(loaded, sources=Sources(table_of(loaded.sources.values())))
    public = for_audience(loaded, "public")
    reached = ["second-translation", "publisher-report", TRANSLATION_ID, "myla-results-mk"]
    for report in reached:
        assert report in public.sources and report in public.source_texts
    assert "chain-publisher" in public.organisations
    for report in ("lone-report", "secret-report"):
        assert report not in public.sources and report not in public.source_texts
    # in the data's order, as the board sees them, less what the public does not
    board = for_audience(loaded, "board")
    assert list(public.sources) == [
        s for s in board.sources if s not in ("lone-report", "secret-report")
    ]
    assert list(public.source_texts) == [s for s in public.sources]
