"""The tidy frames the participants and people-supported pages draw and tabulate.

Plain pandas: view values in, one row a figure out, with names, dates as written and the
source beside every number, so the chart, its table and the tests all read the same frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.model.membership import is_in
from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.figures import Figure
from lib.query.limits import names_text
from lib.query.row_texts import row_texts
from lib.text.i18n import N_, format_number, tr
from lib.topics.people.figure_words import (
    PEOPLE_TEXTS,
    participant_texts,
    people_texts,
    value_texts,
)

NOT_BROKEN_DOWN = N_("not broken down by city")
ALL_CITIES = N_("all cities (total)")
SUMMED_LABEL = N_("Participants at events, summed over events")
SUMMED_HELP = N_(
    "Each event counts its participants once, but a person at two events counts twice, so "
    "this is not a number of different people."
)


def page_codes(portfolio: Portfolio, page: str) -> list[str]:
    """Codes of the indicators whose `page` in indicators.yaml is `page` ("participants",
    "people_supported"), in the order of that file."""
    return [code for code, indicator in portfolio.indicators.items() if indicator.page == page]


def parts_check(parts: list[int], whole: int, language: str = "en") -> str:
    """'132 + 127 = 259 ✓', or the gap in words when the parts cover only some of the whole."""
    listed = " + ".join(format_number(part, language) for part in parts)
    total = sum(parts)
    if total == whole:
        return f"{listed} = {format_number(whole, language)} ✓"
    return tr(
        language,
        "{parts} = {total} of {whole}: the rest is not broken down by city",
        parts=listed,
        total=format_number(total, language),
        whole=format_number(whole, language),
    )


def participant_figures(
    portfolio: Portfolio, values: pd.DataFrame, language: str = "en"
) -> pd.DataFrame:
    """One row a participants figure in `values`: wholes and their parts by origin city.

    `role` is `total` (a whole whose parts are also in `values`), `part` (from one city), or
    `whole` (a figure not broken down by city, or one the filters left without its parts).
    `assigned` is a total's parts added up.
    """
    codes = page_codes(portfolio, "participants")
    rows = values[values["indicator"].isin(codes)]
    texts = row_texts(
        portfolio,
        "participants",
        language,
        lambda every: participant_texts(portfolio, every, codes, language),
        rows,
    )
    keys = texts["key"]
    is_part = (rows["breakdown"] != "").to_numpy()
    part_keys = keys[is_part]
    assigned = rows["value"][is_part].groupby(part_keys.to_numpy()).sum()
    has_parts = ~is_part & is_in(keys, part_keys.unique()) & rows["value"].notna().to_numpy()
    whole_city = np.where(has_parts, tr(language, ALL_CITIES), tr(language, NOT_BROKEN_DOWN))
    frame = pd.DataFrame(
        {
            "group": texts["group"],
            "label": texts["label"],
            "date": texts["date"],
            "venue": texts["venue"],
            "from_city": np.where(is_part, texts["part_city"], whole_city),
            "role": np.where(is_part, "part", np.where(has_parts, "total", "whole")),
            "value": rows["value"].astype("Int64"),
            "precision": rows["precision"],
            "participants": value_texts(rows, language),
            "check": "",
            "assigned": pd.array([pd.NA] * len(rows), dtype="Int64"),
            "source": texts["source"],
            "quote": rows["quote"],
        },
        index=rows.index,
    )
    if has_parts.any():
        parts_of: dict[str, list[int]] = {}
        for key, value in zip(part_keys, rows["value"][is_part], strict=True):
            if not pd.isna(value):
                parts_of.setdefault(key, []).append(int(value))
        totals = frame.index[has_parts]
        total_keys = keys[has_parts]
        frame.loc[totals, "assigned"] = total_keys.map(assigned).to_numpy()
        frame.loc[totals, "check"] = [
            parts_check(parts_of.get(key, []), int(value), language)
            for key, value in zip(total_keys, frame.loc[totals, "value"], strict=True)
        ]
    return frame.reset_index(drop=True)


PARTICIPANTS_TABLE = {
    "participants": N_("Participants"),
    "from_city": N_("From city"),
    "label": N_("Project – event"),
    "date": N_("Date"),
    "venue": N_("Venue"),
    "check": N_("Parts add up"),
    "source": N_("Source"),
    "quote": N_("Quote"),
}


def participants_table(figures: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The table under the participants chart, with readable column names."""
    return _with_headers(figures, PARTICIPANTS_TABLE, language)


def _with_headers(figures: pd.DataFrame, headers: dict[str, str], language: str) -> pd.DataFrame:
    """The columns `headers` names, in its order, under their headers in `language`."""
    names = {column: tr(language, header) for column, header in headers.items()}
    return figures[list(headers)].rename(columns=names)


def people_figures(
    portfolio: Portfolio, values: pd.DataFrame, language: str = "en"
) -> pd.DataFrame:
    """One row a figure of the People supported page's indicators, in their order.

    Only `counts_in_total` rows: a part by city is already inside its whole, and this page
    shows kinds of people, not cities.
    """
    codes = page_codes(portfolio, "people_supported")
    rows = values[values["indicator"].isin(codes) & values["counts_in_total"]]
    texts = row_texts(
        portfolio,
        "people_supported",
        language,
        lambda every: people_texts(portfolio, every, codes, language),
        rows,
    )
    frame = texts.assign(
        value=rows["value"].astype("Int64"),
        precision=rows["precision"],
        number=value_texts(rows, language),
        quote=rows["quote"],
    )[_PEOPLE_COLUMNS]
    frame = frame.sort_values(["order", "project"], kind="stable").drop(columns="order")
    return frame.reset_index(drop=True)


_PEOPLE_COLUMNS = [*PEOPLE_TEXTS[:8], "value", "precision", "number", "source", "quote"]


PEOPLE_TABLE = {
    "number": N_("Number"),
    "indicator_label": N_("Kind of people"),
    "counts": N_("What one unit is"),
    "project": N_("Project"),
    "series": N_("Series or event"),
    "period": N_("Period (as the report writes it)"),
    "source": N_("Source"),
    "quote": N_("Quote"),
}


def people_table(figures: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The table under the people chart: the period as written, 'not reported' as words."""
    return _with_headers(figures, PEOPLE_TABLE, language)


def at_least_note(
    figure: Figure, figures: pd.DataFrame, total_text: str, language: str = "en"
) -> str | None:
    """Why an `at_least` total is not the sum of its series; None when nothing overlaps."""
    if not figure.at_least:
        return None
    rows = figures[(figures["indicator"] == figure.key) & figures["value"].notna()]
    series = names_text(
        [value_text(v, p, language) for v, p in zip(rows["value"], rows["precision"], strict=True)],
        language=language,
    )
    return tr(
        language,
        "{n} series report {series}. The series of one project may have trained the same "
        "people, so each project counts only its largest series: the total is {total}, not "
        "their sum.",
        n=len(rows),
        series=series,
        total=total_text,
    )
