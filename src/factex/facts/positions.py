"""Position phrases: `министр промышленности и торговли России`, `глава российского МИД`.

A phrase is a post noun (`models/facts-positions.txt`) with its adjectives on the
left and its genitive complements on the right; an ORG or LOC mention among the
complements, or a nationality adjective, names the organisation the post belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..record import Entity
from ..resources import table
from .args import nominal_phrase
from .context import Context
from .lexicon import mapping, words

TAIL_PREPS = {"по", "в", "при"}


@dataclass
class Phrase:
    """A position phrase: words [first, last), its normal form and its organisation."""

    head: int
    first: int
    last: int
    position: str
    org: Entity | None = None
    countries: list[str] = field(default_factory=list)  # from nationality adjectives
    plural: bool = False
    inner: Phrase | None = None  # `президента` in `пресс-секретарь президента`


def is_post(ctx: Context, i: int) -> bool:
    return ctx.pos(i) in {"NOUN", "PROPN"} and ctx.lemma(i) in words("positions") and (
        ctx.entity(i) is None or ctx.entity(i).type != "PER"
    )


@cache
def canonical_places() -> dict[str, str]:
    """Folded place/organisation names -> canonical name (`РФ` -> `Россия`)."""
    out: dict[str, str] = {}
    for row in table("aliases"):
        for name in row[1:]:
            out[name.lower().replace("ё", "е")] = row[1]
    return out


def canonical(name: str) -> str:
    key = name.lower().replace("ё", "е")
    return canonical_places().get(key, name).lower()


def country_entity(ctx: Context, country: str) -> Entity | None:
    """The LOC entity of the document that is `country` (by name or alias)."""
    want = canonical(country)
    for e in ctx.analysis.document.entities:
        if e.type in {"LOC", "ORG"} and canonical(e.name) == want:
            return e
    return None


def phrase_at(ctx: Context, head: int, depth: int = 0) -> Phrase:
    """The position phrase headed by word `head`.

    A post in the genitive after it (`пресс-секретарь президента РФ`) is read as an
    inner phrase: it is not part of the position but gives the organisation.
    """
    sent_first, sent_last = ctx.sentence(head)
    case = ctx.feat(head, "Case")
    first = head
    countries: list[str] = []
    j = head - 1
    while j >= sent_first and ctx.pos(j) in {"ADJ", "DET"} and ctx.entity(j) is None:
        if case and ctx.feat(j, "Case") not in {case, None}:
            break
        lem = ctx.lemma(j)
        if lem in mapping("nationality"):
            countries.append(mapping("nationality")[lem])
        elif lem not in words("position-drop") and first == j + 1:
            first = j
        j -= 1
    last = head + 1
    org: Entity | None = None
    relational = ctx.lemma(head) in words("positions-relational")
    k = head + 1
    while k < sent_last:
        span = ctx.span_at.get(k)
        if span is not None:
            if span.entity.type == "PER" or span.first < k:
                break
            if org is None and ctx.feat(span.first, "Case") in {"Gen", None}:
                org = span.entity
                k = span.last
                continue
            break
        lem, pos = ctx.lemma(k), ctx.pos(k)
        if is_post(ctx, k) and not relational:
            if depth < 2 and org is None and ctx.feat(k, "Case") == "Gen":
                inner = phrase_at(ctx, k, depth + 1)
                position = nominal_phrase(ctx, first, head, last).lower()
                plural = ctx.feat(head, "Number") == "Plur"
                org = inner.org
                return Phrase(head, first, inner.last, position, org, countries, plural, inner)
            break
        if pos in {"NOUN", "PROPN"} and ctx.feat(k, "Case") == "Gen":
            if org is None:
                last = k + 1
        elif pos in {"ADJ", "DET", "NUM"} and ctx.feat(k, "Case") in {"Gen", "Dat", "Loc"}:
            if lem in mapping("nationality") and org is None:
                countries.append(mapping("nationality")[lem])
        elif lem == "и" and k + 1 < sent_last and ctx.feat(k + 1, "Case") == "Gen" and org is None:
            pass
        elif lem in TAIL_PREPS and org is None and k + 1 < sent_last and ctx.pos(k + 1) != "PUNCT":
            if lem == "в" and ctx.span_at.get(k + 1) is not None:
                break
        elif pos in {"NOUN", "PROPN"} and ctx.feat(k, "Case") in {"Dat", "Loc"} and org is None:
            if ctx.lemma(k - 1) not in TAIL_PREPS and ctx.pos(k - 1) not in {"ADJ", "CCONJ"}:
                break
            last = k + 1
        else:
            break
        k += 1
    while last > head + 1 and (ctx.pos(last - 1) not in {"NOUN", "PROPN"}):
        last -= 1
    position = nominal_phrase(ctx, first, head, last).lower()
    if org is None and countries:
        org = country_entity(ctx, countries[0])
    plural = ctx.feat(head, "Number") == "Plur"
    return Phrase(head, first, max(last, _tail_end(ctx, head, k)), position, org, countries, plural)


def _tail_end(ctx: Context, head: int, k: int) -> int:
    """Where the words read as the phrase end (the last word before k that belongs)."""
    end = k
    while end > head + 1 and (ctx.is_punct(end - 1) or ctx.pos(end - 1) in {"CCONJ", "ADP"}):
        end -= 1
    return end
