"""Text from the data is shown literally: the one escaping helper, on hostile text."""

import textwrap

import pytest

from lib.text.escape import html_lines, html_text, md, spreadsheet_cell

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![tracker](http://example.org/pixel.png)",
    "$5 and $10",
    ":red[x] :material/home:",
    "**bold** _it_ `code` # heading",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markdown_character_is_escaped(text):
    escaped = md(text)
    # Once every escaped character is removed, no character with a markdown meaning is left.
    bare = escaped
    for character in "<>[]()!$:*_`#":
        bare = bare.replace(f"\\{character}", "")
    assert not set("<>[]()!$:*_`#") & set(bare)


def test_plain_cyrillic_is_untouched():
    assert md("Штип и Стражица") == "Штип и Стражица"


@pytest.mark.parametrize("text", HOSTILE)
def test_chart_text_has_no_tag_left(text):
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped
    # Plotly turns the entities back into the characters when it draws the text
    entities = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}
    shown = escaped
    for entity, character in entities.items():
        shown = shown.replace(entity, character)
    assert shown == text


def test_chart_text_leaves_quotes_alone():
    assert html_text("say \"hi\" & 'bye'") == "say \"hi\" &amp; 'bye'"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1:A2)", "\t=1", "\r=1"])
def test_a_cell_a_spreadsheet_would_run_becomes_text(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Shtip", "Щип", "", " =1", 5, -5, None])
def test_other_cells_are_left_as_they_are(value):
    assert spreadsheet_cell(value) == value


@pytest.mark.parametrize(
    "text, width",
    [
        ("Shtip", 42),
        ("Strengthening local actors in the process of refugee integration", 42),
        ("  leading spaces kept by textwrap", 42),
        ("trailing space ", 42),
        ("a tab\tand a\nline break", 42),
        ("<b>Штип</b> & Strazhitsa", 12),
        ("", 5),
        (1234, 2),
    ],
)
def test_a_charts_lines_are_textwraps_escaped(text, width):
    """html_lines, whether a text fits as it is or not, gives textwrap's lines escaped."""
    expected = [html_text(line) for line in textwrap.wrap(str(text), width)] or [""]
    assert html_lines(text, width) == expected
    assert all("<b>" not in line for line in html_lines(text, width))
