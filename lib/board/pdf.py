"""The board pack: an A4 PDF of the current view for a meeting. A title page with the filters
in words, one topic a page (each figure citing a numbered report), then the reports cited; a
short topic shares the page of one that leaves it more than half empty.

fpdf2 lays it out and embeds a subset of DejaVu Sans, the TrueType font matplotlib ships (so no
system font is needed, and Cyrillic prints everywhere); the charts are matplotlib's SVG, drawn
as vector paths. The same portfolio, filters, language and date give the same bytes: the
PDF's creation date is the pack's date, and its file id is a hash of its content.
"""

from __future__ import annotations

import datetime as dt

from lib.board.charts import funding_bars, participants_bars, people_bars
from lib.board.content import board_content
from lib.board.map import map_picture_svg
from lib.board.model import Board, Line, Topic
from lib.board.pdf_page import FAMILY, GREY, Pack, chart, chart_size
from lib.board.rows import PAGE, Medium
from lib.board.timeline_chart import timeline_bars
from lib.model.languages import LANGUAGE_NAMES
from lib.model.portfolio import Portfolio
from lib.query.filters import Filters
from lib.text.i18n import format_day, format_number, tr
from lib.topics.map.basemap import load_country_outlines


def _begin(pdf: Pack, needs_mm: float) -> None:
    """A topic (or the sources) begins a page, unless the page so far is little more than half
    full and its title and chart fit under what is there: then it follows on the same page
    (its words may run onto the next), so that no page of the pack is more than half empty."""
    if pdf.fresh_page:
        pdf.fresh_page = False
        return
    used = pdf.get_y() - pdf.t_margin
    room = pdf.page_break_trigger - pdf.get_y()
    if pdf.page_no() > 1 and used < pdf.eph * 0.6 and room > needs_mm + 10:
        pdf.ln(6)
        return
    pdf.add_page()


TILE_HEIGHT = 27.0


