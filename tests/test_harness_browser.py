"""The browser harness works: a throwaway app is served, drawn in Chromium and watched."""

import pytest
from browser_support import save_screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GREETING = "Здравей, свят: the harness sees this page."

THROWAWAY_APP = f"""
import streamlit as st

st.title("Harness check")
st.write({GREETING!r})
"""


def test_harness_serves_a_page_and_watches_it(tmp_path, streamlit_server, open_page):
    script = tmp_path / "throwaway_app.py"
    script.write_text(THROWAWAY_APP, encoding="utf-8")

    watched = open_page(streamlit_server(script), width=1024, height=700)

    expect(watched.page.get_by_text(GREETING)).to_be_visible()
    assert watched.console_errors == []
    assert watched.outside_requests == []
    screenshot = save_screenshot(watched.page, "harness-throwaway-app")
    assert screenshot.stat().st_size > 1000

    # The two lists are not empty by accident: what the page does wrong lands in them.
    watched.page.evaluate("console.error('harness self-check')")
    watched.page.evaluate("fetch('https://example.org/tracker.js').catch(() => null)")
    assert watched.outside_requests == ["https://example.org/tracker.js"]
    assert any("harness self-check" in error for error in watched.console_errors)
