"""A pybabel extractor for the dashboard's own wording kept in data files: the indicators'
descriptions in indicators.yaml, which the pages show as help and translate with `tr`.
babel.cfg names it; `make translations` runs it with the Python extraction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import yaml


def extract_indicator_descriptions(
    fileobj: BinaryIO, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """(line, function, message, comments) for each indicator's description."""
    text = fileobj.read().decode("utf-8")
    for node in yaml.compose(text).value:
        if node[0].value != "indicators":
            continue
        for entry in node[1].value:
            fields = {key.value: value for key, value in entry.value}
            description = fields.get("description")
            code = fields.get("code")
            if description is not None:
                comment = [f"description of indicator {code.value}" if code else "description"]
                yield description.start_mark.line + 1, "", description.value.strip(), comment
