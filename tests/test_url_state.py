"""The view in the URL: defaults left out, every value a link can carry checked."""

import re

import pytest

from lib.query.filters import Filters
from lib.text.escape import md
from lib.ui.url_state import filters_from_params, params_from_filters

OPTIONS = {
    "countries": ["BG", "MK"],
    "cities": ["shtip", "strazhitsa"],
    "funders": ["european-union"],
    "programmes": ["europe-for-citizens"],
    "projects": ["shtip-strazhitsa-twinning"],
}
BOUNDS = (2017, 2021)


def read(params: dict[str, list[str]]) -> tuple[Filters, list[str]]:
    return filters_from_params(params, OPTIONS, BOUNDS)


def test_defaults_are_left_out_of_the_url():
    assert params_from_filters(Filters()) == {}
    assert params_from_filters(Filters(cities=("shtip",), years=(2018, 2018))) == {
        "city": "shtip",
        "from": "2018",
        "to": "2018",
    }


def test_a_link_round_trips():
    filters = Filters(countries=("MK", "BG"), cities=("shtip",), years=(2018, 2019))
    params = {key: [value] for key, value in params_from_filters(filters).items()}
    assert read(params) == (filters, [])


def test_unknown_values_are_dropped_with_a_notice():
    filters, notices = read({"country": ["MK,XX"]})
    assert filters.countries == ("MK",)
    assert notices == ["Ignored 'XX' from the link: not among the dashboard's countries."]


HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://example.org/x.png)",
    ":red[alarm]",
    "$5 and $10",
    "**bold** _it_ `code` # heading",
    "<img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_injected_text_is_echoed_inertly(hostile):
    filters, notices = read({"city": [hostile]})
    assert filters.cities == ()
    assert notices == [f"Ignored '{md(hostile)}' from the link: not among the dashboard's cities."]
    assert_inert(notices[0])


def assert_inert(notice: str) -> None:
    """Every character of the echoed value that markdown acts on is escaped with a backslash."""
    value = notice.split("'", 1)[1].rsplit("' from the link", 1)[0]
    assert not re.search(r"[<>\[\]()!`*_$:#]", re.sub(r"\\.", "", value)), notice


def test_a_very_long_value_is_refused():
    filters, notices = read({"city": ["shtip," * 200]})
    assert filters.cities == ()
    assert notices == [
        "Ignored city 'shtip,shtip,shtip,shtip,shtip,shtip,sht…' from the link: the value is "
        "too long (1200 characters)."
    ]


def test_a_100_kb_hostile_value_is_cut_short_and_inert():
    value = "<script>" + "x" * 100_000
    filters, notices = read({"city": [value], "project": [value.replace(",", "")]})
    assert filters == Filters()
    assert len(notices) == 2
    assert all(len(notice) < 200 for notice in notices)
    assert all("\\<script\\>xxx" in notice and "<script>" not in notice for notice in notices)


def test_unknown_parameters_are_named_in_a_notice():
    filters, notices = read({"cty": ["shtip"], "utm_source": ["mail"], "city": ["shtip"]})
    assert filters.cities == ("shtip",)
    assert notices == [
        "Ignored 'cty', 'utm\\_source' in the link: the dashboard has no such setting."
    ]


def test_an_unknown_hostile_parameter_name_is_inert():
    _, notices = read({"<b>" + "y" * 5000: ["1"]})
    assert len(notices) == 1 and len(notices[0]) < 150
    assert "\\<b\\>yyy" in notices[0]


def test_the_other_parts_parameters_are_not_unknown():
    assert read({"lang": ["bg"], "show": ["x"], "present": ["1"], "slide": ["2"]}) == (
        Filters(),
        [],
    )


def test_repeated_keys_are_combined_with_a_notice():
    filters, notices = read({"city": ["shtip", "strazhitsa", "shtip"]})
    assert filters.cities == ("shtip", "strazhitsa")
    assert notices == ["The link gives city 3 times; the values were combined."]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": ["2015"]}, "between 2017 and 2021"),
        ({"from": ["2020"], "to": ["2018"]}, "between 2017 and 2021"),
        ({"from": ["twenty"]}, "years 'twenty' in the link: from and to must be years like 2018"),
        ({"to": ["2018.5"]}, "years '2018\\.5'"),
        ({"from": ["-2018"]}, "years '\\-2018'"),
        ({"from": ["9" * 5000]}, "must be years like 2018"),
        ({"from": ["<b>2018</b>"]}, "years '\\<b\\>2018\\</b\\>'"),
        ({"from": ["２０１８"]}, "must be years like 2018"),
        ({"from": ["2018", "2019"]}, "gives from or to more than once"),
        ({"to": ["2019", "2019"]}, "gives from or to more than once"),
    ],
)
def test_impossible_years_are_refused(params, words):
    filters, notices = read(params)
    assert filters.years is None
    assert len(notices) == 1 and words in notices[0], notices
    assert len(notices[0]) < 200


def test_a_year_range_inside_the_bounds_is_kept():
    assert read({"from": ["2018"], "to": ["2019"]}) == (Filters(years=(2018, 2019)), [])


def test_the_full_year_range_is_no_year_filter():
    assert read({"from": ["2017"], "to": ["2021"]}) == (Filters(), [])
