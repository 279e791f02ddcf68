"""A corpus of broken inputs beyond one curator's typing mistake: files in the wrong encoding,
files far too big, nesting and alias bombs meant to exhaust a parser, spreadsheets saved the
wrong way, and the values YAML would silently change. tests/test_validator_broken_data.py holds
the everyday mistakes; these are the inputs that must never crash or hang anything either.

Each case breaks a copy of the tests' data and returns where the problem must be reported: the
file, the line (computed from the broken text, never written down; None for a whole file) and
the field, with words the message must hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from broken_data import (
    TWINNING,
    VALUES,
    append,
    csv_line,
    edit,
    first_non_ascii_line,
    line_of,
    read,
    write,
)

from lib.model.problems import MAX_FIELD, shortened

ENGLISH_REPORT = "sources/001_928e335da9f561c0.txt"  # has « » and é, which Latin-1 holds
MACEDONIAN_REPORT = "sources/002_ba9b2654a6db1fe9.txt"
WORKING_GROUPS = "myla-refugee-integration,,working-groups,,not_reported,"
EMPLOYED = "people-employed,12,exact,"
WORKING_GROUPS_QUOTE = '"Формирани се 3 работни групи во секоја општина"'


@dataclass(frozen=True)
class Where:
    file: str
    line: int | None
    field: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class BrokenInput:
    name: str
    what: str
    breaks: Callable[[Path], Where]


def where(file: str, line: int | None, field: str, *words: str) -> Where:
    return Where(file, line, field, words)


def _bytes(data: Path, file: str) -> bytes:
    return (data / file).read_bytes()


def _grow(data: Path, file: str, size: int) -> None:
    """Make `file` `size` bytes long without writing them (a sparse file: fast, no disk)."""
    with open(data / file, "r+b") as stream:
        stream.truncate(size)


def _insert_bytes(data: Path, file: str, anchor: bytes, extra: bytes) -> int:
    """Put `extra` right after the one `anchor` in `file`; return the line it is on."""
    raw = _bytes(data, file)
    assert raw.count(anchor) == 1, f"{anchor!r} occurs {raw.count(anchor)} times in {file}"
    index = raw.index(anchor) + len(anchor)
    (data / file).write_bytes(raw[:index] + extra + raw[index:])
    return raw.count(b"\n", 0, index) + 1


# --- encodings -------------------------------------------------------------------------------


def latin1_report(data: Path) -> Where:
    text = read(data, ENGLISH_REPORT)
    (data / ENGLISH_REPORT).write_bytes(text.encode("latin-1", "replace"))
    line = first_non_ascii_line(text)
    return where(ENGLISH_REPORT, line, "(encoding)", "not saved as UTF-8", "Latin-1")


def latin1_letter_in_project(data: Path) -> Where:
    line = _insert_bytes(data, TWINNING, b"status: not_stated", b" # caf\xe9")
    return where(TWINNING, line, "(encoding)", "not saved as UTF-8", "0xE9")


def latin1_space_in_csv(data: Path) -> Where:
    line = _insert_bytes(data, VALUES, b",518", b"\xa0")
    return where(VALUES, line, "(encoding)", "not saved as UTF-8", "0xA0")


def windows_1251_report(data: Path) -> Where:
    text = read(data, MACEDONIAN_REPORT)
    (data / MACEDONIAN_REPORT).write_bytes(text.encode("cp1251", "replace"))
    line = first_non_ascii_line(text)
    return where(MACEDONIAN_REPORT, line, "(encoding)", "not saved as UTF-8", "1251")


def utf16_project(data: Path) -> Where:
    (data / TWINNING).write_bytes(read(data, TWINNING).encode("utf-16"))
    return where(TWINNING, 1, "(encoding)", "UTF-16", "UTF-8")


def utf16_big_endian_places(data: Path) -> Where:
    text = read(data, "places.yaml")
    (data / "places.yaml").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    return where("places.yaml", 1, "(encoding)", "UTF-16")


def utf16_without_mark(data: Path) -> Where:
    (data / "countries.yaml").write_bytes(read(data, "countries.yaml").encode("utf-16-le"))
    return where("countries.yaml", 1, "(encoding)", "UTF-16")


def utf32_csv(data: Path) -> Where:
    (data / VALUES).write_bytes(read(data, VALUES).encode("utf-32"))
    return where(VALUES, 1, "(encoding)", "UTF-32")


def byte_order_mark_mid_file(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated", "\ufeffstatus: not_stated")
    return where(TWINNING, line, "(encoding)", "byte-order mark", "delete it")


def binary_file(data: Path) -> Where:
    raw = bytes(range(256)) * 40
    (data / "countries.yaml").write_bytes(raw)
    line = raw[: raw.index(0x80)].count(b"\n") + 1  # the first byte UTF-8 cannot start with
    return where("countries.yaml", line, "(encoding)", "not saved as UTF-8", "0x80")


def nul_in_csv_cell(data: Path) -> Where:
    line = edit(data, VALUES, EMPLOYED, "people-employed,12\x00,exact,")
    return where(VALUES, line, "value", "control character", "#x0000")


def escape_character_in_quote(data: Path) -> Where:
    line = edit(data, VALUES, WORKING_GROUPS_QUOTE, WORKING_GROUPS_QUOTE.replace(" 3 ", " 3\x1b "))
    return where(VALUES, line, "quote", "control character", "#x001B")


# --- huge files --------------------------------------------------------------------------------


def huge_project_file(data: Path) -> Where:
    _grow(data, TWINNING, 6 * 1024 * 1024)
    return where(TWINNING, None, "(file)", "larger than 5 MB")


def huge_values_file(data: Path) -> Where:
    _grow(data, VALUES, 257 * 1024 * 1024)
    return where(VALUES, None, "(file)", "larger than 256 MB")


def huge_list_file(data: Path) -> Where:
    _grow(data, "sources.yaml", 129 * 1024 * 1024)
    return where("sources.yaml", None, "(file)", "larger than 128 MB")


def long_line_in_list_file(data: Path) -> Where:
    """A list file may be large (an entry a project), but no line of it this long."""
    line = edit(data, "sources.yaml", "sources:\n", "sources:\n# " + "x" * 140_000 + "\n")
    return where("sources.yaml", line + 1, "(file)", "longer than 128 KB")


def huge_report_text(data: Path) -> Where:
    _grow(data, ENGLISH_REPORT, 6 * 1024 * 1024)
    return where(ENGLISH_REPORT, None, "(file)", "larger than 5 MB")


def huge_csv_cell(data: Path) -> Where:
    long_quote = WORKING_GROUPS_QUOTE[:-1] + "x" * 200_000 + '"'
    line = edit(data, VALUES, WORKING_GROUPS_QUOTE, long_quote)
    return where(VALUES, line, "(row)", "longer than 131,072 characters")


def huge_value_is_not_echoed_whole(data: Path) -> Where:
    line = edit(data, VALUES, EMPLOYED, "people-employed," + "1x" * 50_000 + ",exact,")
    return where(VALUES, line, "value", "(100,000 characters)", "not a whole number")


def huge_number(data: Path) -> Where:
    """100,000 digits: more than Python turns into a number (it raises an error instead)."""
    line = edit(data, VALUES, EMPLOYED, "people-employed," + "12" * 50_000 + ",exact,")
    return where(VALUES, line, "value", "(100,000 characters)", "far too large")


# --- nesting and alias bombs ---------------------------------------------------------------------


def deep_brackets(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated", "status: " + "[" * 10_000 + "]" * 10_000)
    return where(TWINNING, line, "(syntax)", "nested more than 50 levels")


def deep_blocks(data: Path) -> Where:
    nest = (
        "".join("  " * level + f"level{level}:\n" for level in range(300)) + "  " * 300 + "x: 1\n"
    )
    line = append(data, "places.yaml", nest) + 50
    field = shortened(".".join(f"level{n}" for n in range(50)), MAX_FIELD)
    return where("places.yaml", line, field, "nested more than")


def deep_list_items(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated", "status:\n  " + "- " * 2000 + "x")
    field = shortened("status" + "[1]" * 49, MAX_FIELD)
    return where(TWINNING, line + 1, field, "nested more than 50 levels")


def billion_laughs(data: Path) -> Where:
    """Ten levels of ten aliases each: 10^10 strings if any parser expanded them."""
    bomb = 'lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in range(1, 10):
        aliases = ",".join([f"*a{level - 1}"] * 10)
        bomb += f"lol{level}: &a{level} [{aliases}]\n"
    line = append(data, TWINNING, bomb)
    return where(TWINNING, line, "lol0", "anchors and aliases", "not allowed")


def quadratic_alias_blowup(data: Path) -> Where:
    """One 100 KB anchor referred to 10,000 times: a gigabyte if expanded."""
    bomb = 'note0: &big "' + "x" * 100_000 + '"\nnotes1: [' + ",".join(["*big"] * 10_000) + "]\n"
    line = append(data, TWINNING, bomb)
    return where(TWINNING, line, "note0", "anchors and aliases")


def merge_key(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated", "<<: {status: not_stated}")
    return where(TWINNING, line, "(top level)", "anchors and aliases")


def undefined_alias(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated", "status: *done")
    return where(TWINNING, line, "status", "anchors and aliases")


# --- spreadsheets saved the wrong way --------------------------------------------------------


def csv_column_missing(data: Path) -> Where:
    rows = [line.split(",", 2) for line in read(data, VALUES).split("\n")]
    write(
        data, VALUES, "\n".join(row[0] + "," + row[2] if len(row) == 3 else row[0] for row in rows)
    )
    return where(VALUES, 1, "(header)", "missing column(s): event")


def csv_column_extra(data: Path) -> Where:
    edit(data, VALUES, "source,quote\n", "source,quote,notes\n")
    return where(VALUES, 1, "(header)", "unknown column(s): notes")


def csv_cell_missing(data: Path) -> Where:
    line = edit(data, VALUES, EMPLOYED + ",,,,", EMPLOYED + ",,,")
    return where(VALUES, line, "(row)", "10 cells but the header has 11")


def csv_trailing_comma(data: Path) -> Where:
    row = csv_line(data, WORKING_GROUPS)
    edit(data, VALUES, WORKING_GROUPS_QUOTE + "\n", WORKING_GROUPS_QUOTE + ",\n")
    return where(VALUES, row, "(row)", "12 cells but the header has 11")


def csv_quotes_inside_quoted_text(data: Path) -> Where:
    line = edit(data, VALUES, WORKING_GROUPS_QUOTE, WORKING_GROUPS_QUOTE.replace(" 3 ", ' "3" '))
    return where(VALUES, line, "(row)", "cannot be read", "double quotes")


def csv_stray_quote_in_number(data: Path) -> Where:
    line = edit(data, VALUES, EMPLOYED, 'people-employed,12"",exact,')
    return where(VALUES, line, "value", "not a whole number")


def csv_header_repeated(data: Path) -> Where:
    header = read(data, VALUES).split("\n")[0]
    line = append(data, VALUES, header + "\n")
    return where(VALUES, line, "(row)", "repeats the header line")


def csv_semicolons(data: Path) -> Where:
    write(data, VALUES, read(data, VALUES).replace(",", ";"))
    return where(VALUES, 1, "(header)", "separated by semicolons")


def csv_tabs(data: Path) -> Where:
    write(data, VALUES, read(data, VALUES).replace(",", "\t"))
    return where(VALUES, 1, "(header)", "separated by tabs")


def csv_empty(data: Path) -> Where:
    write(data, VALUES, "")
    return where(VALUES, None, "(header)", "the file is empty")


def csv_duplicate_row_with_spaces(data: Path) -> Where:
    first = csv_line(data, WORKING_GROUPS)
    row = read(data, VALUES).split("\n")[first - 1]
    line = append(data, VALUES, row.replace(",working-groups,", " , working-groups , ") + "\n")
    return where(VALUES, line, "(row)", f"repeats line {first}")


def csv_old_mac_line_ends(data: Path) -> Where:
    line = edit(data, VALUES, ",518,exact,", ",519,exact,")
    (data / VALUES).write_bytes(_bytes(data, VALUES).replace(b"\n", b"\r"))
    return where(VALUES, line, "value", "519")


def csv_blank_rows_then_mistake(data: Path) -> Where:
    edit(data, VALUES, "\n" + WORKING_GROUPS, "\n\n ,, ,\n\n" + WORKING_GROUPS)
    line = edit(data, VALUES, ",working-groups,,not_reported,", ",working-groups,4,exact,")
    return where(VALUES, line, "value", "does not state the number 4")


# --- types, dates, references and YAML's silent conversions ------------------------------------


def _places(old: str, new: str, field: str, *words: str) -> Callable[[Path], Where]:
    def breaks(data: Path) -> Where:
        return where("places.yaml", edit(data, "places.yaml", old, new), field, *words)

    return breaks


def _twinning(old: str, new: str, field: str, *words: str) -> Callable[[Path], Where]:
    def breaks(data: Path) -> Where:
        return where(TWINNING, edit(data, TWINNING, old, new), field, *words)

    return breaks


def flow_duplicate_key(data: Path) -> Where:
    line = edit(data, "countries.yaml", 'names: {en: "Norway",', 'names: {en: "Norway", en: "N",')
    return where("countries.yaml", line, "countries[10].names.en", "appears twice")


def list_written_as_text(data: Path) -> Where:
    line = edit(data, TWINNING, "status: not_stated\n", "status: not_stated\nlinks: shtip\n") + 1
    return where(TWINNING, line, "links", "should be a list")


def top_level_list(data: Path) -> Where:
    write(data, "countries.yaml", "- code: BG\n")
    return where("countries.yaml", 1, "(file)", "one list named `countries:`")


def top_level_text(data: Path) -> Where:
    write(data, "countries.yaml", "countries of the projects\n")
    return where("countries.yaml", 1, "(file)", "one list named `countries:`")


def byte_order_mark_only(data: Path) -> Where:
    (data / TWINNING).write_bytes(b"\xef\xbb\xbf")
    return where(TWINNING, None, "(file)", "empty")


def misquoted_yaml_text(data: Path) -> Where:
    line = line_of(data, TWINNING, '  en: "Europe in the trap of the immigrant crisis"')
    edit(data, TWINNING, '  en: "Europe in the trap', '  en: "Europe in "the" trap')
    return where(TWINNING, line, "(syntax)")


CORPUS = [
    BrokenInput("latin1-report", "A report's text saved as Latin-1.", latin1_report),
    BrokenInput(
        "latin1-letter", "One Latin-1 é typed into a UTF-8 file.", latin1_letter_in_project
    ),
    BrokenInput("latin1-nbsp-csv", "A Latin-1 no-break space in a figure.", latin1_space_in_csv),
    BrokenInput("cp1251-report", "A Macedonian report saved as Windows-1251.", windows_1251_report),
    BrokenInput("utf16-project", "A project file saved as UTF-16.", utf16_project),
    BrokenInput(
        "utf16be-places", "places.yaml saved as big-endian UTF-16.", utf16_big_endian_places
    ),
    BrokenInput("utf16-no-bom", "UTF-16 without a byte-order mark.", utf16_without_mark),
    BrokenInput("utf32-csv", "indicator_values.csv saved as UTF-32.", utf32_csv),
    BrokenInput(
        "bom-mid-file", "A byte-order mark where two files were joined.", byte_order_mark_mid_file
    ),
    BrokenInput("binary-file", "A binary file saved under a data file's name.", binary_file),
    BrokenInput("nul-in-cell", "A NUL byte inside a figure.", nul_in_csv_cell),
    BrokenInput("escape-in-quote", "An escape character in a quote.", escape_character_in_quote),
    BrokenInput("huge-project", "A 6 MB project file.", huge_project_file),
    BrokenInput("huge-csv", "A 257 MB indicator_values.csv.", huge_values_file),
    BrokenInput("huge-list", "A 129 MB sources.yaml.", huge_list_file),
    BrokenInput("long-line", "A 140,000-character line in sources.yaml.", long_line_in_list_file),
    BrokenInput("huge-report", "A 6 MB report text.", huge_report_text),
    BrokenInput("huge-cell", "A 200,000-character quote.", huge_csv_cell),
    BrokenInput(
        "huge-value", "A 100,000-character value, not echoed whole.", huge_value_is_not_echoed_whole
    ),
    BrokenInput("huge-number", "A count of 100,000 digits.", huge_number),
    BrokenInput("deep-brackets", "10,000 nested brackets.", deep_brackets),
    BrokenInput("deep-blocks", "300 nested blocks.", deep_blocks),
    BrokenInput("deep-list", "2,000 nested list items on one line.", deep_list_items),
    BrokenInput("billion-laughs", "The billion laughs alias bomb.", billion_laughs),
    BrokenInput(
        "quadratic-alias", "One 100 KB anchor aliased 10,000 times.", quadratic_alias_blowup
    ),
    BrokenInput("merge-key", "A YAML merge key (<<).", merge_key),
    BrokenInput("undefined-alias", "An alias with no anchor.", undefined_alias),
    BrokenInput("csv-missing-column", "A column deleted from the sheet.", csv_column_missing),
    BrokenInput("csv-extra-column", "A column of notes added to the sheet.", csv_column_extra),
    BrokenInput("csv-missing-cell", "A row one cell short.", csv_cell_missing),
    BrokenInput("csv-trailing-comma", "A row with a comma at its end.", csv_trailing_comma),
    BrokenInput(
        "csv-inner-quotes", 'A quoted text with "quotes" inside.', csv_quotes_inside_quoted_text
    ),
    BrokenInput(
        "csv-stray-quote", "A stray double quote after a number.", csv_stray_quote_in_number
    ),
    BrokenInput("csv-header-repeated", "Two sheets pasted together.", csv_header_repeated),
    BrokenInput("csv-semicolons", "A sheet saved with semicolons.", csv_semicolons),
    BrokenInput("csv-tabs", "A sheet saved as tab-separated text.", csv_tabs),
    BrokenInput("csv-empty", "An empty indicator_values.csv.", csv_empty),
    BrokenInput(
        "csv-duplicate-spaced", "A row pasted twice, with spaces.", csv_duplicate_row_with_spaces
    ),
    BrokenInput("csv-mac-line-ends", "Old Mac line ends (CR only).", csv_old_mac_line_ends),
    BrokenInput("csv-blank-rows", "Blank rows, then a wrong figure.", csv_blank_rows_then_mistake),
    BrokenInput(
        "infinity",
        "A latitude written .inf.",
        _places("latitude: 41.74583", "latitude: .inf", "places[1].latitude", ".inf", "infinity"),
    ),
    BrokenInput(
        "not-a-number",
        "A latitude written .nan.",
        _places("latitude: 41.74583", "latitude: .nan", "places[1].latitude", ".nan"),
    ),
    BrokenInput(
        "float-id",
        "A GeoNames id with a decimal point.",
        _places(
            "geonames_id: 785482", "geonames_id: 785482.0", "places[1].geonames_id", "whole number"
        ),
    ),
    BrokenInput(
        "quoted-id",
        "A GeoNames id in quotes.",
        _places(
            "geonames_id: 785482", 'geonames_id: "785482"', "places[1].geonames_id", "whole number"
        ),
    ),
    BrokenInput(
        "yaml-huge-number",
        "A GeoNames id of 5,000 digits (Python refuses to read such an integer).",
        _places(
            "geonames_id: 785482",
            "geonames_id: " + "7" * 5000,
            "places[1].geonames_id",
            "5,000-character value as a number",
        ),
    ),
    BrokenInput(
        "null-status",
        "A status written ~ (YAML's null).",
        _twinning("status: not_stated", "status: ~", "status", "is empty", "completed"),
    ),
    BrokenInput(
        "quoted-boolean",
        'published written "true", in quotes.',
        _twinning("published: true", 'published: "true"', "published", "true or false"),
    ),
    BrokenInput(
        "february-29",
        "29 February of a year that is not a leap year.",
        _twinning('start: "2018-06-20"', 'start: "2019-02-29"', "events[3].start", "no day 29"),
    ),
    BrokenInput(
        "month-zero",
        "Month 00.",
        _twinning('start: "2018-06-20"', 'start: "2018-00"', "events[3].start", "no month 0"),
    ),
    BrokenInput(
        "year-zero",
        "The year 0000.",
        _twinning('start: "2018-06-20"', 'start: "0000"', "events[3].start", "year 0", "1900-2100"),
    ),
    BrokenInput(
        "far-future",
        "The year 2999.",
        _twinning('start: "2018-06-20"', 'start: "2999-06-20"', "events[3].start", "2999"),
    ),
    BrokenInput(
        "month-13-unknown-year",
        "--13: month 13 of a year not stated.",
        _twinning('start: "2018-06-20"', 'start: "--13"', "events[3].start", "no month 13"),
    ),
    BrokenInput(
        "unknown-role",
        "A place's role misspelt.",
        _twinning("    role: venue\n", "    role: venu\n", "places[3].role", "'venu'", "venue"),
    ),
    BrokenInput("flow-duplicate-key", "A key twice in a {...} block.", flow_duplicate_key),
    BrokenInput("text-for-list", "A list written as one word.", list_written_as_text),
    BrokenInput("top-level-list", "A list file without its name.", top_level_list),
    BrokenInput("top-level-text", "A list file holding one sentence.", top_level_text),
    BrokenInput("bom-only", "A project file holding only a byte-order mark.", byte_order_mark_only),
    BrokenInput(
        "yaml-inner-quotes", 'A title with "quotes" inside its quotes.', misquoted_yaml_text
    ),
]

# Inputs that look odd but lose nothing: they must load, and load whole.
ACCEPTED = {
    "double-byte-order-mark": lambda data: (data / TWINNING).write_bytes(
        b"\xef\xbb\xbf\xef\xbb\xbf" + _bytes(data, TWINNING)
    ),
    "row-of-empty-cells": lambda data: append(data, VALUES, ",,,,,,,,,,\n"),
    "unquoted-date": lambda data: edit(
        data, TWINNING, '    start: "2018-06-19"\n    end:', "    start: 2018-06-19\n    end:"
    ),
    "crlf-and-bom-csv": lambda data: (data / VALUES).write_bytes(
        b"\xef\xbb\xbf" + _bytes(data, VALUES).replace(b"\n", b"\r\n")
    ),
}
