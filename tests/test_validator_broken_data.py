"""The loader and validator on broken data: one curator's mistake a case.

Each test copies data/ into a temporary folder, makes one precise edit (which must match exactly
once, so a test cannot silently test nothing), loads the folder, and checks that nothing is
loaded and that a problem names the file, the exact line and the field, in words a curator can
act on. Expected lines are computed from the edited text, never written down.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from broken_data import (
    MYLA,
    TWINNING,
    VALUES,
    append,
    assert_problem,
    copy_data,
    csv_line,
    edit,
    first_non_ascii_line,
    line_of,
    listing,
    problem_files,
    read,
    write,
)

from lib.cli import main
from lib.load.loader import data_files, load_portfolio

# Rows of indicator_values.csv, by the text they start with.
WHOLE_259 = "shtip-strazhitsa-twinning,twinning-meeting,participants,259,"
PART_SHTIP = "shtip-strazhitsa-twinning,twinning-meeting,participants,132,"
PART_STRAZHITSA = "shtip-strazhitsa-twinning,twinning-meeting,participants,127,"
BULGARIA = (
    '  - code: BG\n    names: {en: "Bulgaria", bg: "България", mk: "Бугарија", original: en}\n'
)
BELGIUM = '  - code: BE\n    names: {en: "Belgium", bg: "Белгия", mk: "Белгија", original: en}\n'
WORKING_GROUPS_ROW = (
    "myla-refugee-integration,,working-groups,,not_reported,,,,,myla-results-mk,"
    '"Формирани се 3 работни групи во секоја општина"'
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A writable copy of the tests' data folder."""
    return copy_data(tmp_path)


@dataclass(frozen=True)
class Case:
    """One mistake: replace `old` by `new` in `file`; expect a problem in `field` whose message
    has all of `words`, on the line where `new` starts, or on the line of `at` when given."""

    mistake: str
    file: str
    old: str
    new: str
    field: str
    words: tuple[str, ...]
    at: str | None = None


def case(
    name: str,
    mistake: str,
    file: str,
    old: str,
    new: str,
    field: str,
    *words: str,
    at: str | None = None,
) -> object:
    """One parametrize entry, with `name` as its test id."""
    return pytest.param(Case(mistake, file, old, new, field, words, at), id=name)


def check(data: Path, broken: Case) -> None:
    line = edit(data, broken.file, broken.old, broken.new)
    if broken.at is not None:
        line = line_of(data, broken.file, broken.at)
    try:
        assert_problem(load_portfolio(data), broken.file, line, broken.field, *broken.words)
    except AssertionError as error:
        raise AssertionError(f"{broken.mistake}\n{error}") from None


def test_the_unbroken_copy_is_valid(data: Path) -> None:
    """The starting point of every other test: the copied data loads without a problem."""
    result = load_portfolio(data)
    assert result.problems == (), listing(result.problems)
    assert result.portfolio is not None


# --- reading YAML: syntax and the values YAML would silently change --------------------------

