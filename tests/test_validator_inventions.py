"""`dashboard-data validate` rejects each invention a curator could slip in (issue 18).

Each test copies data/ and makes one invention, as a curator would on a new test project's
facts, then runs the command and checks the line a curator reads: file, line, field, words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from broken_data import MYLA, TWINNING, VALUES, append, copy_data, edit, line_of

from lib.cli import main

CONNECTION = "projects/connection-network.yaml"
RSO = "projects/rso-maritsa-forums.yaml"
TWINNING_FUNDING = "    programme: efc-measure-2-1\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def rejected(data: Path, capsys, file: str, line: int, field: str, *words: str) -> str:
    """validate exits 1 and prints `file:line: field: ...` with all of `words`."""
    assert main(["validate", str(data)]) == 1
    printed = capsys.readouterr().out
    wanted = f"{file}:{line}: {field}: "
    lines = [text for text in printed.splitlines() if text.startswith(wanted)]
    assert lines, f"no line starts with {wanted!r}:\n{printed}"
    assert any(all(word in text for word in words) for text in lines), "\n".join(lines)
    return printed


def test_the_corrected_data_validates(capsys):
    assert main(["validate"]) == 0
    assert "valid. 4 projects" in capsys.readouterr().out


def test_an_invented_amount(data, capsys):
    line = edit(
        data,
        TWINNING,
        TWINNING_FUNDING,
        TWINNING_FUNDING + "    amount: {value: 25000, currency: EUR}\n",
    )
    rejected(data, capsys, TWINNING, line + 1, "funding[1].amount.value", "amount 25000", "never 0")


def test_an_invented_grant_reference(data, capsys):
    line = edit(
        data,
        TWINNING,
        TWINNING_FUNDING,
        TWINNING_FUNDING + '    grant_reference: "EACEA-2018-0042"\n',
    )
    rejected(data, capsys, TWINNING, line + 1, "funding[1].grant_reference", "EACEA-2018-0042")


def test_invented_project_dates_without_a_source(data, capsys):
    line = edit(
        data,
        TWINNING,
        "status: not_stated\n",
        'status: not_stated\nstart: "2018-06-01"\nend: "2018-12-31"\n',
    )
    printed = rejected(data, capsys, TWINNING, line + 1, "start", "no report is cited")
    assert f"{TWINNING}:{line + 2}: end: no report is cited for this date" in printed


def test_an_invented_completed_status(data, capsys):
    line = edit(data, TWINNING, "status: not_stated\n", "status: completed\n")
    rejected(data, capsys, TWINNING, line, "status", "status: completed", "status_source")


def test_a_wrong_geonames_id(data, capsys):
    # Strumica's id for Shtip: a real place, 44 km away
    line = edit(data, "places.yaml", "    geonames_id: 785482\n", "    geonames_id: 785380\n")
    rejected(data, capsys, "places.yaml", line + 1, "latitude", "km from", "do not type")


def test_a_geonames_id_that_does_not_exist(data, capsys):
    line = edit(data, "places.yaml", "    geonames_id: 785482\n", "    geonames_id: 99999999\n")
    rejected(data, capsys, "places.yaml", line, "geonames_id", "99999999", "places lookup")


def test_coordinates_typed_a_degree_off(data, capsys):
    line = edit(data, "places.yaml", "    latitude: 41.74583\n", "    latitude: 42.74583\n")
    rejected(data, capsys, "places.yaml", line, "latitude", "111 km from Shtip")


def test_an_event_date_its_quote_does_not_give(data, capsys):
    event = (
        "  - id: march-meeting\n    type: meeting\n"
        '    title: {en: "Meeting", bg: "Среща", mk: "Средба", original: en}\n'
        '    start: "2018-06-23"\n    source: twinning-report-bg\n'
        '    quote: "срещата се състоя в Стражица от 19/06/2018 г. до 22/06/2018 г."\n'
    )
    line = edit(data, TWINNING, "notes:\n", event + "notes:\n")
    rejected(data, capsys, TWINNING, line + 3, "events[6].start", "the day 23 юни")


def test_about_entered_as_exact(data, capsys):
    row = "myla-refugee-integration,myla-orientation-asylum-law,people-trained,16,approximate,"
    line = edit(data, VALUES, row, row.replace("approximate", "exact"))
    rejected(data, capsys, VALUES, line, "precision", "околу 16", "approximate")


def test_a_year_used_as_a_count(data, capsys):
    row = (
        "myla-refugee-integration,,citizens-informed,2017,exact,,,,,myla-results-mk,"
        '"Проектот започна со имплементација на 1 јануари 2017 година во 3 пилот општини"\n'
    )
    line = append(data, VALUES, row)
    rejected(data, capsys, VALUES, line, "value", "does not state the number 2017")


def test_parts_without_a_whole(data, capsys):
    row = "shtip-strazhitsa-twinning,twinning-meeting,participants,259,"
    text = (data / VALUES).read_text(encoding="utf-8")
    whole = next(line for line in text.splitlines() if line.startswith(row))
    line = edit(data, VALUES, whole + "\n", "")
    rejected(data, capsys, VALUES, line, "breakdown", "no row of the whole")


def test_a_bulgarian_letter_in_a_macedonian_text(data, capsys):
    old = '      mk: "Средба на збратимените градови Штип и Стражица"'
    line = edit(data, TWINNING, old, old.replace("Штип", "Щип"))
    rejected(data, capsys, TWINNING, line, "events[1].title.mk", "Щ", "Macedonian spelling")


def test_a_latin_name_in_a_bulgarian_field(data, capsys):
    line = edit(data, "places.yaml", '      bg: "Щип"\n', '      bg: "Shtip"\n')
    rejected(data, capsys, "places.yaml", line, "places[1].names.bg", "Cyrillic")


def test_co_funded_without_a_quote_that_says_so(data, capsys):
    line = edit(
        data, MYLA, "  - funder: group-484\n", "  - funder: group-484\n    co_funded: true\n"
    )
    rejected(data, capsys, MYLA, line + 1, "funding[2].co_funded", "co-funded")


def test_an_inference_needs_a_note(data, capsys):
    text = (data / RSO).read_text(encoding="utf-8")
    start = text.index("    note: >-\n      The report names RSO Maritsa")
    end = text.index("  - organisation: european-union")
    (data / RSO).write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(data, RSO, "  - organisation: rso-maritsa\n") + 4
    rejected(data, capsys, RSO, line, "organisations[1].inferred", "needs a `note:`")


def test_an_unnamed_partner_must_be_marked(data, capsys):
    """The municipality of Shtip as a partner, without the mark: the quote says "both
    partners" and names no municipality."""
    text = (data / TWINNING).read_text(encoding="utf-8")
    start = text.index("    inferred: [role]\n")
    end = text.index("  - organisation: municipality-strazhitsa\n")
    (data / TWINNING).write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(data, TWINNING, "  - organisation: municipality-shtip\n") + 1
    rejected(
        data, capsys, TWINNING, line, "organisations[1].role", "does not name", "inferred: [role]"
    )
