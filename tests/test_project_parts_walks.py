"""What a page works out from every project reads the projects' columns (lib/model/projects.py
ProjectParts), not the projects: a snapshot validates a project each time one is opened, so a
walk of a funder's 100,000 would take seconds. Each gives what the projects themselves say,
and opens only the projects whose words the columns do not hold."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.board.content import board_content
from lib.load.loader import load_portfolio
from lib.model.portfolio import Portfolio
from lib.model.projects import Projects, parts_of
from lib.query.citations import project_uses
from lib.query.figures import network_sizes, network_words
from lib.query.filters import Filters
from lib.query.flat_table import readable_values
from lib.query.index import index_of
from lib.query.names import project_titles
from lib.text.i18n import tr
from lib.text.vocabulary import code_words
from lib.topics.funding.data import funding_lines
from lib.topics.map.place_figures import PlaceFigure
from lib.topics.map.written import Written, figure_line
from lib.topics.people.figure_words import participant_texts
from lib.topics.sources.data import source_list, uses_of
from lib.topics.timeline.data import timeline_rows


@pytest.fixture(scope="module")
def loaded() -> Portfolio:
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


def _opened_as_a_snapshot(portfolio: Portfolio) -> tuple[Portfolio, list[str]]:
    """The portfolio with projects opened one at a time, as a snapshot's, and the ids of
    those opened since the filters' index was built (that one is built apart, first)."""
    opened: list[str] = []
    held = portfolio.projects
    parts = parts_of(held)

    def open_one(project_id: str, _position: int):
        opened.append(project_id)
        return held[project_id]

    lazy = dataclasses.replace(portfolio, projects=Projects(list(held), open_one, lambda: parts))
    index_of(lazy)
    opened.clear()
    return lazy, opened


