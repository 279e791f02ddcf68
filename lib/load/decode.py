"""Turn a data file's bytes into text, or say in plain words why it cannot be read."""

from __future__ import annotations

from lib.model.problems import Problem

MAX_BYTES = 5 * 1024 * 1024
# indicator_values.csv holds every figure of the portfolio: a funder's 10,000 projects with a
# quote beside each of their ~50,000 figures come to some 10 MB, so the table may be larger.
MAX_TABLE_BYTES = 50 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def too_big(file: str, size: int, limit: int = MAX_BYTES) -> Problem:
    message = (
        f"the file is larger than {limit // 1024 // 1024} MB ({size / 1024 / 1024:.1f} MB), far "
        "more than a data file needs; check that it is the right file, or split it"
    )
    return Problem(file, None, "(file)", message)


def decode(raw: bytes, file: str, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a leading byte-order mark is dropped), or None and the reason."""
    if len(raw) > limit:
        return None, [too_big(file, len(raw), limit)]
    wide = _wide_encoding(raw)
    if wide is not None:
        message = f"the file is saved as {wide}; save it as UTF-8 in your editor"
        return None, [Problem(file, 1, "(encoding)", message)]
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        guess = ""
        try:
            raw.decode("cp1251")
            guess = "; it looks like Windows-1251 (Cyrillic) or Latin-1"
        except UnicodeDecodeError:
            pass
        message = (
            f"the file is not saved as UTF-8 (byte 0x{byte:02X} on this line){guess}; "
            "save it as UTF-8 in your editor or spreadsheet program"
        )
        return None, [Problem(file, line, "(encoding)", message)]


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-32 or UTF-16, by the byte-order mark, or by the zero bytes that UTF-16 without one
    puts beside every Latin letter (UTF-8 text never holds a zero byte)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:200]
    if len(head) >= 4 and head.count(0) >= len(head) // 3:
        return "UTF-16"
    return None
