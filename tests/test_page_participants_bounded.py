"""The Participants page is bounded by rows (issue 20, point 10): 100,002 valid figures of one
event (a total and its two parts on each of 33,334 days) once sent a 106 MB message, past
Streamlit's 50 MB limit. The chart draws a screenful of an event's figures and says how many
more there are; the table its first rows; the CSV download has every one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from fixture_data import FIXTURE_DATA_DIR, ROOT
from streamlit.testing.v1 import AppTest

from lib.load.loader import load_portfolio
from lib.query.limits import CHART_ROWS, TABLE_ROWS

DAYS = 33_334  # three figures a day: 100,002 figures of the twinning meeting
REPORT = "000_cc207db102143d95.txt"  # the twinning report
# What a page may send for one run: far under Streamlit's 50 MB (maxMessageSize).
MESSAGE_BUDGET = 5_000_000


def many_figures(folder: Path) -> Path:
    """The bundled data with the twinning meeting's total and its two parts (259 = 132 + 127)
    again for each of DAYS days, each day's figures quoting a sentence of the report that
    writes its date: valid figures, each a row of its own."""
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    values = folder / "indicator_values.csv"
    text = values.read_text(encoding="utf-8")
    lines = text.splitlines()
    meeting = list(csv.reader(io.StringIO("\n".join(lines[1:4]) + "\n")))
    assert [row[3] for row in meeting] == ["259", "132", "127"]
    report = folder / "sources" / REPORT
    sentences, extra = [], io.StringIO()
    writer = csv.writer(extra, lineterminator="\n")
    for day in range(DAYS):
        date = (dt.date(1900, 1, 1) + dt.timedelta(days=day)).isoformat()
        sentence = f"On {date}, 259 people met: 132 from Shtip and 127 from Strazhitsa."
        sentences.append(sentence)
        writer.writerows(row[:5] + [date, date] + row[7:10] + [sentence] for row in meeting)
    report.write_text(report.read_text(encoding="utf-8") + "\n" + "\n".join(sentences) + "\n")
    values.write_text(text + extra.getvalue(), "utf-8")
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = many_figures(tmp_path_factory.mktemp("many") / "data")
    result = load_portfolio(folder)
    assert not result.problems, result.problems[:3]
    assert len(result.portfolio.values) > 100_000
    return folder


def _nodes(node: object):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def sent_bytes(app: AppTest) -> int:
    """The size of every element the run drew, as Streamlit sends it."""
    protos = (getattr(node, "proto", None) for node in _nodes(app._tree))
    return sum(proto.ByteSize() for proto in protos if proto is not None)


@pytest.mark.slow
def test_participants_of_one_huge_event_fit_in_a_message(monkeypatch, data_dir):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "public")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    app.run()
    app.switch_page("pages/participants/app.py").run()
    assert not app.exception, [e.value for e in app.exception]
    size = sent_bytes(app)
    print(f"the participants page drew {size:,} bytes")  # 106 MB before it was bounded
    assert size < MESSAGE_BUDGET, size

    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    drawn = sum(len(trace.get("hovertext", [])) for trace in spec["data"])
    notes = len(spec["layout"].get("annotations", []))
    assert 0 < drawn <= CHART_ROWS and notes <= CHART_ROWS
    values = load_portfolio(data_dir).portfolio.values
    figures = int((values["indicator"] == "participants").sum())
    captions = " ".join(caption.value for caption in app.caption)
    assert f"of {figures:,} figures" in captions, captions  # the chart says what it left
    assert f"Showing {TABLE_ROWS} of" in captions  # and the table
    assert len(app.dataframe[0].value) == TABLE_ROWS
