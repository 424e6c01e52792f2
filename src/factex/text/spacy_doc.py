"""factex's layers as a spaCy `Doc`, whitespace kept so offsets match the text."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from ..document import Analysis


@cache
def vocab() -> Vocab:
    """A Russian vocabulary shared by every Doc factex builds."""
    import spacy

    return spacy.blank("ru").vocab


def _morph(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def same_tokens(doc: Doc, analysis: Analysis) -> bool:
    """Whether `doc` has factex's tokens (whitespace tokens aside) over the same text."""
    if doc.text != analysis.text:
        return False
    spans = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
    return spans == [(t.start, t.stop) for t in analysis.tokens]


def annotate(doc: Doc, analysis: Analysis) -> Doc:
    """Give `doc`, which has factex's tokens, their lemmas, tags, sentences and the
    entity mentions as `doc.ents`."""
    from spacy.tokens import MorphAnalysis

    tokens = iter(analysis.tokens)
    sent_first = {analysis.tokens[first].start for first, _ in analysis.sentences}
    for t in doc:
        if t.is_space:
            continue
        token = next(tokens)
        t.lemma_, t.pos_ = token.lemma, token.pos
        t.morph = MorphAnalysis(doc.vocab, token.feats)
        t.is_sent_start = t.i == 0 or t.idx in sent_first
    _set_ents(doc, analysis)
    return doc


def _set_ents(doc: Doc, analysis: Analysis) -> None:
    ents = []
    for mention, entity in analysis.mentions():
        span = doc.char_span(mention.start, mention.stop, label=entity.type, kb_id=entity.id)
        if span is not None:
            ents.append(span)
    doc.ents = ents


def to_spacy(analysis: Analysis, shared: Vocab | None = None) -> Doc:
    """Build a spaCy Doc whose `doc.text == analysis.text`.

    Gaps other than one space become whitespace tokens (`SPACE`), as in spaCy's
    own tokenizer; entity mentions become `doc.ents`.
    """
    from spacy.tokens import Doc

    text = analysis.text
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    starts: list[bool | int | None] = []
    sent_first = {first for first, _ in analysis.sentences}

    def add_gap(gap: str) -> None:
        if not gap:
            return
        if gap.startswith(" ") and words and not spaces[-1] and pos[-1] != "SPACE":
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            pos.append("SPACE")
            morphs.append("")
            lemmas.append(gap)
            starts.append(False)

    cursor = 0
    for i, token in enumerate(analysis.tokens):
        add_gap(text[cursor : token.start])
        words.append(token.text)
        spaces.append(False)
        pos.append(token.pos)
        morphs.append(_morph(token.feats))
        lemmas.append(token.lemma)
        starts.append(i in sent_first)
        cursor = token.stop
    add_gap(text[cursor:])
    if starts:
        starts[0] = True
    doc = Doc(
        shared or vocab(),
        words=words,
        spaces=spaces,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        sent_starts=starts,
    )
    _set_ents(doc, analysis)
    return doc
