"""The dashboard's charts in real Chromium, read as a visitor reads them: the timeline logs
nothing in the console and writes each line's words beside its own mark, clear of it; the
funding chart's every label is readable (no block text shrunk to a few pixels), at 1280 and
390 px; every chart's picture carries its title, the filters, the date and its reports, with
nothing cut; on a phone the bars keep most of the chart's width; in English, Bulgarian and
Macedonian.
"""

from __future__ import annotations

import datetime as dt

import pytest
from browser_support import save_screenshot, wait_for_app
from playwright.sync_api import Page, expect

from lib.model.languages import LANGUAGE_NAMES
from lib.text.i18n import format_day, tr

pytestmark = pytest.mark.browser

SIZES = [pytest.param((1280, 900), id="1280"), pytest.param((390, 844), id="390")]
LANGUAGES = ["en", "bg", "mk"]
PLOT = '[data-testid="stMain"] .js-plotly-plot'
SMALLEST_TEXT_PX = 11


def open_chart(open_page, url: str, size: tuple[int, int]) -> tuple[Page, list[str]]:
    """The page, once its chart is drawn, and every console message it logged (plotly's
    warnings come as console.trace, which the page watcher does not count as errors)."""
    watched = open_page(url, *size)
    page = watched.page
    logged: list[str] = []
    page.on("console", lambda message: logged.append(f"{message.type}: {message.text}"))
    page.reload()
    wait_for_app(page)
    expect(page.locator(PLOT).first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1_000)
    return page, logged


def test_timeline_logs_nothing_and_writes_words_beside_their_own_marks(base, open_page):
    for language in LANGUAGES:
        for width, height in ((1280, 900), (390, 844)):
            page, logged = open_chart(
                open_page, f"{base}/timeline?lang={language}", (width, height)
            )
            save_screenshot(page, f"timeline-{language}-{width}")
            bad = [line for line in logged if "404" not in line and not line.startswith("log")]
            bad = [line for line in bad if "does not seem to exist" not in line]
            assert not bad, f"{language} {width}: {bad}"
            marks, words = page.evaluate(
                """(plot) => {
                    const root = document.querySelector(plot);
                    const box = e => { const r = e.getBoundingClientRect();
                        return [r.left, r.top, r.right, r.bottom]; };
                    const marks = [...root.querySelectorAll('.scatterlayer .trace')]
                        .flatMap(t => [...t.querySelectorAll('path.point')]).map(box);
                    // the letters' box: the figure spaces that keep words clear of a mark
                    // are part of the text element's box, not of what a reader sees
                    const letters = text => {
                        const content = text.textContent, matrix = text.getScreenCTM();
                        const point = (x, y) => new DOMPoint(x, y).matrixTransform(matrix);
                        let box = null;
                        for (let i = 0; i < text.getNumberOfChars(); i++) {
                            if (!content[i].trim() || content[i] === '\u2007') continue;
                            const e = text.getExtentOfChar(i);
                            const a = point(e.x, e.y), b = point(e.x + e.width, e.y + e.height);
                            box = box ? [Math.min(box[0], a.x), Math.min(box[1], a.y),
                                         Math.max(box[2], b.x), Math.max(box[3], b.y)]
                                      : [a.x, a.y, b.x, b.y];
                        }
                        return box;
                    };
                    const words = [...root.querySelectorAll('.scatterlayer .textpoint text')]
                        .map(letters).filter(b => b);
                    return [marks, words];
                }""",
                PLOT,
            )
            assert len(marks) >= 6 and len(words) >= 6, (marks, words)
            for mark in marks:
                middle = (mark[1] + mark[3]) / 2
                beside = [
                    w
                    for w in words
                    if w[1] <= middle <= w[3] and min(abs(w[0] - mark[2]), abs(mark[0] - w[2])) < 30
                ]
                assert beside, f"{language} {width}: no words on the line of the mark at {mark}"
                for w in words:  # the diamond covers no letter
                    covered = (
                        w[0] < mark[2] and mark[0] < w[2] and w[1] < mark[3] and mark[1] < w[3]
                    )
                    assert not covered, f"{language} {width}: a mark at {mark} covers words at {w}"