def _tiles(pdf: Pack, tiles: tuple[Line, ...]) -> None:
    """Headline figures two a row, each a large number over its label and its reports."""
    width, top = (pdf.epw - 6) / 2, pdf.get_y()
    for index, tile in enumerate(tiles):
        x = pdf.l_margin + (index % 2) * (width + 6)
        y = top + (index // 2) * (TILE_HEIGHT + 4)
        pdf.set_draw_color(200, 200, 200)
        pdf.rect(x, y, width, TILE_HEIGHT)
        pdf.set_xy(x + 4, y + 3)
        size = 20  # smaller for a long figure ("около 16 или повече"), never past the tile
        pdf.set_font(FAMILY, "B", size)
        while size > 11 and pdf.get_string_width(tile.text) > width - 8:
            size -= 1
            pdf.set_font(FAMILY, "B", size)
        pdf.cell(width - 8, 10, tile.text)
        pdf.set_xy(x + 4, y + 14)
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(width - 8, 4.6, tile.label + " " + tile.refs_text(), align="L")
    rows = (len(tiles) + 1) // 2
    pdf.set_xy(pdf.l_margin, top + rows * (TILE_HEIGHT + 4) + 2)


def _topic_page(pdf: Pack, topic: Topic, svg: bytes | None) -> None:
    _begin(pdf, 12 + chart_size(pdf, svg)[1])
    pdf.start_section(topic.title)
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 10, topic.title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(2)
    chart(pdf, svg)
    _tiles(pdf, topic.tiles)
    # a text region wraps between words across the bold label and the plain figure
    with pdf.text_columns(text_align="LEFT", line_height=1.15) as column:
        for line in topic.lines:
            with column.paragraph(bottom_margin=1.6) as paragraph:
                pdf.set_font(FAMILY, "B", 10)
                paragraph.write(f"{line.label}: ")
                pdf.set_font(FAMILY, "", 10)
                paragraph.write(line.text)
                pdf.set_text_color(*GREY)
                paragraph.write(" " + line.refs_text() if line.refs else "")
                pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    pdf.set_font(FAMILY, "I", 8.5)
    pdf.set_text_color(*GREY)
    for note in topic.notes:
        pdf.multi_cell(0, 4.4, note, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1)
    pdf.set_text_color(0, 0, 0)


def _title_page(pdf: Pack, made_on: dt.date, fingerprint: str) -> None:
    board, language = pdf.board, pdf.board.language
    pdf.add_page()
    pdf.set_y(60)
    pdf.set_font(FAMILY, "B", 28)
    title = tr(language, "Integration projects: board pack")
    pdf.multi_cell(0, 13, title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(4)
    pdf.set_font(FAMILY, "", 13)
    pdf.multi_cell(
        0,
        7,
        tr(
            language,
            "Migrant and refugee integration projects: what was achieved, where, "
            "for how many people, with whose money, and which report says so.",
        ),
        new_x="LMARGIN",
        new_y="NEXT",
        align="L",
    )
    pdf.ln(10)
    facts = [
        (tr(language, "Date"), format_day(made_on.year, made_on.month, made_on.day, language)),
        (tr(language, "Language"), LANGUAGE_NAMES[language]),
        (tr(language, "Filters"), board.filters_words),
        (
            tr(language, "Projects"),
            tr(
                language,
                "{shown} of {total}",
                shown=format_number(len(board.project_ids), language),
                total=format_number(board.project_count, language),
            ),
        ),
        (tr(language, "Data version"), fingerprint[:12]),
    ]
    pdf.set_font(FAMILY, "B", 12)
    label_width = max(pdf.get_string_width(label) for label, _ in facts) + 6
    for label, value in facts:
        pdf.set_font(FAMILY, "B", 12)
        pdf.cell(label_width, 8, label)
        pdf.set_font(FAMILY, "", 12)
        pdf.multi_cell(0, 8, value, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(6)
    pdf.set_font(FAMILY, "I", 9)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(
        0,
        4.6,
        tr(
            language,
            "Every figure cites the reports it comes from as [1], [2]…; the last page "
            "lists them. Unknown is not zero: a figure no report gives is “not reported”.",
        ),
        new_x="LMARGIN",
        new_y="NEXT",
        align="L",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(8)
    # filled in when the pack is done, so a topic that runs over a page cannot misnumber it
    pdf.insert_toc_placeholder(_contents, pages=1)
    pdf.fresh_page = True


def _contents(pdf: Pack, outline: list) -> None:
    language = pdf.board.language
    pdf.set_x(pdf.l_margin)
    pdf.set_font(FAMILY, "B", 12)
    pdf.cell(0, 8, tr(language, "Contents"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 11)
    for section in outline:
        pdf.cell(150, 6.5, section.name, link=pdf.add_link(page=section.page_number))
        pdf.cell(
            0,
            6.5,
            format_number(section.page_number, language),
            align="R",
            new_x="LMARGIN",
            new_y="NEXT",
        )


def _sources_page(pdf: Pack) -> None:
    board, language = pdf.board, pdf.board.language
    _begin(pdf, 12 + 10 * min(len(board.sources), 4))
    pdf.start_section(tr(language, "Sources"))
    pdf.set_font(FAMILY, "B", 20)
    pdf.cell(0, 10, tr(language, "Sources"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not board.sources:
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(0, 5, tr(language, "No figure of these projects cites a report."))
    with pdf.text_columns(text_align="LEFT", line_height=1.2) as column:
        for entry in board.sources:
            written_in = LANGUAGE_NAMES.get(entry.language, entry.language)
            with column.paragraph(bottom_margin=3) as paragraph:
                pdf.set_font(FAMILY, "B", 10)
                paragraph.write(f"[{entry.number}] ")
                pdf.set_font(FAMILY, "", 10)
                paragraph.write(entry.title)
                pdf.set_text_color(*GREY)
                paragraph.write(f" ({written_in})")
                if entry.url:  # a link only to the web: a data file may hold any text
                    web = entry.url.startswith(("https://", "http://"))
                    paragraph.write(" " + entry.url, link=entry.url if web else None)
                pdf.set_text_color(0, 0, 0)


def topic_chart(board: Board, key: str, medium: Medium = PAGE) -> bytes | None:
    """The SVG chart of one topic for a page or a screen (the overview has none; nor has a
    topic with no rows)."""
    language = board.language
    if key == "participants" and len(board.participants):
        return participants_bars(board.participants, language, medium)
    if key == "people" and len(board.people):
        return people_bars(board.people, language, medium)
    if key == "funding" and len(board.funding):
        return funding_bars(board.funding, language, medium)
    if key == "timeline":
        return timeline_bars(board.timeline, language, medium)
    if key == "map":
        return map_picture_svg(board.map, load_country_outlines(), medium)
    return None


def board_pack(portfolio: Portfolio, filters: Filters, language: str, made_on: dt.date) -> bytes:
    """The board pack of these filters in `language`, dated `made_on`, as PDF bytes."""
    board = board_content(portfolio, filters, language)
    pdf = Pack(board)
    stamp = dt.datetime.combine(made_on, dt.time(), tzinfo=dt.UTC)
    pdf.set_creation_date(stamp)
    pdf.set_title(tr(language, "Integration projects: board pack"))
    pdf.set_subject(board.filters_words)
    pdf.set_lang(language)
    _title_page(pdf, made_on, portfolio.fingerprint)
    for topic in board.topics:
        _topic_page(pdf, topic, topic_chart(board, topic.key) if board.project_ids else None)
    _sources_page(pdf)
    return bytes(pdf.output())
