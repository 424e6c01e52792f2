"""Sentences for slovnet's models in batches, and results computed ahead for several
documents at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
_blas: Any = None  # threadpoolctl's controller of the BLAS libraries loaded


def blas_within_one_thread() -> AbstractContextManager[Any]:
    """Within this block numpy's BLAS runs on one thread. slovnet's matrices are small:
    a second BLAS thread mostly spins waiting for work; it bought 7% of wall time for a
    whole second core over a corpus, and on a busy machine cost 10x the CPU time over
    short paragraphs."""
    return blas_controller().limit(limits=1, user_api="blas")


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
        if not self._results:
            return in_batches(sentences, size, run)
        keys = [tuple(s) for s in sentences]
        missing = [s for s, k in zip(sentences, keys) if k not in self._results]
        fresh = iter(in_batches(missing, size, run) if missing else [])
        return [self._results[k] if k in self._results else next(fresh) for k in keys]


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
