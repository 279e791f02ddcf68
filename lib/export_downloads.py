"""The Sources page's open-format downloads (IATI XML, HXL CSV, Frictionless package), each
built once per data version, filters and language rather than on every rerun."""

from __future__ import annotations

import streamlit as st

from lib.app_data import load_for_app
from lib.exports import Export, export
from lib.filters import Filters
from lib.i18n import N_, format_number, tr
from lib.portfolio import Portfolio

REPORT_LINES = 40
BUTTONS = {
    "iati": N_("IATI 2.03 activities for the current filters (XML)"),
    "hxl": N_("Figures and funding with HXL hashtags for the current filters (CSV)"),
    "datapackage": N_("Frictionless data package for the current filters (ZIP)"),
}


# cache_resource, not cache_data: an Export is frozen bytes, and for a funder's portfolio
# megabytes of them; cache_data would unpickle a copy of all three on every rerun.
@st.cache_resource(show_spinner=False, max_entries=24)  # its spinner is the caller's, translated
def cached_export(
    data_dir: str, fingerprint: str, format: str, filters: Filters, language: str
) -> Export:
    """`data_dir` and `fingerprint` are the cache key: a new data version builds anew."""
    return export(load_for_app().portfolio, format, filters, language)


def open_format_downloads(portfolio: Portfolio, filters: Filters, language: str) -> None:
    """A download button a format; IATI's report of what it could not hold, below it."""
    for format, label in BUTTONS.items():
        with st.spinner(tr(language, "Preparing the download…")):
            result = cached_export(
                str(portfolio.data_dir), portfolio.fingerprint, format, filters, language
            )
        st.download_button(
            tr(language, label),
            result.data,
            file_name=result.file_name,
            mime=result.mime,
            key=f"sources.{format}",
        )
        if result.report:
            with st.expander(tr(language, "What IATI could not hold, and was left out")):
                # a funder's portfolio has thousands of such lines: the first few, and a count
                st.text("\n".join(result.report[:REPORT_LINES]))
                if len(result.report) > REPORT_LINES:
                    st.caption(
                        tr(
                            language,
                            "… and {n} more lines like these.",
                            n=format_number(len(result.report) - REPORT_LINES, language),
                        )
                    )
