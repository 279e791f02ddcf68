"""Tests for lib.load.yaml_reader: strict YAML reading, line numbers and curator-facing problems."""

from __future__ import annotations

import pathlib
import time

import pytest

import lib.load.yaml_reader as yaml_source
from lib.load.yaml_reader import YamlDocument, field_name, line_of, read_yaml, read_yaml_text
from lib.model.problems import Problem

NAME = "projects/test.yaml"


def read(text: str) -> YamlDocument:
    return read_yaml_text(text, NAME)


def only_problem(document: YamlDocument) -> Problem:
    assert len(document.problems) == 1, document.problems
    return document.problems[0]


# --- plain scalars ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("true", True),
        ("false", False),
        ("True", True),
        ("FALSE", False),
        ("null", None),
        ("NULL", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("42", 42),
        ("-12", -12),
        ("+7", 7),
        ("3.5", 3.5),
        ("-0.25", -0.25),
        ("1e3", 1000.0),
        ("2.5E-2", 0.025),
        ("2018-06-19", "2018-06-19"),
        ("2018-06-19 10:00:00", "2018-06-19 10:00:00"),
        ("--06", "--06"),
        ("Shtip", "Shtip"),
        ("10:70", "10:70"),
        ("0:30", "0:30"),
    ],
)
def test_plain_scalars_read_as_expected_without_problems(written: str, expected: object) -> None:
    document = read(f"value: {written}\n")
    assert document.problems == []
    assert document.value == {"value": expected}
    assert type(document.value["value"]) is type(expected)


@pytest.mark.parametrize(
    ("written", "meaning"),
    [("yes", "true"), ("NO", "false"), ("On", "true"), ("off", "false"), ("y", "true")],
)
def test_yes_no_words_are_kept_as_text_and_reported(written: str, meaning: str) -> None:
    document = read(f"title: x\npublished: {written}\n")
    assert document.value == {"title": "x", "published": written}
    problem = only_problem(document)
    assert (problem.file, problem.line, problem.field) == (NAME, 2, "published")
    assert f"YAML reads {written} as {meaning}" in problem.message
    assert "write true or false" in problem.message
    assert f'("{written}")' in problem.message


def test_n_as_a_word_is_reported() -> None:
    problem = only_problem(read("answer: n\n"))
    assert "as false" in problem.message


def test_leading_zero_is_reported_with_its_octal_reading() -> None:
    document = read("code: 01234\n")
    assert document.value == {"code": "01234"}
    problem = only_problem(document)
    assert problem.line == 1
    assert "octal number 668" in problem.message
    assert "put it in quotes" in problem.message
    assert "remove the leading zero" in problem.message


def test_leading_zero_that_is_not_octal_is_reported_too() -> None:
    problem = only_problem(read("code: 0189\n"))
    assert "189" in problem.message and "leading zero" in problem.message


@pytest.mark.parametrize(("written", "number"), [("1:30", "90"), ("190:20:30", "685230")])
def test_sexagesimal_is_reported(written: str, number: str) -> None:
    document = read(f"a: 1\nduration: {written}\n")
    assert document.value == {"a": 1, "duration": written}
    problem = only_problem(document)
    assert problem.line == 2
    assert f"as the number {number}" in problem.message
    assert "put it in quotes" in problem.message


@pytest.mark.parametrize(
    "written", ["0x1F", "0o17", "0b101", ".inf", "-.Inf", ".nan", "1_000", "1."]
)
def test_odd_numbers_are_kept_as_text_and_reported(written: str) -> None:
    document = read(f"amount: {written}\n")
    assert document.value == {"amount": written}
    problem = only_problem(document)
    assert problem.field == "amount"
    assert "write plain digits, or put it in quotes" in problem.message


def test_hex_message_says_what_yaml_would_make_of_it() -> None:
    assert "as the number 31" in only_problem(read("a: 0x1F\n")).message


@pytest.mark.parametrize(
    "written", ["'01234'", '"yes"', "'1:30'", '"0x1F"', "'true'", "''", "|\n  no\n", ">\n  01\n"]
)
def test_quoted_and_block_scalars_are_untouched_text(written: str) -> None:
    document = read(f"value: {written}\n")
    assert document.problems == []
    assert isinstance(document.value["value"], str)


