"""factex as a spaCy pipeline component: `factex.load()` or `nlp.add_pipe("factex")`.

>>> nlp = factex.load(date="2025-11-11")
>>> doc = nlp(text)
>>> [(e.text, e.label_, e._.value) for e in doc.ents]
>>> doc.spans["dates"], doc._.facts, doc._.record

The component runs factex on `doc.text` as `factex.extract` does (a long text in
windows, in bounded memory), so `doc._.record` is the record `factex.extract` gives.
It annotates the Doc it is given, whatever its tokenizer, and keeps what earlier
components set; `nlp.pipe` tags the sentences of a batch of texts together. It
assigns (and declares, as spaCy's `assigns`):
- token lemmas, POS tags, features and sentence starts, where no earlier
  component set them (`text/spacy_doc.align`);
- `doc.ents`: entity mentions (widened to whole tokens, `alignment_mode="expand"`),
  labels PER/LOC/ORG, `kb_id_` the entity id; an earlier component's entities that
  overlap none of factex's stay;
- a span group per layer (`factex.layers`: `dates` labelled DATE, `numbers`
  ORDINAL/CARDINAL...) and `facts` (evidence spans labelled by fact type),
  `kb_id_` the record id;
- `doc._.record` (the SPEC record), `doc._.facts` (its facts) and
  `span._.value` (an entity's normal form, a date's ISO value, a number).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .layers import LAYERS

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from .document import Analysis
    from .record import Document

__all__ = ["FactexComponent", "annotate", "load", "make_factex", "to_doc"]

ASSIGNS = [
    "token.lemma", "token.pos", "token.morph", "token.is_sent_start", "doc.ents",
    "doc.spans", "doc._.record", "doc._.facts", "span._.value",
]  # fmt: skip
MAX_LENGTH = 100_000_000
_VALUES = "factex_values"  # doc.user_data key: record id -> value, for `span._.value`


def _values(record: dict[str, Any]) -> dict[str, Any]:
    """An entity's name, the value of a layer's item (a date's, a number's...), by id."""
    out: dict[str, Any] = {}
    fields = [("entities", "name")] + [(key, layer.value) for key, layer in LAYERS.items()]
    for key, field in fields:
        for item in record.get(key) or []:
            out.setdefault(str(item.get("id")), item.get(field))
    return out


def _span_value(span: Span) -> Any:
    values = span.doc.user_data.get(_VALUES)
    if values is None:  # a Doc whose record was set by hand
        values = span.doc.user_data[_VALUES] = _values(span.doc._.record or {})
    return values.get(span.kb_id_)


def _register_extensions() -> None:
    for name in ("record", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_span_value)


class FactexComponent:
    """Annotates the incoming Doc with factex's record of its text."""

    def __init__(self, nlp: Language, name: str = "factex", date: str | None = None) -> None:
        self.name = name
        self.date = date
        self.vocab = nlp.vocab
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from . import shared_pipeline

        return annotate(doc, shared_pipeline()(doc.text, self.date, tokens=True))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """The Docs annotated in order, `batch_size` at a time: the sentences of a
        batch's short texts go through the taggers together (`Pipeline.together`, the
        batches of `Pipeline.pipe`), with the records of one Doc at a time."""
        from . import shared_pipeline
        from .corpus.pool import chunks

        nlp = shared_pipeline()
        for batch in chunks(docs, max(1, batch_size)):
            with nlp.together([doc.text for doc in batch]):
                yield from (self(doc) for doc in batch)

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date}

    def __setstate__(self, state: dict[str, Any]) -> None:
        from .text.spacy_doc import vocab

        self.name, self.date = state["name"], state["date"]
        self.vocab = vocab()
        _register_extensions()


def annotate(doc: Doc, document: Document) -> Doc:
    """`doc` annotated in place with factex's `document` of its text (made with
    `tokens=True`): token attributes, entities, span groups and the record."""
    from .text.spacy_doc import align

    _register_extensions()
    tokens, sentences = document.tokens or [], document.sentences or []
    document.tokens = document.sentences = None  # the record is that of factex.extract
    record = document.to_dict()
    align(doc, tokens, sentences)
    _set_entities(doc, record)
    _set_record(doc, record)
    return doc


def _set_entities(doc: Doc, record: dict[str, Any]) -> None:
    """factex's mentions as `doc.ents`, with the entities an earlier component found
    that overlap none of them."""
    from spacy.util import filter_spans

    mentions = [
        {**m, "type": e["type"], "id": e["id"]} for e in record["entities"] for m in e["mentions"]
    ]
    ours = filter_spans(_spans(doc, mentions, lambda m: m["type"]))
    taken = {i for span in ours for i in range(span.start, span.end)}
    theirs = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    doc.ents = sorted([*ours, *theirs], key=lambda span: span.start)


def _set_record(doc: Doc, record: dict[str, Any]) -> None:
    """The span groups (a layer's items, fact evidence) and the record on `doc._`."""
    for key, layer in LAYERS.items():
        if key in record:
            doc.spans[key] = _spans(doc, record[key], layer.span_label)
    evidence = [{**f, **(f.get("evidence") or {})} for f in record["facts"]]
    doc.spans["facts"] = _spans(doc, evidence, lambda f: str(f.get("type")))
    doc._.record = record
    doc._.facts = record["facts"]
    doc.user_data[_VALUES] = _values(record)


def to_doc(analysis: Analysis, vocab: Vocab | None = None, keep: Doc | None = None) -> Doc:
    """factex's analysis as a spaCy Doc with ents, span groups and extensions: `keep`
    annotated in place when it has factex's tokens, else a new Doc."""
    from .text.spacy_doc import annotate, same_tokens, to_spacy

    _register_extensions()
    record = analysis.document.to_dict()
    if keep is not None and same_tokens(keep, analysis):
        doc = annotate(keep, analysis)
    else:
        doc = to_spacy(analysis, vocab)
    _set_record(doc, record)
    return doc


def _spans(doc: Doc, items: list[dict[str, Any]], label: Any) -> list[Span]:
    spans = []
    for item in items:
        start, stop = item.get("start"), item.get("stop")
        if start is None or stop is None:
            continue
        span = doc.char_span(start, stop, label=label(item), kb_id=str(item.get("id", "")))
        if span is None:  # offsets inside a token: widen to whole tokens
            span = doc.char_span(
                start, stop, label=label(item), kb_id=str(item.get("id", "")),
                alignment_mode="expand",
            )  # fmt: skip
        if span is not None:
            spans.append(span)
    return spans


@Language.factory("factex", default_config={"date": None}, assigns=ASSIGNS)
def make_factex(nlp: Language, name: str, date: str | None) -> FactexComponent:
    """The `factex` factory (`date`: reference date YYYY-MM-DD, or null)."""
    return FactexComponent(nlp, name, date)


def load(date: str | None = None) -> Language:
    """A blank Russian spaCy pipeline with the `factex` component; it takes texts up to
    MAX_LENGTH characters (spaCy's default stops at 1,000,000: factex runs a long text
    in windows, in bounded memory)."""
    import spacy

    nlp = spacy.blank("ru")
    nlp.max_length = max(nlp.max_length, MAX_LENGTH)
    nlp.add_pipe("factex", config={"date": date})
    return nlp
