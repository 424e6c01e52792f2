"""Noun groups over the token layer: a head noun, the modifiers that agree with it, and
the chain of complements after it (`чрезвычайный и полномочный посол`, `министр
промышленности и торговли России`, `форум «Россия — исламский мир»`).

- `Modifiers`: the adjectives, determiners and numerals before a head, in its case,
  walking left.
- `Walk`: the complements after a head, walking right: a noun in one of the walk's
  cases extends the group, a modifier in one of its cases is passed over, `и` is
  passed over when a word in one of its cases follows; anything else ends the group.
  The walk stays in one sentence and within `limit` words. A caller that takes more
  (entity names, prepositional complements, an inner post) subclasses it and extends
  `step`, `noun` or `modifier`.
- `closing_quote`, `free_tail`: the end of a quoted name, and of a complement read up
  to the next punctuation mark or verb (`соглашение о сотрудничестве в области ...`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Token
from .chars import QUOTES

MODIFIERS = frozenset({"ADJ", "DET", "NUM"})
NOUNS = frozenset({"NOUN", "PROPN"})
GEN = frozenset({"Gen"})

Cases = frozenset[str | None] | None  # None: any case, or none


def in_cases(token: Token, cases: Cases) -> bool:
    return cases is None or token.case in cases


def agrees(token: Token, case: str | None) -> bool:
    """A modifier agrees with a head in `case`: the same case, or one of them has none."""
    return not case or token.case in {case, None}


class Modifiers:
    """The modifiers before a head, walked leftwards from it back to word `first`:
    words of a part of speech in `pos` that agree with the head's case (`российского`
    in `российского МИД`). A caller that passes over more (`чрезвычайный и
    полномочный`) or stops earlier (at a name) subclasses it and extends `step`."""

    pos: frozenset[str] = MODIFIERS

    def __init__(self, tokens: list[Token], head: int, first: int) -> None:
        self.tokens, self.head, self.first = tokens, head, max(first, 0)
        self.case = tokens[head].case

    def run(self) -> int:
        """The first word of the walk: where the modifiers (and what `step` took) begin."""
        j = self.head - 1
        while j >= self.first:
            nxt = self.step(j)
            if nxt is None:
                break
            j = nxt
        return j + 1

    def step(self, j: int) -> int | None:
        """Take the word at j: the next word to look at (leftwards), or None to stop."""
        t = self.tokens[j]
        if t.pos in self.pos and self.agrees(t):
            self.modifier(j)
            return j - 1
        return None

    def agrees(self, token: Token) -> bool:
        """Whether a modifier's case fits the head's."""
        return agrees(token, self.case)

    def modifier(self, j: int) -> None:
        """A modifier of the head at j (a subclass may note what it says)."""


class Walk:
    """The complements of a noun group, walked rightwards from word `start` to `last`.

    `end` is where the group ends: after its last noun (or a unit a subclass takes).
    """

    cases: Cases = GEN  # of the nouns that extend the group
    modifier_cases: Cases = GEN  # of the modifiers passed over
    conj_cases: Cases = GEN  # of the word after an `и` that is passed over
    nouns: frozenset[str] = NOUNS
    modifiers: frozenset[str] = MODIFIERS
    lower: bool = False  # lower-case words only
    limit: int | None = None  # words walked at most

    def __init__(self, tokens: list[Token], last: int | None = None) -> None:
        self.tokens = tokens
        self.last = len(tokens) if last is None else min(last, len(tokens))
        self.start = self.end = 0

    def run(self, start: int) -> int:
        """End of the group whose complements start at word `start`, in the sentence of
        the word before it."""
        self.start = self.end = k = start
        stop = self.last if self.limit is None else min(self.last, start + self.limit)
        sent = self.tokens[start - 1].sent if start > 0 else 0
        while k < stop and self.tokens[k].sent == sent:
            nxt = self.step(k)
            if nxt is None:
                break
            k = nxt
        return self.end

    def step(self, k: int) -> int | None:
        """Take the word at k: the next word to look at, or None where the group ends."""
        t = self.tokens[k]
        if self.lower and not t.word.islower():
            return None
        if t.pos in self.nouns and in_cases(t, self.cases):
            self.noun(k)
            return k + 1
        if t.pos in self.modifiers and in_cases(t, self.modifier_cases):
            self.modifier(k)
            return k + 1
        if t.lemma == "и" and self.joins(k):
            return k + 1
        return None

    def joins(self, k: int) -> bool:
        """Whether the `и` at k joins the next word to the group."""
        return k + 1 < self.last and in_cases(self.tokens[k + 1], self.conj_cases)

    def noun(self, k: int) -> None:
        """A noun of the group at k."""
        self.end = k + 1

    def modifier(self, k: int) -> None:
        """A modifier of the group at k (a subclass may note what it says)."""


def closing_quote(tokens: list[Token], q: int, last: int, within: int | None = None) -> int | None:
    """The next quotation mark after the one at q, before `last` (and within `within`
    words of q): where a quoted name opened at q ends."""
    stop = last if within is None else min(last, q + within)
    for k in range(q + 1, min(stop, len(tokens))):
        if tokens[k].word in QUOTES:
            return k
    return None


def free_tail(tokens: list[Token], k: int, last: int, stops: Callable[[int], bool]) -> int:
    """End of a complement read from k up to punctuation, a verb, a subordinating
    conjunction or a word `stops` names (`о сотрудничестве в области энергетики`); a
    preposition it ends on is left out."""
    while (
        k < last
        and not _punct(tokens[k])
        and tokens[k].pos not in {"VERB", "AUX", "SCONJ"}
        and not stops(k)
    ):
        k += 1
    while k > 0 and tokens[k - 1].pos == "ADP":
        k -= 1
    return k


def _punct(token: Token) -> bool:
    return token.pos == "PUNCT" or not any(c.isalnum() for c in token.word)
