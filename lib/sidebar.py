"""The shared sidebar: filter widgets kept in step with the URL, so a link reproduces the view."""

from __future__ import annotations

import streamlit as st

from lib.filters import Filters, year_bounds
from lib.names import country_name, funder_name, place_name, programme_name, project_titles
from lib.portfolio import Portfolio
from lib.portfolio_index import index_of
from lib.search_select import searched
from lib.url_state import LIST_PARAMS, filters_from_params, params_from_filters

KEY = "filter."  # namespace of the filter widgets' session-state keys


def filter_options(portfolio: Portfolio) -> dict[str, list[str]]:
    """The ids each filter may take, in the order the sidebar lists them."""
    return index_of(portfolio).options


def _read_url_once(portfolio: Portfolio, options: dict[str, list[str]]) -> None:
    """On a session's first run the URL decides the widgets; after that the widgets do."""
    if st.session_state.get(KEY + "ready"):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    bounds = year_bounds(portfolio)
    filters, notices = filters_from_params(params, options, bounds)
    for field in LIST_PARAMS.values():
        st.session_state[KEY + field] = list(getattr(filters, field))
    if bounds is not None:
        st.session_state[KEY + "years"] = filters.years or bounds
    st.session_state[KEY + "notices"] = notices
    st.session_state[KEY + "ready"] = True


def current_filters(portfolio: Portfolio) -> Filters:
    """The filters as the widgets hold them; the full year range counts as no year filter."""
    years = st.session_state.get(KEY + "years")
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


def filter_sidebar(portfolio: Portfolio) -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    options = filter_options(portfolio)
    _read_url_once(portfolio, options)
    labels = {
        "countries": ("Country", lambda c: country_name(portfolio, c)),
        "cities": ("City", lambda p: place_name(portfolio, p)),
        "funders": ("Funder", lambda o: funder_name(portfolio, o)),
        "programmes": ("Programme", lambda p: programme_name(portfolio, p)),
        "projects": ("Project", project_titles(portfolio).__getitem__),
    }
    with st.sidebar:
        st.header("Filters")
        for notice in st.session_state.get(KEY + "notices", []):
            st.warning(notice)
        for field, (label, name) in labels.items():
            # a funder's thousands of projects (or hundreds of cities): searched, not listed
            chosen = st.session_state.get(KEY + field, [])
            search = KEY + field + "-search"
            offered = searched(options[field], name, search, chosen, field)
            st.multiselect(label, offered, key=KEY + field, format_func=name, placeholder="All")
        bounds = year_bounds(portfolio)
        if bounds is not None and bounds[0] < bounds[1]:
            st.slider("Years", bounds[0], bounds[1], key=KEY + "years")
    filters = current_filters(portfolio)
    _write_url(filters)
    return filters