YAML_READING = [
    case(
        "bad-indentation",
        "A line of a block is indented one space less than the lines around it.",
        TWINNING,
        "  - place: strazhitsa\n    role: venue\n",
        "  - place: strazhitsa\n   role: venue\n",
        "(syntax)",
        "not indented like the lines around it",
        at="   role: venue",
    ),
    case(
        "tab",
        "A tab instead of spaces indents a line.",
        TWINNING,
        "    role: venue\n",
        "\trole: venue\n",
        "(syntax)",
        "tab",
        "spaces",
    ),
    case(
        "colon-in-value",
        "An unquoted title contains ': '.",
        TWINNING,
        '  en: "Europe in the trap of the immigrant crisis"',
        "  en: Europe: in the trap of the immigrant crisis",
        "(syntax)",
        "colon",
        "double quotes",
    ),
    case(
        "duplicate-key",
        "A field is written twice in one block; YAML would keep only the last.",
        TWINNING,
        "status: not_stated\n",
        "status: not_stated\nstatus: ongoing\n",
        "status",
        "twice",
        "keep one",
        at="status: ongoing",
    ),
    case(
        "NO-unquoted",
        "Norway's code written as NO without quotes (YAML 1.1 reads false).",
        "countries.yaml",
        'code: "NO"',
        "code: NO",
        "countries[10].code",
        "NO",
        "false",
        '"NO"',
    ),
    case(
        "leading-zero",
        "A grant reference 01234 without quotes (YAML 1.1 reads the octal 668).",
        TWINNING,
        "    programme: efc-measure-2-1\n",
        "    programme: efc-measure-2-1\n    grant_reference: 01234\n",
        "funding[1].grant_reference",
        "01234",
        "668",
        "quotes",
        at="grant_reference: 01234",
    ),
    case(
        "sexagesimal",
        "A reference 1:30 without quotes (YAML 1.1 reads 90).",
        TWINNING,
        "    programme: efc-measure-2-1\n",
        "    programme: efc-measure-2-1\n    grant_reference: 1:30\n",
        "funding[1].grant_reference",
        "1:30",
        "90",
        "quotes",
        at="grant_reference: 1:30",
    ),
    case(
        "yes",
        "published: yes instead of true.",
        TWINNING,
        "published: true",
        "published: yes",
        "published",
        "yes",
        "true or false",
    ),
    case(
        "off",
        "published: off instead of false.",
        TWINNING,
        "published: true",
        "published: off",
        "published",
        "off",
        "true or false",
    ),
    case(
        "number-as-name",
        "A line whose name is a number.",
        TWINNING,
        "status: not_stated\n",
        "status: not_stated\n2018: the year\n",
        "2018",
        "names must be text",
        "quotes",
        at="2018: the year",
    ),
    case(
        "anchor-and-alias",
        "Bulgaria's names marked &bg and reused for Belgium with *bg.",
        "countries.yaml",
        BULGARIA + BELGIUM,
        BULGARIA.replace("names: {", "names: &bg {") + "  - code: BE\n    names: *bg\n",
        "countries[3].names",
        "anchors and aliases",
        "not allowed",
        at="names: *bg",
    ),
    case(
        "tag",
        "A value with a YAML tag (!!str).",
        TWINNING,
        "status: not_stated",
        "status: !!str not_stated",
        "status",
        "tags are not allowed",
    ),
    case(
        "second-document",
        "A second YAML document (---) pasted at the end of a file.",
        "countries.yaml",
        '    names: {en: "Norway", bg: "Норвегия", mk: "Норвешка", original: en}\n',
        '    names: {en: "Norway", bg: "Норвегия", mk: "Норвешка", original: en}\n---\n',
        "(syntax)",
        "more than one YAML document",
        at="---",
    ),
    case(
        "control-character",
        "An invisible control character pasted from a PDF.",
        TWINNING,
        "status: not_stated",
        "status: not_st\x07ated",
        "(encoding)",
        "control character",
    ),
]


@pytest.mark.parametrize("broken", YAML_READING)
def test_yaml_reading_mistakes_are_reported(data: Path, broken: Case) -> None:
    """YAML that does not parse, or that YAML would silently read as something else."""
    check(data, broken)


# --- the shape of each entry: fields, types, allowed values, dates ---------------------------

