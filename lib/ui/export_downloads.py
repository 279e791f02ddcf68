"""The Sources page's downloads: the figures for the filters, the whole data set (the board's),
and the open formats (IATI XML, HXL CSV, Frictionless package), each built when someone
clicks it, not on every visit: for a funder's portfolio they are tens of
megabytes, and building them took more memory than the rest of the page. Once built, a file is
kept with the portfolio's index for the same filters and language."""

from __future__ import annotations

import streamlit as st

from lib.exports.formats import FILES, Export, export
from lib.model.portfolio import Portfolio
from lib.query.filters import Filters
from lib.query.index import index_of
from lib.text.i18n import N_, format_number, tr
from lib.ui.app_data import current_audience, data_zip_for
from lib.ui.components import figures_download
from lib.ui.download_button import download_on_click
from lib.ui.view import View, nothing_selected

REPORT_LINES = 40
BUTTONS = {
    "iati": N_("IATI 2.03 activities for the current filters (XML)"),
    "hxl": N_("Figures and funding with HXL hashtags for the current filters (CSV)"),
    "datapackage": N_("Frictionless data package for the current filters (ZIP)"),
}


# Formats none of whose text is in the interface's language: one file serves every language.
SAME_IN_EVERY_LANGUAGE = {"iati", "datapackage"}


def export_for(portfolio: Portfolio, format: str, filters: Filters, language: str) -> Export:
    """The export, built once per portfolio object (so per data version and audience: the
    public site's never comes from the board's data), format, filters and, for the formats
    that hold interface text, language."""
    kept_for = None if format in SAME_IN_EVERY_LANGUAGE else language
    return index_of(portfolio).remember(
        ("export", format, filters, kept_for),
        lambda: export(portfolio, format, filters, language),
    )


def sources_downloads(view: View) -> None:
    """The downloads; the reports and the whole data set are offered even when the filters
    match nothing, the filtered downloads are not."""
    portfolio, language = view.portfolio, view.language
    matches_nothing = nothing_selected(view)
    if not matches_nothing:
        label = tr(language, "Figures for the current filters (CSV)")
        figures_download(view, "figures.csv", key="sources.figures.csv", label=label)
    if current_audience() == "board":  # the curated files hold unpublished projects too
        download_on_click(
            tr(language, "The whole data set: YAML, CSV and the reports (ZIP)"),
            lambda: data_zip_for(str(portfolio.data_dir), portfolio.fingerprint),  # on a click
            file_name="integration-dashboard-data.zip",
            mime="application/zip",
            key="sources.zip",
        )
    if not matches_nothing:
        st.caption(
            tr(
                language,
                "Open formats, for the current filters: IATI for funders and aid portals, HXL "
                "for humanitarian tools, a Frictionless data package for open-data catalogues.",
            )
        )
        open_format_downloads(portfolio, view.filters, language)


def open_format_downloads(portfolio: Portfolio, filters: Filters, language: str) -> None:
    """A download button a format; under IATI's, on request, what it could not hold."""
    for format, label in BUTTONS.items():
        file_name, mime = FILES[format]
        download_on_click(
            tr(language, label),
            lambda format=format: export_for(portfolio, format, filters, language).data,
            file_name=file_name,
            mime=mime,
            key=f"sources.{format}",
        )
    if st.toggle(tr(language, "What IATI could not hold, and was left out"), key="sources.left"):
        with st.spinner(tr(language, "Preparing the download…")):
            report = export_for(portfolio, "iati", filters, language).report
        # a funder's portfolio has thousands of such lines: the first few, and a count
        st.text("\n".join(report[:REPORT_LINES]))
        if len(report) > REPORT_LINES:
            st.caption(
                tr(
                    language,
                    "… and {n} more lines like these.",
                    n=format_number(len(report) - REPORT_LINES, language),
                )
            )
