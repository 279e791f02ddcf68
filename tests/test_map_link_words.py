"""The words under a map's line (its kind, report and quote) come from the projects' link
columns (lib/model/projects.py), not from opening each project: the columns must say what
the files say, for a snapshot as for the files, and the public must not read a withheld
sentence in a link's quote."""

from __future__ import annotations

import pytest
from audience_data import RUNS_INTO, audience_data
from fixture_data import FIXTURE_DATA_DIR

from lib.load.audience import for_audience
from lib.load.loader import load_portfolio
from lib.model.projects import parts_of
from lib.query.filters import Filters, selected_projects, selected_values
from lib.store.build import build
from lib.store.snapshot import open_snapshot
from lib.topics.map.data import map_data

TWINNING = "shtip-strazhitsa-twinning"


def lines_of(portfolio, project: str, language: str = "en"):
    filters = Filters(projects=(project,))
    ids = selected_projects(portfolio, filters)
    data = map_data(portfolio, ids, selected_values(portfolio, filters), filters, language)
    return data.linked_pairs[0]


def test_a_links_report_quote_and_reading_are_in_its_columns():
    links = parts_of(load_portfolio(FIXTURE_DATA_DIR).portfolio.projects).links
    twinning = links[links["project"] == TWINNING]
    assert twinning["kind"].tolist() == ["twinning", "travelled_to_event"]
    assert twinning["source"].tolist() == ["twinning-report-bg", "twinning-report-bg"]
    assert twinning["kind_inferred"].tolist() == [False, True]
    assert twinning["quote"].iloc[1].startswith("проектът позволи да бъдат събрани 259 граждани")
    assert twinning["note"].iloc[1].startswith("The report says")


def test_a_lines_words_say_its_kind_report_and_quote_in_each_language():
    lines = lines_of(load_portfolio(FIXTURE_DATA_DIR).portfolio, TWINNING, "mk")
    travelled = lines[lines["kind"] == "travelled_to_event"].iloc[0]
    assert travelled["kind_words"].startswith("Патување на настан (толкувањето на уредниците")
    assert travelled["quote"].startswith("проектът позволи да бъдат събрани 259 граждани")
    twinning = lines[lines["kind"] == "twinning"].iloc[0]
    assert twinning["kind_words"] == "Збратимување"
    assert "(" not in twinning["kind_words"]  # a report states it: no curators' mark


LINKED = f"""links:
  - from_place: kumanovo
    to_place: butel
    kind: network
    source: myla-results-mk
    quote: "{RUNS_INTO}"
"""


@pytest.fixture(scope="module")
def linked_folder(tmp_path_factory):
    """The audience data with a link of Myla's quoting the sentence that runs into the
    withheld small count."""
    folder = audience_data(tmp_path_factory.mktemp("linked") / "data")
    myla = folder / "projects" / "myla-refugee-integration.yaml"
    myla.write_text(myla.read_text(encoding="utf-8") + LINKED, "utf-8")
    return folder


@pytest.mark.parametrize("opened", ["files", "snapshot"])
def test_the_public_reads_no_withheld_sentence_under_a_line(linked_folder, opened):
    if opened == "files":
        portfolio = load_portfolio(linked_folder).portfolio
    else:
        built = build(linked_folder, linked_folder.parent / "cache")
        portfolio = open_snapshot(built.path, linked_folder, built.path.stem).portfolio
    board = lines_of(for_audience(portfolio, "board"), "myla-refugee-integration")
    public = lines_of(for_audience(portfolio, "public"), "myla-refugee-integration")
    assert board["quote"].tolist() == [RUNS_INTO]
    assert public["quote"].tolist() == [
        "(The sentence is withheld: it states a small count of vulnerable people.)"
    ]
    assert public["source"].tolist() == board["source"].tolist() != [""]
