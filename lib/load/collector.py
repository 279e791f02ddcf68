"""The cyclic garbage collector paused while a data version's objects are made: a load, a
build or a snapshot's opening makes millions of objects and no garbage cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """A load makes millions of objects and no garbage cycles, yet Python's cycle collector
    would walk the growing heap again and again: a sixth of a 10,000-project load, and half
    of opening its snapshot (lib/store/snapshot.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _into_oldest_generation()
            gc.enable()


def _into_oldest_generation() -> None:
    """Put the objects made while the collector was paused where survivors end up, the oldest
    generation, without walking them: re-enabled, the collector would otherwise walk all of
    them at its next young collection (a quarter of a second at 10,000 projects), only to
    find them alive and move them on. They are walked, as every old object is, at the next
    full collection. Done only when no other part of the process has frozen objects, which
    gc.unfreeze() would release."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
