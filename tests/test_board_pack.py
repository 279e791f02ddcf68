"""The board pack (PDF) in English, Bulgarian and Macedonian, the command that writes it, the
button on every page, and presentation mode as AppTest sees it.

The PDFs are read back with Debian's poppler-utils (pdfinfo, pdftotext, pdffonts) and drawn
to PNG with pdftoppm into tests/artifacts/board-pack-<language>-<page>.png, for a person to look.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from app_support import DASHBOARD_PAGES
from fixture_data import FIXTURE_DATA_DIR, ROOT
from PIL import Image
from streamlit.testing.v1 import AppTest

from lib.board.content import TOPICS, board_content, topic_title
from lib.board.model import REFS, SourceNumbering
from lib.board.pdf import board_pack
from lib.cli import main
from lib.load.loader import load_portfolio
from lib.model.languages import LANGUAGE_CODES
from lib.query.filters import Filters
from lib.query.names import filters_in_words
from lib.text.i18n import tr

ARTIFACTS = ROOT / "tests" / "artifacts"
MADE_ON = dt.date(2026, 11, 23)
PAGES = 1 + len(TOPICS) + 1  # at most: title, one a topic, sources (short ones share a page)
NBSP = "\u00a0"

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdffonts)"
)


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path) -> str:
    """The text of the PDF, with no-break spaces (Bulgarian digit groups) as spaces."""
    return _run("pdftotext", "-layout", str(path), "-").replace(NBSP, " ")


def page_count(path: Path) -> int:
    info = _run("pdfinfo", str(path))
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.fixture(scope="module")
def portfolio():
    return load_portfolio(FIXTURE_DATA_DIR).portfolio


@pytest.fixture(scope="module")
def packs(portfolio) -> dict[str, Path]:
    """The whole data set's pack in each language, written to tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = {}
    for language in LANGUAGE_CODES:
        path = ARTIFACTS / f"board-pack-{language}.pdf"
        path.write_bytes(board_pack(portfolio, Filters(), language, MADE_ON))
        written[language] = path
    return written


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pack_has_a_title_page_a_page_a_topic_and_the_sources(packs, language):
    assert 1 + len(TOPICS) - 2 <= page_count(packs[language]) <= PAGES
    text = pdf_text(packs[language])
    headings = [topic_title(key, language) for key in TOPICS] + [tr(language, "Sources")]
    positions = [text.rfind(heading) for heading in headings]
    assert positions == sorted(positions) and -1 not in positions, "topics then the sources"
    info = _run("pdfinfo", str(packs[language]))
    assert "A4" in info
    assert "CreationDate:" in info and "2026" in info


def test_english_pack_holds_the_filters_and_the_figures(packs, portfolio):
    text = pdf_text(packs["en"])
    assert filters_in_words(portfolio, Filters(), "en") in text  # "All projects"
    for figure in ("291", "259", "132", "127", "518", "about 84,000", "about 16 or more"):
        assert figure in text, figure
    assert "[1]" in text and "Sources" in text
    assert "23 November 2026" in text


@pytest.mark.parametrize("language", ["bg", "mk"])
def test_cyrillic_packs_write_names_and_numbers_for_their_language(packs, portfolio, language):
    text = pdf_text(packs[language])
    assert filters_in_words(portfolio, Filters(), language) in text
    assert portfolio.places["shtip"].names.get(language) in text  # Щип / Штип
    for figure in ("291", "259", "132", "518"):
        assert figure in text, figure
    thousands = "84 000" if language == "bg" else "84.000"
    assert thousands in text


def test_bulgarian_and_macedonian_packs_differ_in_language(packs):
    bulgarian, macedonian = pdf_text(packs["bg"]), pdf_text(packs["mk"])
    assert "Щип" in bulgarian and "Штип" in macedonian


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_font_is_embedded(packs, language):
    fonts = _run("pdffonts", str(packs[language])).splitlines()[2:]
    assert fonts, "the PDF names no font"
    for line in fonts:
        assert "DejaVuSans" in line and " yes " in line, line  # embedded, subset, Unicode


def test_same_inputs_give_the_same_bytes(portfolio):
    first = board_pack(portfolio, Filters(cities=("shtip",)), "mk", MADE_ON)
    again = board_pack(portfolio, Filters(cities=("shtip",)), "mk", MADE_ON)
    assert first == again


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pages_render_to_pictures_with_something_on_each(packs, language):
    prefix = ARTIFACTS / f"board-pack-{language}"
    for old in ARTIFACTS.glob(f"board-pack-{language}-*.png"):
        old.unlink()
    _run("pdftoppm", "-r", "60", "-png", str(packs[language]), str(prefix))
    pictures = sorted(ARTIFACTS.glob(f"board-pack-{language}-*.png"))
    assert len(pictures) == page_count(packs[language])
    for picture in pictures:
        with Image.open(picture) as image:
            grey = image.convert("L")
            assert grey.size[1] > grey.size[0], "portrait"
            dark = sum(grey.point(lambda v: 255 if v < 200 else 0).histogram()[255:])
            assert dark > 200, f"{picture.name} is blank"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_page_is_more_than_half_empty(packs, language, tmp_path):
    """Issue 17, point 15: what is printed reaches at least halfway down every page (the
    footer's page number left out)."""
    _run("pdftoppm", "-r", "40", "-png", str(packs[language]), str(tmp_path / "page"))
    for picture in sorted(tmp_path.glob("page-*.png")):
        with Image.open(picture) as image:
            ink = image.convert("L").point(lambda v: 255 if v < 200 else 0)
            body = ink.crop((0, 0, ink.width, int(ink.height * 0.93)))  # above the footer
            lowest = body.getbbox()[3]
            assert lowest > ink.height / 2, f"{language} {picture.name}: half empty"


