"""Links with bad parameters open the dashboard anyway: each bad part ignored with a notice that
shows it inertly, the rest of the link applied, the figures drawn, never an exception."""

from __future__ import annotations

import pytest
from fixture_data import FIXTURE_DATA_DIR, ROOT
from streamlit.testing.v1 import AppTest


def open_link(monkeypatch, **params: str | list[str]) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(FIXTURE_DATA_DIR))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params.update(params)
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def participants(app: AppTest) -> str:
    return {metric.label: metric.value for metric in app.metric}["Participants"]


def notices(app: AppTest) -> list[str]:
    return [warning.value for warning in app.sidebar.warning]


def test_a_good_link_applies_without_a_notice(monkeypatch):
    app = open_link(monkeypatch, city="shtip")
    assert participants(app) == "132"
    assert notices(app) == []


def test_injected_markup_is_ignored_and_shown_inertly(monkeypatch):
    app = open_link(monkeypatch, city="<script>alert(1)</script>", project="[x](javascript:x)")
    assert participants(app) == "291"  # nothing filtered: the whole portfolio
    shown = notices(app)
    assert len(shown) == 2
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in shown[0]
    assert "\\[x\\]\\(javascript\\:\u2060x\\)" in shown[1]  # a word joiner: no ":x" shortcode
    assert not any("<script>" in text or "](" in text for text in shown)
    assert app.multiselect(key="filter.cities").value == []


def test_unknown_names_and_values_are_ignored_the_rest_applied(monkeypatch):
    app = open_link(monkeypatch, city=["shtip,atlantis"], colour="red", utm_source="mail")
    assert participants(app) == "132"
    assert "Ignored 'colour', 'utm\\_source' in the link" in notices(app)[0]
    assert "Ignored 'atlantis' from the link: not among the dashboard's cities." in notices(app)


def test_a_100_kb_value_is_refused_and_cut_short(monkeypatch):
    app = open_link(monkeypatch, city="shtip" + "x" * 100_000)
    assert participants(app) == "291"
    assert len(notices(app)) == 1
    assert "the value is too long (100005 characters)" in notices(app)[0]
    assert len(notices(app)[0]) < 200


def test_repeated_city_is_combined(monkeypatch):
    app = open_link(monkeypatch, city=["shtip", "strazhitsa"])
    assert app.multiselect(key="filter.cities").value == ["shtip", "strazhitsa"]
    assert notices(app) == ["The link gives city 2 times; the values were combined."]
    assert participants(app) == "259"


@pytest.mark.parametrize(
    ("years", "words"),
    [
        (
            {"from": "twenty", "to": "2018"},
            "'twenty', '2018' in the link: from and to must be years",
        ),
        ({"from": ["2018", "2019"]}, "gives from or to more than once"),
        ({"from": "1850"}, "they must lie between"),
        ({"from": "$2018$"}, "'\\$2018\\$'"),
    ],
)
def test_invalid_years_are_ignored_with_a_notice(monkeypatch, years, words):
    app = open_link(monkeypatch, **years)
    assert participants(app) == "291"
    assert len(notices(app)) == 1 and words in notices(app)[0], notices(app)