SCHEMA = [
    case(
        "month-13",
        "An event's start in month 13.",
        TWINNING,
        '    start: "2018-06-19"\n    end:',
        '    start: "2018-13-01"\n    end:',
        "events[1].start",
        "month 13",
    ),
    case(
        "february-30",
        "An event on 30 February.",
        TWINNING,
        'start: "2018-06-20"',
        'start: "2018-02-30"',
        "events[3].start",
        "2018-02-30",
        "no day 30",
    ),
    case(
        "date-with-dots",
        "A date written the local way, 20.06.2018.",
        TWINNING,
        'start: "2018-06-20"',
        'start: "20.06.2018"',
        "events[3].start",
        "not a date we can read",
        "2018-06-19",
    ),
    case(
        "misspelt-field",
        "title typed as tittle.",
        TWINNING,
        'title:\n  bg: "Европа',
        'tittle:\n  bg: "Европа',
        "tittle",
        "not a field we know",
        "`title`",
    ),
    case(
        "list-for-text",
        "A report's title written as a list.",
        "sources.yaml",
        'title: "The project « Europe in the trap of the immigrant crisis »"',
        'title: ["The project", "Europe in the trap of the immigrant crisis"]',
        "sources[2].title",
        "should be text",
    ),
    case(
        "text-for-number",
        'A latitude written as "north".',
        "places.yaml",
        "latitude: 41.74583",
        'latitude: "north"',
        "places[1].latitude",
        "should be a number",
        "north",
    ),
    case(
        "latitude-out-of-range",
        "Latitude and longitude typed the wrong way round or mistyped: 141.7.",
        "places.yaml",
        "latitude: 41.74583",
        "latitude: 141.74583",
        "places[1].latitude",
        "out of range",
        "90",
    ),
    case(
        "unknown-place-kind",
        "A place of kind town (not city, municipality or region).",
        "places.yaml",
        "  - id: shtip\n    kind: city\n",
        "  - id: shtip\n    kind: town\n",
        "places[1].kind",
        "'town' is not allowed",
        "city",
        at="kind: town",
    ),
    case(
        "city-without-coordinates",
        "A city typed in by hand without GeoNames coordinates.",
        "places.yaml",
        "    latitude: 41.74583\n    longitude: 22.19583\n",
        "",
        "places[1]",
        "needs geonames_id, latitude and longitude",
        "places add",
        at="  - id: shtip\n",
    ),
    case(
        "latitude-without-longitude",
        "Only one of the two coordinates.",
        "places.yaml",
        "    longitude: 22.19583\n",
        "",
        "places[1]",
        "both latitude and longitude",
        at="  - id: shtip\n",
    ),
    case(
        "id-with-capitals",
        "An id with a capital letter.",
        "places.yaml",
        "  - id: kumanovo\n",
        "  - id: Kumanovo\n",
        "places[3].id",
        "'Kumanovo'",
        "lower-case",
    ),
    case(
        "country-lower-case",
        "A country code in lower case.",
        "places.yaml",
        "    country: MK\n    geonames_id: 785482\n",
        "    country: mk\n    geonames_id: 785482\n",
        "places[1].country",
        "two-letter country code in capitals",
    ),
    case(
        "zero-amount",
        "A budget of 0 for an unknown amount (unknown is not zero).",
        TWINNING,
        "    programme: efc-measure-2-1\n",
        "    programme: efc-measure-2-1\n    amount: {value: 0, currency: EUR}\n",
        "funding[1].amount.value",
        "out of range",
        "at least 1",
        at="    amount:",
    ),
    case(
        "missing-source",
        "An event without its source.",
        TWINNING,
        '    part_of: twinning-meeting\n    source: twinning-report-bg\n    quote: "Денят 20',
        '    part_of: twinning-meeting\n    quote: "Денят 20',
        "events[3].source",
        "required but missing",
        at="  - id: twinning-debate\n",
    ),
]


@pytest.mark.parametrize("broken", SCHEMA)
def test_schema_mistakes_are_reported(data: Path, broken: Case) -> None:
    """A field misspelt, missing, of the wrong type or with a value that is not allowed."""
    check(data, broken)


# --- checks across entries and files in the YAML ---------------------------------------------

