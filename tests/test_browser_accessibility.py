"""axe-core on every page, presentation mode included, in English, Bulgarian and Macedonian at
1280 and 390 px (issue 17, point 13), in real Chromium and offline (axe-playwright-python
bundles axe-core): no violation of impact serious or critical, and headings in order.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser_pages import DESKTOP, PHONE, base  # noqa: F401

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "participants",
    "map",
    "people-supported",
    "projects",
    "timeline",
    "funding",
    "sources",
    "?present=1&slide=1",
    "?present=1&slide=2",
    "?present=1&slide=7",
]
WORST = {"serious", "critical"}
ALSO_REFUSED = {"heading-order"}  # moderate, but a screen reader's outline depends on it


@pytest.mark.parametrize("size", [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="390")])
@pytest.mark.parametrize("language", ["en", "bg", "mk"])
def test_no_serious_accessibility_violations(base, open_page, language, size):  # noqa: F811
    axe = Axe()
    found = []
    for path in PAGES:
        url = f"{base}/{path}{'&' if '?' in path else '?'}lang={language}"
        watched = open_page(url, *size)
        watched.page.wait_for_timeout(1000)  # tables and charts are drawn after the run
        for violation in axe.run(watched.page).response["violations"]:
            if violation["impact"] in WORST or violation["id"] in ALSO_REFUSED:
                target = violation["nodes"][0]["target"]
                found.append(f"/{path}: {violation['id']} ({violation['impact']}) at {target}")
    assert found == []