def test_block_scalar_keeps_its_text() -> None:
    document = read("quote: |\n  yes\n  01234\n")
    assert document.value == {"quote": "yes\n01234\n"}


# --- tags, anchors, aliases ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("!!int 3", "!!int"),
        ("!!str yes", "!!str"),
        ("!python/object:os.system x", "!python/object:os.system"),
        ("!x [1, 2]", "!x"),
        ("!!map {a: 1}", "!!map"),
        ("! text", "!"),
    ],
)
def test_tags_are_refused(written: str, shown: str) -> None:
    document = read(f"title: t\nvalue: {written}\n")
    assert document.value == {"title": "t", "value": None}
    problem = only_problem(document)
    assert (problem.line, problem.field) == (2, "value")
    assert "tags are not allowed" in problem.message
    assert shown in problem.message


def test_anchor_and_alias_are_refused_and_never_expanded() -> None:
    document = read("base: &b\n  x: 1\ncopy: *b\nother: 2\n")
    assert document.value == {"base": None, "copy": None, "other": 2}
    assert [(p.line, p.field) for p in document.problems] == [(1, "base"), (3, "copy")]
    for problem in document.problems:
        assert "anchors and aliases (& and *) are not allowed" in problem.message
        assert "write the value out in full" in problem.message


def test_merge_key_is_refused() -> None:
    document = read("base:\n  x: 1\nevent:\n  <<: *base\n  z: 2\n")
    assert document.value == {"base": {"x": 1}, "event": {"z": 2}}
    problem = only_problem(document)
    assert (problem.line, problem.field) == (4, "event")
    assert "anchors and aliases" in problem.message


def test_undefined_alias_is_reported_as_an_alias_not_a_crash() -> None:
    problem = only_problem(read("a: *nowhere\n"))
    assert "anchors and aliases" in problem.message


def test_billion_laughs_returns_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.monotonic()
    document = read("\n".join(lines) + "\n")
    assert time.monotonic() - started < 1
    assert all(value is None for value in document.value.values())
    assert len(document.problems) == 10
    assert all("anchors and aliases" in p.message for p in document.problems)


# --- mappings and keys -----------------------------------------------------------------------


def test_duplicate_key_keeps_first_value_and_reports_second_line() -> None:
    document = read("id: x\npublished: true\n\ntitle: First\nstatus: done\ntitle: Second\n")
    assert document.value["title"] == "First"
    assert document.lines[("title",)] == 4
    problem = only_problem(document)
    assert (problem.line, problem.field) == (6, "title")
    assert "`title` appears twice in this block (first on line 4)" in problem.message
    assert "YAML would silently keep only the last one" in problem.message


def test_same_key_in_different_blocks_is_fine() -> None:
    document = read("a:\n  title: 1\nb:\n  title: 2\n")
    assert document.problems == []


def test_duplicate_key_inside_a_list_item_is_named_by_position() -> None:
    problem = only_problem(read("events:\n  - start: 2018\n    start: 2019\n"))
    assert (problem.line, problem.field) == (3, "events[1].start")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: t\n2018: x\n", 2, 'put it in quotes ("2018")'),
        ("title: t\ntrue: x\n", 2, "true or false"),
        ("title: t\n~: x\n", 2, "a name is missing"),
        ("title: t\n? [a, b]\n: x\n", 2, "cannot be used as a name"),
        ("title: t\n? {a: 1}\n: x\n", 2, "cannot be used as a name"),
        ("title: t\n'': x\n", 2, "a name is missing"),
    ],
)
def test_keys_must_be_text(text: str, line: int, words: str) -> None:
    document = read(text)
    assert document.value == {"title": "t"}
    problem = only_problem(document)
    assert problem.line == line
    assert words in problem.message


def test_quoted_number_key_is_text() -> None:
    document = read('"2018": x\n')
    assert document.problems == [] and document.value == {"2018": "x"}


def test_trap_word_as_key_is_kept_and_reported() -> None:
    document = read("no: 5\n")
    assert document.value == {"no": 5}
    assert "as false" in only_problem(document).message


# --- syntax errors ---------------------------------------------------------------------------