CROSS_CHECKS = [
    case(
        "project-end-before-start",
        "A project that ends before it starts.",
        MYLA,
        'start: "2017-01-01"\ndates_source:',
        'start: "2017-01-01"\nend: "2016-12-31"\ndates_source:',
        "end",
        "the end 2016-12-31 is before the start 2017-01-01",
        at='end: "2016-12-31"',
    ),
    case(
        "event-end-before-start",
        "An event that ends before it starts.",
        TWINNING,
        '    end: "2018-06-22"\n',
        '    end: "2018-06-18"\n',
        "events[1].end",
        "the end 2018-06-18 is before the start 2018-06-19",
    ),
    case(
        "unknown-city",
        "A project's place misspelt (shtipp).",
        TWINNING,
        "  - place: shtip\n",
        "  - place: shtipp\n",
        "places[1].place",
        "'shtipp' is not an id in places.yaml",
    ),
    case(
        "unknown-organisation",
        "A project's organisation misspelt.",
        TWINNING,
        "organisation: municipality-shtip\n",
        "organisation: municipality-shtipp\n",
        "organisations[1].organisation",
        "'municipality-shtipp' is not an id in organisations.yaml",
    ),
    case(
        "unknown-source",
        "A source id without its language suffix.",
        TWINNING,
        "    role: venue\n    source: twinning-report-bg\n",
        "    role: venue\n    source: twinning-report\n",
        "places[3].source",
        "'twinning-report' is not an id in sources.yaml",
        at="source: twinning-report\n",
    ),
    case(
        "quote-not-in-report",
        "A quote retyped with one word changed.",
        TWINNING,
        "Денят 20/06/2018 г. бе проведен дебат",
        "Денят 20/06/2018 г. беше проведен дебат",
        "events[3].quote",
        "not in the report `twinning-report-bg`",
        "copy it exactly",
    ),
    case(
        "online-event-with-place",
        "An event marked online that also has a place.",
        TWINNING,
        '    start: "2018-06-20"\n    place: strazhitsa\n',
        '    start: "2018-06-20"\n    place: strazhitsa\n    online: true\n',
        "events[3].online",
        "either online or at a place",
        at="online: true",
    ),
    case(
        "programme-funder-differs",
        "Funding whose funder is not the funder of its programme.",
        TWINNING,
        "  - funder: european-union\n",
        "  - funder: group-484\n",
        "funding[1].funder",
        "`efc-measure-2-1` is funded by `european-union`, not `group-484`",
    ),
    case(
        "unknown-part-of",
        "An event part_of a misspelt event.",
        TWINNING,
        '    start: "2018-06-20"\n    place: strazhitsa\n    part_of: twinning-meeting\n',
        '    start: "2018-06-20"\n    place: strazhitsa\n    part_of: twinning-meetin\n',
        "events[3].part_of",
        "'twinning-meetin' is not an event of this project",
        at="part_of: twinning-meetin\n",
    ),
    case(
        "unknown-event-place",
        "An event's place misspelt.",
        TWINNING,
        '    start: "2018-06-20"\n    place: strazhitsa\n',
        '    start: "2018-06-20"\n    place: strazica\n',
        "events[3].place",
        "'strazica' is not an id in places.yaml",
        at="place: strazica",
    ),
    case(
        "unknown-link-place",
        "A link on the map from a misspelt place.",
        TWINNING,
        "  - from_place: shtip\n    to_place: strazhitsa\n    kind: twinning\n",
        "  - from_place: stip\n    to_place: strazhitsa\n    kind: twinning\n",
        "links[1].from_place",
        "'stip' is not an id in places.yaml",
    ),
    case(
        "count-not-in-quote",
        "A series of 3 seminars entered as 7.",
        MYLA,
        "    count: 3\n",
        "    count: 7\n",
        "events[3].count",
        "does not state the number 7",
    ),
    case(
        "unknown-country",
        "A place in a country that countries.yaml lacks.",
        "places.yaml",
        "    country: MK\n    geonames_id: 785482\n",
        "    country: XK\n    geonames_id: 785482\n",
        "places[1].country",
        "'XK' is not an id in countries.yaml",
    ),
    case(
        "unknown-organisation-seat",
        "An organisation's seat misspelt.",
        "organisations.yaml",
        "    place: shtip\n",
        "    place: stip\n",
        "organisations[2].place",
        "'stip' is not an id in places.yaml",
    ),
    case(
        "unknown-programme-parent",
        "A measure whose parent strand is misspelt.",
        "programmes.yaml",
        "    parent: efc-strand-2\n",
        "    parent: efc-strand-3\n",
        "programmes[3].parent",
        "'efc-strand-3' is not an id in programmes.yaml",
    ),
    case(
        "unknown-translation-of",
        "A translation of a report id that does not exist.",
        "sources.yaml",
        "translation_of: twinning-report-bg",
        "translation_of: twinning-report",
        "sources[2].translation_of",
        "'twinning-report' is not an id in sources.yaml",
    ),
    case(
        "missing-report-text",
        "A report whose text file is not in sources/.",
        "sources.yaml",
        "file: 004_9431c73241a37e4f.txt",
        "file: 005_9431c73241a37e4f.txt",
        "sources[5].file",
        "there is no file sources/005_9431c73241a37e4f.txt",
    ),
]