def test_funding_lines_are_every_projects_funding_in_order(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    lines = funding_lines(lazy, sorted(lazy.projects))
    expected = [
        (pid, position, funding.funder, funding.amount.value if funding.amount else None)
        for pid in sorted(loaded.projects)
        for position, funding in enumerate(loaded.projects[pid].funding)
    ]
    columns = ("project_id", "line", "funder_id", "amount_value")
    got = zip(*(lines[column] for column in columns), strict=True)
    assert [(p, n, f, None if pd.isna(v) else v) for p, n, f, v in got] == expected
    assert len(lines) == 5
    assert opened == []


@pytest.mark.parametrize("language", ["en", "bg", "mk", "de"])
def test_project_titles_are_the_titles_in_the_language(loaded, language):
    lazy, opened = _opened_as_a_snapshot(loaded)
    titles = project_titles(lazy, language)
    # a language the dashboard lacks reads the source language, as Text.get does
    assert titles == {pid: p.title.get(language) for pid, p in loaded.projects.items()}
    assert list(titles) == list(loaded.projects)
    assert opened == []


def test_report_counts_open_no_project_and_a_report_opens_those_citing_it(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    listed = source_list(lazy)
    assert opened == []
    expected: dict[str, int] = {}
    for project_id in loaded.projects:
        for use in project_uses(loaded, project_id):
            expected[use.source] = expected.get(use.source, 0) + 1
    for entry in [*loaded.organisations.values(), *loaded.programmes.values()]:
        expected[entry.source] = expected.get(entry.source, 0) + 1
    assert dict(zip(listed["id"], listed["facts taken"], strict=True)) == {
        source: expected.get(source, 0) for source in listed["id"]
    }
    for source_id in lazy.sources:
        opened.clear()
        uses = uses_of(lazy, source_id)
        citing = {
            pid
            for pid in loaded.projects
            if any(use.source == source_id for use in project_uses(loaded, pid))
        }
        assert set(opened) == citing
        assert len(uses) == expected.get(source_id, 0)


def test_networks_open_only_a_project_whose_figure_names_a_meeting(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    networks = network_sizes(lazy, lazy.values)
    assert [network_words(network) for network in networks] == [
        "CONNECTION - Initiative for integration through connecting cities: 22 cities took "
        "part in CONNECTION partner meeting, 8 of them named in the report and counted above."
    ]
    assert opened == []  # the meeting's title from the events' columns
    (no_meeting,) = network_sizes(lazy, lazy.values.assign(event=""))
    assert network_words(no_meeting).endswith(
        "22 cities in its network, 8 of them named in the report and counted above."
    )
    assert opened == []


def test_figures_table_names_each_figures_event_opening_no_project(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    values = loaded.values
    table = readable_values(lazy, values, "bg")
    assert opened == []
    assert table["проект"].tolist() == [loaded.projects[pid].title.bg for pid in values["project"]]
    events = [
        loaded.event(project, event).title.bg if event else ""
        for project, event in zip(values["project"], values["event"], strict=True)
    ]
    assert table["събитие"].tolist() == events
    assert "Среща на побратимените градове Щип и Стражица" in events
    unknown = readable_values(lazy, values.assign(event="no-such-event"), "mk")
    assert set(unknown[tr("mk", "event")]) == {""}


def test_participants_words_read_the_events_columns_opening_no_project(loaded):
    """Each figure's event as the page writes it: its title, its dates when the figure states
    no period, where it was (a city, online, not stated), and none for a figure of no event."""
    lazy, opened = _opened_as_a_snapshot(loaded)
    rows = loaded.values.iloc[[0, 3, 11, 14, 5]]
    figures = rows.assign(indicator="participants", period_start=None, period_end=None)
    texts = participant_texts(lazy, figures, ["participants"], "en")
    assert opened == []
    titles = [loaded.projects[pid].title.en for pid in rows["project"]]
    assert texts["label"].tolist() == [
        f"{titles[0]} – Town-twinning meeting of Shtip and Strazhitsa",
        f"{titles[1]} – Forums on intercultural competence and the integration of "
        "third-country nationals",
        f"{titles[2]} – Seminar with the Ministry of Labour and Social Policy, local "
        "administrations and NGOs",
        f"{titles[3]} – CONNECTION partner meeting",
        f"{titles[4]} – no single event",
    ]
    assert texts["date"].tolist() == [
        "19 June 2018 – 22 June 2018",
        "June, year not stated",
        "date not stated",
        "13 September 2021 – 14 September 2021",
        "date not stated",
    ]
    venues = ["Strazhitsa", "venue not stated", "venue not stated", "online", ""]
    assert texts["venue"].tolist() == venues


@pytest.mark.parametrize("language", ["en", "bg", "mk"])
def test_timeline_rows_say_what_each_event_says_and_open_no_project(loaded, language):
    lazy, opened = _opened_as_a_snapshot(loaded)
    rows = timeline_rows(lazy, sorted(lazy.projects), language)
    assert opened == []
    events = rows[rows["kind"] == "event"]
    got = events[["project_id", "item", "type", "status", "part_of", "source", "quote"]]
    expected = []
    for pid in sorted(loaded.projects):
        mine = loaded.projects[pid].events
        titles = {event.id: event.title.get(language) for event in mine}
        for event in mine:
            sessions = " " + tr(language, "({n} sessions)", n=event.count) if event.count else ""
            expected.append(
                (
                    pid,
                    event.title.get(language) + sessions,
                    code_words(event.type, language),
                    event.status,
                    titles.get(event.part_of or "", ""),
                    loaded.sources[event.source].title,
                    event.quote,
                )
            )
    assert list(got.itertuples(index=False, name=None)) == expected


def test_timeline_rows_of_a_snapshot_show_sessions_plans_wholes_places_and_dates(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    rows = timeline_rows(lazy, sorted(lazy.projects), "en")

    def row(item: str, project: str | None = None) -> pd.Series:
        mine = rows["item"] == item
        if project is not None:
            mine &= rows["project_id"] == project
        (found,) = rows.index[mine]
        return rows.loc[found]

    assert row("Orientation sessions on the Refugee Convention (6 sessions)")["type"] == "training"
    workshop = row("Validation workshop for the comprehensive assessment")
    assert (workshop["status"], workshop["date"]) == ("planned", "September, year not stated")
    debate = row("Debate on integration policies")
    assert (debate["part_of"], debate["place"], debate["date"]) == (
        "Town-twinning meeting of Shtip and Strazhitsa",
        "Strazhitsa",
        "20 June 2018",
    )
    assert row("CONNECTION partner meeting")["place"] == "online"
    myla = row("The project as a whole", "myla-refugee-integration")
    assert myla["date"] == "started 1 January 2017; end not stated"
    cited = loaded.projects["myla-refugee-integration"].dates_source
    assert (myla["source"], myla["quote"]) == (loaded.sources[cited.source].title, cited.quote)
    assert row("The project as a whole", "connection-network")["date"] == (
        "start and end not stated"
    )
    assert opened == []


def test_map_event_lines_of_a_snapshot_give_titles_dates_and_plans(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    words = Written("en")
    assert words.event_line(lazy, "shtip-strazhitsa-twinning", "twinning-meeting") == (
        "Town-twinning meeting of Shtip and Strazhitsa (19 June 2018 – 22 June 2018)"
    )
    assert words.event_line(lazy, "myla-refugee-integration", "myla-validation-workshop") == (
        "Validation workshop for the comprehensive assessment (September, year not stated, planned)"
    )
    assert Written("mk").event_title(lazy, "connection-network", "connection-partner-meeting") == (
        loaded.projects["connection-network"].events[0].title.mk
    )
    assert words.event_title(lazy, "connection-network", "no-such-meeting") == ""
    assert opened == []


def test_map_event_lines_read_at_once_are_those_read_one_at_a_time(loaded):
    lazy, opened = _opened_as_a_snapshot(loaded)
    events = [
        ("shtip-strazhitsa-twinning", "twinning-meeting"),
        ("myla-refugee-integration", "myla-validation-workshop"),
        ("connection-network", "no-such-meeting"),
    ]
    for language in ("en", "bg", "mk"):
        batch, alone = Written(language), Written(language)
        known = batch.event_words(lazy, events)
        assert set(known) == set(events[:2])  # an event not found is left out, never made up
        for project, event in events[:2]:
            line = batch.event_line(lazy, project, event, known)
            assert line == alone.event_line(lazy, project, event)
        assert batch.event_words(lazy, events[:2]) == {}  # their lines are kept now
    assert Written("en").event_line(lazy, *events[0], known={}) == (
        "Town-twinning meeting of Shtip and Strazhitsa (19 June 2018 – 22 June 2018)"
    )
    assert opened == []


def test_map_figure_lines_written_at_once_are_those_written_one_at_a_time(loaded):
    lazy, _opened = _opened_as_a_snapshot(loaded)
    values = index_of(lazy).values
    columns = ["indicator", "project", "event", "value", "precision", "fewer_than"]
    columns += ["source", "quote", "line"]
    tied = {  # each figure as a line from its city, and as one at its event
        from_here: [
            PlaceFigure(*fields, False, from_here)
            for fields in values[columns].itertuples(index=False, name=None)
        ]
        for from_here in (False, True)
    }
    for language in ("en", "bg", "mk"):
        for rows in tied.values():
            batch = Written(language)
            batch.know_figures(lazy, [*rows, *rows])  # a line written once, the first
            for row in rows:
                event = Written(language).event_title(lazy, row.project, row.event)
                assert batch.figure_lines[row.line] == figure_line(lazy, row, language, event)
    rows = tied[True]
    # what a reader sees of the fixture's 259 participants, as from a city
    shtip = next(r for r in rows if str(r.value) == "259")
    words = Written("en")
    words.know_figures(lazy, [shtip])
    figure, source = words.figure_lines[shtip.line]
    assert figure == "Participants from this city: 259"
    assert source.startswith(lazy.sources[shtip.source].title + ": “")


def test_board_pack_map_cites_the_reports_that_name_each_city(loaded):
    lazy, _opened = _opened_as_a_snapshot(loaded)
    board = board_content(lazy, Filters(), "en")
    numbered = {entry.number: entry.source_id for entry in board.sources}
    (map_topic,) = [topic for topic in board.topics if topic.key == "map"]
    cited = {line.label: [numbered[ref] for ref in line.refs] for line in map_topic.lines}
    # no figure ties participants to Sofia or Kumanovo: their projects' places cite these
    assert cited["Sofia"] == ["sda-connection-bg"]
    assert cited["Kumanovo"] == ["myla-results-mk"]
