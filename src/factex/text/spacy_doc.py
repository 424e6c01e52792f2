"""factex's layers as a spaCy `Doc`, whitespace kept so offsets match the text."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from ..document import Analysis, Token


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
    arcs = _arcs(analysis, [t.i for t in doc if not t.is_space], len(doc))
    if arcs:
        _set_arcs(doc, *arcs)
    _set_ents(doc, analysis)
    return doc


def _set_arcs(doc: Doc, heads: list[int], deps: list[str]) -> None:
    import numpy as np

    rows: Any = np.array(
        [[(h - i) % 2**64, doc.vocab.strings.add(d)] for i, (h, d) in enumerate(zip(heads, deps))],
        dtype=np.uint64,
    )  # spaCy's HEAD is relative, stored unsigned
    doc.from_array(["HEAD", "DEP"], rows)


def _set_ents(doc: Doc, analysis: Analysis) -> None:
    ents = []
    for mention, entity in analysis.mentions():
        span = doc.char_span(mention.start, mention.stop, label=entity.type, kb_id=entity.id)
        if span is not None:
            ents.append(span)
    doc.ents = ents


def _arcs(analysis: Analysis, at: list[int], size: int) -> tuple[list[int], list[str]] | None:
    """Heads (Doc indices) and relations of the Doc's tokens from the parse, or None
    when the text was not parsed. Whitespace tokens hang from the word before them
    (the first word for leading whitespace), with the relation `dep`."""
    tokens = analysis.tokens
    if not tokens or any(t.dep is None for t in tokens):
        return None
    heads = [at[0]] * size
    deps = ["dep"] * size
    previous = at[0]
    word = 0
    for k in range(size):
        if word < len(at) and at[word] == k:
            t = tokens[word]
            heads[k] = k if t.head is None else at[t.head]
            deps[k] = t.dep or "dep"
            previous, word = k, word + 1
        else:
            heads[k] = previous
    return heads, deps


def to_spacy(analysis: Analysis, shared: Vocab | None = None) -> Doc:
    """Build a spaCy Doc whose `doc.text == analysis.text`.

    Gaps other than one space become whitespace tokens (`SPACE`), as in spaCy's
    own tokenizer; entity mentions become `doc.ents`; the parse gives `head` and
    `dep` (displaCy draws it), and then the sentences follow from it.
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
    at: list[int] = []  # the Doc index of each of factex's tokens
    for i, token in enumerate(analysis.tokens):
        add_gap(text[cursor : token.start])
        at.append(len(words))
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
    arcs = _arcs(analysis, at, len(words))
    doc = Doc(
        shared or vocab(),
        words=words,
        spaces=spaces,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        sent_starts=None if arcs else starts,
        heads=arcs[0] if arcs else None,
        deps=arcs[1] if arcs else None,
    )
    _set_ents(doc, analysis)
    return doc


def align(doc: Doc, tokens: list[Token], sentences: list[tuple[int, int]]) -> None:
    """Give the tokens of `doc`, however it was tokenized, factex's lemmas, POS tags,
    features and sentence starts, leaving alone every attribute an earlier component
    set. A token that is factex's gets its annotation; one that spans several of
    factex's (`/ТАСС/.`) their lemmas joined and the tag of the last word; one inside
    one of factex's (`Касым` of `Касым-Жомарт`) its tag, or PUNCT for punctuation."""
    from bisect import bisect_right

    import numpy
    from spacy.tokens import MorphAnalysis

    starts = [t.start for t in tokens]
    text = doc.text
    lemma, pos, morph = (not doc.has_annotation(a) for a in ("LEMMA", "POS", "MORPH"))
    for t in doc:
        a, b = t.idx, t.idx + len(t.text)
        k = max(0, bisect_right(starts, a) - 1)
        near = tokens[k : bisect_right(starts, b - 1)]
        inside = [x for x in near if x.stop > a and x.start < b]
        if t.is_space or not inside:
            continue
        words = [x for x in inside if x.pos != "PUNCT"] or inside
        head = words[-1]
        if len(inside) > 1:
            parts = [inside[0].lemma]
            for prev, x in zip(inside, inside[1:]):
                parts += [text[prev.stop : x.start], x.lemma]
            edges = text[a : inside[0].start], text[inside[-1].stop : b]
            lemma_, pos_ = edges[0] + "".join(parts) + edges[1], head.pos
        elif (head.start, head.stop) == (a, b):
            lemma_, pos_ = head.lemma, head.pos
        elif not any(ch.isalnum() for ch in t.text):
            lemma_, pos_ = t.text, "PUNCT"
        else:
            lemma_, pos_ = t.text.lower(), head.pos
        if lemma:
            t.lemma_ = lemma_
        if pos:
            t.pos_ = pos_
        if morph and pos_ != "PUNCT":
            t.morph = MorphAnalysis(doc.vocab, head.feats)
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP") and len(doc):
        firsts = {start for start, _ in sentences}
        flags = [1 if t.i == 0 or t.idx in firsts else -1 for t in doc]
        column = numpy.array(flags, dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array(["SENT_START"], column)  # type: ignore[arg-type]  # one pass (`is_sent_start=` checks the doc)