@pytest.mark.parametrize("broken", CROSS_CHECKS)
def test_cross_checks_are_reported(data: Path, broken: Case) -> None:
    """An id that does not exist, a quote not in its report, dates out of order, and the like."""
    check(data, broken)


@pytest.mark.parametrize(
    ("file", "first", "second", "field"),
    [
        pytest.param("places.yaml", "  - id: strazhitsa\n", "  - id: kumanovo\n", "places[3].id"),
        pytest.param(
            "indicators.yaml",
            "  - code: participants\n",
            "  - code: refugees-supported\n",
            "indicators[2].code",
        ),
        pytest.param(
            "sources.yaml",
            "  - id: twinning-report-bg\n",
            "  - id: twinning-report-en\n",
            "sources[2].id",
        ),
    ],
)
def test_duplicate_id_is_reported_on_the_second(
    data: Path, file: str, first: str, second: str, field: str
) -> None:
    """Two entries given the same id: the second is reported, naming the line of the first."""
    first_line = line_of(data, file, first)
    line = edit(data, file, second, first)
    assert_problem(
        load_portfolio(data), file, line, field, "used twice", f"first in line {first_line}"
    )


def test_project_file_named_other_than_its_id(data: Path) -> None:
    """A project file renamed without changing the id inside it."""
    (data / TWINNING).rename(data / "projects/shtip-twinning.yaml")
    file = "projects/shtip-twinning.yaml"
    line = line_of(data, file, "id: shtip-strazhitsa-twinning")
    assert_problem(load_portfolio(data), file, line, "id", "must match the file name")


# --- indicator_values.csv ---------------------------------------------------------------------

