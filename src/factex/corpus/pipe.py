"""`Pipeline.pipe`: many texts, in this process or in worker processes, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import tee
from typing import TYPE_CHECKING, Any

from .inputs import Item
from .pool import OrderedPool, resolve_jobs
from .process import Options

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..record import Document


def pipe_documents(
    nlp: Pipeline,
    texts: Iterable[Any],
    date: Any = None,
    *,
    tokens: bool = False,
    n_process: int = 1,
    batch_size: int = 32,
    as_tuples: bool = False,
) -> Iterator[Any]:
    """Documents of `texts` (ids doc1, doc2...), or (Document, context) pairs for
    (text, context) pairs with `as_tuples`; `n_process` worker processes (0: a core each),
    `batch_size` documents at a time."""
    pairs = texts if as_tuples else ((text, None) for text in texts)
    for_items, for_contexts = tee(pairs)
    contexts = (context for _, context in for_contexts)
    docs = (Item(f"doc{i}", "", text=text) for i, (text, _) in enumerate(for_items, 1))
    jobs = resolve_jobs(n_process)
    results: Iterator[Document]
    if jobs == 1:
        results = nlp.pipe_batches(docs, date, tokens=tokens, batch_size=batch_size)
    else:
        options = Options(date=date, tokens=tokens, pipeline=nlp.config, documents=True)
        outcomes = OrderedPool(jobs, options, batch_size).map(docs)
        results = (o.document for o in outcomes if o.document is not None)
    for doc in results:
        context = next(contexts)
        yield (doc, context) if as_tuples else doc
