"""A setting of the whole process held while any block of it is open, in any thread.

The pipeline's worker thread and the calling thread open such blocks at once (BLAS on one
thread, the garbage collector's threshold): the setting is made when the first block
opens and undone when the last one closes, never by a block that others still rely on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

S = TypeVar("S")


class ProcessWide(Generic[S]):
    """`begin()` when the first block opens; `end(state)`, with what `begin` returned,
    when the last one closes."""

    def __init__(self, begin: Callable[[], S], end: Callable[[S], None]) -> None:
        self._begin, self._end = begin, end
        self._lock = threading.Lock()
        self._open = 0  # blocks open, in any thread
        self._state: S | None = None

    @contextmanager
    def block(self) -> Iterator[None]:
        with self._lock:
            if not self._open:
                self._state = self._begin()
            self._open += 1
        try:
            yield
        finally:
            with self._lock:
                self._open -= 1
                if not self._open:
                    state, self._state = self._state, None
                    self._end(state)  # type: ignore[arg-type]
