"""The tidy frames the participants and people-supported pages draw and tabulate.

Plain pandas: view values in, one row a figure out, with names, dates as written and the
source beside every number, so the chart, its table and the tests all read the same frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from lib.model.portfolio import Portfolio
from lib.query.figure_text import value_text
from lib.query.figures import Figure
from lib.query.limits import NAMES, TABLE_ROWS, names_text, table_head
from lib.query.row_texts import row_texts
from lib.text.i18n import N_, format_number, tr
from lib.topics.people.figure_rows import (
    page_codes,
    participant_rows,
    participant_shown,
    people_rows,
    people_shown,
)
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
    """One row a participants figure in `values`, with its words: wholes and their parts by
    origin city (the roles of figure_rows.participant_rows). Every row's words, as the board
    pack reads them: written once a data version and language for every figure
    (lib/query/row_texts.py), then selected."""
    codes = page_codes(portfolio, "participants")
    rows = participant_rows(portfolio, values)
    texts = row_texts(
        portfolio,
        "participants",
        language,
        lambda every: participant_texts(portfolio, every, codes, language),
        rows,
    )
    return _participant_frame(rows, rows, texts, language)


def participant_words(
    portfolio: Portfolio, rows: pd.DataFrame, shown: pd.DataFrame, language: str = "en"
) -> pd.DataFrame:
    """participant_figures' rows for `shown` (some of figure_rows.participant_rows' `rows`,
    or participant_rows_at's, those a chart draws or a table lists), their words written for
    those rows alone."""
    codes = page_codes(portfolio, "participants")
    shown = participant_shown(portfolio, shown)
    texts = participant_texts(portfolio, shown, codes, language)
    return _participant_frame(rows, shown, texts, language)


def _participant_frame(
    rows: pd.DataFrame, shown: pd.DataFrame, texts: pd.DataFrame, language: str
) -> pd.DataFrame:
    """The frame of `shown`, with `texts` (its figures' words): a total's check names its
    parts among all the `rows`."""
    is_part = (shown["role"] == "part").to_numpy()
    has_parts = (shown["role"] == "total").to_numpy()
    whole_city = np.where(has_parts, tr(language, ALL_CITIES), tr(language, NOT_BROKEN_DOWN))
    frame = pd.DataFrame(
        {
            "group": shown["group"],
            "label": texts["label"],
            "date": texts["date"],
            "venue": texts["venue"],
            "from_city": np.where(is_part, texts["part_city"], whole_city),
            "role": shown["role"],
            "value": shown["value"].astype("Int64"),
            "precision": shown["precision"],
            "participants": value_texts(shown, language),
            "check": "",
            "assigned": shown["assigned"],
            "source": texts["source"],
            "quote": shown["quote"],
        },
        index=shown.index,
    )
    if has_parts.any():
        totals = shown[has_parts]
        # the rows of the shown totals' keys first (some hundreds of a funder's 156,000), of
        # them the parts: every row's role and value compared took 5 ms a call at 100,000
        near = rows.iloc[np.flatnonzero(np.isin(rows["key"].to_numpy(), totals["key"]))]
        parts = near[(near["role"] == "part").to_numpy() & near["value"].notna().to_numpy()]
        parts_of: dict[str, list[int]] = {}
        for key, value in zip(parts["key"].tolist(), parts["value"].tolist(), strict=True):
            parts_of.setdefault(key, []).append(int(value))
        frame.loc[totals.index, "check"] = [
            parts_check(parts_of.get(key, []), int(value), language)
            for key, value in zip(totals["key"].tolist(), totals["value"].tolist(), strict=True)
        ]
    return frame.reset_index(drop=True)


# The number and the city it is from lead: on a phone they are the columns in view.
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


def participants_table_head(
    portfolio: Portfolio, rows: pd.DataFrame, language: str = "en"
) -> tuple[pa.Table, str]:
    """The first rows of the participants table of figure_rows.participant_rows' `rows`
    (limits.table_head), their words written for those rows alone."""
    shown = participant_words(portfolio, rows, rows.head(TABLE_ROWS), language)
    table = participants_table(shown, language)
    return table_head(table, tr(language, "rows"), language=language, total=len(rows))


def _with_headers(figures: pd.DataFrame, headers: dict[str, str], language: str) -> pd.DataFrame:
    """The columns `headers` names, in its order, under their headers in `language`."""
    names = {column: tr(language, header) for column, header in headers.items()}
    return figures[list(headers)].rename(columns=names)


def people_figures(
    portfolio: Portfolio, values: pd.DataFrame, language: str = "en"
) -> pd.DataFrame:
    """One row a figure of the People supported page's indicators (figure_rows.people_rows:
    those that count in a total, in the page's order), with its words. Every row's words, as
    the board pack reads them: written once a data version and language for every figure
    (lib/query/row_texts.py), then selected."""
    codes = page_codes(portfolio, "people_supported")
    rows = people_rows(portfolio, values, language)
    texts = row_texts(
        portfolio,
        "people_supported",
        language,
        lambda every: people_texts(portfolio, every, codes, language),
        rows,
    )
    return _people_frame(rows, texts, language)


def people_words(portfolio: Portfolio, shown: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """people_figures' rows for `shown` (some of figure_rows.people_rows' rows, or
    people_rows_at's, those a chart draws or a table lists), their words written for those
    rows alone."""
    codes = page_codes(portfolio, "people_supported")
    shown = people_shown(portfolio, shown)
    return _people_frame(shown, people_texts(portfolio, shown, codes, language), language)


def _people_frame(rows: pd.DataFrame, texts: pd.DataFrame, language: str) -> pd.DataFrame:
    frame = texts.assign(
        value=rows["value"].astype("Int64"),
        precision=rows["precision"],
        number=value_texts(rows, language),
        quote=rows["quote"],
    )[_PEOPLE_COLUMNS]
    return frame.reset_index(drop=True)


_PEOPLE_COLUMNS = [*PEOPLE_TEXTS[1:8], "value", "precision", "number", "source", "quote"]


# The number and what it counts lead: on a phone they are the columns in view.
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


def people_table_head(
    portfolio: Portfolio, rows: pd.DataFrame, language: str = "en"
) -> tuple[pa.Table, str]:
    """The first rows of the people table of figure_rows.people_rows' `rows`
    (limits.table_head), their words written for those rows alone."""
    table = people_table(people_words(portfolio, rows.head(TABLE_ROWS), language), language)
    return table_head(table, tr(language, "rows"), language=language, total=len(rows))


def at_least_note(
    figure: Figure, figures: pd.DataFrame, total_text: str, language: str = "en"
) -> str | None:
    """Why an `at_least` total is not the sum of its series; None when nothing overlaps."""
    if not figure.at_least:
        return None
    reported = np.flatnonzero((figures["indicator"] == figure.key) & figures["value"].notna())
    # the series named, and the others counted: a funder's 20,000 written out, then cut
    # to the first few, took a tenth of a second
    first = figures.iloc[reported[:NAMES]]
    series = names_text(
        [
            value_text(v, p, language)
            for v, p in zip(first["value"].tolist(), first["precision"].tolist(), strict=True)
        ],
        total=len(reported),
        language=language,
    )
    return tr(
        language,
        "{n} series report {series}. The series of one project may have trained the same "
        "people, so each project counts only its largest series: the total is {total}, not "
        "their sum.",
        n=len(reported),
        series=series,
        total=total_text,
    )
