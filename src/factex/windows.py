"""Long texts in windows of whole paragraphs, in memory bounded by the window.

A text longer than the window is cut into windows of whole paragraphs (a
paragraph longer than a window is cut after a sentence, else after a space);
each window runs through every stage on its own, and `Assembly` joins the
window records into one record of the whole text: offsets shifted, entities
clustered over the whole text by the clusterer of one document (`entities/coref.py`,
each window entity a unit), fact arguments pointed at the merged entities, and ids
`T`, `D`, `N`, `F` numbered over the whole document. The first window gives
the title, the dateline and the reference date of every later window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Protocol

from .entities.coref import Unit, cluster
from .record import DateExpr, Document, Entity, Fact, StageWarning
from .text.segment import LINE_BREAKS
from .time.reference import Reference

if TYPE_CHECKING:
    from .document import Analysis

# Characters per window: the linguistic layers of a window take about 20 MB.
WINDOW = 100_000

_SENTENCE_ENDS = (". ", "! ", "? ", "… ", '." ', ".» ", "!» ", "?» ")
_SPACES = (" ", "\t")
_BLANK_LINES = ("\n\n", "\r\n\r\n", "\n \n")


def windows(text: str, size: int = WINDOW) -> Iterator[tuple[int, int]]:
    """Character spans [start, stop) that cover `text`, each at most `size` long,
    ending after a blank line (a break between articles or sections) in the
    second half of the window, else after a line break; a paragraph longer than
    `size` is cut after a sentence end, else after a space in the second half
    of the window, else at `size`. Every cut is found by a search back over one
    window and every window but the last is at least half a window long or ends
    at a line break, so the cost is linear in the text."""
    if size < 1:
        raise ValueError(f"window size must be positive, not {size}")
    start, n = 0, len(text)
    while n - start > size:
        end, half = start + size, start + size // 2
        cut = max(text.rfind(s, half, end) + len(s) for s in _BLANK_LINES)
        if cut <= half + 1:
            cut = max(text.rfind(ch, start, end) for ch in LINE_BREAKS) + 1
        if cut <= start:
            cut = max(text.rfind(s, half, end) + len(s) for s in _SENTENCE_ENDS)
            if cut <= half + 1:
                cut = max(text.rfind(s, half, end) + 1 for s in _SPACES)
            if cut <= half:
                cut = end
        yield start, cut
        start = cut
    if start < n or n == 0:
        yield start, n


def _shift(item: Any, by: int) -> None:
    """Move an object with `start`/`stop` offsets (or such a dict) by `by` characters."""
    if isinstance(item, dict):
        if isinstance(item.get("start"), int) and isinstance(item.get("stop"), int):
            item["start"] += by
            item["stop"] += by
    elif hasattr(item, "start") and hasattr(item, "stop"):
        item.start += by
        item.stop += by
    elif hasattr(item, "evidence"):  # a fact whose offsets are in an evidence span
        _shift(item.evidence, by)


def _lists(obj: Any) -> list[list[Any]]:
    """The list fields of a dataclass record (mentions, descriptions...)."""
    return [v for f in fields(obj) if isinstance(v := getattr(obj, f.name), list)]


class Assembly:
    """The record of a whole text, assembled from the records of its windows in order."""

    def __init__(self, text: str, first: Document) -> None:
        self.document = Document(text, first.info)
        self.document.tokens = [] if first.tokens is not None else None
        self.document.sentences = [] if first.sentences is not None else None
        self.entities: list[Entity] = []
        self.facts: list[tuple[Fact, dict[str, Entity], dict[str, DateExpr]]] = []
        self.warnings: list[StageWarning] = []

    def add(self, window: Document, offset: int) -> None:
        """Take the record of the window that starts at character `offset`."""
        doc = self.document
        for e in window.entities:
            for items in _lists(e):
                for item in items:
                    _shift(item, offset)
        for items in (*window.layers.values(), window.facts):
            for item in items:
                _shift(item, offset)
        by_id = {e.id: e for e in window.entities if e.id}
        dates_by_id = {d.id: d for d in window.dates if d.id}
        self.entities.extend(window.entities)
        for key, items in window.layers.items():
            doc.layers.setdefault(key, []).extend(items)
        self.facts.extend((f, by_id, dates_by_id) for f in window.facts)
        doc.facts.extend(window.facts)
        self.warnings.extend(window.warnings)
        if doc.tokens is not None and window.tokens is not None:
            sent, before = len(doc.sentences or []), len(doc.tokens)
            for t in window.tokens:
                _shift(t, offset)
                t.sent += sent
                if t.head is not None:
                    t.head += before
            doc.tokens.extend(window.tokens)
            doc.sentences = doc.sentences if doc.sentences is not None else []
            doc.sentences.extend((a + offset, b + offset) for a, b in window.sentences or [])

    def finish(self) -> Document:
        """Cluster the entities of all windows, point facts at them, number everything."""
        doc = self.document
        doc.entities, final = _merge(self.entities)
        doc.assign_ids()  # the facts are self.facts, in order
        for fact, entities, dates in self.facts:
            fact.args = {k: _remap(v, entities, dates, final) for k, v in fact.args.items()}
        for items in doc.layers.values():  # `country`, `person`: the merged entity
            for item in items:
                for key, value in getattr(item, "__dict__", {}).items():
                    if isinstance(value, Entity):
                        setattr(item, key, final.get(id(value), value))
        doc.warnings = self.warnings
        return doc


def _remap(
    value: Any, entities: dict[str, Entity], dates: dict[str, DateExpr], final: dict[int, Entity]
) -> Any:
    """A fact argument with window entities and ids replaced by the merged ones."""
    if isinstance(value, Entity):
        return final.get(id(value), value)
    if isinstance(value, list):
        return [_remap(v, entities, dates, final) for v in value]
    if isinstance(value, dict) and isinstance(value.get("ref"), str):
        ref = value["ref"]
        if ref in entities and "name" in value:
            return final[id(entities[ref])].ref()
        if ref in dates and "value" in value:
            return dates[ref].ref()
    return value


def _merge(entities: list[Entity]) -> tuple[list[Entity], dict[int, Entity]]:
    """Window entities clustered over the whole text by `entities/coref.py`, the
    clusterer of one document (each window entity a unit); with the merged entity of
    each window entity, keyed by its `id()`."""
    merged: list[Entity] = []
    final: dict[int, Entity] = {id(e): e for e in entities}
    for c in cluster([Unit.of_entity(e) for e in entities if e.mentions]):
        members = sorted((u.entity for u in c.units if u.entity is not None),
                         key=lambda e: e.mentions[0].start)  # fmt: skip
        base = members[0]
        _absorb(base, members[1:])
        base.type, base.name = c.type, c.name
        if c.type == "PER":
            base.parts = c.parts
        merged.append(base)
        for e in members:
            final[id(e)] = base
    return merged, final


def _absorb(e: Entity, others: list[Entity]) -> None:
    """Append the mentions (and any other listed layer) of `others` to `e`, in text order."""
    if not others:
        return
    for other in others:
        for mine, theirs in zip(_lists(e), _lists(other)):
            mine.extend(theirs)
    for items in _lists(e):
        if all(hasattr(x, "start") for x in items):
            items.sort(key=lambda x: x.start)


class Analyse(Protocol):
    """`Pipeline.analyse`: one text through every stage."""

    def __call__(
        self,
        text: str,
        date: Reference | None = None,
        *,
        doc_id: str = "",
        source: str | None = None,
        tokens: bool = False,
        header: bool = True,
    ) -> Analysis: ...


def assemble(
    analyse: Analyse,
    text: str,
    date: Reference | None,
    window: int = WINDOW,
    *,
    doc_id: str = "",
    source: str | None = None,
    tokens: bool = False,
) -> Document:
    """The record of `text` run window by window through `analyse`; only one
    window's linguistic layers are alive at a time."""
    spans = windows(text, window)
    start, stop = next(spans)
    first = analyse(text[start:stop], date, doc_id=doc_id, source=source, tokens=tokens)
    reference = first.reference
    assembly = Assembly(text, first.document)
    assembly.add(first.document, start)
    del first
    for start, stop in spans:
        part = analyse(text[start:stop], reference, tokens=tokens, header=False)
        assembly.add(part.document, start)
        del part
    return assembly.finish()
