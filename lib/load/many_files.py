"""Parse many project files with every core, and make there the checks that read one alone.

At 10,000 projects, parsing the project files and checking each one's facts against its quotes
is over half of a cold load, while the machine's other cores sit idle. From WORKERS_FROM files
on, worker processes (one per spare core) parse chunks of files from the end of the list, while
this process, after whatever it does first (the list files), parses chunks from the start: they
meet wherever they meet, so neither waits on a fixed share, and this process never waits on a
worker (a chunk a worker has not finished when this process comes to it is parsed here too).
Once this process has read the places' and organisations' names (`check_with`), a worker also
makes the checks of each project it parses that read it and those names alone: its facts
against its quotes, the letters of its texts (lib/load/fact_checks.own_checks). It sends back
plain values, their problems, each file's digest and those checks; validating the values into
models is done here, as for a file parsed here, since a pickled model costs twice its
validation to unpickle.

Every document comes back in the files' order (`in_any_order`: each chunk as soon as it is at
hand, with its place in the list), and each digest is recorded (lib/load/data_file) in that
order: the same as a read on one core, problem for problem and byte for byte.
A worker that cannot start or dies leaves its chunks to this process.

A worker is a fresh interpreter running lib/load/chunk_worker.serve over pipes, not a
multiprocessing one: that would run the starting program's main script again in each worker
(a script without a `__main__` guard would load the data again there), or fork a server with
its threads' locks.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # not on Unix
    fcntl = None  # type: ignore[assignment]

from lib.load.chunk_worker import Chunk
from lib.load.data_file import in_read_order, record_digests
from lib.load.fact_checks import Names, OwnChecks
from lib.load.yaml_reader import YamlDocument, lines_on_demand, read_yaml

WORKERS_FROM = 2000  # below it, a worker's start costs about what it would take off
CHUNK = 250  # files a chunk: about 0.1 s of parsing, so the last chunk keeps no one waiting
MOST_WORKERS = 4  # a server keeps serving while a new version is read
PIPE_BYTES = 1 << 20  # Linux's bound for a user's pipe by default (/proc/sys/fs/pipe-max-size)
ROOT = Path(__file__).resolve().parents[2]
WORKER = (
    "import sys; sys.path.insert(0, sys.argv[1]); from lib.load.chunk_worker import serve; serve()"
)


@dataclass(frozen=True)
class Parsed:
    document: YamlDocument
    own_checks: OwnChecks | None  # None: not checked where it was parsed


class ManyFiles:
    """The project files of `paths` (each named `prefix` + its file name in problems), Parsed
    in their order by iterating; workers start on them at once. Close it (or use it as a
    context manager) to stop the workers when not every file is taken."""

    def __init__(
        self,
        paths: Sequence[Path],
        prefix: str,
        workers: int | None = None,
        chunk: int = 0,
        names: Names | None = None,
    ) -> None:
        self._prefix = prefix
        chunk = chunk or CHUNK
        self._chunks = [list(paths[start : start + chunk]) for start in range(0, len(paths), chunk)]
        self._lock = threading.Lock()
        self._next = 0  # the first chunk no one has taken; this process takes them upwards
        self._last = len(self._chunks)  # the last chunk a worker took; they take them downwards
        self._sent: dict[int, Chunk | None] = {}  # None: the worker died on it
        self._ready = [threading.Event() for _ in self._chunks]
        self._workers: list[subprocess.Popen] = []
        self._names = names  # or later, by check_with
        self.chunks_from_workers = 0
        if workers is None:
            workers = _spare_cores() if len(paths) >= WORKERS_FROM else 0
        for _ in range(min(workers, len(self._chunks) - 1)):
            worker = _started()
            if worker is None:
                break
            self._workers.append(worker)
            threading.Thread(target=self._feed, args=(worker,), daemon=True).start()

    def check_with(self, names: Names) -> None:
        """Have the workers make each project's own checks with these names from now on."""
        with self._lock:
            self._names = names

    @property
    def names(self) -> Names | None:
        """The names given by check_with, if given yet."""
        with self._lock:
            return self._names

    def __iter__(self) -> Iterator[Parsed]:
        for index, chunk in enumerate(self._chunks):
            with self._lock:
                here = index < self._last
                if here:
                    self._next = index + 1
            if here:
                for path in chunk:
                    yield Parsed(read_yaml(path, self._prefix + path.name), None)
            else:
                yield from self._unpacked(index)
        self.close()

    def in_any_order(self) -> Iterator[tuple[int, list[Path], list[Parsed]]]:
        """Each chunk (its index, paths and Parsed files) as soon as it is at hand: a
        worker's once it is back, else the next from the start parsed here. What the caller
        does with a worker's chunk is then done while the workers parse on, not after they
        meet this process. The digests are recorded as __iter__ records them."""
        taken: set[int] = set()
        while True:
            for index in [i for i, ready in enumerate(self._ready) if ready.is_set()]:
                if index not in taken:
                    taken.add(index)
                    yield index, self._chunks[index], self._unpacked(index)
            with self._lock:
                index = self._next if self._next < self._last else None
                if index is not None:
                    self._next = index + 1
            if index is None:
                break
            taken.add(index)
            chunk = self._chunks[index]
            yield index, chunk, [Parsed(read_yaml(p, self._prefix + p.name), None) for p in chunk]
        for index, chunk in enumerate(self._chunks):
            if index not in taken:  # a worker's: back, or parsed here (see _unpacked)
                yield index, chunk, self._unpacked(index)
        self.close()
        in_read_order(str(path) for chunk in self._chunks for path in chunk)

    def _unpacked(self, index: int) -> list[Parsed]:
        """A worker's chunk as it sent it back; one it has not finished (the one it is at
        when the two meet, or any while it is starved of a core) is parsed here rather than
        waited for."""
        chunk = self._chunks[index]
        sent = self._sent.pop(index, None) if self._ready[index].is_set() else None
        if sent is None:
            return [Parsed(read_yaml(path, self._prefix + path.name), None) for path in chunk]
        documents, digests = sent
        record_digests(digests)
        self.chunks_from_workers += 1
        parsed = []
        for path, (value, lines, problems, checked) in zip(chunk, documents, strict=True):
            lines = lines_on_demand(path) if lines is None else lines
            parsed.append(Parsed(YamlDocument(value, lines, problems), checked))
        return parsed

    def _feed(self, worker: subprocess.Popen) -> None:
        """In a thread for each worker: hand it chunks from the end until it meets this
        process, and keep what it sends back. Once it has sent a chunk back, it is asked for
        the next before what it sent is read: this thread waits for this process's lock on
        Python at each read of a pipe, while a worker waiting for its next chunk idles."""
        asked: list[int] = []  # the chunks it has been asked for and not sent back, in order
        names_sent = answered = False
        try:
            assert worker.stdin is not None and worker.stdout is not None
            _widened(worker.stdout)
            while True:
                while len(asked) < (2 if answered else 1):
                    index = self._taken_from_end()
                    if index is None:
                        break
                    paths = [str(path) for path in self._chunks[index]]
                    names = None if names_sent else self._names  # sent once
                    names_sent = names is not None
                    pickle.dump((paths, self._prefix, names), worker.stdin, pickle.HIGHEST_PROTOCOL)
                    worker.stdin.flush()
                    asked.append(index)
                if not asked:
                    break
                self._sent[asked[0]] = pickle.load(worker.stdout)
                self._ready[asked.pop(0)].set()
                answered = True
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            pass  # the worker died or was stopped: the chunks it had are parsed here
        finally:
            for index in asked:
                if not self._ready[index].is_set():
                    self._sent[index] = None
                    self._ready[index].set()
            _close(worker)

    def _taken_from_end(self) -> int | None:
        with self._lock:
            if self._last - 1 < self._next:
                return None
            self._last -= 1
            return self._last

    def close(self) -> None:
        """Stop the workers: none takes another chunk, and one still parsing is ended."""
        with self._lock:
            self._last = self._next = len(self._chunks)
        for worker in self._workers:
            if worker.poll() is None:
                worker.kill()  # its thread then finds the pipe closed, and waits for it

    def __enter__(self) -> ManyFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _started() -> subprocess.Popen | None:
    if not sys.executable:  # an embedded interpreter: no program to start
        return None
    try:
        return subprocess.Popen(
            [sys.executable, "-c", WORKER, str(ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
    except OSError:
        return None


def _close(worker: subprocess.Popen) -> None:
    """Close the worker's pipes, so it ends, and wait for it."""
    for pipe in (worker.stdin, worker.stdout):
        try:
            if pipe is not None:
                pipe.close()
        except OSError:
            pass
    try:
        worker.wait(timeout=5)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def _widened(pipe: IO[bytes]) -> None:
    """Let the pipe hold a whole chunk's answer (some 400 KB for 250 projects; 64 KB by
    default), so a worker writes it at once and goes on to the next chunk."""
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):  # not on Linux
        return
    # above the system's bound, the pipe keeps its size, and works as well
    with contextlib.suppress(OSError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _spare_cores() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores - 1, MOST_WORKERS)
