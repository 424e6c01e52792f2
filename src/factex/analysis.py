"""What the stages build for one text, shared by the fact extractors and integrations."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .record import DateExpr, Document, Entity, Mention
from .text.segment import Segments
from .time.reference import Reference

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entities.ner import WordSpan


@dataclass
class Analysis:
    """The linguistic layers of a text and the record being filled from them.

    Words are razdel tokens (`segments.words`); `pos`, `feats` and `lemmas` are
    parallel lists; `sent_of_word[i]` is the sentence index of word i; `ner_spans`
    are the tagger's word spans; `option` is the caller's reference date and
    `reference` the one dates are resolved against; `fact_types` the chosen ones.
    """

    text: str
    segments: Segments
    pos: list[str]
    feats: list[dict[str, str]]
    lemmas: list[str]
    document: Document
    reference: Reference = field(default_factory=Reference)
    sent_of_word: list[int] = field(default_factory=list)
    ner_spans: list[WordSpan] = field(default_factory=list)
    option: Reference | None = None
    fact_types: tuple[str, ...] | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _spacy: Doc | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.sent_of_word:
            self.set_segments(self.segments)
        self._starts = [w[0] for w in self.segments.words]

    def set_segments(self, segments: Segments) -> None:
        """Install the segmentation layer and the word indexes built from it."""
        self.segments = segments
        self._starts = [w[0] for w in segments.words]
        self.sent_of_word = []
        for k, (a, b) in enumerate(segments.sentences):
            self.sent_of_word.extend([k] * (b - a))

    @property
    def words(self) -> list[tuple[int, int, str]]:
        return self.segments.words

    def word_at(self, offset: int) -> int | None:
        """Index of the word that covers character `offset`, or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.words[i][1]:
            return i
        return None

    def sentence_span(self, k: int) -> tuple[int, int]:
        """Character span of sentence k; an empty sentence is an empty span where it is."""
        a, b = self.segments.sentences[k]
        if a < b:
            return self.words[a][0], self.words[b - 1][1]
        at = self.words[a][0] if a < len(self.words) else len(self.text)
        return at, at

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence that contains character `offset`."""
        i = self.word_at(offset)
        if i is None:
            i = bisect_right(self._starts, offset) - 1
            if i < 0:
                return None
        return self.sent_of_word[i]

    def entity_of(self, mention_start: int) -> Entity | None:
        """The entity that has a mention starting at `mention_start`."""
        for e in self.document.entities:
            if any(m.start == mention_start for m in e.mentions):
                return e
        return None

    def mentions(self) -> list[tuple[Mention, Entity]]:
        """All mentions with their entities, in text order."""
        pairs = [(m, e) for e in self.document.entities for m in e.mentions]
        return sorted(pairs, key=lambda p: p[0].start)

    def dates_in(self, start: int, stop: int) -> list[DateExpr]:
        return [d for d in self.document.dates if start <= d.start and d.stop <= stop]

    @property
    def doc(self) -> Doc:
        """The text as a spaCy `Doc` (built on first use): tokens with lemmas, POS,
        morphology and sentence starts; `ents` are the entity mentions."""
        if self._spacy is None:
            from .text.spacy_doc import to_spacy

            self._spacy = to_spacy(self)
        return self._spacy
