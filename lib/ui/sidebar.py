"""The shared sidebar: filter widgets kept in step with the URL, so a link reproduces the view."""

from __future__ import annotations

import streamlit as st

from lib.model.portfolio import Portfolio
from lib.query.filters import Filters, year_bounds
from lib.query.index import index_of
from lib.query.names import country_name, funder_name, place_name, programme_name, project_titles
from lib.text.i18n import tr
from lib.ui.focus_ring import visible_focus_ring
from lib.ui.search_select import searched
from lib.ui.url_state import LIST_PARAMS, filters_from_params, params_from_filters
from lib.ui.widget_ids import entry_script_ids

KEY = "filter."  # namespace of the filter widgets' session-state keys


def filter_options(portfolio: Portfolio) -> dict[str, list[str]]:
    """The ids each filter may take, in the order the sidebar lists them."""
    return index_of(portfolio).options


def _option_names(portfolio: Portfolio, language: str) -> dict[str, dict[str, str]]:
    """Each filter's options by name, written once per data version and language: the lists
    show up to a few hundred names, asked for again on every rerun."""

    def written() -> dict[str, dict[str, str]]:
        options = filter_options(portfolio)
        names = {"projects": project_titles(portfolio, language)}
        for field, name in (
            ("countries", country_name),
            ("cities", place_name),
            ("funders", funder_name),
            ("programmes", programme_name),
        ):
            names[field] = {option: name(portfolio, option, language) for option in options[field]}
        return names

    return index_of(portfolio).once(("filter option names", language), written)


def _read_url_once(portfolio: Portfolio, options: dict[str, list[str]], language: str) -> None:
    """On a session's first run the URL decides the widgets; after that the widgets do."""
    if st.session_state.get(KEY + "ready"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    bounds = year_bounds(portfolio)
    filters, notices = filters_from_params(params, options, bounds, language)
    for field in LIST_PARAMS.values():
        st.session_state[KEY + field] = list(getattr(filters, field))
    if bounds is not None:
        st.session_state[KEY + "years"] = filters.years or bounds
    st.session_state[KEY + "notices"] = notices
    st.session_state[KEY + "ready"] = True


def _rename_chips_on_language_change(language: str) -> None:
    """After a language switch, send the chosen values to the browser again.

    Streamlit 1.67's multiselect keeps its choices in the browser as their shown names, and a
    label change does not make it a new widget (its key is its identity). Left alone, the
    browser keeps showing "North Macedonia" on a Bulgarian page and sends that name back on the
    next run, where no Bulgarian option has it: the choice was dropped on the next page.
    Setting a widget's value through session state makes Streamlit send it again, named by the
    new language. Read before the widgets are drawn, so the old names still resolve.
    """
    drawn_in = st.session_state.get(KEY + "language")
    st.session_state[KEY + "language"] = language
    if drawn_in is None or drawn_in == language:
        return
    for field in LIST_PARAMS.values():
        if KEY + field in st.session_state:
            st.session_state[KEY + field] = list(st.session_state[KEY + field])


def current_filters(portfolio: Portfolio) -> Filters:
    """The filters as the widgets hold them; the full year range counts as no year filter."""
    years = st.session_state.get(KEY + "years")
    if not isinstance(years, tuple | list) or len(years) != 2:
        years = None  # a client that sent a single year, or none, for the range
    bounds = year_bounds(portfolio)
    return Filters(
        **{field: tuple(st.session_state.get(KEY + field, ())) for field in LIST_PARAMS.values()},
        years=tuple(years) if years is not None and tuple(years) != bounds else None,
    )


def _write_url(filters: Filters) -> None:
    """Page switches clear the URL's parameters, so every run writes them back."""
    wanted = params_from_filters(filters)
    kept = {k: st.query_params.get_all(k) for k in st.query_params if k not in _OWN_PARAMS}
    if {k: [v] for k, v in wanted.items()} | kept != {
        k: st.query_params.get_all(k) for k in st.query_params
    }:
        st.query_params.from_dict(kept | wanted)


_OWN_PARAMS = set(LIST_PARAMS) | {"from", "to"}


def filter_sidebar(portfolio: Portfolio, language: str = "en") -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    visible_focus_ring()
    options = filter_options(portfolio)
    _read_url_once(portfolio, options, language)
    _rename_chips_on_language_change(language)
    names = _option_names(portfolio, language)
    labels = {
        field: (tr(language, label), names[field].__getitem__)
        for field, label in (
            ("countries", "Country"),
            ("cities", "City"),
            ("funders", "Funder"),
            ("programmes", "Programme"),
            ("projects", "Project"),
        )
    }
    with entry_script_ids(), st.sidebar:
        st.header(tr(language, "Filters"))
        for notice in st.session_state.get(KEY + "notices", []):
            st.warning(notice)
        for field, (label, name) in labels.items():
            # a funder's thousands of projects (or hundreds of cities): searched, not listed
            chosen = st.session_state.get(KEY + field, [])
            search = KEY + field + "-search"
            offered = searched(options[field], name, search, chosen, field, language)
            st.multiselect(
                label,
                offered,
                key=KEY + field,
                format_func=name,
                placeholder=tr(language, "All"),
                select_all=False,  # its button is labelled in English only
            )
        bounds = year_bounds(portfolio)
        if bounds is not None and bounds[0] < bounds[1]:
            years = st.session_state.get(KEY + "years")
            if not isinstance(years, tuple | list) or len(years) != 2:
                # A client that sends no range for the slider (not a browser) would turn it
                # into a one-year slider: keep it a range.
                st.session_state[KEY + "years"] = bounds
            st.slider(tr(language, "Years"), bounds[0], bounds[1], key=KEY + "years")
    filters = current_filters(portfolio)
    _write_url(filters)
    return filters
