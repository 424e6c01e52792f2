"""Processing Items in worker processes: chunks out, Outcomes back in input order, a
bounded number of chunks in flight so that memory does not grow with the corpus."""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from ..record import DocInfo, error_record
from .inputs import Item
from .process import Options, Outcome, Processor

if TYPE_CHECKING:
    from ..pipeline import Pipeline

_worker: Processor | None = None


def _init(options: Options) -> None:
    """In each worker: leave Ctrl-C to the parent, load the models once."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = Processor(options)
    _worker.nlp  # noqa: B018  (load now, not inside the first chunk)


def _work(chunk: list[Item]) -> list[Outcome]:
    assert _worker is not None
    return _worker.chunk(chunk)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """`--jobs`: 0 means every core."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (every core) or more, not {jobs}")
    return jobs or cores()


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class _Pending:
    chunk: list[Item]
    future: Future[list[Outcome]] | None
    crashes: int = 0


def _crashed(item: Item) -> Outcome:
    """A document whose worker died twice while processing it (killed, out of memory)."""
    info = DocInfo(id=item.id, source=item.source)
    message = "the worker process processing it died (killed, or out of memory)"
    return Outcome(item, error_record(info, "worker-crashed", message), [])


class OrderedPool:
    """`jobs` worker processes, each with its own pipeline; results in input order."""

    def __init__(self, jobs: int, options: Options, chunk_size: int = 8) -> None:
        self.jobs = jobs
        self.options = options
        self.chunk_size = max(1, chunk_size)
        self.window = 4 * jobs  # chunks in flight: enough to keep every worker busy
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_init, initargs=(self.options,))

    def _submit(self, chunk: list[Item], crashes: int = 0) -> _Pending:
        return _Pending(chunk, self._executor.submit(_work, chunk), crashes)

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        pending: deque[_Pending] = deque()
        try:
            for chunk in chunks(items, self.chunk_size):
                pending.append(self._submit(chunk))
                while len(pending) >= self.window:
                    yield from self._head(pending)
            while pending:
                yield from self._head(pending)
        except BaseException:  # interrupted, or the consumer stopped early
            self.terminate()
            raise
        self._executor.shutdown()

    def _head(self, pending: deque[_Pending]) -> list[Outcome]:
        first = pending[0]
        if first.future is None:  # a document that crashed its worker twice
            pending.popleft()
            return [_crashed(item) for item in first.chunk]
        try:
            outcomes = first.future.result()
        except BrokenProcessPool:
            self._recover(pending)
            return []
        pending.popleft()
        return outcomes

    def _recover(self, pending: deque[_Pending]) -> None:
        """A worker died: start new ones and resend what was in flight, one document
        per chunk, so that the document that kills a worker is found and reported."""
        self.terminate()
        self._executor = self._start()
        resent: deque[_Pending] = deque()
        for entry in pending:
            for item in entry.chunk:
                if len(entry.chunk) == 1 and entry.crashes >= 1:
                    resent.append(_Pending([item], None, entry.crashes + 1))
                else:
                    resent.append(self._submit([item], entry.crashes + 1))
        pending.clear()
        pending.extend(resent)

    def terminate(self) -> None:
        """Stop the workers now, dropping the work in flight."""
        executor = self._executor
        stop = getattr(executor, "terminate_workers", None)  # Python 3.14
        if stop is not None:
            stop()
            return
        processes = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


def run(
    items: Iterable[Item],
    options: Options,
    jobs: int = 1,
    chunk_size: int = 8,
    nlp: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Outcomes of `items` in input order, in this process (`jobs=1`) or in a pool."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        processor = Processor(options, nlp)
        for item in items:
            yield processor(item)
        return
    yield from OrderedPool(jobs, options, chunk_size).map(items)