def test_tab_indentation_is_explained() -> None:
    document = read("title: t\nplaces:\n\t- shtip\n")
    assert document.value is None
    problem = only_problem(document)
    assert (problem.line, problem.field) == (3, "(syntax)")
    assert "tab" in problem.message and "spaces" in problem.message
    assert "cannot start any token" in problem.message


def test_colon_inside_value_is_explained() -> None:
    problem = only_problem(read("id: x\ntitle: Integration: first steps\n"))
    assert (problem.line, problem.field) == (2, "(syntax)")
    assert "double quotes" in problem.message
    assert "mapping values are not allowed here" in problem.message


def test_unclosed_quote_names_the_line_it_starts_on() -> None:
    problem = only_problem(read("id: x\ntitle: 'abc\nstatus: done\n"))
    assert problem.field == "(syntax)"
    assert problem.line == 3  # the end of the file, not past it
    assert "starts on line 2 is not closed" in problem.message


def test_bad_indentation_is_explained() -> None:
    problem = only_problem(read("a:\n  b: 1\n c: 2\n"))
    assert (problem.line, problem.field) == (3, "(syntax)")
    assert "indented" in problem.message


def test_missing_colon_names_the_line() -> None:
    problem = only_problem(read("a: 1\nb\nc: 2\n"))
    assert "line 2 is not in the form name: value" in problem.message


def test_character_that_cannot_start_a_value() -> None:
    problem = only_problem(read("a: @home\n"))
    assert (problem.line, problem.field) == (1, "(syntax)")
    assert "cannot begin with @" in problem.message and "quotes" in problem.message


def test_unclosed_bracket_is_explained() -> None:
    problem = only_problem(read("a: [1, 2\nb: 3\n"))
    assert "brackets" in problem.message and "line 1" in problem.message


def test_second_document_is_reported() -> None:
    document = read("a: 1\n---\nb: 2\n")
    assert document.value == {"a": 1}
    problem = only_problem(document)
    assert (problem.line, problem.field) == (2, "(syntax)")
    assert "more than one YAML document" in problem.message


def test_single_leading_document_marker_is_fine() -> None:
    document = read("---\na: 1\n")
    assert document.problems == [] and document.value == {"a": 1}


def test_control_character_is_reported() -> None:
    problem = only_problem(read("a: 1\nb: x\x01y\n"))
    assert (problem.line, problem.field) == (2, "(encoding)")
    assert "control character" in problem.message


# --- nesting ---------------------------------------------------------------------------------


def test_fifty_levels_are_allowed() -> None:
    document = read("[" * 50 + "1" + "]" * 50 + "\n")
    assert document.problems == []


def test_too_deep_block_nesting_is_reported() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(51)) + "  " * 51 + "x: 1\n"
    document = read(text)
    problem = only_problem(document)
    assert problem.line == 51
    assert problem.field.startswith("k0.k1.k2.")
    assert "nested more than 50 levels" in problem.message


def test_too_deep_brackets_are_reported_fast() -> None:
    started = time.monotonic()
    document = read("a: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n")
    assert time.monotonic() - started < 2
    assert document.value is None
    problem = only_problem(document)
    assert (problem.line, problem.field) == (1, "(syntax)")
    assert "nested more than 50 levels" in problem.message


def test_too_deep_list_items_are_reported_fast() -> None:
    started = time.monotonic()
    document = read("- " * 5000 + "x\n")
    assert time.monotonic() - started < 2
    assert "nested more than 50 levels" in only_problem(document).message


def test_recursion_error_is_reported_as_too_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(text: str) -> None:
        raise RecursionError

    monkeypatch.setattr(yaml_source, "_compose", explode)
    document = read("a: 1\n")
    assert document.value is None
    assert "nested more than 50 levels" in only_problem(document).message


# --- files and encodings ---------------------------------------------------------------------


def write(tmp_path: pathlib.Path, data: bytes) -> pathlib.Path:
    path = tmp_path / "file.yaml"
    path.write_bytes(data)
    return path


def test_read_yaml_reads_a_file(tmp_path: pathlib.Path) -> None:
    document = read_yaml(write(tmp_path, "title: Щип\n".encode()), NAME)
    assert document.value == {"title": "Щип"} and document.problems == []


