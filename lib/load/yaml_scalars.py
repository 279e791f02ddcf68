"""Put into a curator's words what YAML makes of their text: unquoted values, and syntax slips.

PyYAML follows YAML 1.1, which turns NO into false, 01234 into 668 and 1:30 into 90 without a word.
Here only true/false, null and plain decimal numbers are read as such; every other plain value
stays the text the curator typed, with a warning when some YAML reader would take it otherwise.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_BOOLS = {"true": True, "false": False}
_NULLS = {"null", "~", ""}
# y and n are booleans in the YAML 1.1 spec even though PyYAML leaves them alone; other tools don't.
_YES_NO = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+(\.[0-9]*)?")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
# Forms some YAML reader takes as a number although a person would not write a number that way.
_ODD_NUMBER = re.compile(
    r"[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?"
    r"|[0-9]+\.|\.[0-9]+([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN)"
)
_YAML11_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


_LONGEST_NUMBER = 100
_NUMBER_LIKE = re.compile(r"[-+0-9_:.eEoxXa-fA-F]+")


@lru_cache(maxsize=4096)  # keys and words like `venue` recur thousands of times in a portfolio
def read_plain(text: str) -> tuple[Any, str | None]:
    """The value of an unquoted scalar, and a warning for the curator or None.

    A value with a warning is returned as the literal text so later checks can still run.
    """
    if len(text) > _LONGEST_NUMBER and _NUMBER_LIKE.fullmatch(text):
        # Python refuses to read an integer of over 4,300 digits (it raises an error)
        return text, (
            f"YAML reads this {len(text):,}-character value as a number, far longer than any "
            "value in a data file needs; check what was pasted here, or put it in quotes"
        )
    lowered = text.lower()
    if lowered in _BOOLS:
        return _BOOLS[lowered], None
    if lowered in _NULLS:
        return None, None
    if lowered in _YES_NO:
        meaning = "true" if _YES_NO[lowered] else "false"
        return text, (
            f"YAML reads {text} as {meaning}; write true or false, "
            f'or put the text in quotes ("{text}")'
        )
    if _INT.fullmatch(text):
        return int(text), None
    if _FLOAT.fullmatch(text) and math.isfinite(float(text)):
        return float(text), None
    return text, _number_trap(text)


def _number_trap(text: str) -> str | None:
    """A warning when `text` looks like a number written in a way some YAML reader misreads."""
    reading = _yaml11_number(text)
    if _LEADING_ZERO.fullmatch(text):
        if isinstance(reading, int):
            said = f"YAML 1.1 reads {text} as the octal number {reading}"
        else:
            said = f"some programs read {text} as the number {_show(float(text))}"
        return f'{said}; put it in quotes if it is a code ("{text}"), or remove the leading zero'
    if reading is not None and _SEXAGESIMAL.fullmatch(text):
        return (
            f"YAML reads {text} as the number {_show(reading)} (it counts in sixties, like "
            f'minutes and seconds); put it in quotes ("{text}")'
        )
    if reading is not None or _ODD_NUMBER.fullmatch(text) or _FLOAT.fullmatch(text):
        said = "as a number" if reading is None else f"as the number {_show(reading)}"
        return f'YAML reads {text} {said}; write plain digits, or put it in quotes ("{text}")'
    return None


def _yaml11_number(text: str) -> int | float | None:
    """What PyYAML's YAML 1.1 rules would make of `text`, when that is a number."""
    tag = Resolver().resolve(ScalarNode, text, (True, False))
    if tag not in _YAML11_NUMBER_TAGS:
        return None
    try:
        number: int | float = SafeConstructor().construct_object(ScalarNode(tag, text))
    except (ConstructorError, ValueError):
        return None
    return number


def _show(number: float) -> str:
    """A number as a person would read it in a message."""
    if isinstance(number, float) and math.isnan(number):
        return '"not a number"'
    if isinstance(number, float) and math.isinf(number):
        return "infinity" if number > 0 else "minus infinity"
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return str(number)


def explain_syntax(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line to point at and plain words for a PyYAML syntax error."""
    mark = error.problem_mark or error.context_mark
    last_line = max(len(text.splitlines()), 1)
    line = None if mark is None else min(mark.line + 1, last_line)
    start = line if error.context_mark is None else error.context_mark.line + 1
    problem, context = error.problem or "", error.context or ""
    return line, f"{_plain_words(problem, context, start)} (YAML says: {problem})"


def _plain_words(problem: str, context: str, start: int | None) -> str:
    if "'\\t'" in problem:
        return "a tab is used for indentation here, which YAML does not allow; indent with spaces"
    if "mapping values are not allowed" in problem:
        return (
            'the value contains a colon followed by a space (": "), which YAML reads as a new '
            'name; put the whole value in double quotes, e.g. title: "Integration: first steps"'
        )
    if "quoted scalar" in context:
        return (
            f"the quoted value that starts on line {start} is not closed; end it with the same "
            "quote mark it starts with"
        )
    if "escape character" in problem:
        return (
            "a backslash (\\) inside double quotes starts a special code; put the value in "
            "single quotes instead, or write each backslash twice"
        )
    if "could not find expected ':'" in problem:
        return (
            f"line {start} is not in the form name: value (a colon and a space are missing); add "
            "them, or if the line continues the text above, put that whole text in quotes"
        )
    found = re.search(r"found character '(.+?)' that cannot start", problem)
    if found:
        return f"a value cannot begin with {found.group(1)}; put the value in quotes"
    if "flow" in context:
        return (
            f"the brackets ([ ] or {{ }}) opened on line {start} are not closed properly; check "
            "for a missing bracket or comma, or put text containing brackets or commas in quotes"
        )
    if "alias" in context or "anchor" in context:
        return "* and & cannot begin a value; put the value in quotes"
    if "tag" in problem or "tag" in context:
        return "! cannot begin a value (tags are not allowed); put the value in quotes"
    if "block" in problem or "block" in context or "expected key" in problem:
        return (
            "this line is not indented like the lines around it; line it up with spaces with the "
            "other entries of its block, and if a value starts with a quote mark, make sure the "
            "whole value is inside the quotes"
        )
    if "document start" in problem:
        return "a line starting with % has a special meaning in YAML; delete it or quote the text"
    return (
        "YAML cannot read this; check the indentation (spaces only) and put values that start "
        "with a special character (& * ! | > ' \" % @ `) or contain ': ' or ' #' in quotes"
    )
