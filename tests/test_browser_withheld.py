"""The public site in Chromium, hunted for a withheld sentence (issue 20, point 1): the
sentence that states a small count of refugees, its English translation, and a published
figure's quote that runs on into it must reach no page, no websocket frame the browser
receives (chart hovers and tables travel there, drawn or not) and no download."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from audience_data import TRANSLATED_KEPT, WITHHELD, audience_data
from browser_support import wait_for_app, watch_new_page
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

DOWNLOADS = (
    "Figures for the current filters (CSV)",
    "Every report, with how many facts were taken from it (CSV)",
    "IATI 2.03 activities for the current filters (XML)",
    "Figures and funding with HXL hashtags for the current filters (CSV)",
    "Frictionless data package for the current filters (ZIP)",
    "Board pack (PDF)",
)


def forms(words: str) -> list[bytes]:
    """The ways a text travels: UTF-8, and JSON with its letters escaped (chart specs)."""
    return [words.encode(), json.dumps(words)[1:-1].encode()]


def leaked(data: bytes) -> list[str]:
    return [words for words in WITHHELD if any(form in data for form in forms(words))]


def file_text(name: str, data: bytes) -> bytes:
    """A download as searchable text: a ZIP's members, a PDF's words."""
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return b"\n".join(archive.read(member) for member in archive.namelist())
    if name.endswith(".pdf"):
        done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return " ".join(done.stdout.decode().split()).encode()
    return data


def choose_report(page: Page, typed: str) -> None:
    """Pick a report in "What was taken from" with the keyboard, as a reader would."""
    box = page.locator("[data-testid='stMain']").get_by_role("combobox", name="What was taken from")
    box.click()
    box.press_sequentially(typed)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_app(page)


def download(page: Page, label: str) -> tuple[str, bytes]:
    """Click the download button `label` once; its file's name and bytes. The file is built on
    the click, which reruns nothing (lib/ui/download_button.py)."""
    wait_for_app(page)
    button = page.get_by_role("button", name=label).first
    expect(button).to_be_enabled()
    with page.expect_download(timeout=90_000) as started:
        button.click()
    saved = started.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return audience_data(tmp_path_factory.mktemp("withheld") / "data")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils' pdftotext")
def test_the_public_site_sends_the_withheld_sentence_nowhere(streamlit_server, browser, data_dir):
    base = streamlit_server(data_dir=data_dir, env={"DASHBOARD_AUDIENCE": "public"})
    watched = watch_new_page(browser)
    page = watched.page
    frames: list[bytes] = []

    def keep(payload: str | bytes) -> None:
        frames.append(payload if isinstance(payload, bytes) else payload.encode())

    page.on("websocket", lambda socket: socket.on("framereceived", keep))
    for path in ("/?city=gevgelija", "/people-supported", "/participants", "/map", "/funding"):
        page.goto(base + path)
        wait_for_app(page)
    page.goto(f"{base}/projects?show=myla-refugee-integration")
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_role("heading", level=1)).to_be_visible()

    page.goto(f"{base}/sources")
    wait_for_app(page)
    for typed, language in (("Strengthening", "en"), ("Зајакнување", "mk")):
        choose_report(page, typed)
        main.get_by_text(f"The full text of the report ({language})").click()
        expect(main.get_by_text("withheld: a small count").first).to_be_visible()
        if language == "en":  # the translation's other sentences are still there
            expect(main.get_by_text(TRANSLATED_KEPT, exact=False).first).to_be_visible()
        assert leaked(page.locator("body").inner_text().encode()) == []

    files = dict(download(page, label) for label in DOWNLOADS)
    assert len(files) == len(DOWNLOADS)
    for name, data in files.items():
        assert leaked(file_text(name, data)) == [], f"{name} holds a withheld sentence"
    assert len(frames) > 20, "the websocket frames were not seen"
    assert [words for frame in frames for words in leaked(frame)] == []
    assert watched.console_errors == []
