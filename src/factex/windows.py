"""Long texts in windows of whole paragraphs, in memory bounded by the window.

A text longer than the window is cut into windows of whole paragraphs (a
paragraph longer than a window is cut after a sentence, else after a space);
each window runs through every stage on its own, and `Assembly` joins the
window records into one record of the whole text: offsets shifted, entities
clustered over the whole text by the rules of `entities/coref.py` (names,
parts, aliases), fact arguments pointed at the merged entities, and ids
`T`, `D`, `N`, `F` numbered over the whole document. The first window gives
the title, the dateline and the reference date of every later window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Protocol

from .entities.aliases import canonical
from .entities.coref import abbreviation, same_person, surname_form
from .entities.names import full_name, surname_first
from .record import DateExpr, Document, Entity, Fact, StageWarning
from .text.chars import fold
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


class _Cluster:
    """A person, place or organisation of the whole text: window entities joined."""

    def __init__(self, entity: Entity, order: int) -> None:
        self.entity = entity  # the first window entity, grown into the merged one
        self.order = order
        self.parts: dict[str, str | None] = dict(entity.parts or {})
        self.members = [entity]
        self.last_start = entity.mentions[-1].start if entity.mentions else -1

    def join(self, other: Entity) -> None:
        self.members.append(other)
        if other.mentions:
            self.last_start = max(self.last_start, other.mentions[-1].start)


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
        for item in (*window.dates, *window.numbers, *window.facts):
            _shift(item, offset)
        by_id = {e.id: e for e in window.entities if e.id}
        dates_by_id = {d.id: d for d in window.dates if d.id}
        self.entities.extend(window.entities)
        doc.dates.extend(window.dates)
        doc.numbers.extend(window.numbers)
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
        merged = _merge(self.entities)
        clusters = {id(c): c for c in merged.values()}.values()
        doc.entities = sorted(
            (c.entity for c in clusters if c.entity.mentions),
            key=lambda e: e.mentions[0].start,
        )
        doc.assign_ids()  # the facts are self.facts, in order
        final = {member: c.entity for member, c in merged.items()}
        for fact, entities, dates in self.facts:
            fact.args = {k: _remap(v, entities, dates, final) for k, v in fact.args.items()}
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


def _merge(entities: list[Entity]) -> dict[int, _Cluster]:
    """Window entities clustered over the whole text, keyed by `id()` of each member."""
    of: dict[int, _Cluster] = {}
    clusters = _persons([e for e in entities if e.type == "PER"])
    for c in clusters:
        for e in c.members:
            of[id(e)] = c
        _combine(c)
    _names([e for e in entities if e.type != "PER"], clusters, of)
    return of


def _filled(parts: dict[str, str | None]) -> int:
    return sum(1 for v in parts.values() if v)


def _lone_word(e: Entity) -> bool:
    """A person named by one word alone in every mention (`Мерцу`)."""
    parts = e.parts or {}
    return (
        _filled(parts) == 1
        and not parts.get("middle")
        and all(" " not in m.text for m in e.mentions)
    )


class _Surnames:
    """Persons with a first name and a surname, found by the first letters of the surname."""

    def __init__(self) -> None:
        self.by_stem: dict[str, list[tuple[str, _Cluster]]] = {}

    def add(self, c: _Cluster) -> None:
        last = fold(c.parts.get("last") or "")
        if last and c.parts.get("first"):
            self.by_stem.setdefault(last[:3], []).append((last, c))

    def forms(self, word: str) -> list[_Cluster]:
        """The persons whose surname `word` (as written) is, in some case."""
        found = {
            id(c): c for last, c in self.by_stem.get(fold(word)[:3], []) if surname_form(word, last)
        }
        return list(found.values())


def _persons(persons: list[Entity]) -> list[_Cluster]:
    """Persons of all windows joined as `cluster_persons` joins mentions: the fullest
    names first, each joining the earliest person it may be; the candidates come
    from an index by surname and first name, not from a scan of all persons."""
    clusters: list[_Cluster] = []
    by_last: dict[str, list[_Cluster]] = {}
    by_first: dict[str, list[_Cluster]] = {}
    surnames = _Surnames()

    order = sorted(persons, key=lambda e: (-_filled(e.parts or {}), e.mentions[0].start))
    for e in order:
        parts = dict(e.parts or {})
        last, first = fold(parts.get("last") or ""), fold(parts.get("first") or "")
        if last:
            cands = by_last.get(last, [])
        else:
            cands = by_first.get(first, []) + by_last.get(first, []) if first else []
        matches = [c for c in cands if same_person(parts, c.parts)]
        if not matches and _lone_word(e):
            forms = surnames.forms(e.mentions[0].text)
            if len(forms) == 1:  # two people of one surname: the word stays apart
                forms[0].join(e)
                continue
        if matches:
            c = min(matches, key=lambda x: x.order)
            had = fold(c.parts.get("first") or ""), bool(c.parts.get("first"))
            for key, value in parts.items():
                if value and (not c.parts.get(key) or (c.parts[key] or "").endswith(".")):
                    c.parts[key] = value
            c.join(e)
            now = fold(c.parts.get("first") or "")
            if now and now != had[0]:
                by_first.setdefault(now, []).append(c)
            if not had[1]:
                surnames.add(c)
        else:
            c = _Cluster(e, len(clusters))
            clusters.append(c)
            if last:
                by_last.setdefault(last, []).append(c)
            if first:
                by_first.setdefault(first, []).append(c)
            surnames.add(c)
    return clusters


def _combine(c: _Cluster) -> None:
    """Give a person cluster's first entity all the members' mentions and the merged name."""
    e = c.entity
    _absorb(e, c.members[1:])
    parts = c.parts
    middle, first = parts.get("middle") or "", parts.get("first") or ""
    if middle.endswith(".") and first and not first.endswith("."):
        parts["middle"] = None
    e.parts = parts
    e.name = full_name(parts, surname_first(parts, [m.normal for m in e.mentions]))


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


def _fullest(names: list[str]) -> str:
    """The name with most words, then letters; abbreviations only when nothing else."""
    spelled = [n for n in names if not n.split()[0].isupper()] or names
    return max(spelled, key=lambda n: (len(n.split()), len(n)))


def _names(entities: list[Entity], persons: list[_Cluster], of: dict[int, _Cluster]) -> None:
    """Places and organisations of all windows joined by name (with aliases), a bare
    name (`МИД`) joining the nearest entity before it whose owned name it shortens,
    an abbreviation joining the name it abbreviates, and a surname tagged as a place
    joining the one person of that surname."""
    def key_of(name: str) -> str:
        return fold(canonical(name))

    surnames = _Surnames()
    exact: dict[str, list[_Cluster]] = {}
    for p in persons:
        surnames.add(p)
        if p.parts.get("last") and p.parts.get("first"):
            exact.setdefault(fold(p.parts["last"] or ""), []).append(p)
    groups: dict[tuple[str, str], _Cluster] = {}
    short: dict[tuple[str, str], list[_Cluster]] = {}
    initials: dict[tuple[str, str], _Cluster] = {}
    merged: list[_Cluster] = []
    for e in sorted(entities, key=lambda e: e.mentions[0].start if e.mentions else -1):
        if " " not in e.name and e.mentions:
            owners = exact.get(fold(e.name)) or surnames.forms(e.mentions[0].text)
            if len(owners) == 1:
                e.type = "PER"
                for m in e.mentions:
                    m.type = "PER"
                owners[0].join(e)
                _absorb(owners[0].entity, [e])
                of[id(e)] = owners[0]
                continue
        key = (e.type, key_of(e.name))
        c = groups.get(key)
        if c is None:
            start = e.mentions[0].start if e.mentions else -1
            near = short.get(key, [])
            before = [x for x in near if x.last_start < start] or near
            if before:
                c = max(before, key=lambda x: x.last_start)
        if c is None and e.name.isupper():
            c = initials.get((e.type, e.name.upper()))
        if c is None:
            c = _Cluster(e, len(merged))
            merged.append(c)
            groups[key] = c
            initials.setdefault((e.type, abbreviation(key[1])), c)
        else:
            c.join(e)
        of[id(e)] = c
        for m in e.mentions:
            k = (e.type, key_of(m.normal or m.text))
            if k != key and c not in short.setdefault(k, []):
                short[k].append(c)
    for c in merged:
        if len(c.members) > 1:
            _absorb(c.entity, c.members[1:])
            c.entity.name = _fullest([x.name for x in c.members])


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
