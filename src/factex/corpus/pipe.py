"""`Pipeline.pipe`: many texts, in this process or in worker processes, in input order.

One output per input, in input order, each with its own context. A text whose worker
process dies while processing it (killed, out of memory) gives a Document whose
`error` is `("worker-crashed", message)` (its `to_dict()` is the SPEC error record the
CLI writes for it); the texts after it go on in new workers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..record import DocInfo, Document
from .inputs import Item, dated
from .pool import OrderedPool, resolve_jobs
from .process import Options, Outcome

if TYPE_CHECKING:
    from ..pipeline import Pipeline


def _document(outcome: Outcome) -> Document:
    """The Document of an outcome; for a document whose worker died, one with its error."""
    if outcome.document is not None:
        return outcome.document
    item, error = outcome.item, outcome.record.get("error") or {}
    info = DocInfo(id=item.id, source=item.source or None)
    code, message = error.get("code", "worker-crashed"), error.get("message", "")
    return Document(item.text or "", info, error=(str(code), str(message)))


def _dated(context: Any) -> bool:
    """A context that carries its text's reference date (`{"date": "2025-11-11"}`)."""
    return isinstance(context, Mapping) and context.get("date") is not None


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
    `batch_size` documents at a time; a context `{"date": ...}` gives its text its own
    reference date (a bad one: a Document with error `bad-date`). Each document is
    paired with the context of its own item (kept by id while it is in flight), never
    with a neighbour's."""
    contexts: dict[str, Any] = {}

    def items() -> Iterator[Item]:
        for i, pair in enumerate(texts if as_tuples else ((t, None) for t in texts), 1):
            text, context = pair
            contexts[f"doc{i}"] = context
            item = Item(f"doc{i}", "", text=text)
            yield dated(item, context["date"], "date") if _dated(context) else item

    jobs = resolve_jobs(n_process)
    results: Iterator[Document]
    if jobs == 1:
        results = nlp.pipe_batches(items(), date, tokens=tokens, batch_size=batch_size)
    else:
        options = Options(date=date, tokens=tokens, pipeline=nlp.config, documents=True)
        results = map(_document, OrderedPool(jobs, options, batch_size).map(items()))
    for doc in results:
        context = contexts.pop(doc.info.id)
        yield (doc, context) if as_tuples else doc
