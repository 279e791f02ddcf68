"""The one download button every page uses: its file is built when someone clicks, and the
click does not rerun the page.

Why no rerun (issue 19; tests/test_browser_proxy.py): in Streamlit 1.67 a click on a button
whose file is built on the click sends two messages at once, "build the file" and "rerun the
page". The server handles them concurrently, and the rerun can lose the download in two ways:
it starts by clearing the session's outgoing messages, keeping only the run's own
(`ForwardMsgQueue.clear`), so a file's answer queued a moment before is dropped and the button
spins, disabled, for the browser's 180 s timeout; or it finishes by forgetting the callables of
the run before ("Deferred file ... not found" in the log) before the request has looked its
callable up. Clicked by a script over the websocket 120 times against one replica with no proxy,
with the rerun 1 answer was dropped and 2 were "not found", without it none. Nothing on a page
changes when a file is downloaded, so the rerun did nothing for the visitor anyway, and each
click cost one more run of the page.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def download_on_click(
    label: str,
    build: Callable[[], bytes | str],
    file_name: str,
    mime: str,
    key: str,
    help: str | None = None,
) -> None:
    """A button that downloads `build()` as `file_name`, built only when someone clicks it."""
    st.download_button(
        label, build, file_name=file_name, mime=mime, key=key, help=help, on_click="ignore"
    )
