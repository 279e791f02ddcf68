"""Turn a data file's bytes into text, or say in plain words why it cannot be read."""

from __future__ import annotations

from lib.problems import Problem

MAX_BYTES = 5_000_000
_BOM = b"\xef\xbb\xbf"


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a leading byte-order mark is dropped), or None and the reason."""
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1_000_000:.1f} MB"
        message = f"the file is {size}, more than the 5 MB a data file may be; split it"
        return None, [Problem(file, None, "(file)", message)]
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
            guess = " It looks like Windows-1251 (Cyrillic) or Latin-1."
        except UnicodeDecodeError:
            pass
        message = (
            f"the file is not saved as UTF-8 (byte 0x{byte:02X} on this line).{guess} "
            "Save it as UTF-8 in your editor or spreadsheet program"
        )
        return None, [Problem(file, line, "(encoding)", message)]
