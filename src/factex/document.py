"""The one document model that every stage reads and extends.

- `Token`: a word with its offsets, lemma, tags and sentence, filled in by the
  segment and morph stages; the same object is written out by `--tokens`.
- Word ranges count tokens and name their ends `first`/`last` (half-open:
  `tokens[first:last]`); character spans name theirs `start`/`stop`
  (`text[start:stop]`). A name never means both.
- `Analysis`: the text, its tokens, sentences and paragraphs, the tagger's
  entity spans, and the record (`record.Document`) the later stages fill.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entities.ner import WordSpan
    from .record import DateExpr, Document, Entity, Mention
    from .time.reference import Reference


class WordRange(NamedTuple):
    """Tokens [first, last) of a document: a sentence, a phrase."""

    first: int
    last: int


class CharSpan(NamedTuple):
    """Characters [start, stop) of a text: a paragraph, an evidence span."""

    start: int
    stop: int


@dataclass(slots=True)
class Token:
    """A word: `text` is `doc_text[start:stop]`; `word` is the same without invisible
    characters (soft hyphens, zero-width spaces), as the models see it; `space`
    says whether whitespace (or the start of the text) comes before it; `pos` and
    `feats` are Universal Dependencies tags, `sent` the sentence index; `head` and
    `dep` the dependency parse (syntax stage)."""

    start: int
    stop: int
    text: str
    lemma: str = ""
    pos: str = "X"
    feats: dict[str, str] = field(default_factory=dict)
    sent: int = 0
    word: str = ""
    space: bool = True
    head: int | None = None  # index in the tokens of the head; None for a sentence's root
    dep: str | None = None  # UD relation to the head; None when unparsed

    def __post_init__(self) -> None:
        if not self.word:
            self.word = self.text

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def number(self) -> str | None:
        return self.feats.get("Number")

    @property
    def tag(self) -> tuple[tuple[str, str], ...]:
        """The features as a sorted tuple (a key for caches)."""
        return tuple(sorted(self.feats.items()))

    def to_dict(self) -> dict[str, Any]:
        """The SPEC form (`--tokens`)."""
        return {
            "start": self.start,
            "stop": self.stop,
            "text": self.text,
            "lemma": self.lemma,
            "pos": self.pos,
            "feats": dict(self.feats),
            "sent": self.sent,
            "head": self.head,
            "dep": self.dep,
        }


def glued(tokens: list[Token], i: int) -> bool:
    """Token i follows the one before it with no space between."""
    return i > 0 and not tokens[i].space


def words_of(tokens: list[Token]) -> list[str]:
    """The tokens' words as the models see them."""
    return [t.word for t in tokens]


def _unknown_date() -> Reference:
    from .time.reference import Reference  # imported late: time/ imports this module

    return Reference()


@dataclass
class Analysis:
    """The layers of one text and the record being filled from them.

    `tokens` (segment, then morph), `sentences` as word ranges, `paragraphs`
    as character spans, `ner_spans` (the tagger's word spans), `option` (the
    caller's reference date) and `reference` (the one dates are resolved
    against), `fact_types` (the chosen ones, None for all), `parse_all` (whether
    the syntax stage parses every sentence), `ran` (the stages done), `document`
    (the record: entities, dates, numbers, facts).
    """

    text: str
    document: Document
    tokens: list[Token] = field(default_factory=list)
    sentences: list[WordRange] = field(default_factory=list)
    paragraphs: list[CharSpan] = field(default_factory=list)
    ner_spans: list[WordSpan] = field(default_factory=list)
    reference: Reference = field(default_factory=lambda: _unknown_date())
    option: Reference | None = None
    fact_types: tuple[str, ...] | None = None
    parse_all: bool = False  # parse every sentence, not only those facts read (`tokens=True`)
    ran: set[str] = field(default_factory=set)  # the stages that have run
    _starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)
    _spacy: Doc | None = field(default=None, repr=False)
    _entity_at: tuple[list[Entity], int, dict[int, Entity]] | None = field(
        default=None, repr=False
    )
    context: Any = field(default=None, repr=False)  # facts.context.Context.of's, shared

    def set_tokens(
        self, tokens: list[Token], sentences: list[WordRange], paragraphs: list[CharSpan]
    ) -> None:
        """Install the segmentation layer and the index built from it."""
        self.tokens, self.sentences, self.paragraphs = tokens, sentences, paragraphs
        self._starts = [t.start for t in tokens]
        self._paragraph_starts = [p.start for p in paragraphs]

    def word_at(self, offset: int) -> int | None:
        """Index of the token that covers character `offset`, or None."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.tokens[i].stop:
            return i
        return None

    def paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding character `offset` starts; 0 when none holds it."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].stop:
            return self.paragraphs[i].start
        return 0

    def sentence_span(self, k: int) -> CharSpan:
        """Character span of sentence k; an empty sentence is an empty span where it is."""
        first, last = self.sentences[k]
        if first < last:
            return CharSpan(self.tokens[first].start, self.tokens[last - 1].stop)
        at = self.tokens[first].start if first < len(self.tokens) else len(self.text)
        return CharSpan(at, at)

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence that contains character `offset`."""
        i = self.word_at(offset)
        if i is None:
            i = bisect_right(self._starts, offset) - 1
            if i < 0:
                return None
        return self.tokens[i].sent

    def entity_of(self, mention_start: int) -> Entity | None:
        """The entity that has a mention starting at `mention_start`."""
        entities = self.document.entities
        cached = self._entity_at
        if cached is None or cached[0] is not entities or cached[1] != len(entities):
            at: dict[int, Entity] = {}
            for e in entities:
                for m in e.mentions:
                    at.setdefault(m.start, e)
            cached = self._entity_at = (entities, len(entities), at)  # rebuilt on change
        return cached[2].get(mention_start)

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
