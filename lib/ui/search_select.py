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


def searched_selectbox(
    label: str,
    options: Sequence[str],
    name: Callable[[str], str],
    key: str,
    find_key: str,
    noun: str = "projects",
    language: str = "en",
    everything: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str | None:
    """A select box (widget key `key`) over `options` named by `name`, searched past OPTIONS
    (search box key `find_key`); with `everything`, its first choice is None, named so."""
    current = st.session_state.get(key)
    offered: list[str | None] = list(
        searched(options, name, find_key, [current] if current else [], noun, language)
    )
    shown_name = name
    if everything is not None:
        offered = [None, *offered]
        shown_name = lambda option: name(option) if option else everything  # noqa: E731
    # "session": a choice outlives a visit to another page, where the box is not drawn
    return st.selectbox(
        label,
        offered,
        format_func=shown_name,
        key=key,
        on_change=on_change,
        persist_state="session",
    )
