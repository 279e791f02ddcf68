"""The "Board pack (PDF)" button every page shows: the pack is built on the click, once per
data version, filters, language and day, and kept with the portfolio's index."""

from __future__ import annotations

import datetime as dt

from lib.model.portfolio import Portfolio
from lib.query.filters import Filters
from lib.query.index import index_of
from lib.text.i18n import tr
from lib.ui.download_button import download_on_click


def pack_bytes(portfolio: Portfolio, filters: Filters, language: str, made_on: dt.date) -> bytes:
    """The pack, built once per portfolio object (so per data version and audience: the public
    site's pack never comes from the board's data), filters, language and date."""
    # Imported on the first click: the PDF and chart libraries (matplotlib, fpdf2) are some
    # 40 MB of server memory that a dashboard whose readers never print one does not need.
    from lib.board.pdf import board_pack

    return index_of(portfolio).remember(
        ("board-pack", filters, language, made_on),
        lambda: board_pack(portfolio, filters, language, made_on),
    )


def board_pack_download(portfolio: Portfolio, filters: Filters, language: str) -> None:
    made_on = dt.datetime.now(dt.UTC).date()
    download_on_click(
        tr(language, "Board pack (PDF)"),
        lambda: pack_bytes(portfolio, filters, language, made_on),
        file_name=f"board-pack-{made_on.isoformat()}-{language}.pdf",
        mime="application/pdf",
        key="board-pack.pdf",
        help=tr(
            language,
            "An A4 PDF of these filters for a meeting: the filters on a title page, one topic "
            "a page, every figure with its numbered source. Takes a few seconds.",
        ),
    )
