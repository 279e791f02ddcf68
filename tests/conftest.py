"""The tests' data folder for the whole session, a served copy of it and the files download
buttons build on a click, and the browser tests' fixtures: Streamlit servers, Debian's
Chromium and watched pages.

A test that uses `browser` or `open_page` is marked `browser` here, so `pytest -m "not browser"`
leaves out every one of them. Without /usr/bin/chromium they are skipped, but in CI (the CI
variable set) they fail instead: CI must never pass without having run them.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import browser_support
import pytest
from browser_support import CHROMIUM, ROOT, StreamlitServer, WatchedPage
from fixture_data import FIXTURE_DATA_DIR
from playwright.sync_api import Browser, sync_playwright

# Every test reads the tests' own data unless it names another folder: AppTest runs, the command
# line and lib's loader read DASHBOARD_DATA_DIR, and a curator's edit of data/ must not break them.
# Set for the whole session (not per test) so session-scoped fixtures read it too.
os.environ["DASHBOARD_DATA_DIR"] = str(FIXTURE_DATA_DIR)


@pytest.fixture
def fresh_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the tests' data at tmp_path/data, which a build reads at once, without the
    wait for a folder seconds old to settle."""
    import lib.store.build as store_build

    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA_DIR, folder)
    monkeypatch.setattr(store_build, "SETTLE_SECONDS", 0.0)
    return folder


@pytest.fixture
def served_copy(fresh_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the tests' data with its own cache folder, served to the board, no data held
    yet: a server starting on it (tests of the snapshot and of what a server holds)."""
    import lib.ui.current_data as current_data

    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(fresh_copy))
    monkeypatch.setenv("DASHBOARD_AUDIENCE", "board")
    monkeypatch.setattr(current_data, "_held", None)
    return fresh_copy


@pytest.fixture
def on_click(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The functions download buttons run when clicked, by their buttons' deferred file ids."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, Any] = {}
    register = MediaFileManager.add_deferred

    def add_deferred(self, build, *args, **kwargs):
        file_id = register(self, build, *args, **kwargs)
        made[file_id] = build
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return made


BROWSER_FIXTURES = {"browser", "open_page"}
call_failed = pytest.StashKey[bool]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.when == "call":
        item.stash[call_failed] = report.failed
    return report


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[Callable[..., str]]:
    """`streamlit_server(script="dashboard.py", data_dir=None, env=None)` -> base URL.

    Starts one server per script, data folder and extra environment, shared by the whole
    session. `script` is relative to the repository root or absolute; `data_dir` becomes
    DASHBOARD_DATA_DIR (None: the tests' data, tests/data/). Each server's output is in
    tests/artifacts/.
    """
    servers: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], StreamlitServer] = {}

    def url_for(
        script: str | Path = "dashboard.py",
        data_dir: str | Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> str:
        script_path = (ROOT / script).resolve()
        data_path = Path(data_dir).resolve() if data_dir is not None else None
        key = (
            str(script_path),
            str(data_path) if data_path else None,
            tuple(sorted((env or {}).items())),
        )
        if key not in servers:
            servers[key] = browser_support.start_streamlit(script_path, data_path, env)
        return servers[key].url

    yield url_for
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, launched once for the session with the flags checked on our machines."""
    if not CHROMIUM.exists():
        missing = f"no Chromium at {CHROMIUM}; `make test` installs it (apt-get install chromium)"
        if browser_support.in_ci():
            pytest.fail(f"{missing}. CI must run the browser tests.")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        chromium = browser_support.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base(streamlit_server, browser: Browser) -> str:
    """The dashboard on the tests' data, visited once first: a fresh server's first visit shows
    "Page not found" (tests/test_browser_pages.py tests that on its own server), which must not
    land on whichever test happens to run first."""
    url = streamlit_server()
    browser_support.visit_once(browser, url)
    return url


@pytest.fixture
def open_page(
    browser: Browser, request: pytest.FixtureRequest
) -> Iterator[Callable[..., WatchedPage]]:
    """`open_page(url, width=1280, height=900)` -> WatchedPage, after the app's first run.

    `.page` is the Playwright page; `.console_errors` and `.outside_requests` fill as it runs.
    Pages close after the test; if the test failed, each is saved to
    tests/artifacts/failed-<test>-<n>.png first.
    """
    opened: list[WatchedPage] = []

    def open_watched(url: str, width: int = 1280, height: int = 900) -> WatchedPage:
        watched = browser_support.watch_new_page(browser, width, height)
        opened.append(watched)
        watched.page.goto(url)
        browser_support.wait_for_app(watched.page)
        return watched

    yield open_watched
    failed = request.node.stash.get(call_failed, False)
    test_name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for number, watched in enumerate(opened, start=1):
        if failed:
            browser_support.save_screenshot(watched.page, f"failed-{test_name}-{number}")
        watched.page.context.close()
