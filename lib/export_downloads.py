"""The Sources page's open-format downloads (IATI XML, HXL CSV, Frictionless package), each
built once per data version, filters and language rather than on every rerun."""

from __future__ import annotations

import streamlit as st

from lib.app_data import load_for_app
from lib.exports import Export, export
from lib.filters import Filters
from lib.portfolio import Portfolio

REPORT_LINES = 40
BUTTONS = {
    "iati": "IATI 2.03 activities for the current filters (XML)",
    "hxl": "Figures and funding with HXL hashtags for the current filters (CSV)",
    "datapackage": "Frictionless data package for the current filters (ZIP)",
}


# cache_resource, not cache_data: an Export is frozen bytes, and for a funder's portfolio
# megabytes of them; cache_data would unpickle a copy of all three on every rerun.
@st.cache_resource(show_spinner="Preparing the download…", max_entries=24)
def cached_export(
    data_dir: str, fingerprint: str, format: str, filters: Filters, language: str
) -> Export:
    """`data_dir` and `fingerprint` are the cache key: a new data version builds anew."""
    return export(load_for_app().portfolio, format, filters, language)


def open_format_downloads(portfolio: Portfolio, filters: Filters, language: str) -> None:
    """A download button a format; IATI's report of what it could not hold, below it."""
    for format, label in BUTTONS.items():
        result = cached_export(
            str(portfolio.data_dir), portfolio.fingerprint, format, filters, language
        )
        st.download_button(
            label,
            result.data,
            file_name=result.file_name,
            mime=result.mime,
            key=f"sources.{format}",
        )
        if result.report:
            with st.expander("What IATI could not hold, and was left out"):
                # a funder's portfolio has thousands of such lines: the first few, and a count
                st.text("\n".join(result.report[:REPORT_LINES]))
                if len(result.report) > REPORT_LINES:
                    st.caption(
                        f"… and {len(result.report) - REPORT_LINES:,} more lines like these."
                    )
