"""A session over Streamlit's own websocket protocol, as a browser holds it: the first change
made after opening the dashboard applies, to a filter or to the language (Streamlit 1.67 once
dropped it: lib/ui/widget_ids.py), and so does each one after it. The same client drives
`make load-test` (bench/ws_session.py)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlparse

from fixture_data import ROOT
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from websockets.asyncio.client import connect

sys.path.insert(0, str(ROOT / "bench"))
from ws_session import browser_states, run_script, session  # noqa: E402 (bench/: scripts)


def run_alone(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run in a thread of its own: with the browser tests in the same run, Playwright's
    event loop is already running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def port_of(url: str) -> int:
    port = urlparse(url).port
    assert port is not None
    return port


def address_of(url: str) -> str:
    return f"127.0.0.1:{port_of(url)}"


def test_first_and_later_filter_changes_apply(streamlit_server) -> None:
    # The tests' data draws the bundled data's figures: every run is checked against them.
    address = address_of(streamlit_server())
    result = run_alone(session(1, address, changes=3, message_timeout=60, bundled=True))
    assert result.ok, result.error
    assert result.first_load_s is not None and len(result.reruns_s) == 3


def test_first_language_change_applies(streamlit_server) -> None:
    async def switch_to_bulgarian(port: int) -> tuple[str | None, str | None]:
        url = f"ws://127.0.0.1:{port}/_stcore/stream"
        async with connect(url, subprotocols=["streamlit"], max_size=None) as socket_:
            first = await asyncio.wait_for(run_script(socket_, "", "", WidgetStates()), 60)
            states = browser_states(first.widgets, [])
            language = [state for state in states.widgets if state.id.endswith("view.language")]
            assert language, "the page drew no language select box"
            language[0].string_value = "Български"
            rerun = await asyncio.wait_for(run_script(socket_, "", first.page_hash, states), 60)
            return first.participants, rerun.participants

    english, after = run_alone(switch_to_bulgarian(port_of(streamlit_server())))
    assert english == "291"
    assert after is None, "the headline figures are still labelled in English"