@pytest.mark.parametrize("size", SIZES)
def test_funding_chart_labels_are_readable_and_inside_the_chart(base, open_page, size):
    for language in LANGUAGES:
        page, _ = open_chart(open_page, f"{base}/funding?lang={language}", size)
        save_screenshot(page, f"funding-{language}-{size[0]}")
        texts = page.evaluate(
            """(plot) => {
                const root = document.querySelector(plot);
                const frame = root.getBoundingClientRect();
                return [...root.querySelectorAll('text')]
                    .filter(t => t.textContent.trim())
                    .map(t => { const r = t.getBoundingClientRect();
                        return {text: t.textContent,
                                px: parseFloat(getComputedStyle(t).fontSize),
                                inside: r.left >= frame.left - 1 && r.right <= frame.right + 1}; });
            }""",
            PLOT,
        )
        assert len(texts) >= 10, texts
        small = [t for t in texts if t["px"] < SMALLEST_TEXT_PX]
        assert not small, f"{language} {size[0]}: text smaller than {SMALLEST_TEXT_PX} px: {small}"
        outside = [t["text"] for t in texts if not t["inside"]]
        assert not outside, f"{language} {size[0]}: text runs out of the chart: {outside}"
        assert not [t["text"] for t in texts if "…" in t["text"]], "a label is cut"


CHART_PAGES = {  # path -> the page's title, which its chart's picture carries
    "participants": "Participants by city",
    "people-supported": "People supported",
    "timeline": "Timeline",
    "funding": "Funding",
}


@pytest.mark.parametrize("path", list(CHART_PAGES))
def test_chart_picture_carries_title_filters_date_and_source_uncut(base, open_page, path):
    """What Plotly's camera button saves is the chart as drawn: its text is read here, in each
    language, and every piece of it lies inside the picture, none cut with "…"."""
    today = dt.date.today()
    for language in LANGUAGES:
        page, _ = open_chart(open_page, f"{base}/{path}?lang={language}", (1280, 900))
        texts = page.evaluate(
            """(plot) => {
                const root = document.querySelector(plot);
                const frame = root.querySelector('svg.main-svg').getBoundingClientRect();
                return [...root.querySelectorAll('text')]
                    .filter(t => t.textContent.trim())
                    .map(t => { const r = t.getBoundingClientRect();
                        return {text: t.textContent,
                                inside: r.left >= frame.left - 1 && r.right <= frame.right + 1
                                    && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1}; });
            }""",
            PLOT,
        )
        written = " ".join(t["text"] for t in texts)
        assert tr(language, CHART_PAGES[path]) in written
        assert tr(language, "Showing: {filters}", filters="") in written
        assert format_day(today.year, today.month, today.day, language) in written
        assert tr(language, "Source: {source}", source="").strip() in written
        assert "…" not in written, f"{path} {language}: a text is cut"
        outside = [t["text"] for t in texts if not t["inside"]]
        assert not outside, f"{path} {language}: text outside the picture: {outside}"


BAR_PAGES = ["participants", "people-supported", "funding"]


@pytest.mark.parametrize("path", BAR_PAGES)
def test_phone_bars_keep_most_of_the_width_and_every_name(base, open_page, path):
    """Issue 17, point 12: at 390 px a bar chart's plot area (each panel's) is at least half
    the chart's width, names above the bars instead of beside them; every text is inside the
    chart, readable and uncut; the language can be changed from the page itself."""
    for language in LANGUAGES:
        page, _ = open_chart(open_page, f"{base}/{path}?lang={language}", (390, 844))
        save_screenshot(page, f"phone-bars-{path}-{language}")
        measured = page.evaluate(
            """(plot) => {
                const root = document.querySelector(plot);
                const frame = root.getBoundingClientRect();
                const panels = [...root.querySelectorAll('.nsewdrag')]
                    .map(d => d.getBoundingClientRect().width);
                const texts = [...root.querySelectorAll('text')]
                    .filter(t => t.textContent.trim())
                    .map(t => { const r = t.getBoundingClientRect();
                        return {text: t.textContent,
                                px: parseFloat(getComputedStyle(t).fontSize),
                                inside: r.left >= frame.left - 1 && r.right <= frame.right + 1}; });
                return {width: frame.width, panels, texts};
            }""",
            PLOT,
        )
        assert measured["panels"], f"{path} {language}: no plot area"
        for panel in measured["panels"]:
            assert panel >= measured["width"] / 2, (
                f"{path} {language}: plot {panel:.0f} px of a {measured['width']:.0f} px chart"
            )
        texts = measured["texts"]
        assert not [t for t in texts if t["px"] < SMALLEST_TEXT_PX], f"{path} {language}"
        assert not [t["text"] for t in texts if not t["inside"]], f"{path} {language}"
        assert not [t["text"] for t in texts if "…" in t["text"]], f"{path} {language}"
        picker = page.locator('[data-testid="stMain"]').get_by_text(
            LANGUAGE_NAMES[language], exact=True
        )
        expect(picker.first).to_be_in_viewport()
