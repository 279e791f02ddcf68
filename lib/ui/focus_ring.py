"""A keyboard focus ring that can be seen in the sidebar (issue 17, point 13).

Streamlit marks a focused link of the sidebar's page list by a light grey background, the
same as its hover and close to the current page's: a reader who moves by the keyboard could
not tell where they were, and no theme option in .streamlit/config.toml changes it. This is
the dashboard's one style sheet: a 3 px outline in the theme's primary colour (#1f4e79, over
8:1 against the sidebar) on whatever has the keyboard focus in the sidebar. `:focus-visible`
only: a mouse click draws no ring.
"""

from __future__ import annotations

import streamlit as st

PRIMARY = "#1f4e79"  # .streamlit/config.toml's primaryColor
FOCUS_CSS = f"""<style>
[data-testid="stSidebar"] :focus-visible {{
    outline: 3px solid {PRIMARY} !important;
    outline-offset: 2px;
}}
</style>"""


def visible_focus_ring() -> None:
    """Add the style sheet to the page (st.html places a lone <style> without a block)."""
    st.html(FOCUS_CSS)
