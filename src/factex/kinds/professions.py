"""Professions and posts: `президент России`, `министр обороны`, `актриса`, `полицейские`.

- A post is a noun whose lemma is a post of the occupation facts
  (`models/facts-positions.txt`, compounds and `экс-` included, as
  `facts/positions.py` reads them) or a profession of
  `models/kinds-professions.txt` (`артист`, `солдат`, `политик`); a word of a
  person's name is none. A relation to a group (`models/kinds-not-professions.txt`:
  `представитель`, `член`, `кандидат`) is one only with words that say of what
  (`официальный представитель`, `члены экипажа`).
- The mention is the post's phrase as the occupation facts read it: its
  adjectives and complements (`генерального директора`, `министр промышленности
  и торговли России`). Where complements follow, the post with its adjectives
  is a mention too, nested in the phrase (`президент` in `президент России`);
  an inner post is a phrase of its own (`президента РФ` in `пресс-секретарь
  президента РФ`).
- `name`: the position's normal form, lower case (`генеральный директор`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from ..facts.args import nominal_phrase
from ..facts.context import Context
from ..facts.lexicon import words
from ..facts.positions import base_post, is_post, phrase_at, post_lemma
from ..layers import Item, layer
from ..resources import wordlist
from ..text.noun_group import NOUNS
from .mention import KindMention, in_text_order, words_span

if TYPE_CHECKING:
    from ..document import Analysis


@dataclass
class Profession(KindMention):
    """A post or profession mentioned: `name` in its normal form, lower case."""

    name: str


@cache
def professions() -> frozenset[str]:
    """The lemmas of `models/kinds-professions.txt` and the posts of the occupation
    facts, `ё` read as `е`."""
    lemmas = chain(wordlist("kinds-professions"), words("positions"))
    return frozenset(w.lower().replace("ё", "е") for w in lemmas)


@cache
def not_professions() -> frozenset[str]:
    """Posts that are no profession mention alone (`models/kinds-not-professions.txt`)."""
    return frozenset(w.lower() for w in wordlist("kinds-not-professions"))


@lru_cache(maxsize=100_000)  # per word: bounded, so memory stays flat over a corpus
def _maybe(lemma: str, lower: str) -> bool:
    """A cheap first test of `is_profession` by the word alone: its lemma (or a part of
    a compound) is a post or a profession, or the word is a post tagged as a verb."""
    if lower in words("positions") or base_post(lemma) is not None:
        return True
    parts = post_lemma(lemma).replace("ё", "е").split("-")
    known = professions()
    return "-".join(parts) in known or parts[0] in known or parts[-1] in known


def is_profession(ctx: Context, i: int) -> bool:
    """Whether word i names a post or a profession (a noun, or an adjective used as
    one: `военные`, `пожарный`); in a compound, its first or last part does
    (`писатель-сатирик`, `IT-предприниматель`)."""
    if is_post(ctx, i):
        return True
    lemma = post_lemma(ctx.lemma(i)).replace("ё", "е")
    parts = lemma.split("-")
    known = professions()
    if not ({lemma, parts[0], parts[-1]} & known) or _in_name(ctx, i, len(parts) > 1):
        return False
    if ctx.pos(i) in NOUNS:
        return True
    return ctx.pos(i) == "ADJ" and ctx.pos(i + 1) not in NOUNS | {"ADJ"}


def _in_name(ctx: Context, i: int, compound: bool) -> bool:
    """Word i is part of a person's name; a compound of professions that the tagger took
    for a one-word name is not (`Писатель-сатирик прочёл ...`)."""
    span = ctx.span_at.get(i)
    if span is None or span.entity.type != "PER":
        return False
    return not (compound and span.last - span.first == 1)


def _hover(p: Item) -> str:
    return f"profession: {p.get('name')}"


@layer(
    "professions", one="profession", item=Profession, prefix="PROF", needs=["entities"],
    fields={"name": {"type": "string"}}, required=["name"], columns={"name": "string"},
    label="PROFESSION", legend="profession", colour="#dcedc1", hover=_hover, value="name",
)  # fmt: skip
def find_professions(a: Analysis, ctx: Context | None = None) -> list[Profession]:
    """Every post and profession in the text, nested ones included, in text order."""
    ctx = ctx or Context.of(a)
    out: list[Profession] = []
    for i, token in enumerate(ctx.tokens):
        if not _maybe(token.lemma, token.word.lower()) or not is_profession(ctx, i):
            continue
        phrase = phrase_at(ctx, i)
        first, last = min(phrase.first, i), max(phrase.last, i + 1)
        relation = post_lemma(ctx.lemma(i)) in not_professions()
        if relation and last - first == 1:
            continue
        out.append(Profession(*words_span(a, first, last), name=phrase.position))
        if last > i + 1 and not relation:
            out.append(Profession(*words_span(a, first, i + 1), name=_bare(ctx, first, i)))
    return in_text_order(out)


def _bare(ctx: Context, first: int, head: int) -> str:
    return nominal_phrase(ctx, first, head, head + 1).lower()
