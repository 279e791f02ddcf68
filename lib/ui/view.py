"""What every page starts from: the loaded data and the filters the sidebar holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd
import streamlit as st

from lib.model.portfolio import Portfolio
from lib.query.filters import (
    FigureRows,
    Filters,
    city_unattributed,
    selected_figures,
    selected_ids,
    selected_values,
    year_unstated,
)
from lib.query.index import index_of
from lib.query.names import filters_in_words
from lib.text.escape import md
from lib.text.i18n import format_number, ntr, tr
from lib.ui.app_data import load_for_app
from lib.ui.board_download import board_pack_download
from lib.ui.language import current_language, page_language_buttons
from lib.ui.sidebar import current_filters

T = TypeVar("T")


@dataclass(frozen=True)
class View:
    portfolio: Portfolio
    filters: Filters
    project_ids: tuple[str, ...]  # the index's own tuple (filters.selected_ids)
    language: str = "en"

    @property
    def figures(self) -> FigureRows:
        """The selected figures as positions among the index's (filters.selected_figures)."""
        return selected_figures(self.portfolio, self.filters)

    @property
    def values(self) -> pd.DataFrame:
        """The selected figures' rows (filters.selected_values), taken only when a page asks:
        the pages that need a few columns work from `figures` instead."""
        return selected_values(self.portfolio, self.filters)


def current_view() -> View:
    """The data and filters of this run (the router has already checked the data loads)."""
    portfolio = load_for_app().portfolio
    filters = current_filters(portfolio)
    return View(
        portfolio=portfolio,
        filters=filters,
        project_ids=selected_ids(portfolio, filters),
        language=current_language(),
    )


def derived(view: View, name: str, build: Callable[[], T], per_filters: bool = True) -> T:
    """`build()`, once per data version, filters and language (or, with `per_filters`
    False, once per data version and language, kept apart from the filters' results by
    `PortfolioIndex.once`): what a page works out from the view (its frames, a chart) is kept
    with the portfolio's index, so a rerun that changes nothing redoes nothing. `build` may
    read only the view; nobody may change its result."""
    index = index_of(view.portfolio)
    if not per_filters:
        return index.once((name, view.language), build)
    return index.remember((name, view.filters, view.language), build)


def page_header(view: View, title: str) -> None:
    """The page title and the active filters in words (boards read them off the screen)."""
    language = view.language
    st.title(title)
    page_language_buttons(language)
    words = filters_in_words(view.portfolio, view.filters, language)
    st.caption(
        tr(
            language,
            "Showing: {filters} — {shown} of {total} projects",
            filters=md(words),  # names from the data, in a markdown caption
            shown=format_number(len(view.project_ids), language),
            total=format_number(len(view.portfolio.projects), language),
        )
    )
    board_pack_download(view.portfolio, view.filters, language)  # on every page, built on a click
    left_out = city_unattributed(view.portfolio, view.filters)
    if len(left_out):
        st.info(
            ntr(
                language,
                "{n} figure of these projects is not broken down by city, so the city filter "
                "leaves it out rather than guess where it belongs.",
                "{n} figures of these projects are not broken down by city, so the city filter "
                "leaves them out rather than guess where they belong.",
                len(left_out),
            )
        )
    yearless = year_unstated(view.portfolio, view.filters)
    if len(yearless):
        st.info(
            ntr(
                language,
                "{n} figure of these projects covers a period whose year no report states, "
                "so the year filter leaves it out rather than place it in a year.",
                "{n} figures of these projects cover a period whose year no report states, "
                "so the year filter leaves them out rather than place them in a year.",
                len(yearless),
            )
        )


def nothing_selected(view: View) -> bool:
    """Say so plainly when the filters match no project; the page then draws nothing more."""
    if view.project_ids:
        return False
    st.warning(
        tr(
            view.language,
            "No project matches these filters. Remove a filter in the sidebar to see more.",
        )
    )
    return True