CSV_CELLS = [
    case(
        "negative",
        "A negative count.",
        VALUES,
        ",518,exact,",
        ",-518,exact,",
        "value",
        "'-518' is negative",
    ),
    case(
        "words-in-count",
        "A count written with its unit, 12 people.",
        VALUES,
        "people-employed,12,exact",
        "people-employed,12 people,exact",
        "value",
        "'12 people' is not a whole number",
        "digits only",
    ),
    case(
        "thousands-separator",
        "A count written as the report writes it, 84.000.",
        VALUES,
        "citizens-informed,84000,",
        "citizens-informed,84.000,",
        "value",
        "'84.000' is not a whole number",
    ),
    case(
        "empty-exact-value",
        "An exact figure with its value left empty.",
        VALUES,
        ",518,exact,",
        ",,exact,",
        "value",
        "the value is empty",
        "not_reported",
    ),
    case(
        "value-with-not-reported",
        "A number entered for a figure marked not_reported.",
        VALUES,
        "people-trained,,not_reported",
        "people-trained,5,not_reported",
        "value",
        "not_reported",
        "left empty",
    ),
    case(
        "zero-for-unknown",
        "A 0 entered where the report gives no number.",
        VALUES,
        "memoranda,,not_reported",
        "memoranda,0,exact",
        "value",
        "does not state a zero",
        "not_reported",
    ),
    case(
        "number-not-in-quote",
        "A figure mistyped: 519 where the quote says 518.",
        VALUES,
        ",518,exact,",
        ",519,exact,",
        "value",
        "does not state the number 519",
    ),
    case(
        "misspelt-precision",
        "precision typed as aproximate.",
        VALUES,
        "84000,approximate",
        "84000,aproximate",
        "precision",
        "'aproximate' is not one of",
    ),
    case(
        "impossible-period-date",
        "A period starting in month 13.",
        VALUES,
        "participants,32,exact,,",
        "participants,32,exact,2018-13-01,",
        "period_start",
        "month 13",
    ),
    case(
        "period-end-before-start",
        "A period from April to January.",
        VALUES,
        ",518,exact,--01,--04,",
        ",518,exact,2018-04,2018-01,",
        "period_end",
        "the end 2018-01 is before the start 2018-04",
    ),
    case(
        "unknown-indicator",
        "An indicator code misspelt.",
        VALUES,
        "myla-refugee-integration,,memoranda,",
        "myla-refugee-integration,,memorandum,",
        "indicator",
        "'memorandum' is not an id in indicators.yaml",
    ),
    case(
        "unknown-project",
        "A project id shortened.",
        VALUES,
        "myla-refugee-integration,,memoranda,",
        "myla-refugee,,memoranda,",
        "project",
        "'myla-refugee' is not an id in projects/",
    ),
    case(
        "unknown-event",
        "An event id shortened.",
        VALUES,
        ",myla-seminar-mlsp,participants,",
        ",myla-seminar,participants,",
        "event",
        "'myla-seminar' is not an event of the project `myla-refugee-integration`",
    ),
    case(
        "event-of-another-project",
        "An event id of another project.",
        VALUES,
        ",myla-seminar-mlsp,participants,",
        ",twinning-meeting,participants,",
        "event",
        "'twinning-meeting' is not an event of the project `myla-refugee-integration`",
    ),
    case(
        "unknown-place",
        "A part's city misspelt.",
        VALUES,
        ",2018-06-22,shtip,origin_city,",
        ",2018-06-22,stip,origin_city,",
        "place",
        "'stip' is not an id in places.yaml",
    ),
    case(
        "origin-city-without-place",
        "A part by origin city with the city left out.",
        VALUES,
        ",2018-06-22,shtip,origin_city,",
        ",2018-06-22,,origin_city,",
        "place",
        "needs the city in place",
    ),
    case(
        "unknown-breakdown",
        "A breakdown other than origin_city.",
        VALUES,
        ",2018-06-22,shtip,origin_city,",
        ",2018-06-22,shtip,city,",
        "breakdown",
        "'city' is not one of",
    ),
    case(
        "unknown-source",
        "A source id misspelt.",
        VALUES,
        "people-employed,12,exact,,,,,myla-results-mk,",
        "people-employed,12,exact,,,,,myla-result,",
        "source",
        "'myla-result' is not an id in sources.yaml",
    ),
    case(
        "empty-source",
        "A row without its source.",
        VALUES,
        "people-employed,12,exact,,,,,myla-results-mk,",
        "people-employed,12,exact,,,,,,",
        "source",
        "empty but is required",
    ),
    case(
        "quote-not-in-report",
        "A quote with one word changed.",
        VALUES,
        "Семинарот имаше 32 учесници.",
        "Семинарот имаше 32 учесника.",
        "quote",
        "not in the report `myla-results-mk`",
    ),
    case(
        "unquoted-comma",
        "A quote with a comma, not in double quotes: one cell too many.",
        VALUES,
        '"Формирани се 3 работни групи во секоја општина"',
        "Формирани се 3 работни групи, во секоја општина",
        "(row)",
        "12 cells but the header has 11",
        "double quotes",
    ),
    case(
        "misspelt-column",
        "A column name misspelt in the header.",
        VALUES,
        "project,event,indicator,value,",
        "project,event,indicater,value,",
        "(header)",
        "missing column(s): indicator",
        "unknown column(s): indicater",
    ),
]


@pytest.mark.parametrize("broken", CSV_CELLS)
def test_csv_mistakes_are_reported(data: Path, broken: Case) -> None:
    """A figure's row with a wrong cell, a wrong reference, or a broken header or row."""
    check(data, broken)


def test_parts_not_adding_up_to_their_whole(data: Path) -> None:
    """One part of 259 = 132 + 127 mistyped as 133: reported on the whole, naming both parts."""
    whole, first, second = (csv_line(data, row) for row in (WHOLE_259, PART_SHTIP, PART_STRAZHITSA))
    edit(data, VALUES, PART_SHTIP, PART_SHTIP.replace(",132,", ",133,"))
    assert_problem(
        load_portfolio(data),
        VALUES,
        whole,
        "value",
        f"the parts on lines {first}, {second} add up to 133 + 127 = 260, not 259",
    )


def test_duplicated_csv_row(data: Path) -> None:
    """The same figure pasted twice."""
    original = line_of(data, VALUES, WORKING_GROUPS_ROW)
    line = append(data, VALUES, WORKING_GROUPS_ROW + "\n")
    assert_problem(load_portfolio(data), VALUES, line, "(row)", f"repeats line {original}")


