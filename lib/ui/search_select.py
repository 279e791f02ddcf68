"""A select box over thousands of items (a funder's projects, its reports): searched, not listed.

Streamlit sends every option of a select box to the browser on every rerun; 10,000 project
titles are half a megabyte each time, and nobody scrolls them. Past OPTIONS items, a search
box comes first and the select box offers what matches it (and what is already chosen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from lib.text.i18n import N_, format_number, tr

# What a search box finds, by the `noun` the caller names (marked here for the catalogs).
NOUNS = {
    "countries": N_("countries"),
    "cities": N_("cities"),
    "funders": N_("funders"),
    "programmes": N_("programmes"),
    "projects": N_("projects"),
    "reports": N_("reports"),
}
OPTIONS = 300  # up to this many, a select box lists everything, as it always did


def searched(
    options: Sequence[str],
    label: Callable[[str], str],
    key: str,
    chosen: Sequence[str] = (),
    noun: str = "projects",
    language: str = "en",
) -> list[str]:
    """`options` when there are at most OPTIONS; else a search box (widget key `key`) and the
    options whose label holds what is typed in it (the first OPTIONS), after `chosen`."""
    if len(options) <= OPTIONS:
        return list(options)
    words_noun = tr(language, NOUNS.get(noun, noun))
    typed = st.text_input(
        tr(language, "Find {noun} by name", noun=words_noun),
        key=key,
        placeholder=tr(
            language,
            "{n} {noun}: type part of a name",
            n=format_number(len(options), language),
            noun=words_noun,
        ),
    )
    words = typed.casefold().split()
    found: list[str] = []
    if words:
        for option in options:
            name = label(option).casefold()
            if all(word in name for word in words):
                found.append(option)
                if len(found) == OPTIONS:
                    break
    else:
        found = list(options[:OPTIONS])
    return list(dict.fromkeys([*chosen, *found]))
