"""What the board pack and presentation mode say, topic by topic: the figures the pages show,
worked out by the same lib/ functions, each line citing the numbered report it comes from.

Pure: a portfolio, filters and a language in, a `Board` out. The PDF (lib/board/pdf.py) and the
wall screen (pages/presentation/app.py) both draw it, so they always agree with each other.
"""

from __future__ import annotations

import pandas as pd

from lib.board.model import Board, Line, SourceNumbering, Topic
from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.model.projects import parts_of
from lib.query.figure_text import figure_text, value_text
from lib.query.figures import headline_codes, headline_counts, indicator_figure, network_rows
from lib.query.filters import Filters, selected_projects, selected_values
from lib.query.index import index_of
from lib.query.names import filters_in_words
from lib.text.i18n import N_, format_number, ntr, tr
from lib.topics.funding.data import funder_lines, written
from lib.topics.map.data import map_data
from lib.topics.people.data import (
    page_codes,
    participant_figures,
    people_figures,
)
from lib.topics.timeline.data import timeline_rows

# One topic a page of the pack and a screen of presentation mode, in this order. The titles
# are English message ids, translated where they are shown.
TOPICS = ("overview", "participants", "map", "people", "funding", "timeline")
TOPIC_TITLES = {
    "overview": N_("Overview"),
    "participants": N_("Participants by city"),
    "map": N_("Map of partner cities"),
    "people": N_("People supported"),
    "funding": N_("Funding"),
    "timeline": N_("Timeline"),
}


def topic_title(key: str, language: str) -> str:
    title = TOPIC_TITLES[key]  # a name, not a literal: the catalogs hold the titles, not the keys
    return tr(language, title)


LINES = 12  # lines a topic lists before "and N more": a page of the pack holds about this many


def _more(rows: pd.DataFrame, language: str) -> tuple[str, ...]:
    """A topic lists its first LINES rows (only those cite a report); the rest in one line."""
    if len(rows) <= LINES:
        return ()
    more = len(rows) - LINES
    return (
        ntr(
            language,
            "and {n} more in the dashboard's tables",
            "and {n} more in the dashboard's tables",
            more,
        ),
    )


def _overview(
    portfolio: Portfolio, board: Board, values: pd.DataFrame, cite: SourceNumbering
) -> Topic:
    language = board.language
    counts = headline_counts(portfolio, board.project_ids)
    count_labels = {
        "projects": tr(language, "Projects"),
        "cities": tr(language, "Cities"),
        "countries": tr(language, "Countries"),
        "funders": tr(language, "Funders"),
    }
    tiles = [
        Line(count_labels[key], format_number(value, language)) for key, value in counts.items()
    ]
    for code in headline_codes(portfolio):
        figure = indicator_figure(portfolio, code, values, language)
        label = portfolio.indicators[code].labels.get(language)
        refs = cite.of(figure.sources)
        tiles.append(Line(label, figure_text(figure, language), *refs))
    lines = []
    networks = network_rows(portfolio, values)
    for row in networks.head(LINES).itertuples(index=False):
        project = portfolio.projects[row.project]
        size = format_number(int(row.value), language)
        named = format_number(len({entry.place for entry in project.places}), language)
        event = next((e.title.get(language) for e in project.events if e.id == row.event), "")
        # a count of the cities at one meeting is not the size of the whole network
        text = (
            tr(
                language,
                "{size} cities took part in {event}, {named} of them named in the report",
                size=size,
                event=event,
                named=named,
            )
            if event
            else tr(
                language,
                "{size} cities in its network, {named} of them named in the report",
                size=size,
                named=named,
            )
        )
        lines.append(Line(project.title.get(language), text, *cite.of([row.source])))
    notes = (
        tr(language, "Projects, cities, countries and funders are counted from the project files."),
    )
    return Topic(
        "overview",
        topic_title("overview", language),
        tuple(lines),
        notes + _more(networks, language),
        tiles=tuple(tiles),
    )


def _participants(board: Board, cite: SourceNumbering) -> Topic:
    language = board.language
    figures = board.participants
    lines = []
    for row in figures.head(LINES).itertuples(index=False):
        label = f"{row.label} ({row.date})"
        if row.role == "part":
            from_city = tr(language, "from {city}", city=row.from_city)
            label = f"{row.label}: {from_city}"
        text = value_text(row.value, row.precision, language, getattr(row, "fewer_than", None))
        if row.check:
            text += f" ({row.check})"
        lines.append(Line(label, text, *cite.of([row.source])))
    notes = [
        tr(
            language,
            "A person at two events counts twice: participants at events are not a number of "
            "different people.",
        )
    ]
    if not len(figures):
        notes.insert(
            0, tr(language, "The selected projects report no participants at their events.")
        )
    return Topic(
        "participants",
        topic_title("participants", language),
        tuple(lines),
        tuple(notes) + _more(figures, language),
    )


