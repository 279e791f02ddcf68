"""The view in the URL: defaults left out, every value a link can carry checked."""

import pytest

from lib.filters import Filters
from lib.url_state import filters_from_params, params_from_filters

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
    assert notices == ["Ignored country 'XX' from the link: there is no such country."]


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![img](http://example.org/x.png)",
        ":red[alarm]",
        "$5 and $10",
    ],
)
def test_injected_text_is_never_echoed(hostile):
    filters, notices = read({"city": [hostile]})
    assert filters.cities == ()
    assert notices == ["Ignored city (an unreadable value) from the link: there is no such city."]


def test_a_very_long_value_is_refused():
    filters, notices = read({"city": ["shtip," * 200]})
    assert filters.cities == ()
    assert notices == ["Ignored city from the link: the value is too long."]


def test_repeated_keys_are_combined_with_a_notice():
    filters, notices = read({"city": ["shtip", "strazhitsa", "shtip"]})
    assert filters.cities == ("shtip", "strazhitsa")
    assert notices == ["The link gives city 3 times; the values were combined."]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": ["2015"]}, "between 2017 and 2021"),
        ({"from": ["2020"], "to": ["2018"]}, "between 2017 and 2021"),
        ({"from": ["twenty"]}, "years like 2018"),
    ],
)
def test_impossible_years_are_refused(params, words):
    filters, notices = read(params)
    assert filters.years is None
    assert len(notices) == 1 and words in notices[0]


def test_the_full_year_range_is_no_year_filter():
    assert read({"from": ["2017"], "to": ["2021"]}) == (Filters(), [])
