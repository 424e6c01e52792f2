"""A pipeline's one worker thread, which runs a model's work on a text while the
calling thread runs other stages.

numpy's BLAS releases Python's GIL while it multiplies matrices, so the NER network
can run on one core while the morphology network runs on another (the two read the
same words and nothing else). The work handed over is a function of plain data (the
sentences' words): it reads nothing the calling thread changes meanwhile, and gives
the same result in either thread, so records are the same with and without the
worker. `FACTEX_OVERLAP=0` in the environment, or `Pipeline(overlap=False)`, runs
everything in the calling thread, one stage after the other.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
OFF = ("0", "false", "no", "off")


def overlap_default() -> bool:
    """On unless FACTEX_OVERLAP is set to 0, false, no or off."""
    return os.environ.get("FACTEX_OVERLAP", "").strip().lower() not in OFF


class Worker:
    """One thread, started on first use: again in a forked child process, where the
    parent's thread does not run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._threads: ThreadPoolExecutor | None = None
        self._pid = 0

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Run `work` in the worker thread, after the work submitted before it."""
        with self._lock:
            if self._threads is None or self._pid != os.getpid():
                self._threads = ThreadPoolExecutor(1, thread_name_prefix="factex-overlap")
                self._pid = os.getpid()
            return self._threads.submit(work)


def failed(err: Exception) -> Future[T]:
    """A future that raises `err` when its result is asked for."""
    future: Future[T] = Future()
    future.set_exception(err)
    return future
