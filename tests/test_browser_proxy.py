"""The site as `make serve` runs it, in real Chromium: two replicas behind nginx (deploy/serve.py,
started here on free loopback ports, with a copy of the tests' data and its own snapshot
folder). Every page draws through the proxy, a filter change works, and every download of one
visitor arrives: a download is held in the memory of the replica that drew the button, so
without sticky sessions about half of them would return 404 from the other replica. Streamlit's
own web files come from nginx, compressed once, not from a replica.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, ROOT, free_port, log_tail, save_screenshot, wait_for_app
from fixture_data import FIXTURE_DATA_DIR
from playwright.sync_api import Locator, Page, Response, expect
from test_browser_pages import (
    OVERVIEW,
    PAGES,
    choose_in_sidebar,
    metric_value,
    missing_text,
    showing_line,
    url_of,
    wait_until_drawn,
)

from deploy.static_assets import streamlit_static

pytestmark = pytest.mark.browser

REPLICAS = 2
START_TIMEOUT_S = 180
BOARD_PACK = "Board pack (PDF)"


def _free_pair() -> int:
    """A free port whose next one is free too: the replicas take consecutive ports."""
    for _ in range(50):
        port = free_port()
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two consecutive free ports on 127.0.0.1")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("proxied")
    data = folder / "data"
    shutil.copytree(FIXTURE_DATA_DIR, data)
    port, first_replica = free_port(), _free_pair()
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data)}
    env["DASHBOARD_CACHE_DIR"] = str(folder / "cache")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"serve-{port}.log"
    command = [
        sys.executable, "deploy/serve.py", "--replicas", str(REPLICAS), "--host", "127.0.0.1",
        "--port", str(port), "--first-replica-port", str(first_replica),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        serve = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, serve, log_path)
        yield url
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()


def _wait_for(url: str, serve: subprocess.Popen, log_path: Path) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            raise RuntimeError(f"deploy/serve.py exited:\n{log_tail(log_path)}")
        try:
            with opener.open(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the proxied site did not answer:\n{log_tail(log_path)}")


def _get(url: str, **headers: str) -> tuple[dict[str, str], bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_nginx_sends_the_pages_javascript_compressed_once_and_kept_a_year(site):
    """Streamlit's web files come from nginx's copy (deploy/static_assets.py), not from a
    replica: a replica never compresses them, and nginx compressing on the fly sends no length."""
    _, page = _get(f"{site}/")
    bundle = re.search(rb'src="\.?/?(static/js/index\.[^"]+\.js)"', page)
    assert bundle is not None, page[:500]
    path = bundle.group(1).decode()
    original = (streamlit_static() / path.removeprefix("static/")).read_bytes()
    headers, packed = _get(f"{site}/{path}", **{"Accept-Encoding": "gzip"})
    assert headers.get("content-encoding") == "gzip"
    assert int(headers["content-length"]) == len(packed) < len(original) / 2
    assert gzip.decompress(packed) == original
    assert (
        "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    )
    headers, plain = _get(f"{site}/{path}")  # a client that takes no gzip gets the file
    assert "content-encoding" not in headers and plain == original


def test_the_replicas_behind_nginx_draw_every_page_and_a_filter(site, open_page):
    for spec in PAGES:
        spec = spec.values[0]
        watched = open_page(url_of(site, spec))
        wait_until_drawn(watched.page, spec)
        assert missing_text(watched.page, spec.shows) == [], spec.name
        assert watched.console_errors == [] and watched.outside_requests == [], spec.name
        cookies = {cookie["name"] for cookie in watched.page.context.cookies()}
        assert "dashboard_replica" in cookies
    page = open_page(url_of(site, OVERVIEW)).page
    expect(metric_value(page, "Participants")).to_have_text("291")
    choose_in_sidebar(page, "City", "Shtip")
    expect(showing_line(page, "City: Shtip")).to_be_visible()
    wait_for_app(page)
    expect(metric_value(page, "Participants")).to_have_text("132")
    save_screenshot(page, "proxied-overview-shtip")


def _download(page: Page, button: Locator) -> tuple[str, str]:
    """Click a download button once; the file's path and name. The file is built on the click
    (a PDF takes seconds) and the click reruns nothing (lib/ui/download_button.py), so one click
    must bring the file: a lost answer, a "not found" or a 404 from the other replica fails."""
    wait_for_app(page)
    expect(button).to_be_enabled()
    with page.expect_download(timeout=60_000) as started:
        button.click()
    path = started.value.path()
    assert path is not None
    expect(button).to_be_enabled()  # not left spinning, waiting for an answer that never came
    return str(path), started.value.suggested_filename


def test_every_download_of_one_visitor_arrives_through_the_proxy(site, browser):
    context = browser.new_context(accept_downloads=True)
    failed: list[str] = []

    def note(response: Response) -> None:
        if "/media/" in response.url and response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page = context.new_page()
    page.on("response", note)
    arrived: list[str] = []
    try:
        for spec in PAGES:
            spec = spec.values[0]
            page.goto(url_of(site, spec))
            wait_until_drawn(page, spec)
            buttons = page.locator('[data-testid="stDownloadButton"] button')
            for number in range(buttons.count()):
                button = buttons.nth(number)
                wait_for_app(page)
                if not button.is_visible() or not button.is_enabled():
                    continue  # in a closed expander, or offered to another audience only
                if button.inner_text().strip() == BOARD_PACK and spec is not OVERVIEW:
                    continue  # a PDF takes seconds to build; one page's is enough
                path, name = _download(page, button)
                assert Path(path).stat().st_size > 0
                arrived.append(f"{spec.name}: {name}")
    finally:
        context.close()
    print("Downloads that arrived:", *arrived, sep="\n  ")
    assert failed == []
    assert len(arrived) >= len(PAGES), arrived  # at least one download a page
