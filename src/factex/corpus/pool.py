"""Processing Items in worker processes: chunks out, Outcomes back in input order, a
bounded number of chunks in flight so that memory does not grow with the corpus."""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from ..record import DocInfo, error_record
from .inputs import Item
from .process import Options, Outcome, Processor

if TYPE_CHECKING:
    from ..pipeline import Pipeline

T = TypeVar("T")
_worker: Processor | None = None


def worker_signals() -> None:
    """In a worker: leave Ctrl-C to the parent, and die on SIGTERM (`terminate`) even
    when forked from a process whose handler turns it into an exception (the CLI's),
    which the worker might swallow and live on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _init(options: Options) -> None:
    """In each worker: its signals, then load the models once (the taggers keep
    numpy's BLAS to one thread themselves, `text/batch.py`)."""
    global _worker
    worker_signals()
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


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _crashed(item: Item) -> Outcome:
    """A document whose worker died while processing it (killed, out of memory)."""
    info = DocInfo(id=item.id, source=item.source)
    message = "the worker process processing it died (killed, or out of memory)"
    return Outcome(item, error_record(info, "worker-crashed", message), [])


class OrderedPool:
    """`jobs` worker processes, each with its own pipeline; results in input order."""

    def __init__(self, jobs: int, options: Options, chunk_size: int = 16) -> None:
        self.jobs = jobs
        self.options = options
        self.chunk_size = max(1, chunk_size)
        self.window = 4 * jobs  # chunks in flight: enough to keep every worker busy
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_init, initargs=(self.options,))

    def _submit(self, chunk: list[Item]) -> tuple[list[Item], Future[list[Outcome]]]:
        return chunk, self._executor.submit(_work, chunk)

    def map(self, items: Iterable[Item]) -> Iterator[Outcome]:
        pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
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

    def _head(self, pending: deque[tuple[list[Item], Future[list[Outcome]]]]) -> list[Outcome]:
        try:
            outcomes = pending[0][1].result()
        except BrokenProcessPool:
            return self._recover(pending)
        pending.popleft()
        return outcomes

    def _recover(self, pending: deque[tuple[list[Item], Future[list[Outcome]]]]) -> list[Outcome]:
        """A worker died: keep the chunks finished before, and send the others again one
        document at a time, one in flight, to new workers, so that the document that
        kills a worker is found and reported; then carry on as before."""
        self.terminate()
        self._executor = self._start()
        out: list[Outcome] = []
        for chunk, future in pending:
            if future.done() and future.exception() is None:
                out.extend(future.result())
                continue
            for item in chunk:
                try:
                    out.extend(self._executor.submit(_work, [item]).result())
                except BrokenProcessPool:
                    out.append(_crashed(item))
                    self.terminate()
                    self._executor = self._start()
        pending.clear()
        return out

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
    chunk_size: int = 16,
    nlp: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Outcomes of `items` in input order, in this process (`jobs=1`) or in a pool."""
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        processor = Processor(options, nlp)
        for chunk in chunks(items, chunk_size):
            yield from processor.chunk(chunk)
        return
    yield from OrderedPool(jobs, options, chunk_size).map(items)