def _map(portfolio: Portfolio, board: Board, cite: SourceNumbering) -> Topic:
    language = board.language
    data = board.map
    lines = []
    # the cities a report gives a count for first, biggest first; then the rest as listed
    places = data.places.sort_values(
        "size_value", ascending=False, na_position="last", kind="stable"
    )
    # found through the index, not by walking every selected project and report a line
    index = index_of(portfolio)
    selected = set(board.project_ids)
    order = {sid: position for position, sid in enumerate(portfolio.sources)}
    listed = places.head(LINES)
    # the projects' places from their columns, not their objects (a snapshot validates each
    # project opened): in the projects' id order, each project's in its file's order
    entries = parts_of(portfolio.projects).places
    entries = entries[is_in(entries["place"], listed["place"].tolist())]
    for row in listed.itertuples(index=False):
        if row.on_map:
            where = row.name
        else:
            where = tr(language, "{name} (no coordinates: not on the map)", name=row.name)
        # the reports behind its dot's figures, and those that name the place for a project
        naming_it = set(index.projects_having("cities", [row.place])) & selected
        named_by = entries.loc[
            (entries["place"] == row.place).to_numpy() & is_in(entries["project"], naming_it),
            "source",
        ].tolist()
        behind = sorted((sid for sid in row.source_ids if sid in order), key=order.__getitem__)
        lines.append(Line(where, str(row.size_words), *cite.of(behind + named_by)))
    pairs = data.drawn_links.drop_duplicates(["from_place", "to_place", "kind"])
    notes = (
        tr(
            language,
            "{places} places, {links} links between cities. A dot's size is the number of "
            "participants a report ties to the city.",
            places=format_number(len(data.places), language),
            links=format_number(len(pairs), language),
        ),
    )
    return Topic(
        "map", topic_title("map", language), tuple(lines), notes + _more(data.places, language)
    )


def _people(
    portfolio: Portfolio, board: Board, values: pd.DataFrame, cite: SourceNumbering
) -> Topic:
    language = board.language
    figures = board.people
    lines = []
    for code in page_codes(portfolio, "people_supported"):
        mine = figures[figures["indicator"] == code]
        if mine.empty:
            continue
        figure = indicator_figure(portfolio, code, values, language)
        label = portfolio.indicators[code].labels.get(language)
        lines.append(Line(label, figure_text(figure, language), *cite.of(mine["source"])))
    notes = (
        tr(
            language,
            "Refugees supported, people trained, citizens informed and people engaged to "
            "prepare action plans are different kinds of people, so they are never added "
            "together.",
        ),
    )
    if not lines:
        notes += (tr(language, "The selected projects give no figure for these kinds of people."),)
    return Topic("people", topic_title("people", language), tuple(lines), notes)


def _funding(portfolio: Portfolio, board: Board, cite: SourceNumbering) -> Topic:
    language = board.language
    rows = board.funding
    lines = []
    # the words of the lines listed alone: writing every line's opened each of its projects
    for row in written(portfolio, rows.head(LINES), language).itertuples(index=False):
        label = f"{row.funder} › {row.programme_path}"
        amount = row.amount if pd.notna(row.amount_value) else tr(language, "amount not reported")
        lines.append(Line(label, f"{row.project}: {amount}", *cite.of([row.source])))
    reported = int(rows["amount_value"].notna().sum()) if len(rows) else 0
    notes = (
        tr(
            language,
            "Amounts reported for {reported} of {lines} funding lines; a line with no amount is "
            "left out of any sum, not counted as 0.",
            reported=format_number(reported, language),
            lines=format_number(len(rows), language),
        ),
    )
    return Topic(
        "funding",
        topic_title("funding", language),
        tuple(lines),
        notes + _more(rows, language),
    )


def _timeline(board: Board, cite: SourceNumbering) -> Topic:
    language = board.language
    rows = board.timeline[board.timeline["kind"] != "figure"]
    lines = []
    for row in rows.head(LINES).itertuples(index=False):
        label = row.item if row.kind == "event" else row.project
        lines.append(Line(label, str(row.date), *cite.of([row.source] if row.source else [])))
    notes = (
        tr(
            language,
            "Each date is as precise as its report: a month or a year is drawn across the whole "
            "month or year, and a date whose year no report states is listed, not placed.",
        ),
    )
    return Topic(
        "timeline",
        topic_title("timeline", language),
        tuple(lines),
        notes + _more(rows, language),
    )


def board_content(portfolio: Portfolio, filters: Filters, language: str) -> Board:
    """The pack's and the wall screen's topics for these filters, in `language`."""
    project_ids = selected_projects(portfolio, filters)
    values = selected_values(portfolio, filters)
    if not project_ids:  # the pages draw nothing then, and say so: so does every topic
        nothing = (tr(language, "No project matches these filters."),)
        return Board(
            language=language,
            filters_words=filters_in_words(portfolio, filters, language),
            project_ids=[],
            project_count=len(portfolio.projects),
            topics=[Topic(key, topic_title(key, language), (), nothing) for key in TOPICS],
        )
    board = Board(
        language=language,
        filters_words=filters_in_words(portfolio, filters, language),
        project_ids=project_ids,
        project_count=len(portfolio.projects),
        participants=participant_figures(portfolio, values, language),
        people=people_figures(portfolio, values, language),
        funding=funder_lines(portfolio, project_ids, language),
        timeline=timeline_rows(portfolio, project_ids, language),
        map=map_data(portfolio, project_ids, values, filters, language),
    )
    cite = SourceNumbering(portfolio)
    board.topics = [
        _overview(portfolio, board, values, cite),
        _participants(board, cite),
        _map(portfolio, board, cite),
        _people(portfolio, board, values, cite),
        _funding(portfolio, board, cite),
        _timeline(board, cite),
    ]
    board.sources = sorted(cite.entries(), key=lambda entry: entry.number)
    return board
