"""What a worker process of lib/load/many_files does: parse the chunks of project files it is
asked for on standard input, make there the checks that read one project alone, and send back
plain values on standard output. It imports neither pandas nor the rest of the loader: its
start is part of a cold load's time."""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from lib.load.data_file import recording_digests
from lib.load.fact_checks import Names, OwnChecks, own_checks
from lib.load.located import Located
from lib.load.yaml_reader import YamlDocument, on_demand, read_yaml
from lib.model import schema

# What a worker sends back for a file: its value, its line map (None when the file has no
# problem: worked out from the file if a later check needs a line), its problems, and its own
# checks when it had the names for them.
Sent = tuple[Any, Any, list, "OwnChecks | None"]
Chunk = tuple[list[Sent], dict[str, bytes]]


def parse_chunk(paths: list[str], prefix: str, names: Names | None) -> Chunk:
    """Each file's value, line map when it has problems, problems and, given the `names`, its
    own checks; and the digest of each file's bytes."""
    sent: list[Sent] = []
    with recording_digests() as digests:
        for text in paths:
            path = Path(text)
            name = prefix + path.name
            document = read_yaml(path, name)
            lines = None if on_demand(document.lines) else dict(document.lines)
            checked = None if names is None else _own_checks(document, name, names)
            sent.append((document.value, lines, document.problems, checked))
    return sent, dict(digests)


def _own_checks(document: YamlDocument, name: str, names: Names) -> OwnChecks | None:
    """The project's checks of itself, as the loader makes them; None when it is not a valid
    project (its problems are found where it is validated)."""
    if document.value is None:
        return None
    try:
        model = schema.Project.model_validate(document.value)
    except ValidationError:
        return None
    return own_checks(Located(model, name, document.lines, ()), names)


def serve() -> None:
    """A worker's loop: parse each chunk asked for on standard input, send it back on
    standard output, until the input ends. Anything printed goes to standard error, so it
    cannot break what is sent."""
    gc.disable()  # it parses and sends back: nothing it makes lives long or forms a cycle
    # Ctrl-C stops the program that started it, whose end closes the pipe this reads.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    asked = sys.stdin.buffer
    answers: IO[bytes] = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    names = None
    while True:
        try:
            paths, prefix, new_names = pickle.load(asked)
        except EOFError:
            return
        names = new_names or names
        pickle.dump(parse_chunk(paths, prefix, names), answers, pickle.HIGHEST_PROTOCOL)
        answers.flush()
