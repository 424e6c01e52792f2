"""What every fact extractor needs from an Analysis, indexed once per document."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..document import Analysis, Token, WordRange
from ..entities.types import LOC
from ..record import DateExpr, Entity, Mention, Number
from ..text.chars import DASHES, QUOTES
from .lexicon import mapping, words

# Nouns for a report whose topic (`о продаже`) a denial before them denies: `опровергли
# информацию о продаже «Веги»`.
REPORT_NOUNS = frozenset({"информация", "сообщение", "данные", "сведения", "публикация"})


@dataclass
class Span:
    """An entity mention as a range of words [first, last)."""

    first: int
    last: int
    mention: Mention
    entity: Entity


class _Words(dict[int, str]):
    """A string of each word by its index; "" for any index that is no word."""

    def __missing__(self, i: int) -> str:
        return ""


@dataclass
class Context:
    """Words, lemmas, tags and entity mentions of one document, with lookups by word."""

    analysis: Analysis
    tokens: list[Token] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    span_at: dict[int, Span] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # per-word answers, once
    entities: list[Entity] = field(default_factory=list, repr=False)  # those it read
    # Word i's text (as the models read it), lemma and part of speech, "" for no word:
    # the rules ask these a million times over the devset, so each is one dict look-up.
    text: Callable[[int], str] = field(init=False, repr=False, compare=False)
    lemma: Callable[[int], str] = field(init=False, repr=False, compare=False)
    pos: Callable[[int], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        a = self.analysis
        self.tokens = a.tokens
        self.text = _Words(enumerate(t.word for t in a.tokens)).__getitem__
        self.lemma = _Words(enumerate(t.lemma for t in a.tokens)).__getitem__
        self.pos = _Words(enumerate(t.pos for t in a.tokens)).__getitem__
        self.entities = a.document.entities
        self._entity_count = len(self.entities)
        for mention, entity in a.mentions():
            first = a.word_at(mention.start)
            last = a.word_at(mention.stop - 1)
            if first is None or last is None:
                continue
            span = Span(first, last + 1, mention, entity)
            self.spans.append(span)
            for i in range(first, last + 1):
                self.span_at.setdefault(i, span)

    @classmethod
    def of(cls, analysis: Analysis) -> Context:
        """The analysis's Context, shared by the stages after `entities` (the kinds and the
        facts), whose words and entities no longer change: built again only when they do."""
        ctx = analysis.context
        entities = analysis.document.entities
        if (
            not isinstance(ctx, cls)
            or ctx.tokens is not analysis.tokens
            or ctx.entities is not entities
            or ctx._entity_count != len(entities)
        ):
            ctx = analysis.context = cls(analysis)
        return ctx

    # words: every accessor takes any index; one outside the document is no word
    # (empty text, lemma and POS, no features, no punctuation), so a look at the word
    # before the first or after the last one is safe and never wraps around.
    @property
    def n(self) -> int:
        return len(self.tokens)

    def has(self, i: int) -> bool:
        """Whether i is the index of a word of the document."""
        return 0 <= i < len(self.tokens)

    def feat(self, i: int, key: str) -> str | None:
        return self.tokens[i].feats.get(key) if 0 <= i < len(self.tokens) else None

    def token(self, i: int) -> Token:
        """Token i; for no word, an empty token where the document ends or starts."""
        if 0 <= i < len(self.tokens):
            return self.tokens[i]
        at = self.start(i)
        return Token(at, at, "", pos="", sent=self.tokens[-1].sent if i > 0 and self.tokens else 0)

    def start(self, i: int) -> int:
        """Where word i starts; the end of the text past the last word."""
        if 0 <= i < len(self.tokens):
            return self.tokens[i].start
        return 0 if i < 0 or not self.tokens else self.tokens[-1].stop

    def stop(self, i: int) -> int:
        """Where word i ends; the start of the text before the first word."""
        if 0 <= i < len(self.tokens):
            return self.tokens[i].stop
        return 0 if i < 0 or not self.tokens else self.tokens[-1].stop

    def chars(self, first: int, last: int) -> str:
        """The text of words [first, last); empty when the range is."""
        if first >= last:
            return ""
        return self.analysis.text[self.start(first) : self.stop(last - 1)]

    def sentence(self, i: int) -> WordRange:
        """The word range of the sentence of word i; an empty range at i for no word."""
        if not 0 <= i < len(self.tokens):
            edge = min(max(i, 0), len(self.tokens))
            return WordRange(edge, edge)
        return self.analysis.sentences[self.tokens[i].sent]

    def sentences(self) -> list[WordRange]:
        return self.analysis.sentences

    def is_punct(self, i: int) -> bool:
        if not self.has(i):
            return False
        return self.pos(i) == "PUNCT" or not any(c.isalnum() for c in self.text(i))

    def is_quote(self, i: int) -> bool:
        return self.has(i) and self.text(i) in QUOTES

    def is_dash(self, i: int) -> bool:
        return self.text(i) in DASHES

    # mentions
    def entity(self, i: int, types: str = "PER LOC ORG") -> Entity | None:
        span = self.span_at.get(i)
        return span.entity if span and span.entity.type in types.split() else None

    def place(
        self,
        a: int,
        b: int,
        case: str = "Loc",
        preps: frozenset[str] = frozenset({"в", "во"}),
        within: int | None = None,
    ) -> Entity | None:
        """The first LOC after a preposition in words [a, b): `в Москве` (Loc, where),
        `в Россию` (Acc, where to); adjectives between are skipped. The preposition is
        looked for in the first `within` words only, when given."""
        stop = b - 1 if within is None else min(b, a + within)
        for j in range(a, stop):
            if self.lemma(j) in preps:
                k = j + 1
                while k < b and self.pos(k) == "ADJ" and self.span_at.get(k) is None:
                    k += 1
                e = self.entity(k, LOC)
                if e is not None and self.feat(k, "Case") in {case, None}:
                    return e
        return None

    @cached_property
    def _span_firsts(self) -> list[int]:
        return [s.first for s in self.spans]  # in text order, as `spans` is

    def spans_in(self, first: int, last: int, types: str = "PER LOC ORG") -> list[Span]:
        wanted = types.split()
        k = bisect_left(self._span_firsts, first)
        end = bisect_left(self._span_firsts, last, k)
        return [s for s in self.spans[k:end] if s.last <= last and s.entity.type in wanted]

    # dates and numbers
    @cached_property
    def dateline(self) -> tuple[int, int]:
        dl = self.analysis.document.info.dateline
        return (dl.start, dl.stop) if dl else (-1, -1)

    def dates_in(self, first: int, last: int) -> list[DateExpr]:
        """Dates inside words [first, last), leaving out the dateline's own date."""
        if first >= last:
            return []
        a, b = self.start(first), self.stop(last - 1)
        dl_a, dl_b = self.dateline
        dates, starts = self._dates
        k = bisect_left(starts, a)
        end = bisect_left(starts, b, k)
        return [d for d in dates[k:end] if d.stop <= b and not (dl_a <= d.start and d.stop <= dl_b)]

    @cached_property
    def _dates(self) -> tuple[list[DateExpr], list[int]]:
        """The document's dates in text order (as found), and their starts."""
        dates = sorted(self.analysis.document.dates, key=lambda d: d.start)
        return dates, [d.start for d in dates]

    @cached_property
    def _date_words(self) -> set[int]:
        a = self.analysis
        out: set[int] = set()
        for d in a.document.dates:
            first, last = a.word_at(d.start), a.word_at(d.stop - 1)
            if first is not None and last is not None:
                out.update(range(first, last + 1))
        return out

    def in_date(self, i: int) -> bool:
        """Whether word i is part of a date expression."""
        return i in self._date_words

    def number_at(self, i: int) -> Number | None:
        if not self.has(i):
            return None
        a, b = self.start(i), self.stop(i)
        for num in self.analysis.document.numbers:
            if num.start <= a and b <= num.stop:
                return num
        return None

    def clause(self, i: int, relative: bool = True, quotes: bool = True) -> tuple[int, int]:
        """Words around i up to a clause break (`, что`, `;`, `:`; with `quotes`, quotation
        marks; with `relative`, also `, который`)."""
        first, last = self.sentence(i)
        a = i
        while a > first and not self._breaks(a - 1, relative, quotes):
            a -= 1
        b = i + 1
        while b < last and not self._breaks(b, relative, quotes):
            b += 1
        return a, b

    def _breaks(self, j: int, relative: bool, quotes: bool = True) -> bool:
        t = self.text(j)
        if t in {";", ":"} or (quotes and t in QUOTES):
            return True
        if t == "," and j + 1 < self.n:
            nxt = self.lemma(j + 1)
            if relative and nxt in {"который", "где", "когда"}:
                return True
            return nxt in {"что", "чтобы", "но", "однако", "а", "как"}
        return False

    def modality(self, i: int, clause: bool = True) -> str | None:
        """`negated` for `не посетит`, `possible` for `может посетить`, else None; without
        `clause`, a noun's own (`не владелец`), not its clause verb's (`Совладелец «Веги»
        Орлов не планирует продавать долю`: still a co-owner)."""
        first, _ = self.sentence(i)
        if self._denied(i):  # `слухи о возможной покупке`: a rumour, however possible
            return "negated"
        for j in range(max(first, i - 3), i):
            lem = self.lemma(j)
            if lem == "не" and j >= i - 2:
                return "negated"
            if lem in words("possible-cues"):
                return "possible"
        if not clause:
            return None
        if self._negated_after(i) or self._refused(i):
            return "negated"
        return self._changed_after(i)

    def no_longer(self, i: int) -> bool:
        """`больше не руководит`, `уже не возглавляет`: a post held until now, not denied."""
        return i >= 2 and self.lemma(i - 1) == "не" and self.lemma(i - 2) in {"больше", "уже"}

    def _denied(self, i: int) -> bool:
        """`отрицает, что ее владельцем является ...`: a word of denial or rumour
        (`models/facts-denial-cues.txt`) before `что` before word i, in its sentence, or
        right before `о` and word i (`опровергли слухи о продаже`); or after a word that
        makes a rumour of its sentence (`По неподтвержденным данным, ...`,
        `models/facts-rumour-cues.txt`)."""
        first, _ = self.sentence(i)
        cue = next((j for j in range(first, i) if self.lemma(j) in words("denial-cues")), None)
        if cue is not None and any(self.lemma(j) == "что" for j in range(cue + 1, i)):
            return True
        if self._unconfirmed(i):
            return True
        if any(self.lemma(j) in words("rumour-cues") for j in range(first, i)):
            return True  # `По неподтвержденным данным, ...`
        k = i - 1  # `слухи о продаже «Веги»`, `слухи о возможной покупке`: a rumour's topic
        while k > first and self.pos(k) == "ADJ":
            k -= 1
        topic = k > first and self.lemma(k) in ("о", "об")
        if topic and self.lemma(k - 1) in REPORT_NOUNS:
            k -= 1  # `опровергли информацию о продаже`: the report denied is about it
        return topic and self.lemma(k - 1) in words("denial-cues")

    def _subject_noun(self, i: int) -> int | None:
        """The subject noun whose verb tells the modality of noun i: i itself in the
        nominative, or the nominative noun it complements (`Сделка по продаже ...`,
        `переговоры о покупке ...`)."""
        if self.pos(i) != "NOUN":
            return None
        if self._nominative(i):
            return i if self._may_be_subject(i) else None
        k = i - 1
        if k > 0 and self.lemma(k) in ("по", "о", "об"):
            k -= 1
            if self.pos(k) == "NOUN" and self._nominative(k):
                return k if self._may_be_subject(k) else None
        return None

    def _nominative(self, i: int) -> bool:
        """A noun in the nominative, or one the parse makes a subject whatever the tagger
        says of its case (`Сообщения о покупке ... не соответствуют`, tagged accusative)."""
        dep = self.tokens[i].dep or ""
        return self.feat(i, "Case") == "Nom" or dep.startswith("nsubj")

    def _may_be_subject(self, i: int) -> bool:
        """Whether the parse, if any, lets noun i be its clause's subject (`Рябов и Смирнов,
        совладельцы «Аптеки», не смогли`: the apposition is not)."""
        dep = self.tokens[i].dep
        return dep is None or dep.startswith("nsubj") or dep == "root"

    def _finite_after(self, i: int) -> int | None:
        """The first verb after word i in its clause but a full participle (`Переговоры,
        намеченные на пятницу, отменены`: `отменены`)."""
        _, b = self.clause(i, quotes=False)
        for j in range(i + 1, min(b, i + 16)):
            attributive = self.feat(j, "VerbForm") == "Part" and self.feat(j, "Variant") != "Short"
            if self.pos(j) in {"VERB", "AUX"} and not attributive:
                return j
        return None

    def _unconfirmed(self, i: int) -> bool:
        """`Информация о том, что «Альфа» купит «Вегу», пока не подтверждается`: word i in a
        clause with `что` that a negated verb of confirmation after it denies
        (`models/facts-confirm-verbs.txt`)."""
        first, last = self.sentence(i)
        if not any(self.lemma(j) == "что" for j in range(first, i)):
            return False
        return any(
            self.lemma(j) == "не" and self.lemma(j + 1) in words("confirm-verbs")
            for j in range(i + 1, last - 1)
        )

    def _refused(self, i: int) -> bool:
        """`отказался от покупки «Веги»`: a noun after a verb of refusal and `от`;
        `отказался покупать «Вегу»`: an infinitive right after one."""
        first, _ = self.sentence(i)
        if self.pos(i) == "VERB" and self.feat(i, "VerbForm") == "Inf":
            return i > first and self.lemma(i - 1) in words("refusal-verbs")
        return self.pos(i) == "NOUN" and any(
            self.lemma(j) in words("refusal-verbs") and self.lemma(j + 1) == "от"
            for j in range(max(first, i - 4), i - 1)
        )

    def _changed_after(self, i: int) -> str | None:
        """`Визит ... перенесен на декабрь`, `переговоры отменены`, `может быть отложен`:
        the modality of the first verb after a subject noun."""
        noun = self._subject_noun(i)
        verb = None if noun is None else self._finite_after(noun)
        return None if verb is None else mapping("modality-verbs").get(self.lemma(verb)) or None

    def _negated_after(self, i: int) -> bool:
        """`Документы подписаны не были`; a subject noun whose verb is negated
        (`Визит ... в Москву не планируется`)."""
        _, b = self.clause(i)
        if self.pos(i) != "NOUN":
            nxt = i + 2 < b and self.lemma(i + 1) == "не"
            return nxt and self.pos(i + 2) in {"AUX", "VERB"}
        noun = self._subject_noun(i)
        verb = None if noun is None else self._finite_after(noun)
        return verb is not None and self.lemma(verb - 1) == "не"
