"""Turn a data file's bytes into text, or say in plain words why it cannot be read."""

from __future__ import annotations

from lib.model.problems import Problem

# Size limits guard against a wrong file (a video renamed .yaml, a 4 GB dump), never against
# a large portfolio. A file a person writes whole (a project, the settings, a report's text)
# may hold MAX_BYTES. The files that grow an entry a project or a figure are limited by their
# lines instead, a line being one field of one entry: MAX_LINE_BYTES for the YAML lists,
# lib/load/values_csv's row limit for indicator_values.csv. Their own limit is some four
# times a 100,000-project portfolio's (`synth`'s largest: sources.yaml 29 MB,
# indicator_values.csv 53 MB). size_limit() is the one place a file's limit is looked up.
MAX_BYTES = 5 * 1024 * 1024
MAX_LIST_BYTES = 128 * 1024 * 1024
MAX_TABLE_BYTES = 256 * 1024 * 1024
MAX_LINE_BYTES = 128 * 1024
_LISTS = (
    "sources.yaml",
    "organisations.yaml",
    "places.yaml",
    "programmes.yaml",
    "countries.yaml",
    "indicators.yaml",
)
_TABLE = "indicator_values.csv"
_BOM = b"\xef\xbb\xbf"


def size_limit(file: str) -> int:
    """The most bytes the data file named `file` (relative to the data folder) may hold."""
    if file in _LISTS:
        return MAX_LIST_BYTES
    return MAX_TABLE_BYTES if file == _TABLE else MAX_BYTES


def too_big(file: str, size: int, limit: int | None = None) -> Problem:
    limit = size_limit(file) if limit is None else limit
    message = (
        f"the file is larger than {limit // 1024 // 1024} MB ({size / 1024 / 1024:.1f} MB), far "
        "more than a data file needs; check that it is the right file"
    )
    return Problem(file, None, "(file)", message)


def decode(raw: bytes, file: str, limit: int | None = None) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a leading byte-order mark is dropped), or None and the reason."""
    limit = size_limit(file) if limit is None else limit
    if len(raw) > limit:
        return None, [too_big(file, len(raw), limit)]
    wide = _wide_encoding(raw)
    if wide is not None:
        message = f"the file is saved as {wide}; save it as UTF-8 in your editor"
        return None, [Problem(file, 1, "(encoding)", message)]
    if file in _LISTS:
        long_line = _first_long_line(raw)
        if long_line is not None:
            message = (
                f"this line is longer than {MAX_LINE_BYTES // 1024} KB, far more than one "
                "entry needs; check that it is the right file"
            )
            return None, [Problem(file, long_line, "(file)", message)]
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
    if sample.count(0) < 2:  # UTF-8 text has none: the byte-by-byte look below is skipped
        return None
    sides = {index % 2 for index, byte in enumerate(sample) if byte == 0}
    if len(sides) != 1:
        return None
    codec = "utf-16-le" if sides == {1} else "utf-16-be"
    try:
        text = sample[: len(sample) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    readable = sum(character.isprintable() or character.isspace() for character in text)
    return "UTF-16" if readable >= 0.9 * len(text) else None


def _first_long_line(raw: bytes) -> int | None:
    """The number of the first line longer than MAX_LINE_BYTES, if any (a line at a time,
    so a 100 MB file is not copied)."""
    start, number = 0, 1
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        if end - start > MAX_LINE_BYTES:
            return number
        start, number = end + 1, number + 1
    return None
