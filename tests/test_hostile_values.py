"""Values that pass YAML and the schema but break what is made from them (issue 20, points
6, 7 and 12): control characters written as YAML escapes, a lone carriage return, a funding
amount of 1e308, one figure written 12 and 012, a report in UTF-16 without a byte-order
mark, a quote in another Unicode composition than its report, circular programme parents,
an event 80 years after its project, and the public Sources page's file count and time.
Each test breaks its own copy of the bundled data."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from pathlib import Path

import pytest
from app_support import open_app
from audience_data import audience_data
from broken_data import (
    MYLA,
    TWINNING,
    VALUES,
    append,
    assert_problem,
    copy_data,
    csv_line,
    edit,
    line_of,
    read,
    write,
)

from lib.exports.data_folder import last_changed, portfolio_files
from lib.load.audience import for_audience
from lib.load.loader import data_files, load_portfolio

TITLE = '  en: "Europe in the trap of the immigrant crisis"'


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


# --- point 6: control characters, after YAML decoding ----------------------------------------


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\0", "#x0000"), ("\\e", "#x001B"), ("\\x01", "#x0001"), ("\\v", "#x000B"),
     ("\\ufeff", "#xFEFF"), ("\\r", "#x000D")],
)  # fmt: skip
def test_a_control_character_written_as_an_escape_is_refused(data, escape, code):
    line = edit(data, TWINNING, TITLE, TITLE[:-1] + escape + '"')
    problem = assert_problem(load_portfolio(data), TWINNING, line, "title.en", "control character")
    assert code in problem.message


def test_a_lone_carriage_return_in_a_csv_quote_is_refused_and_crlf_lines_are_not(data):
    rows = list(csv.reader(io.StringIO(read(data, VALUES), newline="")))
    line = append(data, VALUES, _csv_row([*rows[1][:3], "17", *rows[1][4:-1], "a\rb"]))
    assert_problem(load_portfolio(data), VALUES, line, "quote", "carriage return")
    crlf = copy_data(data.parent / "crlf")
    write(crlf, VALUES, read(crlf, VALUES).replace("\n", "\r\n"))
    assert load_portfolio(crlf).problems == ()


def test_control_characters_in_two_cells_of_a_row_are_each_refused(data):
    """Each cell that holds one is named, in the row's order; a line break at a cell's edge is
    trimmed with its spaces, and a tab between words is no control character."""
    rows = list(csv.reader(io.StringIO(read(data, VALUES), newline="")))
    cells = [*rows[1][:3], "18", *rows[1][4:-1], "a\x1bb"]
    cells[4] = "ex\x07act"
    line = append(data, VALUES, _csv_row(cells))
    edge = [*rows[1][:3], "19", *rows[1][4:-1], "\r\na\tb\r"]
    append(data, VALUES, _csv_row(edge))
    found = [(p.line, p.field, p.message) for p in load_portfolio(data).problems]
    controls = [(at, field, said) for at, field, said in found if "control character" in said]
    assert [(at, field) for at, field, _said in controls] == [
        (line, "precision"),
        (line, "quote"),
    ]
    assert "#x0007" in controls[0][2] and "ESC" in controls[1][2]


def test_a_form_feed_in_a_report_is_refused_with_its_line(data):
    report = "sources/003_6e458a75d0498bbb.txt"
    text = read(data, report)
    write(data, report, text + "\nPage two.\x0c\n")
    line = text.count("\n") + 2
    assert_problem(load_portfolio(data), report, line, "(text)", "form feed")


def _csv_row(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow(cells)
    return out.getvalue()


# --- point 7: amounts ------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1e308", "1.0e+12", ".nan", "0.5"])
def test_a_funding_amount_must_be_what_a_grant_can_be(data, amount):
    anchor = "    programme: efc-measure-2-1\n"
    line = edit(data, TWINNING, anchor, f"{anchor}    amount: {{value: {amount}, currency: EUR}}\n")
    result = load_portfolio(data)
    assert_problem(result, TWINNING, line + 1, "funding[1].amount.value")


# --- point 12: the smaller ones --------------------------------------------------------------


def test_12_and_012_for_one_figure_are_a_duplicate(data):
    first = read(data, VALUES).splitlines()[1]
    cells = next(csv.reader([first]))
    cells[3] = "0" + cells[3]
    line = append(data, VALUES, _csv_row(cells))
    assert_problem(load_portfolio(data), VALUES, line, "(row)", "repeats line 2")


def test_a_cyrillic_report_in_utf16_without_a_mark_gets_an_encoding_message(data):
    report = data / "sources" / "003_6e458a75d0498bbb.txt"
    report.write_bytes(report.read_text(encoding="utf-8").encode("utf-16-le"))
    result = load_portfolio(data)
    problem = assert_problem(result, "sources/003_6e458a75d0498bbb.txt", 1, "(encoding)")
    assert "UTF-16" in problem.message
    assert not [p for p in result.problems if "quote is not in the report" in p.message]


def test_a_quote_in_another_composition_gets_a_hint(data):
    quote = "Околу 16 луѓе беа обучени за време на ориентациските сесии."
    line = csv_line(data, "myla-refugee-integration,myla-orientation-refugee-convention,")
    write(data, VALUES, read(data, VALUES).replace(quote, unicodedata.normalize("NFD", quote)))
    problem = assert_problem(load_portfolio(data), VALUES, line, "quote", "not in the report")
    assert "separate accent" in problem.message


def test_circular_programme_parents_are_refused(data):
    line = edit(
        data,
        "programmes.yaml",
        "  - id: europe-for-citizens\n    level: programme\n",
        "  - id: europe-for-citizens\n    level: programme\n    parent: efc-measure-2-1\n",
    )
    result = load_portfolio(data)
    assert_problem(result, "programmes.yaml", line + 2, "programmes[1].parent", "own parent")


def test_an_event_dated_far_outside_its_project_is_refused(data):
    # MYLA started on 1 January 2017 (the twinning project's own dates are not stated)
    line = line_of(data, MYLA, '    start: "--09"')
    edit(data, MYLA, '    start: "--09"', '    start: "2099-09"')
    result = load_portfolio(data)
    assert_problem(result, MYLA, line, "events[6].start", "2099-09", "far outside")


def test_the_public_sources_page_counts_and_dates_only_published_files(monkeypatch, tmp_path):
    folder = audience_data(tmp_path / "data")
    loaded = load_portfolio(folder).portfolio
    public, board = for_audience(loaded, "public"), for_audience(loaded, "board")
    unpublished = {folder / "projects" / "zephyrine-shelter.yaml", folder / "sources/secret.txt"}
    assert unpublished <= set(portfolio_files(board))
    assert not unpublished & set(portfolio_files(public))
    assert len(portfolio_files(board)) == len(data_files(folder))
    for path in portfolio_files(public):
        os.utime(path, (1_600_000_000, 1_600_000_000))
    for path in unpublished:  # only an unpublished file changes
        os.utime(path, (1_800_000_000, 1_800_000_000))
    assert last_changed(portfolio_files(public)).year == 2020
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(folder))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    app = open_app("pages/sources/app.py")
    said = app.success[0].value
    assert f"Checked: {len(portfolio_files(public))} data files" in said
    assert "2020" in said and "2027" not in said
