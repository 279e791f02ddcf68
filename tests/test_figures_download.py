"""The figures CSV a page offers holds the page's figures and only those, chosen on the click
(lib/ui/components.py figures_download): the Participants CSV has 259, 132, 127 and 32, not the
518 refugees supported; the Overview's has every figure."""

import pytest
from fixture_data import FIXTURE_DATA_DIR

from lib.load.loader import load_portfolio
from lib.query.filters import Filters, selected_projects
from lib.ui import components
from lib.ui.view import View


@pytest.fixture(scope="module")
def view():
    portfolio = load_portfolio(FIXTURE_DATA_DIR).portfolio
    filters = Filters()
    return View(
        portfolio,
        filters,
        selected_projects(portfolio, filters),
        "en",
    )


def _offered(monkeypatch, view, codes):
    offered = {}
    monkeypatch.setattr(components, "csv_download", lambda build, *a, **k: offered.update(b=build))
    components.figures_download(view, "figures.csv", key="figures.csv", codes=codes)
    return offered["b"]()


def test_the_participants_csv_has_the_participants_figures_only(monkeypatch, view):
    table = _offered(monkeypatch, view, ["participants"])
    assert set(table["indicator"]) == {"Participants"}
    assert table["value"].dropna().tolist() == [259, 132, 127, 32]


def test_the_overview_csv_has_every_figure(monkeypatch, view):
    table = _offered(monkeypatch, view, None)
    assert len(table) == len(view.values)
    assert 518 in table["value"].dropna().tolist()
