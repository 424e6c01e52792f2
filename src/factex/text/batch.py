"""Sentences for slovnet's models in batches, and results computed ahead for several
documents at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Generic, Protocol, TypeVar

from ..process_wide import ProcessWide

T = TypeVar("T")
_blas: Any = None  # threadpoolctl's controller of the BLAS libraries loaded


def _one_blas_thread() -> Any:
    return blas_controller().limit(limits=1, user_api="blas")


_ONE_THREAD: ProcessWide[Any] = ProcessWide(
    _one_blas_thread, lambda limiter: limiter.restore_original_limits()
)


def blas_within_one_thread() -> AbstractContextManager[None]:
    """Within this block numpy's BLAS runs on one thread. slovnet's matrices are small:
    a second BLAS thread mostly spins waiting for work; it bought 7% of wall time for a
    whole second core over a corpus, and on a busy machine cost 10x the CPU time over
    short paragraphs. BLAS's number of threads is the process's: the limit set by the
    first block open in any thread is lifted when the last one ends (the pipeline's
    worker thread runs a model while the main thread runs another)."""
    return _ONE_THREAD.block()


def blas_controller() -> Any:
    """threadpoolctl's controller of the BLAS libraries loaded (finding them takes a
    while: done once, when the models load)."""
    global _blas
    if _blas is None:
        from threadpoolctl import ThreadpoolController

        _blas = ThreadpoolController()
    return _blas


def in_batches(
    sentences: list[list[str]], batch_size: int, run: Callable[[list[list[str]]], Iterable[T]]
) -> list[T]:
    """Run `run` over batches of `batch_size` sentences (bounding the memory of a batch);
    results in input order."""
    out: list[T] = []
    with blas_within_one_thread():
        for k in range(0, len(sentences), batch_size):
            out.extend(run(sentences[k : k + batch_size]))
    return out


class Ahead(Generic[T]):
    """Results for sentences computed ahead, in one batched run over the sentences of
    several documents (`Pipeline.pipe`), handed out when each document asks for them."""

    def __init__(self) -> None:
        self._results: dict[tuple[str, ...], T] = {}

    def fill(self, sentences: list[list[str]], results: list[T]) -> None:
        self._results = {tuple(s): r for s, r in zip(sentences, results)}

    def clear(self) -> None:
        self._results = {}

    def run(
        self, sentences: list[list[str]], size: int, run: Callable[[list[list[str]]], Iterable[T]]
    ) -> list[T]:
        """`in_batches`, answering from the results computed ahead where there are some."""
        ready, missing = self.split(sentences)
        if not ready:
            return in_batches(sentences, size, run)
        return self.merge(sentences, ready, in_batches(missing, size, run) if missing else [])

    def split(
        self, sentences: list[list[str]]
    ) -> tuple[dict[tuple[str, ...], T], list[list[str]]]:
        """The results computed ahead (the same all along, if another thread fills or
        clears them) and the sentences not among them."""
        ready = self._results
        return ready, [s for s in sentences if tuple(s) not in ready]

    @staticmethod
    def merge(
        sentences: list[list[str]], ready: dict[tuple[str, ...], T], fresh: Iterable[T]
    ) -> list[T]:
        """The result of each sentence: computed ahead, or the next of `fresh`."""
        rest = iter(fresh)
        return [ready[k] if k in ready else next(rest) for k in map(tuple, sentences)]


class Tagger(Protocol):
    """A model whose results `Pipeline.together` computes ahead."""

    batch_size: int
    ahead: Ahead[Any]

    def run_batch(self, chunk: list[list[str]]) -> list[Any]: ...


def prepare(taggers: Sequence[Tagger], sentences: list[list[str]]) -> None:
    """Run the taggers over these sentences (of several documents) now, in shared
    batches, each batch through every tagger in turn (so that they share its input,
    `cnn.WordInput`); each document then takes its results from `Ahead`."""
    if not taggers:
        return
    size = taggers[0].batch_size
    results: list[list[Any]] = [[] for _ in taggers]
    with blas_within_one_thread():
        for k in range(0, len(sentences), size):
            chunk = sentences[k : k + size]
            for out, tagger in zip(results, taggers):
                out.extend(tagger.run_batch(chunk))
    for out, tagger in zip(results, taggers):
        tagger.ahead.fill(sentences, out)
