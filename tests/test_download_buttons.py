"""Every download button on every page builds its file on the click and does not rerun the page
when clicked: in Streamlit 1.67 that rerun can drop the file's answer, leaving the button
disabled for minutes, or forget the file before it is built (lib/ui/download_button.py; the
downloads themselves, through the proxy in Chromium: tests/test_browser_proxy.py)."""

import pytest
from app_support import DASHBOARD_PAGES, open_app


@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_a_download_click_builds_the_file_without_rerunning_the_page(monkeypatch, page):
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")  # the board sees every button there is
    buttons = open_app(page).get("download_button")
    assert buttons, f"{page} offers no download"
    for button in buttons:
        assert button.proto.deferred_file_id, f"{page}: {button.proto.label} is built each run"
        assert button.proto.ignore_rerun, f"{page}: a click on {button.proto.label} reruns"
