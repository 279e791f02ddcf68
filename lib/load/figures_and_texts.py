"""The loader's reading of indicator_values.csv (into the tidy table of figures) and of the
reports' texts that sources.yaml names: every problem said with its file and line."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

from lib.load.control_characters import in_file_text
from lib.load.control_characters import message as control_message
from lib.load.data_file import read_data_file, record_digests
from lib.load.decode import decode
from lib.load.known_files import (
    CarriedRows,
    KnownEntries,
    ReportTexts,
    known_rows,
    known_texts,
)
from lib.load.located import Located
from lib.load.values_csv import VALUES_FILE, ValueRow, read_values
from lib.model.problems import Problem


def read_values_file(
    data_dir: Path, problems: list[Problem], known: KnownEntries | None = None
) -> list[ValueRow]:
    """The rows of indicator_values.csv; when `known` unchanged, CarriedRows, which give the
    rows a check may read once the checks that pass again are known."""
    carried = known_rows(f"{data_dir}/{VALUES_FILE}", VALUES_FILE, known)
    if carried is not None:
        return carried
    data, file_problems = read_data_file(data_dir / VALUES_FILE, VALUES_FILE)
    problems += file_problems
    if data is None:
        return []
    text, decode_problems = decode(data, VALUES_FILE)
    problems += decode_problems
    if text is None:
        return []
    rows, row_problems = read_values(text, VALUES_FILE)
    problems += row_problems
    return rows


def read_source_texts(
    data_dir: Path,
    sources: list[Located],
    problems: list[Problem],
    known: KnownEntries | None = None,
) -> ReportTexts:
    """Each report's text by source id; a text `known` unchanged since an earlier version
    is not read, but taken from it (it passed its checks with the same bytes)."""
    texts = ReportTexts()
    models = [item.model for item in sources]
    found = known_texts(f"{data_dir}/sources/", [model.file for model in models], known)
    unchanged: dict[str, bytes] = {}  # recorded as read, before the next file read
    for item, model, (text_path, name, digest) in zip(sources, models, found, strict=True):
        if digest is not None:
            unchanged[text_path] = digest
            texts.add_known(model.id, functools.partial(known.packed_text, name))
            continue
        record_digests(unchanged)
        unchanged = {}
        path = data_dir / "sources" / model.file
        if not os.path.lexists(path):
            problems.append(item.problem(("file",), f"there is no file {name}"))
            continue
        data, file_problems = read_data_file(path, name)
        text, decode_problems = (None, file_problems) if data is None else decode(data, name)
        problems += decode_problems
        found_character = None if text is None else in_file_text(text)
        if found_character is not None:
            line = text.count("\n", 0, found_character.start()) + 1
            problems.append(Problem(name, line, "(text)", control_message(found_character[0])))
        elif text is not None:
            texts.add(model.id, text)
    record_digests(unchanged)
    return texts


def values_frame(rows: list[ValueRow]) -> pd.DataFrame:
    """The tidy table of figures; dates stay FuzzyDate objects so their precision is kept."""
    if isinstance(rows, CarriedRows):
        return rows.frame()
    columns = [
        "line", "project", "event", "indicator", "value", "precision",
        "period_start", "period_end", "place", "breakdown", "source", "quote",
    ]  # fmt: skip
    frame = pd.DataFrame([[getattr(row, c) for c in columns] for row in rows], columns=columns)
    frame["value"] = frame["value"].astype("Int64")
    # Set only by lib/audience for a small count the public sees as "fewer than N".
    frame["fewer_than"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    return frame
