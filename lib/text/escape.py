"""Text from the data shown as text: inert in Streamlit's markdown, whatever it contains."""

from __future__ import annotations

import html
import re
import textwrap

# Every character CommonMark or Streamlit gives a meaning to: emphasis, links and images,
# headings, lists, tables, HTML, LaTeX ($), colour directives (:red[...]), emoji shortcodes.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


# Some markup is found in plain text after the escapes are read, so escaping cannot stop it:
# GitHub-flavoured markdown's links made of web and e-mail addresses, and Streamlit's icons
# (":material/warning:") and emoji shortcodes (":smile:"). An invisible word joiner (U+2060)
# where their patterns would match does: after "http", "https" or "www", after "@", and
# between a colon and the letter after it.
_FOUND_IN_TEXT = re.compile(r"(?i)(https?(?=:)|www(?=\.)|@|:(?=[\w+-]))")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """`text` escaped so st.markdown shows it literally: no link (not even from a web or e-mail
    address written out), image, HTML, maths, colour, icon or emoji."""
    text = _FOUND_IN_TEXT.sub(r"\1" + WORD_JOINER, str(text))
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def html_text(text: object) -> str:
    """`text` escaped for Plotly's chart text (hover, ticks, labels, annotations), which reads
    a subset of HTML: tags are shown as written, never drawn. Quotes are left alone, since
    Plotly would show `&quot;` as it is written."""
    return html.escape(str(text), quote=False)


_BREAKS = frozenset("\t\n\x0b\x0c\r")  # what textwrap turns into spaces


def html_lines(text: object, width: int) -> list[str]:
    """Lines of `text` at most `width` characters long, broken at words (textwrap's), each
    escaped by html_text; [""] for no words. A text that already fits, with no whitespace to
    tidy, is its own line: a chart's hundreds of short names and periods went through
    textwrap's regular expressions on every filter change."""
    text = str(text)
    if len(text) <= width and text == text.strip() and _BREAKS.isdisjoint(text):
        return [html_text(text)]
    return [html_text(line) for line in textwrap.wrap(text, width)] or [""]


# The end of a row in every CSV we write (RFC 4180's). Python's csv writer quotes a field that
# holds a character of the row end and no other line break: with "\n" rows a lone carriage
# return inside a text stays bare, and a spreadsheet that ends a row there starts a new row
# with what follows it, a formula perhaps. With "\r\n" rows such a field is quoted.
CSV_ROW_END = "\r\n"

# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell of a CSV meant for spreadsheets, made inert: one that a spreadsheet would
    run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`) gets a leading apostrophe, which
    spreadsheets hide and treat as "this is text". Anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
