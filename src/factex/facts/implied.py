"""The organisation or country a text is about, for a post named without one (`глава
компании`, `представитель ведомства`, `президент` in a text about one country)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from ..entities.aliases import aliases
from ..entities.types import LOC, ORG
from ..record import Entity
from ..text.chars import fold
from .context import Context, Span
from .lexicon import mapping, multimap, words
from .positions import canonical

WINDOW = 400  # words before a generic noun in which its organisation is looked for


def organisation_meant(ctx: Context, noun: int) -> Entity | None:
    """The organisation that the generic noun at word `noun` (`компании`) stands for: of
    the organisations named in the `WINDOW` words before it, the one of its kind
    (`models/facts-implied-org-kinds.tsv`), or the most mentioned of that kind; failing
    that, when no organisation of a known kind is named, the one organisation that starts
    its own or the sentence before as its subject, or the only one named there."""
    lemma = ctx.lemma(noun)
    fits = {lemma, *multimap("implied-org-kinds").get(lemma, ())}
    before = ctx.spans_in(max(0, noun - WINDOW), noun, ORG)
    counts = Counter(s.entity for s in before)
    kinds_of = {e: kinds(ctx, [s for s in before if s.entity is e]) for e in counts}
    matching = [e for e in counts if kinds_of[e] & fits]
    if matching:
        ranked = sorted(matching, key=lambda e: -counts[e])
        if len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]:
            return ranked[0]
        return None
    near = ctx.sentence(ctx.sentence(noun).first - 1).first  # this sentence and the one before
    recent = [s for s in before if s.first >= near and not kinds_of[s.entity]]
    subjects = {s.entity for s in recent if _subject(ctx, s)}
    if len(subjects) == 1:
        return next(iter(subjects))
    # `работает в «Уралсибе» ... стала вице-президентом банка`: the one organisation there
    named = {s.entity for s in before if s.first >= near}
    return next(iter(named)) if not subjects and len(named) == 1 and recent else None


def kinds(ctx: Context, spans: list[Span]) -> set[str]:
    """What an organisation is: the organisation nouns before its mentions (`Банк
    «Капитал»`), and the words of its name and of its aliases (`Госдума` = `Государственная
    дума`); a name ending in `банк` is a bank."""
    e = spans[0].entity
    names = [e.name, *_other_names().get(fold(e.name), ())]
    out = {w for name in names for w in name.lower().replace("«", " ").split()}
    for s in spans:
        out.update(w for w in (ctx.lemma(s.first), ctx.lemma(_head_before(ctx, s))) if w)
    known = _known_kinds()
    return (out | _bases(out)) & known


def _bases(found: set[str]) -> set[str]:
    """The kinds compound words end in: `Газпромбанк` is a bank, `агрохолдинг` a holding,
    `авиакомпания` a company, `госкорпорация` a corporation."""
    return {k for w in found for k in _compound_ends() if w.endswith(k) and w != k}


@cache
def _known_kinds() -> frozenset[str]:
    return words("org-nouns") | frozenset(_all_kinds())


@cache
def _compound_ends() -> tuple[str, ...]:
    return tuple(k for k in _known_kinds() if len(k) >= 4)


@cache
def _other_names() -> dict[str, tuple[str, ...]]:
    """Each folded canonical name -> its other names (`models/aliases.tsv`)."""
    out: dict[str, list[str]] = {}
    for name, canon in aliases().items():
        out.setdefault(fold(canon), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _head_before(ctx: Context, span: Span) -> int:
    """The word before a name and its opening quote (`Банк` in `Банк «Капитал»`)."""
    k = span.first - 1
    return k - 1 if ctx.is_quote(k) else k


def _all_kinds() -> set[str]:
    table = multimap("implied-org-kinds")
    return set(table) | {k for row in table.values() for k in row}


def _subject(ctx: Context, span: Span) -> bool:
    """A name that starts its sentence in the nominative (`ФАС возбудила дело`)."""
    first, _ = ctx.sentence(span.first)
    k = first + 1 if ctx.is_quote(first) else first
    return span.first == k and ctx.feat(span.first, "Case") in {"Nom", None}


@cache
def _countries() -> frozenset[str]:
    """The canonical keys of the countries of `models/facts-nationality.tsv`."""
    return frozenset(canonical(c) for c in mapping("nationality").values())


DOMINANT = 2  # how many times more often the country the text is about is named


def country_meant(ctx: Context, states: set[Entity]) -> Entity | None:
    """The country the text is about (`models/facts-nationality.tsv` gives the countries,
    `states` more: those the text names as a president's or minister's): the one it
    names, or the one it names at least twice as often as any other."""
    countries = _countries()
    locs = [s.entity for s in ctx.spans if s.entity.type == LOC]
    counts = Counter(e for e in locs if e in states or canonical(e.name) in countries)
    ranked = counts.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    if len(ranked) == 2 and ranked[0][1] >= DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return None
