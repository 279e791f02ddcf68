"""A problem's words stay short whatever the data holds, and the app's list of them is bounded."""

from lib.model.problems import MAX_ECHO, Problem, problem_listing, shortened


def test_a_long_echoed_value_is_cut_and_its_length_said() -> None:
    problem = Problem("f.csv", 3, "value", f"'{'9x' * 5000}' is not a whole number")
    assert len(problem.message) < 150
    assert "(10,000 characters)' is not a whole number" in problem.message


def test_a_short_message_is_left_alone_even_with_apostrophes() -> None:
    message = "the report's text doesn't hold it; check the curator's copy of the sentence"
    assert Problem("f.yaml", 1, "quote", message).message == message


def test_a_long_field_name_is_cut() -> None:
    assert len(Problem("f.yaml", 1, "k" * 5000, "m").field) < 150


def test_shortened() -> None:
    assert shortened("abc") == "abc"
    assert shortened("a" * 100) == "a" * (MAX_ECHO - 1) + "… (100 characters)"


def test_the_listing_stops_after_the_limit_and_says_how_many_more() -> None:
    problems = [Problem("f.csv", line, "value", "wrong") for line in range(1, 8)]
    assert problem_listing(problems, limit=3).splitlines() == [
        "f.csv:1: value: wrong",
        "f.csv:2: value: wrong",
        "f.csv:3: value: wrong",
        "… and 4 more; `dashboard-data validate` lists every one.",
    ]
    assert problem_listing(problems[:3], limit=3).count("\n") == 2
