"""Read a folder's YAML files, a large portfolio's on two cores.

Parsing is most of a cold load: 10,000 project files take some 2.5 s on one core. From
SECOND_CORE_FROM files on, a second Python process (`python -m lib.load.yaml_files`) reads the later
half while this one reads the first. It sends back the plain values of the clean files,
marshalled (lists, dicts, texts and numbers: a tenth of a second to take in), and this process
reads any other file itself, so every problem is found and worded exactly as a one-core read
words it. If the second process cannot start or fails, this one reads its files too: slower,
never different.
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from lib.load.data_file import record_digest, recording_digests
from lib.load.yaml_reader import YamlDocument, clean_document, is_clean, read_yaml

# Fewer files than this are read sooner by one process than a second one starts (~0.3 s).
SECOND_CORE_FROM = 2000
_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def read_yaml_files(
    paths: list[Path], display_name: Callable[[Path], str]
) -> Iterator[tuple[Path, YamlDocument]]:
    """Each file and its document, in the order of `paths`; problems name a file by
    `display_name(path)`."""
    if len(paths) < SECOND_CORE_FROM or (os.cpu_count() or 1) < 2:
        for path in paths:
            yield path, read_yaml(path, display_name(path))
        return
    half = len(paths) // 2
    mine, theirs = paths[:half], paths[half:]
    with ThreadPoolExecutor(1) as waiter:  # feeds and waits on the second process meanwhile
        later = waiter.submit(_read_elsewhere, [str(path) for path in theirs])
        for path in mine:
            yield path, read_yaml(path, display_name(path))
        values = _values_from(later, len(theirs))
    for path, value in zip(theirs, values, strict=True):
        if value is None:
            yield path, read_yaml(path, display_name(path))
        else:  # taken in one file at a time: thousands of documents are never held at once
            marshalled, digest = value
            record_digest(path, digest)  # the version read is of the bytes it parsed
            yield path, clean_document(marshal.loads(marshalled), path)


def clean_values(paths: list[str]) -> bytes:
    """In the second process: for each file, its value marshalled and the digest of the bytes
    it was read from when it is clean, else None."""
    gc.disable()  # a short-lived process that makes many objects and no garbage cycles
    values: list[tuple[bytes, bytes] | None] = []
    with recording_digests() as digests:
        for path in paths:
            document = read_yaml(Path(path), path)
            if is_clean(document):
                values.append((marshal.dumps(document.value), digests[str(Path(path))]))
            else:
                values.append(None)
    return marshal.dumps(values)


def _read_elsewhere(paths: list[str]) -> bytes:
    """clean_values(paths), worked out by a second Python process."""
    done = subprocess.run(
        [sys.executable, "-m", "lib.load.yaml_files"],
        input=marshal.dumps(paths),
        capture_output=True,
        cwd=_PROJECT_ROOT,
        check=True,
    )
    return done.stdout


def _values_from(later: Future[bytes], count: int) -> list[tuple[bytes, bytes] | None]:
    """The second process's values, or None for each file (read here) if it failed."""
    try:
        values = marshal.loads(later.result())
        if len(values) == count:
            return values
        error: object = f"{len(values)} values for {count} files"
    except subprocess.CalledProcessError as failure:  # it crashed or was killed: say why
        said = failure.stderr.decode("utf-8", "replace").strip().splitlines()
        error = said[-1] if said else f"exit status {failure.returncode}"
    except Exception as failure:  # it could not start
        error = failure
    logging.getLogger(__name__).warning("the second process failed (%s); reading here", error)
    return [None] * count


if __name__ == "__main__":
    sys.stdout.buffer.write(clean_values(marshal.loads(sys.stdin.buffer.read())))
