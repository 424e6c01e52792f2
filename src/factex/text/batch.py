"""Batching sentences for slovnet's models with as little padding as possible."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def by_length(
    sentences: list[list[str]], batch_size: int, run: Callable[[list[list[str]]], Iterable[T]]
) -> list[T]:
    """Run `run` over batches of similar-length sentences; results in input order.

    A batch is padded to its longest sentence, so grouping sentences by length
    cuts the work of the convolutional taggers substantially.
    """
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    out: list[T | None] = [None] * len(sentences)
    for k in range(0, len(order), batch_size):
        chunk = order[k : k + batch_size]
        for i, result in zip(chunk, run([sentences[i] for i in chunk])):
            out[i] = result
    return out  # type: ignore[return-value]


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
        """`by_length`, answering from the results computed ahead where there are some."""
        if not self._results:
            return by_length(sentences, size, run)
        keys = [tuple(s) for s in sentences]
        missing = [s for s, k in zip(sentences, keys) if k not in self._results]
        fresh = iter(by_length(missing, size, run) if missing else [])
        return [self._results[k] if k in self._results else next(fresh) for k in keys]
