"""Python's cyclic garbage collector started less often while factex analyses a text.

A document's analysis makes and drops some hundred thousand small containers (tags,
parses, spans); with Python's default threshold (a collection of the youngest objects
after 700 new ones) the collector ran about 350 times over the FactRuEval devset and
three times over every object in the process (the word caches included), 0.35 CPU
seconds of the 4 (`docs/performance.md`). Within `fewer_collections` it starts after
`NEW_OBJECTS` new ones: the same collections, fewer of them; nothing is left
uncollected, and Python's threshold is back when the block ends.
"""

from __future__ import annotations

import gc
from contextlib import AbstractContextManager

from .process_wide import ProcessWide

NEW_OBJECTS = 20_000


def _raise_threshold() -> tuple[int, ...]:
    saved = gc.get_threshold()
    if 0 < saved[0] < NEW_OBJECTS:
        gc.set_threshold(NEW_OBJECTS, *saved[1:])
    return saved


_THRESHOLD = ProcessWide(_raise_threshold, lambda saved: gc.set_threshold(*saved))


def fewer_collections() -> AbstractContextManager[None]:
    """Within this block the collector's first threshold is at least `NEW_OBJECTS` (a
    threshold of 0, collection switched off, stays off); the threshold of before is
    restored when the last block open in any thread ends."""
    return _THRESHOLD.block()
