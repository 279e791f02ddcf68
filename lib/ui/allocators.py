"""How this server process's memory allocators hand freed memory back to the system, set once
a process before the data is loaded: a server holds one data version for days, and what its
visitors' reruns allocate and free must not stay with it as resident memory."""

from __future__ import annotations

import contextlib
import ctypes

import pyarrow as pa

# glibc's mallopt parameter for the size from which a block is mapped on its own (mmap) and
# unmapped when freed, not carved from the heap its thread allocates from.
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 1024 * 1024


def give_memory_back() -> None:
    _arrow_memory_given_back()
    _large_blocks_given_back()


def _arrow_memory_given_back() -> None:
    """Have pandas' Arrow text columns allocated by jemalloc, which hands freed memory back
    to the system, not by pyarrow's default mimalloc pool: Streamlit runs each rerun in a new
    thread, and with mimalloc a server that had opened every page of a 10,000-project
    portfolio kept some 70 MB more (bench/results.md). A pyarrow built without jemalloc keeps
    its default."""
    with contextlib.suppress(NotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())


def _large_blocks_given_back() -> None:
    """Have glibc map every block of LARGE_BLOCK or more (numpy's and pandas' columns, most
    of what a page's rerun allocates) on its own, so that freeing it gives it back. By
    default glibc raises that threshold to the largest block freed so far (up to 32 MB):
    after a 100,000-project portfolio was loaded, a rerun's columns were carved from the
    heaps of the threads Streamlit runs them in, and each heap kept what was freed, pieces
    too small to hand back between the blocks still held. A server that had opened every
    page of 100,000 projects kept 60 to 80 MB less so (bench/server_memory.py). Elsewhere than glibc
    (musl, macOS) nothing changes. The C library is the one this process runs with, found by
    its symbols (ctypes.util.find_library ran `ldconfig -p` in a child process, a fork of the
    whole server, before the start's open could begin)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)
