"""Turn a data file's bytes into text, or say in plain words why it cannot be read."""

from __future__ import annotations

from lib.load.data_file import size_limit, too_big
from lib.model.problems import Problem

_BOM = b"\xef\xbb\xbf"


def decode(raw: bytes, file: str, limit: int | None = None) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a leading byte-order mark is dropped), or None and the reason."""
    limit = size_limit(file) if limit is None else limit
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
    return _utf16_without_mark(raw[:400])


def _utf16_without_mark(sample: bytes) -> str | None:
    """Cyrillic in UTF-16 has few zero bytes (only its spaces, digits and punctuation have
    them) but all on one side of each pair, and reads as text when decoded so."""
    sides = {index % 2 for index, byte in enumerate(sample) if byte == 0}
    if sample.count(0) < 2 or len(sides) != 1:
        return None
    codec = "utf-16-le" if sides == {1} else "utf-16-be"
    try:
        text = sample[: len(sample) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    readable = sum(character.isprintable() or character.isspace() for character in text)
    return "UTF-16" if readable >= 0.9 * len(text) else None
