"""The pages read a selection's figures by their positions (filters.selected_figures), not
from a frame of every selected figure's columns: the headline, the participants' rows and
bars and the People supported rows they show are those of the selected figures' frame."""

import pandas as pd
import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.query.figure_codes import cited_sources, cited_sources_at
from lib.query.figures import figure_at, indicator_figure, network_sizes, network_sizes_at
from lib.query.filters import Filters, selected_figures, selected_projects, selected_values
from lib.query.limits import largest_groups
from lib.topics.funding.data import funded_projects, funding_lines
from lib.topics.people.data import participant_words, people_words
from lib.topics.people.figure_rows import (
    participant_rows,
    participant_rows_at,
    participant_shown,
    people_rows,
    people_rows_at,
    people_shown,
)

SELECTIONS = [
    Filters(),
    Filters(cities=("shtip",)),
    Filters(cities=("strazhitsa", "shtip")),
    Filters(years=(2019, 2019)),
    Filters(funders=("norwegian-embassy-belgrade",)),
]


@pytest.fixture(scope="module", params=["public", "board"])
def portfolio(request):
    return for_audience(load_portfolio(FIXTURE_DATA_DIR).portfolio, request.param)


def test_the_selected_figures_are_the_rows_of_the_selected_values(portfolio):
    for filters in SELECTIONS:
        values = selected_values(portfolio, filters)
        figures = selected_figures(portfolio, filters)
        assert figures.at.tolist() == values.index.tolist()
        assert figures.counted.tolist() == values["counts_in_total"].tolist()


def test_a_headline_by_positions_is_the_headline_of_the_frame(portfolio):
    for filters in SELECTIONS:
        values, figures = selected_values(portfolio, filters), selected_figures(portfolio, filters)
        assert cited_sources_at(portfolio, figures.at) == cited_sources(portfolio, values)
        for code in portfolio.indicators:
            for language in ("en", "bg", "mk"):
                by_positions = figure_at(portfolio, code, figures.at, figures.counted, language)
                assert by_positions == indicator_figure(portfolio, code, values, language)
    everything = selected_figures(portfolio, Filters())
    assert figure_at(portfolio, "participants", everything.at, everything.counted).value == 259 + 32


def test_the_participants_rows_and_bars_of_a_selection(portfolio):
    for filters in SELECTIONS:
        rows = participant_rows_at(portfolio, selected_figures(portfolio, filters))
        of_frame = participant_rows(portfolio, selected_values(portfolio, filters))
        # the rows shown get every column back, as the frame's rows have them
        pd.testing.assert_frame_equal(participant_shown(portfolio, rows), of_frame)
        assert participant_shown(portfolio, of_frame) is of_frame
        # a bar's number stands for its text: the same bars, in the same order
        assert pd.factorize(rows["bar"])[0].tolist() == pd.factorize(of_frame["group"])[0].tolist()
        by_number = largest_groups(rows, "bar", "value", 1).index.tolist()
        assert by_number == largest_groups(of_frame, "group", "value", 1).index.tolist()
    rows = participant_rows_at(portfolio, selected_figures(portfolio, Filters()))
    assert rows["value"].dropna().tolist() == [259, 132, 127, 32]
    assert rows["bar"].nunique() == 3  # three events
    shown = participant_words(portfolio, rows, rows.head(3), "en")  # the words of these only
    assert shown["participants"].tolist() == ["259", "132", "127"]
    assert shown["from_city"].tolist() == ["all cities (total)", "Shtip", "Strazhitsa"]
    assert shown["check"].tolist()[0] == "132 + 127 = 259 ✓"  # the parts found among all rows


def test_the_people_supported_rows_of_a_selection(portfolio):
    for filters in SELECTIONS:
        figures, values = selected_figures(portfolio, filters), selected_values(portfolio, filters)
        for language in ("en", "bg", "mk"):
            rows = people_rows_at(portfolio, figures, language)
            of_frame = people_rows(portfolio, values, language)
            pd.testing.assert_frame_equal(people_shown(portfolio, rows), of_frame)
            assert people_shown(portfolio, of_frame) is of_frame
            words = people_words(portfolio, rows.head(3), language)
            pd.testing.assert_frame_equal(
                words, people_words(portfolio, of_frame.head(3), language)
            )
    rows = people_rows_at(portfolio, selected_figures(portfolio, Filters()), "en")
    assert 518 in rows["value"].tolist()
    assert "518" in people_words(portfolio, rows, "en")["number"].tolist()


def test_a_selections_funding_lines_and_funded_projects_by_number(portfolio):
    for filters in SELECTIONS:
        ids = selected_projects(portfolio, filters)
        lines = funding_lines(portfolio, ids)
        # the same lines as found by their ids' text (asked in another order, then sorted)
        by_text = funding_lines(portfolio, ids[::-1]).sort_values(["project_id", "line"])
        pd.testing.assert_frame_equal(lines, by_text.reset_index(drop=True))
        assert funded_projects(portfolio, ids) == lines["project_id"].nunique()
    everything = selected_projects(portfolio, Filters())
    assert funded_projects(portfolio, everything) == 4  # each of the 4 projects names a funder


def test_a_selections_networks_by_positions(portfolio):
    for filters in SELECTIONS:
        figures, values = selected_figures(portfolio, filters), selected_values(portfolio, filters)
        for language in ("en", "bg", "mk"):
            by_positions = network_sizes_at(portfolio, figures, language)
            assert by_positions == network_sizes(portfolio, values, language)
    (network,) = network_sizes_at(portfolio, selected_figures(portfolio, Filters()))
    assert (network.size, network.named) == (22, 8)  # 22 cities, 8 of them named
