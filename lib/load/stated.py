"""Does a quote state this? A name (of a place or an organisation, as any language writes it),
an approximation before a number, a currency, a co-funding."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lib.load.date_words import without_dates
from lib.load.quotes import NUMBER_WORDS

_WORD = re.compile(r"\w+")
_THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f ](?=\d{3}\b)")

# Words that make a number approximate, in the three languages: whole words, word stems
# ("approximately", "приблизително", "приближно" and their forms), and two-word phrases.
APPROXIMATE_WORDS = frozenset(
    ("about", "around", "roughly", "nearly", "almost", "some", "over",
     "около", "околу", "над", "почти", "речиси", "близо")
)  # fmt: skip
APPROXIMATE_STEMS = ("approx", "приблизит", "приблизн", "приближн")
APPROXIMATE_PAIRS = (("more", "than"), ("повече", "от"), ("повеќе", "од"), ("up", "to"))

CO_FUNDED = re.compile(r"съфинанс|кофинанс|софинанс|co-?fund|co-?financ", re.IGNORECASE)

# How the reports may write a currency besides its ISO code.
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "EUR": ("€", "евро", "euro"),
    "BGN": ("лв", "лева", "лев", "lev", "leva"),
    "MKD": ("ден", "денар", "denar"),
    "USD": ("$", "долар", "dollar"),
    "NOK": ("крон", "krone", "kroner"),
    "SEK": ("крон", "krona", "kronor"),
    "GBP": ("£", "pound", "фунт"),
    "CHF": ("франк", "franc"),
}


@lru_cache(maxsize=8192)
def _words(quote: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(quote.casefold()))


def names_one_of(names: Iterable[str], quote: str) -> bool:
    """True when the quote writes one of `names`, allowing for the endings Bulgarian and
    Macedonian add ("Европейски съюз" in "Европейския съюз"): each word of the name longer than
    three letters must start a word of the quote with all but its last two letters; shorter
    words (ЕС, ООН, на) must stand as whole words."""
    folded = quote.casefold()
    return any(_names(name, folded) for name in names if name)


@lru_cache(maxsize=8192)  # a portfolio names its few thousand places and organisations often
def _wanted(name: str) -> tuple[tuple[str, bool], ...]:
    """The name's words as the quote must write them: each a start of a word (all but the last
    two letters of a long word) or, for a short word, a whole word (True)."""
    words = [word for word in _WORD.findall(name.casefold()) if word not in ("на", "во", "of")]
    return tuple(
        (word, True) if len(word) <= 3 else (word[: max(4, len(word) - 2)], False) for word in words
    )


def _names(name: str, folded: str) -> bool:
    wanted = _wanted(name)
    if not wanted:
        return False
    return all(_starts_a_word(folded, part, whole) for part, whole in wanted)


def _starts_a_word(folded: str, part: str, whole: bool) -> bool:
    """True when `part` (letters of one word) starts a word of `folded`, as `_WORD` splits it
    into words, and when `whole`, is that whole word. A search of the text for `part`, not a
    split of every quote into its words: most names are of another language than their quote,
    and their first word is not found at all. A letter of a word is what `_WORD` takes for
    one: str.isalnum() or "_" (the same for every code point: tests/test_stated_names.py)."""
    at = folded.find(part)
    while at >= 0:
        before = folded[at - 1] if at else " "
        if not (before.isalnum() or before == "_"):
            end = at + len(part)
            after = folded[end] if end < len(folded) else " "
            if not whole or not (after.isalnum() or after == "_"):
                return True
        at = folded.find(part, at + 1)
    return False


def approximation_before(quote: str, value: int) -> str | None:
    """The word that makes `value` approximate in the quote ("Около 16", "more than 40"), or
    None. Only the three words before the number count: "над" elsewhere means "on"."""
    words = _words(_THOUSANDS.sub("", without_dates(quote)))
    spellings = {str(value), *NUMBER_WORDS.get(value, ())}
    for index, word in enumerate(words):
        if word not in spellings:
            continue
        before = words[max(0, index - 3) : index]
        for position, candidate in enumerate(before):
            if _approximate(candidate):
                return candidate
            pair = tuple(before[position : position + 2])
            if pair in APPROXIMATE_PAIRS:
                return " ".join(pair)
    return None


def _approximate(word: str) -> bool:
    return word in APPROXIMATE_WORDS or word.startswith(APPROXIMATE_STEMS)


def states_currency(quote: str, currency: str) -> bool:
    folded = quote.casefold()
    if re.search(rf"(?<![a-z]){currency.casefold()}(?![a-z])", folded):
        return True
    return any(word in folded for word in CURRENCY_WORDS.get(currency, ()))


def states_text(quote: str, text: str) -> bool:
    """True when `text` (a grant reference) is in the quote, ignoring case and white space."""
    return " ".join(text.casefold().split()) in " ".join(quote.casefold().split())
