"""The Timeline's rows read the events' quotes from the projects' columns; on the public site
a quote that runs into a withheld sentence (a small count of vulnerable people) must still
read as withheld there, as it does in the project itself."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from audience_data import RUNS_INTO, RUNS_INTO_WORDS, audience_data

from lib.load.audience import WITHHELD_QUOTE, for_audience
from lib.load.loader import load_portfolio
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.topics.timeline.data import timeline_rows

SEMINAR = "Seminar with the Ministry of Labour and Social Policy, local administrations and NGOs"
SEMINAR_QUOTE = (
    "МЗМП организаше семинар за претставници од МТСП, локалната администрација, како и "
    "претставници на НВО-а и МЗМП"
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Portfolio:
    folder = audience_data(tmp_path_factory.mktemp("withheld") / "data")
    project = Path(folder / "projects" / "myla-refugee-integration.yaml")
    text = project.read_text(encoding="utf-8")
    assert text.count(SEMINAR_QUOTE) == 1
    # the seminar's quote runs on into the sentence with the small count
    project.write_text(text.replace(SEMINAR_QUOTE, RUNS_INTO), "utf-8")
    result = load_portfolio(folder)
    assert not result.problems, result.problems
    return result.portfolio


def test_public_timeline_withholds_an_event_quote_that_runs_into_a_small_count(loaded):
    public = for_audience(loaded, "public")
    rows = timeline_rows(public, list(public.projects), "en")
    seminar = rows.loc[rows["item"] == SEMINAR, "quote"].tolist()
    assert seminar == [WITHHELD_QUOTE]
    assert not rows["quote"].str.contains(RUNS_INTO_WORDS, regex=False).any()
    others = rows[(rows["kind"] == "event") & (rows["item"] != SEMINAR)]
    assert WITHHELD_QUOTE not in others["quote"].tolist()  # only that one is withheld


def test_board_timeline_shows_the_quote_as_the_report_gives_it(loaded):
    board = for_audience(loaded, "board")
    rows = timeline_rows(board, list(board.projects), "en")
    assert rows.loc[rows["item"] == SEMINAR, "quote"].tolist() == [RUNS_INTO]


def test_the_public_columns_withhold_every_quote_the_public_projects_withhold(loaded):
    """The timeline and the map read the projects' columns: a quote withheld in a public
    project is withheld in its columns too, and no other is changed."""
    public = for_audience(loaded, "public")
    parts = parts_of(public.projects)
    events = parts.events.set_index(["project", "at"])["quote"]
    dates = parts.projects.set_index("id")["dates_quote"]
    withheld = 0
    for pid, project in public.projects.items():
        for at, event in enumerate(project.events):
            assert events[(pid, at)] == event.quote
            withheld += event.quote == WITHHELD_QUOTE
        cited = project.dates_source
        assert (cited.quote if cited else None) == (None if pd.isna(dates[pid]) else dates[pid])
    assert withheld == 1
