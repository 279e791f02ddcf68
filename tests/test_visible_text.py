"""No page shows a reader the data's internals (issue 17, point 7): no field name
(`period_start`, `начало_на_периода`), no `None`, `nan` or `<NA>`, no date in the data's
notation (`--09`, `2018-06-19`), in English, Bulgarian or Macedonian. Read from what each page
draws with AppTest: its titles, headings, texts, notices, headline figures, and its tables'
headers and cells (the frames Streamlit's grid is given).

A table leads with its number and what it counts (issue 17, point 3): on a phone the first
columns are the ones in view. tests/test_browser_tables.py looks at them in Chromium.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from app_support import DASHBOARD_PAGES, ROOT
from streamlit.testing.v1 import AppTest

from lib.text.i18n import tr
from lib.topics.map.data import STATUS_WORDS

INTERNAL = {
    "a field name": re.compile(r"\b\w+_\w+\b"),
    "None or nan": re.compile(r"(?<![\w.])(None|nan|NaN|<NA>)(?![\w.])"),
    "a date without its year, in the data's notation": re.compile(r"(?<![\w-])--\d\d\b"),
    "a date in ISO notation": re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b"),
}
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning")
LANGUAGES = ["en", "bg", "mk"]
# Shown as they are, not written by the dashboard: the reports' sentences, their links and the
# data folder's file names.
AS_THEY_ARE = ("Quote", "quote", "link", "file")

# The first column of each table of a page, in the page's order: the number where the table
# has one, else what the row is (an organisation, a report's use, a date's event).
LEADING_COLUMNS = {
    "pages/people_supported/app.py": ["Number"],
    "pages/participants/app.py": ["Participants"],
    "pages/funding/app.py": ["Amount"],
    "pages/projects/app.py": ["events", "Number", "organisation", "amount", "sessions", "source"],
    "pages/map/app.py": ["Dot size"],
    "pages/sources/app.py": ["facts taken", "project"],
    "pages/timeline/app.py": ["What", "What", "What"],
}
NUMBER_COLUMNS = {"Number", "Participants", "Amount", "events", "facts taken", "Dot size"}
# A number's cell: digits, or the words for a number no report gives (or the map's filters hide)
NUMBER_WORDS = ("not reported", "not stated", "fewer than", *STATUS_WORDS.values())


def open_page(page: str, language: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = language
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def visible_text(app: AppTest) -> list[str]:
    main = app.main
    texts = [element.value for kind in TEXT_ELEMENTS for element in getattr(main, kind)]
    for metric in main.metric:
        texts += [metric.label, metric.value]
    return texts


def table_text(app: AppTest, language: str) -> list[str]:
    """The headers and cells of the page's tables, but for the columns shown as they are."""
    as_they_are = {tr(language, header) for header in AS_THEY_ARE}
    texts = []
    for table in app.main.dataframe:
        frame: pd.DataFrame = table.value
        texts += [str(header) for header in frame.columns]
        for header in frame.columns:
            if header not in as_they_are:
                texts += [str(cell) for cell in frame[header]]
    return texts


def internals(texts: list[str]) -> list[str]:
    return [
        f"{what}: {match.group(0)!r} in {text[:80]!r}"
        for text in texts
        for what, pattern in INTERNAL.items()
        for match in pattern.finditer(text)
        if "http" not in text and "`" not in text  # links and code are quoted as they are
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", DASHBOARD_PAGES)
def test_page_shows_no_internals(page, language):
    app = open_page(page, language)
    assert internals(visible_text(app)) == []
    assert internals(table_text(app, language)) == []


def internals_of_each(app, key: str, language: str) -> dict[str, list[str]]:
    """What looks internal in the tables, for each choice of the select box `key`."""
    choice = app.selectbox(key=key)
    found = {}
    for option in choice.options:
        choice.set_value(option).run()
        assert not app.exception
        found[option] = internals(table_text(app, language))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_project_page_table_shows_internals(language):
    """Every project's own page: its figures, organisations, funding, events and sources."""
    app = open_page("pages/projects/app.py", language)
    found = internals_of_each(app, "projects.show", language)
    assert found == {project: [] for project in found}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_report_shows_internals(language):
    """What was taken from each report, and the list of reports (its translations by title)."""
    app = open_page("pages/sources/app.py", language)
    found = internals_of_each(app, "sources.report", language)
    assert found == {report: [] for report in found}
    listed = app.main.dataframe[0].value
    original = listed[tr(language, "translation of")]
    assert "twinning-report-bg" not in set(original)
    assert "Проектът „Европа в капана на имигрантската криза“" in set(original)
    bulgarian = {"en": "Bulgarian", "bg": "български", "mk": "бугарски"}[language]
    assert bulgarian in set(listed[tr(language, "language")])  # a name, not the code "bg"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(LEADING_COLUMNS))
def test_each_table_leads_with_its_number(page, language):
    app = open_page(page, language)
    tables = [table.value for table in app.main.dataframe]
    leading = [str(table.columns[0]) for table in tables]
    assert leading == [tr(language, header) for header in LEADING_COLUMNS[page]]
    words = tuple(tr(language, word) for word in NUMBER_WORDS)
    for table, header in zip(tables, LEADING_COLUMNS[page], strict=True):
        if header in NUMBER_COLUMNS:
            cells = [str(cell) for cell in table.iloc[:, 0]]
            assert all(re.search(r"\d", c) or c.startswith(words) for c in cells), cells


@pytest.mark.parametrize(("language", "mark"), [("en", "."), ("bg", ","), ("mk", ",")])
def test_map_table_writes_coordinates_and_gaps_in_words(language, mark):
    """Coordinates with the language's decimal mark; a region's missing ones as words."""
    app = open_page("pages/map/app.py", language)
    table = app.main.dataframe[0].value.set_index(tr(language, "GeoNames id"))
    latitude = table[tr(language, "Latitude")]
    assert re.fullmatch(rf"41{re.escape(mark)}\d+", latitude["785482"])  # Shtip
    assert tr(language, "not in the data") in set(latitude)
    assert tr(language, "not in the data") in set(table.index)
