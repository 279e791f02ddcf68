"""A quote names a place or an organisation when each word of the name starts a word of the
quote (lib/load/stated.py): found by searching the quote's text, it must agree with the
definition by words, as a person would read "Европейския съюз" for "Европейски съюз"."""

import re

import pytest

from lib.load.stated import names_one_of

_WORD = re.compile(r"\w+")


def _by_words(names: list[str], quote: str) -> bool:
    """The definition: the quote split into words, each word of a name found among them."""
    words = _WORD.findall(quote.casefold())
    for name in names:
        wanted = [w for w in _WORD.findall((name or "").casefold()) if w not in ("на", "во", "of")]
        if wanted and all(
            word in words
            if len(word) <= 3
            else any(found.startswith(word[: max(4, len(word) - 2)]) for found in words)
            for word in wanted
        ):
            return True
    return False


@pytest.mark.parametrize(
    ("names", "quote", "named"),
    [
        (["Европейски съюз"], "съфинансирана от Европейския съюз", True),
        (["Stražica", "Стражица"], "127 от град Стражица (България)", True),
        (["Stražica", "Стражица"], "127 от град Стражицa", True),  # a Latin a at the end
        (["Stražica", "Стражица"], "127 от град Страж", False),
        (["ЕС"], "финансиран от ЕС.", True),
        (["ЕС"], "финансиран от ЕСФ", False),  # a short word stands whole
        (["ЕС"], "финансиран от_ЕС", False),  # an underscore is part of a word
        (["UN"], "the UN2 office", False),  # so is a digit
        (["Municipality of Innsbruck"], "the municipality of Innsbruck paid", True),
        (["Municipality of Innsbruck"], "the Innsbruck municipalities council", True),
        (["Municipality of Innsbruck"], "the Innsbruck council", False),
        (["Welcome Centre"], "a welcome-centre worker", True),
        (["Welcome Centre"], "an unwelcome centre", False),  # inside a word is not its start
        (["Straße"], "in der STRASSE", True),  # casefolded: ß is ss
        (["", "на"], "на", False),  # no word to look for
    ],
)
def test_a_quote_names_a_name_as_its_words_do(names, quote, named):
    assert names_one_of(names, quote) is named
    assert _by_words(names, quote) is named


def test_a_letter_of_a_word_is_what_the_word_pattern_takes_for_one():
    """The search tells a word's start by str.isalnum() or "_": the same as `\\w`, for every
    code point, or a name would be found where the words say it is not."""
    word = re.compile(r"\w")
    differ = [
        hex(point)
        for point in range(0x110000)
        if (word.match(chr(point)) is not None) != (chr(point).isalnum() or chr(point) == "_")
    ]
    assert differ == []
