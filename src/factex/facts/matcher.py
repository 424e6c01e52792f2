"""One trigger matcher: lemma sequences from `models/facts-*.tsv` matched over tokens.

A pattern file has a lemma sequence in its first cell (`телефонный разговор`)
and the value it gives in the second (`телефонный разговор` -> the meeting
format). `Triggers(name)` reads `models/facts-<name>.tsv` once; `at` matches a
pattern starting at a word, `search` finds one inside a word range. Between the
words of a pattern the caller may let some words through (`Дни казахстанского
кино`: adjectives inside an event name).

>>> formats = Triggers("meeting-formats")
>>> formats.search(ctx, a, b)   # the first pattern, in file order, found in [a, b)
>>> kinds = Triggers("event-kinds", longest_first=True)
>>> kinds.at(ctx, i, skip=lambda j: ctx.pos(j) == "ADJ")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .context import Context
from .lexicon import sequences


@dataclass(frozen=True)
class Trigger:
    """A pattern matched at words [first, last) and the value it gives."""

    lemmas: tuple[str, ...]
    value: str
    first: int
    last: int


class Triggers:
    """The patterns of one file, indexed by their first lemma."""

    def __init__(self, name: str, longest_first: bool = False) -> None:
        self.name = name
        self.longest_first = longest_first

    @cached_property
    def patterns(self) -> list[tuple[tuple[str, ...], str]]:
        """(lemma sequence, value) in file order, or longest first."""
        items = list(sequences(self.name).items())
        if self.longest_first:
            items.sort(key=lambda p: -len(p[0]))  # stable: file order among equals
        return items

    @cached_property
    def _by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for seq, value in self.patterns:
            out.setdefault(seq[0], []).append((seq, value))
        return out

    def starting(self, lemma: str) -> list[tuple[tuple[str, ...], str]]:
        """The patterns whose first lemma is `lemma`."""
        return self._by_first.get(lemma, [])

    def at(
        self,
        ctx: Context,
        i: int,
        last: int | None = None,
        lemma: str | None = None,
        skip: Callable[[int], bool] | None = None,
    ) -> Trigger | None:
        """The first pattern that starts at word i (read as `lemma` when given) and ends
        before `last`; words for which `skip` holds may stand between its words."""
        end = ctx.n if last is None else last
        for seq, value in self.starting(ctx.lemma(i) if lemma is None else lemma):
            j = _match(ctx, seq, i, end, skip)
            if j is not None:
                return Trigger(seq, value, i, j)
        return None

    def search(self, ctx: Context, a: int, b: int) -> Trigger | None:
        """The first pattern (in file order) found anywhere in words [a, b)."""
        for seq, value in self.patterns:
            for i in range(a, b - len(seq) + 1):
                if ctx.lemma(i) == seq[0] and (j := _match(ctx, seq, i, b, None)) is not None:
                    return Trigger(seq, value, i, j)
        return None


def _match(
    ctx: Context, seq: tuple[str, ...], i: int, end: int, skip: Callable[[int], bool] | None
) -> int | None:
    """The end of `seq` matched from word i (whose lemma the caller checked), or None."""
    j = i
    for lem in seq[1:]:
        j += 1
        while skip is not None and j < end and skip(j):
            j += 1
        if j >= end or ctx.lemma(j) != lem:
            return None
    return j + 1
