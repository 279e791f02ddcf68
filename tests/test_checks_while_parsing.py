"""The checks a first read makes while the project files are parsed (lib/load/cross_checks
check_before_projects, each chunk's projects as they come: lib/load/many_files in_any_order)
find, word for word, what the same checks made after every project is read find."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import lib.load.loader as loader
import lib.load.many_files as many_files
from lib.load.data_file import recording_digests
from lib.load.many_files import ManyFiles
from lib.load.quotes import NormalisedTexts
from lib.load.yaml_reader import read_yaml

FIXTURE = Path(__file__).parent / "data"
NETWORK = "projects/connection-network.yaml"


def _broken_copy(tmp_path: Path) -> Path:
    """The fixture with a wrong figure, a quote not in its report, a period no quote writes,
    an event and a report that do not exist, a misquoted project and one that cites a report
    sources.yaml does not list."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    values = folder / "indicator_values.csv"
    rows = list(csv.reader(io.StringIO(values.read_text(encoding="utf-8"))))
    column = {name: at for at, name in enumerate(rows[0])}
    rows[1][column["value"]] = "258"
    rows[2][column["quote"]] += " и още"
    rows[3][column["period_start"]] = "2011-03-04"
    rows[4][column["event"]] = "no-such-event"
    rows[5][column["source"]] = "no-such-report"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    values.write_text(out.getvalue(), encoding="utf-8")
    network = folder / NETWORK
    text = network.read_text(encoding="utf-8")
    text = text.replace("Севдалина Войнова представи", "Севдалина Войнова показа", 1)
    antwerp = "{place: antwerp, role: network_member, source: "
    text = text.replace(antwerp + "sda-connection-bg", antwerp + "no-such-report")
    network.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [0, 1])
def test_a_first_read_finds_what_the_checks_after_the_projects_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    folder = _broken_copy(tmp_path)
    monkeypatch.setattr(many_files, "WORKERS_FROM", 1)
    monkeypatch.setattr(many_files, "CHUNK", 1)
    monkeypatch.setattr(many_files, "_spare_cores", lambda: workers)
    while_parsing = loader.load_portfolio(folder).problems
    # No check made before the projects are read: check_portfolio makes them all after.
    monkeypatch.setattr(loader, "check_before_projects", lambda *args: None)
    after = loader.load_portfolio(folder).problems
    assert while_parsing == after
    said = {(p.file, p.line, p.field): p.message for p in while_parsing}
    assert said["indicator_values.csv", 2, "value"].startswith(
        "the quote does not state the number 258"
    )
    assert said["indicator_values.csv", 3, "quote"].startswith(
        "this quote is not in the report `twinning-report-bg`"
    )
    assert "the year 2011 of 2011-03-04" in said["indicator_values.csv", 4, "period_start"]
    assert "'no-such-event' is not an event" in said["indicator_values.csv", 5, "event"]
    assert "'no-such-report' is not an id" in said["indicator_values.csv", 6, "source"]
    assert said[NETWORK, 19, "places[1].quote"].startswith(
        "this quote is not in the report `sda-connection-bg`"
    )
    assert said[NETWORK, 20, "places[2].source"].startswith("'no-such-report' is not an id")


def test_chunks_in_any_order_are_the_files_read_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    for source in sorted((FIXTURE / "projects").glob("*.yaml")):
        for copy in range(4):
            shutil.copy(source, folder / f"{source.stem}-{copy}.yaml")
    paths = sorted(folder.glob("*.yaml"))
    with recording_digests() as in_order:
        expected = [read_yaml(path, f"projects/{path.name}").value for path in paths]
    with recording_digests() as digests:
        many = ManyFiles(paths, "projects/", workers=1, chunk=2)
        assert many._ready[-1].wait(timeout=60)  # the worker's first chunk, the last, is back
        chunks = list(many.in_any_order())
    assert sorted(index for index, _paths, _parsed in chunks) == list(range(len(paths) // 2))
    assert chunks[0][0] != 0  # a worker's chunk first: it was back before this process began
    assert many.chunks_from_workers >= 1
    values = [p.document.value for _index, _paths, parsed in sorted(chunks) for p in parsed]
    assert values == expected
    assert [path for _index, chunk, _parsed in sorted(chunks) for path in chunk] == paths
    assert list(digests.items()) == list(in_order.items())


def test_a_quote_is_in_its_report_across_line_breaks_and_spaces() -> None:
    texts = NormalisedTexts(
        {"report": "The project  ran\nfrom 2022 to 2024.\n\nIn all, 278 people took part."}
    )
    assert texts.holds("report", "In all, 278 people took part.")  # as written
    assert texts.holds("report", "ran from 2022")  # across a line break
    assert texts.holds("report", "The project ran")  # two spaces in the report
    assert texts.holds("report", " The  project\tran ")  # spaces in the quote
    assert texts.holds("report", "project ran\nfrom")
    assert not texts.holds("report", "In all, 287 people took part.")
    assert not texts.holds("report", "2024. In all,x")
    assert texts["report"] == "The project ran from 2022 to 2024. In all, 278 people took part."
