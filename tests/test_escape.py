"""Text from the data is shown literally: the one escaping helper, on hostile text."""

import pytest

from lib.escape import md

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
