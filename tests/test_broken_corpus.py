"""The corpus of broken inputs (tests/broken_corpus.py) through `dashboard-data validate` and
the app: a clear `file:line: field: message` for each, fast, in bounded memory, and in the app a
banner of the problems with no figure drawn, never a traceback or a partial view."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from broken_corpus import ACCEPTED, CORPUS, BrokenInput, Where
from broken_data import copy_data, listing
from fixture_data import ROOT
from streamlit.testing.v1 import AppTest

from lib.cli import main
from lib.load.loader import load_portfolio
from lib.model.problems import MAX_LISTED

# The bundled data validates in well under a second of CPU; a bomb would take minutes. CPU
# time, not the clock's: on a machine loaded by other work (a CI host, parallel builds) the
# same validate took 34 s of wall time.
SECONDS = 10.0


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def printed_at(place: Where) -> str:
    where = f"{place.file}:{place.line}" if place.line is not None else place.file
    return f"{where}: {place.field}: "


def test_the_corpus_is_large_and_named_once() -> None:
    names = [broken.name for broken in CORPUS]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("broken", CORPUS, ids=lambda broken: broken.name)
def test_validate_names_file_line_and_field(data: Path, broken: BrokenInput, capsys) -> None:
    place = broken.breaks(data)
    started = time.process_time()
    code = main(["validate", str(data)])
    seconds = time.process_time() - started
    printed = capsys.readouterr().out.splitlines()
    assert code == 1, f"{broken.what}: validate passed"
    assert printed[-1].endswith("nothing was loaded.")
    here = [line for line in printed if line.startswith(printed_at(place))]
    assert here, f"{broken.what}: nothing at {printed_at(place)!r}; printed:\n" + "\n".join(printed)
    assert any(all(word in line for word in place.words) for line in here), (
        f"{broken.what}: no line at {printed_at(place)!r} says {place.words}:\n" + "\n".join(here)
    )
    assert all(len(line) < 1200 for line in printed), "a message echoes a value whole"
    assert seconds < SECONDS, f"{broken.what}: validate took {seconds:.1f} s of CPU"


@pytest.mark.parametrize("name", ["billion-laughs", "quadratic-alias", "deep-brackets"])
def test_bombs_cost_no_more_memory_than_their_text(data: Path, name: str) -> None:
    broken = next(broken for broken in CORPUS if broken.name == name)
    broken.breaks(data)
    tracemalloc.start()
    try:
        result = load_portfolio(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.portfolio is None
    assert peak < 64 * 1024 * 1024, f"{name} took {peak / 1024 / 1024:.0f} MB to read"


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_harmless_inputs_load_whole(data: Path, name: str) -> None:
    before = load_portfolio(data).portfolio
    ACCEPTED[name](data)
    result = load_portfolio(data)
    assert result.problems == (), listing(result.problems)
    assert len(result.portfolio.values) == len(before.values)
    assert set(result.portfolio.projects) == set(before.projects)


# A sample across the kinds: encodings, a huge file, bombs, spreadsheets, silent conversions.
APP_SAMPLE = [
    "cp1251-report",
    "utf16-project",
    "huge-csv",
    "huge-value",
    "huge-number",
    "billion-laughs",
    "deep-brackets",
    "csv-missing-column",
    "csv-header-repeated",
    "csv-inner-quotes",
    "null-status",
]


@pytest.mark.parametrize("name", APP_SAMPLE)
def test_app_lists_the_problems_and_draws_nothing(data: Path, name: str, monkeypatch) -> None:
    broken = next(broken for broken in CORPUS if broken.name == name)
    place = broken.breaks(data)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")  # the public is told less: test_app.py
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert len(app.error) == 1 and "nothing is shown" in app.error[0].value
    listed = app.code[0].value.splitlines()
    assert any(
        line.startswith(printed_at(place)) and all(word in line for word in place.words)
        for line in listed
    ), f"{broken.what}: the banner lists:\n" + "\n".join(listed)
    drawn = [app.get(kind) for kind in ("plotly_chart", "deck_gl_json_chart", "map")]
    assert app.metric.len == 0 and app.dataframe.len == 0 and app.table.len == 0
    assert not any(drawn), "a figure is drawn from broken data"
    assert not app.multiselect and not app.slider, "filters are offered for broken data"


def test_app_lists_at_most_a_page_of_problems(data: Path, monkeypatch) -> None:
    """Thousands of broken rows: the banner lists the first ones and says how many more."""
    header, *rows = (data / "indicator_values.csv").read_text(encoding="utf-8").splitlines()
    row = next(row for row in rows if ",exact," in row).replace(",exact,", ",exakt,", 1)
    bad = [row] * (MAX_LISTED + 100)
    (data / "indicator_values.csv").write_text("\n".join([header, *bad]) + "\n", "utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")  # the public is told less: test_app.py
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception
    listed = app.code[0].value.splitlines()
    assert len(listed) == MAX_LISTED + 1
    assert "more; `dashboard-data validate` lists every one" in listed[-1]