def test_csv_error_on_the_right_line_after_blank_lines_and_windows_line_ends(data: Path) -> None:
    """A spreadsheet saved with CRLF line ends and blank rows; a figure mistyped below them."""
    edit(
        data,
        VALUES,
        "\nmyla-refugee-integration,,assessments,",
        "\n\n\nmyla-refugee-integration,,assessments,",
    )
    line = edit(data, VALUES, ",518,exact,", ",519,exact,")
    write(data, VALUES, read(data, VALUES).replace("\n", "\r\n"))
    assert_problem(load_portfolio(data), VALUES, line, "value", "519")


# --- whole files: missing, empty, encodings ---------------------------------------------------


@pytest.mark.parametrize("file", ["countries.yaml", VALUES])
def test_missing_file(data: Path, file: str) -> None:
    """A data file deleted or not copied: reported for the whole file (no line)."""
    (data / file).unlink()
    assert_problem(load_portfolio(data), file, None, "(file)", "missing from the data folder")


def test_empty_project_file(data: Path) -> None:
    """A new project file saved before anything was written in it."""
    write(data, TWINNING, "# to do\n")
    assert_problem(load_portfolio(data), TWINNING, None, "(file)", "empty")


@pytest.mark.parametrize("file", [VALUES, TWINNING])
def test_file_saved_as_windows_1251(data: Path, file: str) -> None:
    """A file saved as Windows-1251 instead of UTF-8: the line of the first bad byte is named."""
    text = read(data, file)
    (data / file).write_bytes(text.encode("cp1251"))
    line = first_non_ascii_line(text)
    assert_problem(load_portfolio(data), file, line, "(encoding)", "not saved as UTF-8", "1251")


@pytest.mark.parametrize(
    "file", [VALUES, "places.yaml", TWINNING, "sources/000_cc207db102143d95.txt"]
)
def test_utf8_byte_order_mark_is_accepted(data: Path, file: str) -> None:
    """Not a mistake: Windows editors and Excel start UTF-8 files with a byte-order mark."""
    path = data / file
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = load_portfolio(data)
    assert result.problems == (), listing(result.problems)
    assert result.portfolio is not None


# --- the command line, several files at once, nothing half-loaded -----------------------------


