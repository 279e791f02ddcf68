"""The board pack's page (lib/board/pdf.py): A4 with DejaVu Sans, the TrueType font matplotlib
ships (Cyrillic prints everywhere, no system font needed), the filters in words at the top
and the page number at the bottom; and a chart placed on it at its own shape."""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF

from lib.board.model import Board
from lib.text.i18n import format_number, tr

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FAMILY = "DejaVu"
GREY = (90, 90, 90)
CHART_MAX_MM = 175.0  # a chart leaves room on its page for the figures in words


class Pack(FPDF):
    """An A4 page of the pack: DejaVu Sans, the filters in words above, the page number below."""

    def __init__(self, board: Board) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.board = board
        self.fresh_page = False  # the contents' placeholder has just begun an empty page
        self.set_margins(17, 15, 17)
        self.set_auto_page_break(True, margin=16)
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font(FAMILY, "I", str(FONTS / "DejaVuSans-Oblique.ttf"))

    def header(self) -> None:
        if self.page_no() == 1:
            return
        language = self.board.language
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        words = tr(language, "Board pack · Showing: {filters}", filters=self.board.filters_words)
        self.multi_cell(0, 4, words, new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(2)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        words = tr(
            self.board.language,
            "Page {page} of {pages}",
            page=format_number(self.page_no(), self.board.language),
            pages="{nb}",
        )
        self.cell(0, 5, words, align="C")
        self.set_text_color(0, 0, 0)


def _svg_height_mm(svg: bytes, width_mm: float) -> float:
    """The height the SVG takes at `width_mm`, from its width and height in points."""
    found = re.search(rb'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    if not found:
        return CHART_MAX_MM
    width, height = float(found.group(1)), float(found.group(2))
    return width_mm * height / width


def chart_size(pdf: Pack, svg: bytes | None) -> tuple[float, float]:
    """The chart's width and height on the page, in mm (0, 0 for no chart)."""
    if svg is None:
        return 0.0, 0.0
    width = pdf.epw
    height = _svg_height_mm(svg, width)
    if height > CHART_MAX_MM:  # too tall: narrower, so it keeps its shape
        width, height = width * CHART_MAX_MM / height, CHART_MAX_MM
    return width, height


def chart(pdf: Pack, svg: bytes | None) -> None:
    """The chart (an SVG) centred under what is on the page, and room below it."""
    if svg is None:
        return
    width, height = chart_size(pdf, svg)
    # No alt_text: fpdf2 would then mark the whole PDF as tagged while its text stays out of
    # the structure tree, and a screen reader trusting the tags would skip it (README).
    x = pdf.l_margin + (pdf.epw - width) / 2
    pdf.image(io.BytesIO(svg), x=x, y=pdf.get_y(), w=width)
    pdf.set_y(pdf.get_y() + height + 3)
