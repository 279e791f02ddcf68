"""The sentences of the reports that the public may not read, because they state a small
count of vulnerable people, and the quotes that touch them.

A sentence is withheld whole, wherever it is read: in the report that a hidden figure quotes,
every sentence its quote runs over; in each translation of that report (and the original of
a translation), every sentence that states one of the hidden numbers, as the translation's
sentences cannot be matched to the original's one by one. Any other quote (a figure's, a
project's, an organisation's) that runs into a withheld sentence is withheld too: "40
volunteers took part. Among the refugees, 2" would otherwise give the 2 away.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from lib.load.quotes import states_number

Span = tuple[int, int]
# A sentence ends at . ! ? or … followed by white space (after any closing quote or
# bracket), or at a line break. Over-splitting only withholds less around a quote, never
# more than the quote's own sentences: 84.000 or 2.5 do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+|\s*\n\s*")


def sentence_spans(text: str) -> list[Span]:
    """Where each sentence of `text` starts and ends."""
    spans, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() > start:
            spans.append((start, end.start()))
        start = end.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def quote_spans(text: str, quote: str) -> list[Span]:
    """Each place `quote` stands in `text`, white space matched loosely as the validator does."""
    words = quote.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [found.span() for found in re.finditer(pattern, text)]


def _overlap(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def translation_families(translation_of: Mapping[str, str | None]) -> dict[str, set[str]]:
    """Each report's id -> the ids of the same report in every language (itself included)."""
    family: dict[str, set[str]] = {sid: {sid} for sid in translation_of}
    for sid, original in translation_of.items():
        if original in family:
            joined = family[sid] | family[original]
            for member in joined:
                family[member] = joined
    return family


def withheld_spans(
    texts: Mapping[str, str],
    hidden: Iterable[tuple[str, str, int | None]],
    families: Mapping[str, set[str]],
) -> dict[str, list[Span]]:
    """Report id -> its withheld sentences, for the hidden figures' (source, quote, number)."""
    quotes: dict[str, set[str]] = defaultdict(set)
    numbers: dict[str, set[int]] = defaultdict(set)
    for source, quote, number in hidden:
        quotes[source].add(quote)
        for member in families.get(source, {source}) - {source}:
            if number is not None:
                numbers[member].add(number)
    withheld: dict[str, set[Span]] = defaultdict(set)
    for source, said in quotes.items():
        text = texts.get(source)
        if text is None:
            continue
        sentences = sentence_spans(text)
        for quote in said:
            for place in quote_spans(text, quote):
                withheld[source] |= {s for s in sentences if _overlap(s, place)}
    for source, stated in numbers.items():
        text = texts.get(source)
        if text is None:
            continue
        for start, end in sentence_spans(text):
            if any(states_number(text[start:end], number) for number in stated):
                withheld[source].add((start, end))
    return {source: sorted(spans) for source, spans in withheld.items() if spans}


def touches(text: str | None, quote: str, spans: list[Span]) -> bool:
    """True when `quote` runs into a withheld sentence of `text` (or cannot be found in it:
    unsure, it is withheld)."""
    if not spans:
        return False
    if text is None:
        return True
    places = quote_spans(text, quote)
    return not places or any(_overlap(place, span) for place in places for span in spans)


def redacted(text: str, spans: list[Span], replacement: str) -> str:
    """`text` with each withheld sentence replaced by `replacement`."""
    parts, position = [], 0
    for start, end in spans:
        if start < position:  # spans are sentences, so they never overlap; be sure anyway
            start = position
        parts += [text[position:start], replacement]
        position = max(position, end)
    parts.append(text[position:])
    return "".join(parts)
