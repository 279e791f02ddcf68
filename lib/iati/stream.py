"""Read an IATI activity file as a stream, an activity at a time, so that memory holds one
activity and not the file's whole tree (a 200 MB file of 128,020 activities took 2.45 GB);
and refuse a compressed file, which libxml2 would otherwise decompress by itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

# A 1 MB gzip file can hold a gigabyte of elements. An activity file is XML as published.
_COMPRESSED = {b"\x1f\x8b": "gzip", b"\xfd7zXZ\x00": "xz", b"BZh": "bzip2", b"PK\x03\x04": "zip"}
ACTIVITY = "iati-activity"


def compression(path: Path) -> str:
    """The compression the file's first bytes say it has ('gzip'...), or ''."""
    with path.open("rb") as stream:
        head = stream.read(8)
    return next((name for magic, name in _COMPRESSED.items() if head.startswith(magic)), "")


@dataclass
class ActivityStream:
    """The file's <iati-activity> elements in document order (broken markup can nest them),
    each child of the root dropped once its activities are read. Markup is repaired where
    lxml can: `repairs` says what was; `root` is None when no XML could be read."""

    path: Path
    root: etree._Element | None = None
    repairs: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[etree._Element]:
        depth = 0  # of the element being read; the root is 1
        # A stream, not the file's name: given a name, libxml2 decompresses what it can.
        with self.path.open("rb") as stream:
            events = etree.iterparse(
                stream,
                events=("start", "end"),
                recover=True,
                resolve_entities=False,
                no_network=True,
                remove_comments=True,
            )
            try:
                for event, element in events:
                    if event == "start":
                        depth += 1
                        self.root = element if self.root is None else self.root
                        continue
                    depth -= 1
                    if depth != 1 or element is self.root or self.root.tag == ACTIVITY:
                        continue
                    yield from element.iter(ACTIVITY)
                    element.clear(keep_tail=False)
                    while element.getprevious() is not None:
                        del self.root[0]
            except etree.XMLSyntaxError as error:
                self.repairs.append(f"reading stopped: {error}")
            self.repairs[:0] = [f"line {e.line}: {e.message}" for e in events.error_log]
        if self.root is not None and self.root.tag == ACTIVITY:  # one activity, no wrapper
            yield from self.root.iter(ACTIVITY)
