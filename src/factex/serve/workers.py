"""Worker processes for `factex serve`: each loads the pipeline once and answers one
job at a time over a pipe. A worker that dies or runs over the time limit is
replaced; the others keep serving. A bounded queue sits in front of them."""

from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..corpus.process import Options, Processor
from ..json_stream import release_to_dict
from ..record import DocInfo, error_record

log = logging.getLogger("factex.serve")
_SPAWN = multiprocessing.get_context("spawn")  # the server has threads: never fork it


@dataclass(frozen=True)
class Job:
    """One text to extract from, with the options of its request (already checked)."""

    text: str
    id: str = ""
    date: str | None = None
    disable: tuple[str, ...] = ()
    facts: tuple[str, ...] | None = None
    tokens: bool = False
    html: bool = False  # also render the HTML view of the record


@dataclass
class Answer:
    """What a worker made of a job: the record as JSON bytes (the same text as one line
    of `factex extract --format jsonl`), and the HTML view when asked."""

    body: bytes
    failed: bool = False
    html: str | None = None


class WorkerDied(Exception):
    """The worker process died while processing the job (killed, out of memory)."""


class WorkerTimeout(Exception):
    """The job ran over the time limit; its worker was stopped."""


class QueueFull(Exception):
    """Every worker is busy and the queue in front of them is full."""


def _child(conn: Connection) -> None:
    """A worker: load the models once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    nlp = Processor(Options()).nlp
    nlp("Москва, 1 декабря. Владимир Путин провёл встречу.")  # load word lists now
    try:
        conn.send(os.getpid())
    except OSError:  # the server stopped while the models were loading
        return
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(nlp, job))


def _answer(nlp: Any, job: Job) -> Answer:
    """The record of a job (an error record if the pipeline fails on it)."""
    try:
        variant = nlp.variant(job.disable, job.facts)
        doc = variant(job.text, job.date, doc_id=job.id, tokens=job.tokens)
        record = release_to_dict(doc)
        failed = False
    except Exception as err:  # one broken document must not stop the worker
        message = " ".join(f"{type(err).__name__}: {err}".split())
        record = error_record(DocInfo(id=job.id), "processing-error", message)
        failed = True
    html = None
    if job.html and not failed:
        from ..html import to_html

        html = to_html(record, texts=job.text)
    return Answer(json.dumps(record, ensure_ascii=False).encode(), failed, html)


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        self.conn, child = _SPAWN.Pipe()
        self.process = _SPAWN.Process(target=_child, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.pid: int | None = None

    def wait_loaded(self) -> bool:
        """Block until the models are loaded; False if the process died first."""
        ready = wait([self.conn, self.process.sentinel])
        if self.conn not in ready:
            return False
        try:
            self.pid = self.conn.recv()
        except (EOFError, OSError):
            return False
        return True

    def call(self, job: Job, timeout: float) -> Answer:
        """Send a job and wait for its answer (blocking: run in a thread)."""
        try:
            self.conn.send(job)
            ready = wait([self.conn, self.process.sentinel], timeout)
            if self.conn in ready:
                answer: Answer = self.conn.recv()
                return answer
        except (EOFError, OSError):
            raise WorkerDied from None
        if ready:
            raise WorkerDied
        raise WorkerTimeout

    def stop(self, kill: bool = False) -> None:
        """End the process: close its pipe (it exits when idle) or kill it now."""
        if kill and self.process.is_alive():
            self.process.kill()
        self.conn.close()
        self.process.join(None if kill else 10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class WorkerPool:
    """`size` workers behind a queue of at most `queue` waiting jobs."""

    def __init__(self, size: int, queue: int, timeout: float) -> None:
        self.size = size
        self.queue = queue
        self.timeout = timeout
        self.waiting = 0
        self.loaded = 0  # workers up now
        self.started = False  # every worker has loaded once
        self.replaced = 0
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closing = False
        self._threads = ThreadPoolExecutor(2 * size + 2, thread_name_prefix="factex-worker")
        self._loop: asyncio.AbstractEventLoop | None = None

    async def start(self) -> None:
        """Start the workers; each joins the pool when its models are loaded."""
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._threads.submit(self._spawn)

    def _spawn(self) -> None:
        """(In a thread) start a worker and hand it to the pool once loaded; retry a
        worker that dies while loading, after a pause."""
        while not self._closing:
            try:
                worker = Worker()
                with self._lock:
                    self._all.add(worker)
                if worker.wait_loaded():
                    assert self._loop is not None
                    self._loop.call_soon_threadsafe(self._joined, worker)
                    return
                self._forget(worker, kill=True)
                if not self._closing:
                    log.error("a worker died while loading the models; starting another")
            except Exception:  # out of processes or file handles: try again
                log.exception("cannot start a worker")
            time.sleep(1)

    def _joined(self, worker: Worker) -> None:
        if self._closing:
            self._threads.submit(self._forget, worker)
            return
        self.loaded += 1
        self.started = self.started or self.loaded == self.size
        assert self._idle is not None
        self._idle.put_nowait(worker)

    def _forget(self, worker: Worker, kill: bool = False) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill)

    @property
    def ready(self) -> bool:
        """Every worker loaded its models once, and at least one is up now."""
        return self.started and self.loaded > 0 and not self._closing

    @property
    def full(self) -> bool:
        """No worker is free and the queue holds as many jobs as it may."""
        return self.waiting >= self.queue and (self._idle is None or self._idle.empty())

    async def run(self, job: Job, admitted: bool = False) -> Answer:
        """The answer to a job from the first free worker. Raises QueueFull when the
        queue is full (unless `admitted`: a batch's later items), WorkerTimeout and
        WorkerDied (the worker is then replaced)."""
        assert self._idle is not None and self._loop is not None
        if not admitted and self.full:
            raise QueueFull
        self.waiting += 1
        try:
            worker = await self._idle.get()
            while not worker.process.is_alive():  # died while idle: not this job's fault
                self._lost(worker, "died while idle")
                worker = await self._idle.get()
        finally:
            self.waiting -= 1
        future = self._threads.submit(worker.call, job, self.timeout)
        loop = self._loop
        future.add_done_callback(lambda f: loop.call_soon_threadsafe(self._finished, worker, f))
        return await asyncio.wrap_future(future)  # a cancelled request leaves it to finish

    def _finished(self, worker: Worker, future: Future[Answer]) -> None:
        """A job is done: its worker goes back to the pool, or is replaced if it died
        or ran over the time limit."""
        assert self._idle is not None
        if future.cancelled() or future.exception() is None:
            self._idle.put_nowait(worker)
            return
        timeout = isinstance(future.exception(), WorkerTimeout)
        self._lost(worker, "ran over the time limit" if timeout else "died")

    def _lost(self, worker: Worker, what: str) -> None:
        self.loaded -= 1
        self.replaced += 1
        log.warning("worker %s %s; starting another", worker.process.pid, what)
        self._threads.submit(self._replace, worker)

    def _replace(self, worker: Worker) -> None:
        self._forget(worker, kill=True)
        self._spawn()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    async def close(self) -> None:
        """Stop every worker (after the server has finished the requests in flight)."""
        self._closing = True
        with self._lock:
            workers = list(self._all)
        # a worker still loading its models is killed; the others exit when their pipe closes
        await asyncio.gather(*(asyncio.to_thread(w.stop, w.pid is None) for w in workers))
        self._threads.shutdown(wait=False, cancel_futures=True)
