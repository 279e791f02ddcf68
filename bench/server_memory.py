"""The server's memory, as a visitor's browser fills it: `streamlit run` on a data folder,
one Chromium session opening every page, the server's resident memory (VmRSS in
/proc/<pid>/status) after each."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def navigation_pages() -> list[Path]:
    """The pages the navigation lists: pages/presentation/app.py is opened by `?present=1`."""
    return [p for p in ROOT.glob("pages/*/app.py") if p.parent.name != "presentation"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_mb(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def server_memory(data_dir: Path, cache_dir: Path, port: int | None) -> dict[str, Any]:
    """Start the app on `data_dir` (its snapshot in `cache_dir`) on `port` (default: a free
    one), open every page in Chromium, read the server's memory after each."""
    from playwright.sync_api import sync_playwright

    port = port or _free_port()
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data_dir), "DASHBOARD_CACHE_DIR": str(cache_dir)}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                        break
                except OSError:
                    time.sleep(0.2)
            idle = _rss_mb(server.pid)
            pages = [""] + [p.parent.name.replace("_", "-") for p in navigation_pages()]
            after: dict[str, float] = {}
            each_page: dict[str, float] = {}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for path in dict.fromkeys(pages):
                    page.goto(f"{url}/{path}")
                    page.wait_for_selector(
                        '[data-testid="stApp"][data-test-script-state="notRunning"]',
                        timeout=600_000,
                    )
                    page.wait_for_selector("h1", timeout=600_000)
                    if not after:
                        after = _rss_mb(server.pid)  # the data loaded, the first page drawn
                    each_page[path] = _rss_mb(server.pid)["VmRSS"]
                every_page = _rss_mb(server.pid)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "idle_mb": idle["VmRSS"],
        "after_load_mb": after["VmRSS"],
        "after_every_page_mb": every_page["VmRSS"],
        "peak_mb": every_page["VmHWM"],
        "after_each_page_mb": each_page,
    }
