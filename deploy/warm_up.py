"""Run the dashboard's script once on a freshly started replica, before visitors arrive.

A fresh Streamlit server learns the pages of `st.navigation` only from a first run of the
script: the first visitor arriving by a link to a page otherwise gets a "Page not found"
notice (like streamlit/streamlit#9624). This opens one session over Streamlit's websocket
protocol, asks for a run of the main page and waits until it finishes; it also loads the
snapshot into the replica, so the first visitor does not wait for that either.
"""

from __future__ import annotations

import asyncio

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect


async def _one_run(port: int, timeout: float) -> None:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with connect(url, subprotocols=["streamlit"], max_size=None) as socket_:
        message = BackMsg()
        message.rerun_script.query_string = ""
        await socket_.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(socket_.recv(), timeout))
            if forward.WhichOneof("type") == "script_finished":
                return


def warm_up(port: int, timeout: float = 120.0) -> str | None:
    """Run the script once on the replica at `port`; None, or what went wrong."""
    try:
        asyncio.run(asyncio.wait_for(_one_run(port, timeout), timeout))
    except (OSError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"
    except Exception as error:  # a protocol error: the replica still serves; say so
        return f"{type(error).__name__}: {error}"
    return None
