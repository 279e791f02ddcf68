"""Texts as objects another structure already holds: a column of 100,000 project or report
ids read from Arrow or pandas is 100,000 new Python texts (7 MB), and what a data version
keeps (the index's ids, the figures' projects, the reports' counts) held a copy each of the
ids the portfolio's own mappings hold. Plain Python, no Streamlit."""

from __future__ import annotations

from collections.abc import Iterable


def shared_texts(texts: Iterable[str], held: Iterable[str]) -> list[str]:
    """`texts`, each the object of `held` equal to it where `held` has one (the same values,
    in the same order)."""
    own = {text: text for text in held}
    return [own.get(text, text) for text in texts]
