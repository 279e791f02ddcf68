"""The board pack's charts, read as text: each bar named in full where two differ, the grey
part of a bar in the legend, the words "not reported" inside their panel, every city of the
map named, in Bulgarian (the longest names).

The charts draw their letters as outlines; here matplotlib is told to write them as SVG text
instead, so the test reads what the page prints.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.board import charts
from lib.board.content import board_content
from lib.board.map import map_picture_svg
from lib.board.rows import PAGE, SCREEN
from lib.load.loader import load_portfolio
from lib.query.filters import Filters
from lib.topics.map.basemap import load_country_outlines

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def board():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    return board_content(portfolio, Filters(), "bg")


@pytest.fixture(autouse=True)
def letters_as_text(monkeypatch):
    monkeypatch.setitem(charts.STYLE, "svg.fonttype", "none")


def texts(svg: bytes) -> list[str]:
    """Each text of the SVG, its lines joined by a space."""
    root = ET.fromstring(svg)
    return [" ".join("".join(text.itertext()).split()) for text in root.iter(f"{SVG}text")]


def test_the_two_training_series_are_told_apart_in_full(board):
    written = texts(charts.people_bars(board.people, "bg"))
    sessions = [text for text in written if text.startswith("Ориентационни сесии")]
    assert len(sessions) == 2 and len(set(sessions)) == 2, sessions
    assert all("…" not in re.split(r"Укрепване", text)[0] for text in sessions), sessions


def test_participants_legend_names_the_grey_part(board):
    written = texts(charts.participants_bars(board.participants, "bg"))
    assert {"Щип", "Стражица", "без разбивка по град"} <= set(written)
    assert "не е отчетено" in written


def test_not_reported_sits_inside_its_panel_not_on_its_title(board):
    svg = charts.people_bars(board.people, "bg")
    written = texts(svg)
    assert written.count("не е отчетено") == 1
    assert "Обучени хора" in written


def test_board_map_names_every_city_where_the_projects_work(board):
    svg = map_picture_svg(board.map, load_country_outlines())
    assert svg is not None
    written = " ".join(texts(svg))
    for city in ("Щип", "Стражица", "Куманово", "Бутел", "Гевгелия", "София"):
        assert city in written, f"{city} is not named on the pack's map"


@pytest.mark.parametrize("medium", [PAGE, SCREEN], ids=["page", "screen"])
def test_every_name_is_written_in_full_above_its_bar(board, medium):
    """Names stand above their bars across the whole width: none is cut with "…" (issue 17,
    points 6 and 15), in the pack or on the wall screen."""
    participants = " ".join(texts(charts.participants_bars(board.participants, "bg", medium)))
    people = " ".join(texts(charts.people_bars(board.people, "bg", medium)))
    funding = " ".join(texts(charts.funding_bars(board.funding, "bg", medium)))
    for label in board.participants["label"].unique():
        assert " ".join(label.split()) in participants, label
    for row in board.people.itertuples():
        assert " ".join(row.project.split()) in people, row.project
    for funder in board.funding["funder"].unique():
        assert funder in funding
    assert "…" not in participants + people + funding