def test_bom_is_stripped_silently(tmp_path: pathlib.Path) -> None:
    document = read_yaml(write(tmp_path, b"\xef\xbb\xbfid: x\ntitle: t\n"), NAME)
    assert document.problems == []
    assert document.value == {"id": "x", "title": "t"}
    assert document.lines[("title",)] == 2


def test_bom_in_text_is_stripped_silently() -> None:
    assert read("\ufeffid: x\n").value == {"id": "x"}


def test_cp1251_file_is_reported_at_the_line_of_the_first_bad_byte(tmp_path: pathlib.Path) -> None:
    data = "id: x\nstatus: done\ntitle: Интеграция\n".encode("cp1251")
    document = read_yaml(write(tmp_path, data), NAME)
    assert document.value is None
    problem = only_problem(document)
    assert (problem.line, problem.field) == (3, "(encoding)")
    assert "not saved as UTF-8 (byte 0xC8 on this line)" in problem.message
    assert "Windows-1251" in problem.message and "Latin-1" in problem.message
    assert "save it as UTF-8" in problem.message


def test_utf16_file_is_named_as_such(tmp_path: pathlib.Path) -> None:
    problem = only_problem(read_yaml(write(tmp_path, "a: 1\n".encode("utf-16")), NAME))
    assert (problem.line, problem.field) == (1, "(encoding)")
    assert "UTF-16" in problem.message


def test_file_over_five_megabytes_is_not_parsed(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path, b"a: 1\n" + b"#" * (5 * 1024 * 1024))
    document = read_yaml(path, NAME)
    assert document.value is None
    problem = only_problem(document)
    assert problem.line is None and "larger than 5 MB" in problem.message


def test_missing_file_is_a_problem_not_a_crash(tmp_path: pathlib.Path) -> None:
    document = read_yaml(tmp_path / "nowhere.yaml", NAME)
    assert document.value is None
    assert "missing" in only_problem(document).message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file_is_none_without_problems(text: str) -> None:
    document = read(text)
    assert document.value is None and document.problems == []
    assert document.lines == {(): 1}


# --- lines, line_of, field_name --------------------------------------------------------------

PROJECT = """\
id: shtip
title:
  en: Twinning
events:
  - name: conference
    start: 2018-06-19
  - name: debate
    start: 2018-06-20
    places: [shtip, strazhitsa]
empty:
"""


def test_line_map_covers_mapping_values_and_list_items() -> None:
    document = read(PROJECT)
    assert document.problems == []
    lines = document.lines
    assert lines[()] == 1
    assert lines[("id",)] == 1
    assert lines[("title",)] == 2
    assert lines[("title", "en")] == 3
    assert lines[("events",)] == 4
    assert lines[("events", 0)] == 5
    assert lines[("events", 0, "start")] == 6
    assert lines[("events", 1)] == 7
    assert lines[("events", 1, "start")] == 8
    assert lines[("events", 1, "places", 1)] == 9
    assert lines[("empty",)] == 10
    assert document.value["events"][1]["places"] == ["shtip", "strazhitsa"]
    assert document.value["empty"] is None


def test_line_of_falls_back_to_the_nearest_enclosing_value() -> None:
    lines = read(PROJECT).lines
    assert line_of(lines, ("events", 1, "start")) == 8
    assert line_of(lines, ("events", 1, "start", "year")) == 8
    assert line_of(lines, ("events", 7, "start")) == 4
    assert line_of(lines, ("nowhere",)) == 1
    assert line_of({}, ("a",)) is None


def test_problem_inside_a_list_names_the_item_as_a_person_counts() -> None:
    document = read("events:\n  - name: a\n  - name: b\n    published: yes\n")
    problem = only_problem(document)
    assert (problem.line, problem.field) == (4, "events[2].published")
    assert str(problem).startswith(f"{NAME}:4: events[2].published: YAML reads yes as true")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (("events", 2, "start"), "events[3].start"),
        (("title",), "title"),
        (("title", "en"), "title.en"),
        (("places", 0), "places[1]"),
        ((0, "x"), "[1].x"),
        (("a", 0, 1), "a[1][2]"),
        ((), "(top level)"),
    ],
)
def test_field_name(path: tuple[str | int, ...], name: str) -> None:
    assert field_name(path) == name