def test_validate_command_exits_1_and_prints_file_line_field(data: Path, capsys) -> None:
    """The curator runs `dashboard-data validate` on data with a mistyped figure."""
    line = edit(data, VALUES, ",518,exact,", ",519,exact,")
    assert main(["validate", str(data)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"{VALUES}:{line}: value: the quote does not state the number 519")
    assert printed[-1] == f"1 problem in {data}; nothing was loaded."


def test_one_run_reports_problems_in_several_files(data: Path) -> None:
    """Three mistakes in three files: one run lists all three, each at its own line."""
    edit(data, "places.yaml", "  - id: shtip\n    kind: city\n", "  - id: shtip\n    kind: town\n")
    place = line_of(data, "places.yaml", "kind: town")
    start = edit(
        data, TWINNING, '    start: "2018-06-19"\n    end:', '    start: "2018-13-01"\n    end:'
    )
    count = edit(data, VALUES, "people-employed,12,exact", "people-employed,12 people,exact")
    result = load_portfolio(data)
    assert_problem(result, "places.yaml", place, "places[1].kind", "'town'")
    assert_problem(result, TWINNING, start, "events[1].start", "month 13")
    assert_problem(result, VALUES, count, "value", "'12 people'")
    assert problem_files(result) == {"places.yaml", TWINNING, VALUES}, listing(result.problems)


def test_nothing_is_half_loaded(data: Path) -> None:
    """One figure wrong in one file: no portfolio at all, not the other files without it."""
    line = edit(data, VALUES, ",518,exact,", ",519,exact,")
    result = load_portfolio(data)
    assert result.portfolio is None
    assert [(p.file, p.line, p.field) for p in result.problems] == [(VALUES, line, "value")]
    assert result.files_read == len(data_files(data))


# --- mistakes that once slipped through or were badly placed ------------------------------------


def test_duplicate_event_id_in_a_project(data: Path) -> None:
    """An event copied and its id left unchanged: figures for it would be ambiguous."""
    line = edit(data, TWINNING, "  - id: twinning-debate\n", "  - id: twinning-conference\n")
    assert_problem(load_portfolio(data), TWINNING, line, "events[3].id", "twice")


def test_event_part_of_itself(data: Path) -> None:
    """An event whose part_of names its own id instead of the larger event."""
    debate = '    start: "2018-06-20"\n    place: strazhitsa\n    part_of: twinning-meeting\n'
    edit(data, TWINNING, debate, debate.replace("twinning-meeting", "twinning-debate"))
    line = line_of(data, TWINNING, "part_of: twinning-debate")
    assert_problem(load_portfolio(data), TWINNING, line, "events[3].part_of", "itself")


def test_field_indented_into_the_block_above(data: Path) -> None:
    """`status` indented two spaces, so YAML puts it inside the summary block."""
    line = edit(data, TWINNING, "status: not_stated\n", "  status: not_stated\n")
    problem = assert_problem(load_portfolio(data), TWINNING, line, "summary.status", "indent")
    assert "did you mean `status`" not in problem.message


def test_two_project_files_with_one_id(data: Path) -> None:
    """A project file copied as a template and its id not changed yet."""
    shutil.copyfile(data / TWINNING, data / "projects/new-project.yaml")
    line = line_of(data, TWINNING, "id: shtip-strazhitsa-twinning")
    assert_problem(
        load_portfolio(data), TWINNING, line, "id", "used twice", "projects/new-project.yaml"
    )


def test_misspelt_list_name_is_reported_on_its_line(data: Path) -> None:
    """`places:` typed as `place:` at the top of places.yaml."""
    line = edit(data, "places.yaml", "places:\n  - id: shtip\n", "place:\n  - id: shtip\n")
    result = load_portfolio(data)
    found = [p for p in result.problems if (p.file, p.line) == ("places.yaml", line)]
    assert found, listing(result.problems)
    assert found[0].field in ("place", "(file)")
    assert "places" in found[0].message


def test_csv_row_with_a_line_break_in_its_quote(data: Path) -> None:
    """A quote pasted with its line break, in a row whose indicator is misspelt."""
    line = edit(
        data,
        VALUES,
        WORKING_GROUPS_ROW,
        WORKING_GROUPS_ROW.replace(",working-groups,", ",working-group,").replace(
            "групи во", "групи\nво"
        ),
    )
    assert_problem(load_portfolio(data), VALUES, line, "indicator", "'working-group'")


def test_csv_quote_not_closed(data: Path) -> None:
    """A quote whose closing double quote was deleted."""
    line = edit(data, VALUES, WORKING_GROUPS_ROW, WORKING_GROUPS_ROW.removesuffix('"'))
    assert_problem(load_portfolio(data), VALUES, line, "(row)", "quotes")


def test_csv_rows_after_an_unreadable_row_are_checked(data: Path) -> None:
    """A quote not closed, and a figure mistyped further down: both must be listed."""
    edit(data, VALUES, WORKING_GROUPS_ROW, WORKING_GROUPS_ROW.removesuffix('"'))
    line = edit(data, VALUES, ",518,exact,", ",519,exact,")
    assert_problem(load_portfolio(data), VALUES, line, "value", "519")


def test_csv_saved_as_utf16(data: Path) -> None:
    """indicator_values.csv saved by a spreadsheet as 'Unicode' (UTF-16)."""
    path = data / VALUES
    path.write_bytes(read(data, VALUES).encode("utf-16"))
    problem = assert_problem(load_portfolio(data), VALUES, 1, "(encoding)", "UTF-16")
    assert "1251" not in problem.message


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        pytest.param(TWINNING, "    role: venue\n", "\trole: venue\n", id="project-file"),
        pytest.param(
            "places.yaml",
            "  - id: shtip\n    kind: city\n",
            "  - id: shtip\n\tkind: city\n",
            id="places.yaml",
        ),
    ],
)
def test_unreadable_file_is_not_blamed_on_the_files_that_refer_to_it(
    data: Path, file: str, old: str, new: str
) -> None:
    """A tab in one file: only that file is listed, not every row and entry naming its ids."""
    edit(data, file, old, new)
    line = line_of(data, file, "\t")
    result = load_portfolio(data)
    assert_problem(result, file, line, "(syntax)", "tab")
    assert problem_files(result) == {file}, listing(result.problems)
