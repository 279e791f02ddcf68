"""No page shows a reader the data's internals (issue 17, point 7): no field name
(`period_start`, `начало_на_периода`), no `None` or `nan`, no date in the data's notation
(`--09`, `2018-06-19`), in English, Bulgarian or Macedonian. Read from what each page
draws with AppTest: its titles, headings, texts, notices and headline figures.

Its tables are not read yet: the Projects page's figures table still shows the download's
snake_case headers and ISO dates, and the map's city table empty cells as nan (issue 17,
point 3, open).
"""

from __future__ import annotations

import re

import pytest
from app_support import DASHBOARD_PAGES, ROOT
from streamlit.testing.v1 import AppTest

INTERNAL = {
    "a field name": re.compile(r"\b\w+_\w+\b"),
    "None or nan": re.compile(r"(?<![\w.])(None|nan|NaN|<NA>)(?![\w.])"),
    "a date without its year, in the data's notation": re.compile(r"(?<![\w-])--\d\d\b"),
    "a date in ISO notation": re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b"),
}
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning")


def visible_text(app: AppTest) -> list[str]:
    main = app.main
    texts = [element.value for kind in TEXT_ELEMENTS for element in getattr(main, kind)]
    for metric in main.metric:
        texts += [metric.label, metric.value]
    return texts


@pytest.mark.parametrize("language", ["en", "bg", "mk"])
@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_page_shows_no_internals(page, language):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = language
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    found = [
        f"{what}: {match.group(0)!r} in {text[:80]!r}"
        for text in visible_text(app)
        for what, pattern in INTERNAL.items()
        for match in pattern.finditer(text)
        if "http" not in text and "`" not in text  # links and code are quoted as they are
    ]
    assert found == []
