"""Descriptions of persons recorded on their entity (SPEC 0.2 `descriptions`): a post
phrase or a describing noun standing for a person the document names (`Глава армянского
МИД`, `Казахстанский лидер`, `Министр`, `Американский дипломат`).

A description resolves as `Persons` resolves posts; failing that, to the one person
with a post named in the sentence before (or earlier in its own sentence). A phrase
right before a name is that name's apposition, not a description; plural phrases
describe no one person. Resolved descriptions also serve as fact arguments
(`Persons.at`): quote speakers, meeting participants.
"""

from __future__ import annotations

from ..entities.types import PER
from ..record import Entity, Mention
from .context import Context
from .lexicon import words
from .persons import Persons
from .positions import is_post, phrase_at

GENERIC = words("description-generic")


def describe(ctx: Context, persons: Persons) -> None:
    """Add every resolved description to its person's `descriptions`, in text order."""
    covered = -1
    for i in range(ctx.n):
        if i <= covered or ctx.span_at.get(i) is not None or i in persons.named:
            continue
        noun = ctx.lemma(i) in words("description-nouns") and ctx.pos(i) == "NOUN"
        if not noun and not is_post(ctx, i):
            continue
        phrase = phrase_at(ctx, i) if not noun else None
        last = phrase.last if phrase is not None else _noun_end(ctx, i)
        covered = last - 1
        after = ctx.span_at.get(last)
        plural = phrase.plural if phrase is not None else ctx.feat(i, "Number") == "Plur"
        if plural or (after is not None and after.entity.type == PER):
            continue
        person = (persons.at(i) if phrase is not None else None) or _just_named(ctx, persons, i)
        if person is None:
            continue
        first = i
        while first > 0 and ctx.pos(first - 1) == "ADJ" and ctx.span_at.get(first - 1) is None:
            first -= 1  # `Казахстанский лидер`, `Американский дипломат`
        start, stop = ctx.start(first), ctx.stop(last - 1)
        persons.described[i] = person
        if all(d.start != start for d in person.descriptions):
            person.descriptions.append(Mention(start, stop, ctx.analysis.text[start:stop]))
    for span in ctx.spans:
        span.entity.descriptions.sort(key=lambda d: d.start)


def _just_named(ctx: Context, persons: Persons, i: int) -> Entity | None:
    """The one person whose post is named in the sentence before word i's (or before i
    in its own sentence), when there is exactly one and word i fits them: a describing
    noun, a generic head (`глава`), or their own post word (`Министр`)."""
    first, _ = ctx.sentence(i)
    lo = ctx.sentence(first - 1)[0] if first > 0 else first
    lo_char, hi_char = ctx.start(lo), ctx.start(i)
    near = [o for o in persons.occupations if lo_char <= o.start < hi_char]
    found = {id(o.person): o.person for o in near}
    if len(found) != 1:
        return _apposed(ctx, lo, i)
    lemma = ctx.lemma(i)
    own = {ctx.lemma(o.phrase.head) for o in near}
    fits = lemma in words("description-nouns") or lemma in GENERIC or lemma in own
    return next(iter(found.values())) if fits else None


def _apposed(ctx: Context, lo: int, i: int) -> Entity | None:
    """The one person introduced by word i's own noun in words [lo, i) (`Бизнесмен Эдуард
    Вайс ... Бизнесмену принадлежит`), when word i is a describing noun."""
    lemma = ctx.lemma(i)
    if lemma not in words("description-nouns"):
        return None
    found = {
        id(span.entity): span.entity
        for j in range(lo, i - 1)
        if ctx.lemma(j) == lemma
        and (span := ctx.span_at.get(j + 1)) is not None
        and span.entity.type == PER
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _noun_end(ctx: Context, i: int) -> int:
    """Where a describing noun's phrase ends: after an organisation noun in the genitive
    that completes it (`Наставник команды`, `Наставник клуба`)."""
    nxt = i + 1
    org = ctx.lemma(nxt) in words("org-nouns") and ctx.feat(nxt, "Case") == "Gen"
    return nxt + 1 if org and ctx.span_at.get(nxt) is None else nxt
