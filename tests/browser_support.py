"""Run Streamlit servers and open their pages in Debian's Chromium, watching what a page does.

The fixtures in `conftest.py` wrap these; the functions are here so a test can also call them.
The browser may talk to the app's own server only: any other request is refused and recorded,
because the dashboard must work without internet and must not leak its visitors to others.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from fixture_data import FIXTURE_DATA_DIR, ROOT
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Route,
    WebSocket,
)

ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM = Path("/usr/bin/chromium")
# Checked on our machines: deck.gl maps need SwiftShader, so no --disable-software-rasterizer.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

SERVER_START_TIMEOUT_S = 60
APP_RUN_TIMEOUT_MS = 30_000


def in_ci() -> bool:
    """CI sets CI; there a missing browser is a failure, never a skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class StreamlitServer:
    """One `streamlit run` subprocess, its base URL and the log file of what it printed."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_streamlit(
    script: Path, data_dir: Path | None = None, env: Mapping[str, str] | None = None
) -> StreamlitServer:
    """Start `streamlit run script` from the repository root and wait until it is healthy.

    Run from the root so `.streamlit/config.toml` applies, as it does for `make run`. Without
    `data_dir` the app reads the tests' data (tests/data/), whatever DASHBOARD_DATA_DIR the
    caller has set: a curator's edit of data/ must not change what a browser test sees.
    """
    port = free_port()
    server_env = {**os.environ, **(env or {})}
    server_env["DASHBOARD_DATA_DIR"] = str(data_dir if data_dir is not None else FIXTURE_DATA_DIR)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"streamlit-{Path(script).stem}-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        # Tests never edit files while the server runs; watching them costs one of two cores.
        "--server.fileWatcherType",
        "none",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT
        )
    server = StreamlitServer(process, f"http://127.0.0.1:{port}", log_path)
    try:
        wait_until_healthy(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_healthy(server: StreamlitServer) -> None:
    # No proxy: the health check must reach this machine even where a proxy is configured.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with {server.process.returncode} before answering; "
                f"its output, from {server.log_path}:\n{log_tail(server.log_path)}"
            )
        try:
            with opener.open(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise TimeoutError(
        f"streamlit did not answer {server.url}/_stcore/health within {SERVER_START_TIMEOUT_S} s; "
        f"its output, from {server.log_path}:\n{log_tail(server.log_path)}"
    )


def log_tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class WatchedPage:
    """A page and what it did: errors in its console and requests to hosts other than ours."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname in LOCAL_HOSTS


# Opened at /<page>, Streamlit's frontend first asks /<page>/_stcore/health and host-config, in
# case <page> is where the app is mounted, and the browser logs the 404s as console errors
# (streamlit/streamlit#7074, open). Only those two are forgiven, and only one level down.
PAGE_PROBE_PATH = re.compile(r"/[^/]+/_stcore/(health|host-config)")


def is_page_probe(text: str, source: str) -> bool:
    return (
        text.startswith("Failed to load resource: the server responded with a status of 404")
        and is_local(source)
        and PAGE_PROBE_PATH.fullmatch(urlsplit(source).path) is not None
    )


def watch_new_page(browser: Browser, width: int = 1280, height: int = 900) -> WatchedPage:
    """A blank page in a fresh context of the given viewport, watched from its first request.

    Close it with `watched.page.context.close()` (the `open_page` fixture does that).
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="en-US", timezone_id="UTC"
    )
    page = context.new_page()
    watched = WatchedPage(page)

    def refuse_outside(route: Route, request: Request) -> None:
        if is_local(request.url):
            route.fallback()
        else:
            watched.outside_requests.append(request.url)
            route.abort("blockedbyclient")

    def note_websocket(websocket: WebSocket) -> None:
        # Playwright routes no WebSockets here, so an outside one is recorded, not refused.
        if not is_local(websocket.url):
            watched.outside_requests.append(websocket.url)

    def note_console_error(message: ConsoleMessage) -> None:
        source = message.location.get("url", "")
        if message.type == "error" and not is_page_probe(message.text, source):
            watched.console_errors.append(f"{message.text} (at {source})")

    context.route("**/*", refuse_outside)
    page.on("websocket", note_websocket)
    page.on("console", note_console_error)
    page.on("pageerror", lambda error: watched.console_errors.append(f"page error: {error}"))
    return watched


def open_page(browser: Browser, url: str, width: int = 1280, height: int = 900) -> WatchedPage:
    """Open `url` in a new watched page and wait for the app's first run to finish."""
    watched = watch_new_page(browser, width, height)
    watched.page.goto(url)
    wait_for_app(watched.page)
    return watched


def visit_once(browser: Browser, url: str) -> None:
    """One visit to `url`, let go: a fresh server's first visit shows "Page not found"
    (test_browser_pages tests that on its own server), which must not land on a test."""
    first = watch_new_page(browser)
    try:
        first.page.goto(url)
        wait_for_app(first.page)
    finally:
        first.page.context.close()


def wait_for_app(page: Page, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until the app is connected, its script has run, and the running indicator is gone.

    After a click or a widget change, first wait for something the change shows: the script
    may not have started yet when this is called, and then it returns at once.
    """
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]',
        timeout=timeout_ms,
    )
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="hidden", timeout=timeout_ms)


def save_screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """Save what the page shows to tests/artifacts/<name>.png and return the path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