def test_command_line_writes_the_same_pack_as_the_app(tmp_path, portfolio, capsys):
    out = tmp_path / "pack.pdf"
    args = ["board-pack", "--lang", "bg", "--city", "shtip", "--out", str(out)]
    assert main([*args, "--date", MADE_ON.isoformat()]) == 0
    assert "Wrote" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Щип" in text and "132" in text
    assert out.read_bytes() == board_pack(portfolio, Filters(cities=("shtip",)), "bg", MADE_ON)


def test_command_line_refuses_an_unknown_city(tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["board-pack", "--city", "atlantis", "--out", str(out)]) == 2
    assert "atlantis" in capsys.readouterr().err
    assert not out.exists()


def test_a_filter_matching_nothing_still_gives_a_pack_that_says_so(portfolio, tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(board_pack(portfolio, Filters(years=(1990, 1990)), "en", MADE_ON))
    text = pdf_text(path)
    assert "Years: 1990" in text
    # every topic says so, on pages it shares: empty topics take no page each
    assert text.count("No project matches these filters.") == len(TOPICS)
    assert page_count(path) < PAGES


# The app: the button on every page, presentation mode ------------------------------------------

APP_PAGES = DASHBOARD_PAGES


def _shown(element: object) -> str:
    """An element's text as a reader sees it: its markdown source without the escapes."""
    return element.value.replace("\\", "")


def _app(monkeypatch, **params: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DATA_DIR))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize("page", APP_PAGES)
def test_every_page_offers_the_board_pack(monkeypatch, page):
    app = _app(monkeypatch)
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    buttons = [b for b in app.get("download_button") if b.proto.id and "board-pack" in b.proto.id]
    assert len(buttons) == 1
    assert buttons[0].proto.label == "Board pack (PDF)"


def _showing(app) -> str:
    """The screen's line of filters in words (the heading under the title)."""
    return _shown(app.header[0])


def test_presentation_mode_has_no_sidebar_and_moves_topic_by_topic(monkeypatch):
    app = _app(monkeypatch, present="1", city="shtip")
    assert [w for w in app.multiselect if w.key.startswith("filter.")] == []
    assert app.sidebar.children == {} or not list(app.sidebar)
    assert app.title[0].value == "Overview"
    assert "City: Shtip" in _showing(app)
    app.button(key="present.next").click().run()
    assert app.query_params["slide"] == ["2"] or app.query_params["slide"] == "2"
    assert app.title[0].value == "Participants by city"
    assert "City: Shtip" in _showing(app)
    assert "132" in [subheader.value for subheader in app.subheader]
    app.button(key="present.previous").click().run()
    assert app.title[0].value == "Overview"


def test_presentation_mode_speaks_the_language_of_the_link(monkeypatch, portfolio):
    app = _app(monkeypatch, present="1", slide="3", lang="mk")  # the map
    assert filters_in_words(portfolio, Filters(), "mk") in _showing(app)
    labels = [_shown(text).strip("*") for text in app.markdown]
    assert "Штип" in labels and "Щип" not in labels


def test_presentation_mode_refuses_a_slide_it_does_not_have(monkeypatch):
    app = _app(monkeypatch, present="1", slide="99")
    assert app.title[0].value == "Overview"
    assert any("99" in warning.value for warning in app.warning)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_cited_number_is_a_listed_report(portfolio, language):
    """Each figure is traceable: every [n] beside a figure names a report on the last page."""
    board = board_content(portfolio, Filters(), language)
    listed = {entry.number for entry in board.sources}
    cited = {n for topic in board.topics for line in topic.tiles + topic.lines for n in line.refs}
    assert cited == listed
    assert listed == set(range(1, len(listed) + 1))
    overview = board.topic("overview")
    assert all(tile.refs for tile in overview.tiles[4:]), "each headline figure has a source"


def test_a_line_numbers_at_most_refs_reports():
    numbering = SourceNumbering(load_portfolio(FIXTURE_DATA_DIR).portfolio)
    ids = list(numbering.portfolio.sources) * 3
    numbers, more = numbering.of(ids)
    assert len(numbers) == min(REFS, len(set(ids)))
    assert more == max(len(set(ids)) - REFS, 0)


def test_pages_load_the_pdf_and_chart_libraries_only_for_a_pack():
    """matplotlib and fpdf2 are some 40 MB of server memory: a server whose readers never ask
    for a board pack does not import them."""
    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        "app = AppTest.from_file('dashboard.py', default_timeout=60)\n"
        "app.run()\n"
        "for page in ('pages/participants/app.py', 'pages/map/app.py'):\n"
        "    app.switch_page(page).run()\n"
        "assert not app.exception\n"
        "print(sorted({'matplotlib', 'fpdf'} & set(sys.modules)))\n"
        "from lib.ui.board_download import pack_bytes\n"
        "from lib.ui.app_data import load_for_app\n"
        "from lib.query.filters import Filters\n"
        "import datetime as dt\n"
        "pack = pack_bytes(load_for_app().portfolio, Filters(), 'en', dt.date(2026, 1, 1))\n"
        "print(pack[:5], sorted({'matplotlib', 'fpdf'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-2:] == ["[]", "b'%PDF-' ['fpdf', 'matplotlib']"]
