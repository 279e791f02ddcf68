"""Say a schema error in words a curator understands instead of pydantic's own."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from lib.load.fact_checks import OwnChecks
from lib.load.located import Located
from lib.load.yaml_reader import field_name, line_of
from lib.model import schema
from lib.model.problems import Problem

_TYPES = {
    "string_type": "should be text; put it in double quotes",
    "int_type": "should be a whole number, like 12",
    "float_type": "should be a number, like 41.74583",
    "bool_type": "should be true or false",
    "list_type": "should be a list: one line for each item, starting with '- '",
    "model_type": "should be a block of fields (name: value lines indented under it)",
    "dict_type": "should be a block of fields (name: value lines indented under it)",
    "model_attributes_type": "should be a block of fields (name: value lines indented under it)",
    "string_too_short": "is empty; write the text or leave the field out",
    "too_short": "is empty; it needs at least one entry",
    "is_instance_of": "should be a date written as text, like 2018-06-19",
}

_PATTERNS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "should be lower-case letters, digits and single hyphens, "
    "like shtip-strazhitsa",
    r"^[A-Z]{2}$": "should be a two-letter country code in capitals, like MK",
    r"^[A-Z]{3}$": "should be a three-letter currency code in capitals, like EUR",
    r"^https?://\S+$": "should be a web address starting with http:// or https://",
    r"^[\w.-]+\.txt$": "should be the name of a .txt file in the sources folder",
}


def _all_field_names() -> set[str]:
    names: set[str] = set()
    for item in vars(schema).values():
        if isinstance(item, type) and issubclass(item, schema.Strict):
            names.update(item.model_fields)
    return names


_FIELDS = _all_field_names()


def describe(error: dict[str, Any]) -> str:
    """One pydantic error dict as a sentence."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        if name in _FIELDS and len(error["loc"]) > 1:
            return (
                f"`{name}` does not belong inside this block; check its indentation "
                "(it may be indented too far, under the field above it)"
            )
        close = difflib.get_close_matches(name, _FIELDS, n=1)
        hint = f"; did you mean `{close[0]}`?" if close else "; check the spelling"
        return f"`{name}` is not a field we know{hint}"
    if kind == "literal_error" and error.get("input") is None:
        return f"is empty; use one of: {context.get('expected', '')}"
    if kind == "literal_error":
        return f"'{error['input']}' is not allowed; use one of: {context.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        words = _PATTERNS.get(context.get("pattern", ""), "is not written the expected way")
        return f"'{error['input']}' {words}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(context.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = f"{int(limit):,}"  # 100,000,000,000 rather than 100000000000.0
        relation = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        return f"{error['input']} is out of range; it must be {relation} {limit}"
    if kind == "string_too_long":
        return f"is too long; at most {context.get('max_length')} characters"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind in _TYPES:
        shown = repr(error.get("input"))[:60]
        return f"{_TYPES[kind]} (found {shown})"
    return error["msg"]


def validated(
    model: type[BaseModel],
    raw: Any,
    file: str,
    lines: dict,
    base: tuple,
    problems: list[Problem],
    own_checks: OwnChecks | None = None,
) -> Located | None:
    """`raw` as a `model`, where it stands (`file`, `lines`, `base`), or None with its
    problems added to `problems`, each naming its line and field. A project's `own_checks`
    are those made where it was parsed."""
    try:
        return Located(model.model_validate(raw), file, lines, base, own_checks=own_checks)
    except ValidationError as error:
        for detail in error.errors():
            path = base + tuple(detail["loc"])
            line = line_of(lines, path)
            problems.append(Problem(file, line, field_name(path) or "(entry)", describe(detail)))
        return None
