"""factex as a spaCy pipeline component: `factex.load()` or `nlp.add_pipe("factex")`.

>>> nlp = factex.load(date="2025-11-11")
>>> doc = nlp(text)
>>> [(e.text, e.label_, e._.value) for e in doc.ents]
>>> doc.spans["dates"], doc._.facts, doc._.record

The component runs factex on `doc.text` and returns a new Doc built from
factex's own tokens (so every offset matches the record), with:
- `doc.ents`: entity mentions, labels PER/LOC/ORG, `kb_id_` the entity id;
- span groups `dates` (label DATE), `numbers` (ORDINAL/CARDINAL) and `facts`
  (evidence spans labelled by fact type), `kb_id_` the record id;
- `doc._.record` (the SPEC record), `doc._.facts` (its facts) and
  `span._.value` (an entity's normal form, a date's ISO value, a number).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from .document import Analysis

__all__ = ["FactexComponent", "load", "make_factex", "to_doc"]

LABELS = {"ordinal": "ORDINAL", "cardinal": "CARDINAL"}


def _span_value(span: Span) -> Any:
    record = span.doc._.record or {}
    ident = span.kb_id_
    for layer, key in (("entities", "name"), ("dates", "value"), ("numbers", "value")):
        for item in record.get(layer) or []:
            if item.get("id") == ident and span.label_ != "FACT":
                return item.get(key)
    return None


def _register_extensions() -> None:
    for name in ("record", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_span_value)


class FactexComponent:
    """Replaces the incoming Doc with factex's analysis of its text."""

    def __init__(self, nlp: Language, name: str = "factex", date: str | None = None) -> None:
        self.name = name
        self.date = date
        self.vocab = nlp.vocab
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from . import pipeline

        out = to_doc(pipeline().analyse(doc.text, self.date), self.vocab)
        out.user_data.update(doc.user_data)
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date}

    def __setstate__(self, state: dict[str, Any]) -> None:
        from .text.spacy_doc import vocab

        self.name, self.date = state["name"], state["date"]
        self.vocab = vocab()
        _register_extensions()


def to_doc(analysis: Analysis, vocab: Vocab | None = None) -> Doc:
    """factex's analysis as a spaCy Doc with ents, span groups and extensions."""
    from .text.spacy_doc import to_spacy

    _register_extensions()
    record = analysis.document.to_dict()
    doc = to_spacy(analysis, vocab)
    doc.spans["dates"] = _spans(doc, record["dates"], lambda d: "DATE")
    doc.spans["numbers"] = _spans(
        doc, record["numbers"], lambda n: LABELS.get(n.get("kind"), "NUMBER")
    )
    evidence = [{**f, **(f.get("evidence") or {})} for f in record["facts"]]
    doc.spans["facts"] = _spans(doc, evidence, lambda f: str(f.get("type")))
    doc._.record = record
    doc._.facts = record["facts"]
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


@Language.factory("factex", default_config={"date": None})
def make_factex(nlp: Language, name: str, date: str | None) -> FactexComponent:
    """The `factex` factory (`date`: reference date YYYY-MM-DD, or null)."""
    return FactexComponent(nlp, name, date)


def load(date: str | None = None) -> Language:
    """A blank Russian spaCy pipeline with the `factex` component."""
    import spacy

    nlp = spacy.blank("ru")
    nlp.add_pipe("factex", config={"date": date})
    return nlp
