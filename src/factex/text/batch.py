"""Batching sentences for slovnet's models with as little padding as possible."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

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
