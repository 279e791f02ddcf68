"""A headline figure as the Overview and People supported pages show it: the indicator's label
and figure, and under it the reports' sentences it comes from and who did not report it."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lib.model.portfolio import Portfolio
from lib.query.figure_text import figure_text
from lib.query.figures import Figure, figure_at
from lib.query.limits import CITATIONS, more_text
from lib.query.names import indicator_description, titles_text, translation_mark
from lib.text.escape import md
from lib.text.i18n import tr
from lib.ui.view import View, derived


def headline_figure(view: View, code: str) -> Figure:
    """The indicator's figure for the view, worked out once (the pages share the key)."""
    figures = view.figures
    return derived(
        view,
        f"figure.{code}",
        lambda: figure_at(view.portfolio, code, figures.at, figures.counted, view.language),
    )


def indicator_metric(portfolio: Portfolio, code: str, figure: Figure, language: str) -> None:
    """The indicator's label, its figure in words and its description on hover."""
    indicator = portfolio.indicators[code]
    st.metric(
        md(indicator.labels.get(language)),  # a label and its help are markdown
        figure_text(figure, language),
        help=md(indicator_description(indicator, language)),
    )


def not_reported_note(portfolio: Portfolio, figure: Figure, language: str, of: str) -> None:
    """Which projects give no such figure; `of` is "total" or "sum", as the figure is called."""
    if not figure.not_reported_in:
        return
    names = md(titles_text(portfolio, figure.not_reported_in, language))
    if of == "sum":
        message = tr(
            language,
            "Not reported by: {names}. Left out of the sum, not counted as 0.",
            names=names,
        )
    else:
        message = tr(
            language,
            "Not reported by: {names}. Left out of the total, not counted as 0.",
            names=names,
        )
    st.caption(message)


def source_expander(
    portfolio: Portfolio, figure: Figure, language: str, where: str, dated: bool
) -> None:
    """The "Source" expander: each report's sentence behind the figure, the first few of them.
    `dated` writes when it happened beside the project, the report's title under it; else the
    report's title beside the project. `where` says where the rest of the sentences are."""
    with st.expander(tr(language, "Source"), expanded=False):
        for citation in figure.citations:
            title = portfolio.projects[citation.project].title
            project = title.get(language) + translation_mark(title, language)
            source = portfolio.sources[citation.source]
            if dated:
                st.markdown(f"**{md(project)}** — {md(citation.when)}")
                st.caption(f"{md(source.title)} ({source.language})")
            else:
                st.markdown(f"**{md(project)}** — {md(source.title)} ({source.language})")
            st.text(f"“{citation.quote}”")
        sources = tr(language, "sources")
        if more := more_text(CITATIONS, figure.citation_count, sources, where, language):
            st.caption(more)
        not_reported_note(portfolio, figure, language, of="total")


def headline_card(
    view: View, code: str, where: str, dated: bool, note: Callable[[Figure], str] | None = None
) -> None:
    """The indicator's figure, the caption `note` writes for it (markdown, '' for none), and
    the "Source" expander (`where` and `dated` as source_expander's)."""
    figure = headline_figure(view, code)
    indicator_metric(view.portfolio, code, figure, view.language)
    if note is not None and (text := note(figure)):
        st.caption(text)
    source_expander(view.portfolio, figure, view.language, where, dated)
