"""Compare a curator's quote with its report, and find a number in a quote."""

from __future__ import annotations

import re
from functools import lru_cache

from lib.load.date_words import without_dates

# Small numbers the reports write as words (bg, mk, en); a figure must be stated in its quote.
NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    0: ("нула", "zero", "none", "no"),
    1: ("един", "една", "едно", "еден", "one"),
    2: ("два", "две", "двата", "двете", "двајца", "two", "both"),
    3: ("три", "трите", "трима", "тројца", "three"),
    4: ("четири", "четирите", "four"),
    5: ("пет", "петте", "five"),
    6: ("шест", "шестте", "six"),
    7: ("седем", "седум", "seven"),
    8: ("осем", "осум", "eight"),
    9: ("девет", "nine"),
    10: ("десет", "ten"),
    11: ("единадесет", "единаесет", "eleven"),
    12: ("дванадесет", "дванаесет", "twelve"),
}


def normalise(text: str) -> str:
    """Runs of white space as one space, so a quote copied across a line break still matches."""
    return " ".join(text.split())  # split() breaks at exactly the characters \s matches


_THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f ](?=\d{3}\b)")
# A whole number standing alone: not part of a longer one, nor of a decimal (1.5, 3,25).
# It looks at the character it reads before looking behind: `re` leaves most places at once.
_WHOLE_NUMBER = re.compile(r"(?=\d)(?<![\d.,])\d+(?![\d]|[.,]\d)")
_WORD = re.compile(r"\w+")


def states_number(quote: str, value: int) -> bool:
    """True when the quote writes `value`, as digits (84000, 84.000, 84,000, 84 000) or a word;
    a year or a day of a date in the quote ("12 March 2019") is not a count."""
    quote = without_dates(quote)
    if str(value) in _numbers_in(quote):
        return True
    words = _WORD.findall(quote.casefold())
    return any(word in words for word in NUMBER_WORDS.get(value, ()))


@lru_cache(maxsize=4096)  # a whole and its parts by city share one quote
def _numbers_in(quote: str) -> frozenset[str]:
    return frozenset(_WHOLE_NUMBER.findall(_THOUSANDS.sub("", quote)))


class NormalisedTexts(dict):
    """Each report's text normalised (`normalise`), worked out when first asked for:
    a rebuild that checks one project's quotes normalises its reports only."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts
        self._read: dict[str, str] = {}  # texts as read, asked for and not normalised (yet)

    def __contains__(self, key: object) -> bool:
        return key in self._texts

    def holds(self, key: str, quote: str) -> bool:
        """True when the report `key` holds the quote, white space normalised on both sides.
        A quote that normalise leaves as it is and that is in the text as read is in the
        normalised text too (each of its spaces stands between two other characters, as in
        the text): most are, and then the text is not normalised at all."""
        normalised = normalise(quote)
        made = dict.get(self, key)
        if made is not None:
            return normalised in made
        if normalised == quote:
            read = self._read.get(key)
            if read is None:  # a text known unchanged is unpacked once (known_files)
                read = self._read[key] = self._texts[key]
            if quote in read:
                return True
        return normalised in self[key]

    def __missing__(self, key: str) -> str:
        read = self._read.pop(key, None)
        self[key] = normalised = normalise(self._texts[key] if read is None else read)
        return normalised
