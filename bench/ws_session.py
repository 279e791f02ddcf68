"""One visitor of the dashboard over Streamlit's own websocket protocol, as the load test
(bench/load_test.py) plays many of them.

A session connects to ws://ADDRESS/_stcore/stream, asks for the first page (a rerun_script
BackMsg), waits for script_finished, then changes the city filter (a rerun_script with the
sidebar multiselect's new value in its widget states, as the browser sends it) and waits for
each rerun. Every run is checked, not just timed: the "Participants" figure drawn must be the
one the filter selects (291 in all, 132 for Shtip, 127 for Strazhitsa, 259 for both, on the
bundled data), and no exception may be drawn.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from websockets.asyncio.client import connect

CITY_WIDGET = "filter.cities"
# The filter changes a session makes, in turn, and the Participants figure each must draw.
CHANGES = [
    (["Shtip"], "132"),
    (["Strazhitsa"], "127"),
    (["Shtip", "Strazhitsa"], "259"),
    ([], "291"),
]
FIRST_LOAD_FIGURE = "291"
RUN_TIMEOUT_S = 120.0  # for one script run's messages


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    status: str
    participants: str | None
    exceptions: list[str]
    widgets: dict[str, Any] = field(default_factory=dict)
    page_hash: str = ""


@dataclass
class SessionResult:
    number: int
    ok: bool = False
    first_load_s: float | None = None
    reruns_s: list[float] = field(default_factory=list)
    error: str | None = None


async def run_script(socket_: Any, query: str, page_hash: str, states: WidgetStates) -> Run:
    """Ask for a rerun and read the server's messages until the run finishes."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = page_hash
    message.rerun_script.widget_states.CopyFrom(states)
    started = time.monotonic()
    await socket_.send(message.SerializeToString())
    participants, exceptions, widgets, new_hash = None, [], {}, page_hash
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await socket_.recv())
        kind = forward.WhichOneof("type")
        if kind == "new_session":
            new_hash = forward.new_session.page_script_hash or new_hash
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            shown = element.WhichOneof("type")
            if shown == "metric" and element.metric.label == "Participants":
                participants = element.metric.body
            elif shown == "exception":
                exceptions.append(element.exception.message)
            elif shown in ("multiselect", "slider", "selectbox"):
                widget = getattr(element, shown)
                widgets[widget.id] = (shown, widget)
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
            if status == "FINISHED_EARLY_FOR_RERUN":
                continue
            seconds = time.monotonic() - started
            return Run(seconds, status, participants, exceptions, widgets, new_hash)


def browser_states(widgets: dict[str, tuple[str, Any]], cities: list[str]) -> WidgetStates:
    """What a browser sends after choosing `cities`: the value of every widget the last run
    drew (as it was drawn), with the city filter's changed."""
    states = WidgetStates()
    for widget_id, (kind, widget) in widgets.items():
        state = states.widgets.add()
        state.id = widget_id
        if kind == "multiselect":
            values = (
                widget.raw_values
                if widget.set_value
                else [widget.options[i] for i in widget.default]
            )
            chosen = cities if widget_id.endswith(CITY_WIDGET) else list(values)
            state.string_array_value.data.extend(chosen)
        elif kind == "slider":
            state.double_array_value.data.extend(
                widget.value if widget.set_value else widget.default
            )
        elif widget.set_value:
            state.string_value = widget.raw_value
        elif widget.options:
            state.string_value = widget.options[widget.default]
    return states


async def session(
    number: int, address: str, changes: int, message_timeout: float, bundled: bool
) -> SessionResult:
    """One visitor: open the page, check its figure, change the city filter `changes` times,
    checking each figure (the bundled data's are known; other data must draw one)."""
    result = SessionResult(number)
    url = f"ws://{address}/_stcore/stream"
    opened = time.monotonic()
    try:
        async with connect(
            url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=message_timeout,
            # A browser sends no pings of its own (the server pings it): with this client's
            # default 20 s ping, a saturated machine closed sessions a browser would keep.
            ping_interval=None,
        ) as socket_:
            first = await asyncio.wait_for(
                run_script(socket_, "", "", WidgetStates()), message_timeout
            )
            _check(first, FIRST_LOAD_FIGURE if bundled else None, "first load")
            changes_made = CHANGES if bundled else _first_cities(first)
            result.first_load_s = time.monotonic() - opened  # connecting included
            last = first
            for step in range(changes):
                if not any(widget_id.endswith(CITY_WIDGET) for widget_id in last.widgets):
                    raise RuntimeError("the page drew no city filter")
                # The first change is the one every session makes to Shtip: Streamlit once
                # dropped the first change after a page was opened (lib/ui/widget_ids.py).
                turn = 0 if step == 0 else (number + step) % len(changes_made)
                chosen, expected = changes_made[turn]
                states = browser_states(last.widgets, chosen)
                rerun = await asyncio.wait_for(
                    run_script(socket_, "", last.page_hash, states), message_timeout
                )
                _check(rerun, expected, f"change {step + 1} to {chosen or 'all cities'}")
                result.reruns_s.append(rerun.seconds)
                last = rerun
        result.ok = True
    except Exception as error:  # one failed session is a result, not the end of the run
        result.error = f"{type(error).__name__}: {error}"[:300]
    return result


def _first_cities(run: Run) -> list[tuple[list[str], str | None]]:
    """Changes to a data folder's first two cities (as the city filter offers them), then to
    both and to all; the figures they draw are not known in advance."""
    _, widget = next(w for wid, w in run.widgets.items() if wid.endswith(CITY_WIDGET))
    first, second = (list(widget.options) * 2)[:2]
    return [([first], None), ([second], None), ([first, second], None), ([], None)]


def _check(run: Run, expected: str | None, what: str) -> None:
    if run.status != "FINISHED_SUCCESSFULLY":
        raise RuntimeError(f"{what}: the run ended {run.status}")
    if run.exceptions:
        raise RuntimeError(f"{what}: the page drew an exception: {run.exceptions[0][:120]}")
    if expected is None and run.participants is None:
        raise RuntimeError(f"{what}: no Participants figure was drawn")
    if expected is not None and run.participants != expected:
        raise RuntimeError(f"{what}: Participants {run.participants!r}, expected {expected!r}")


async def all_sessions(
    sessions: int, address: str, changes: int, bundled: bool, ramp: float = 0.0
) -> list[Any]:
    """Every session at once, or arriving evenly over `ramp` seconds."""

    async def arriving(number: int) -> SessionResult:
        await asyncio.sleep(ramp * number / sessions)
        return await session(number, address, changes, RUN_TIMEOUT_S, bundled)

    return await asyncio.gather(*(arriving(number) for number in range(sessions)))
