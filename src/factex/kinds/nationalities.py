"""Nationalities: demonyms and nationality adjectives used of people.

- A demonym or the name of a people (`models/kinds-demonyms.tsv`:
  `россиянин`, `американка`, `сербы`, `евреи`) is a nationality mention, with
  a nationality adjective before it (`боснийских сербов`).
- A nationality adjective (`models/facts-nationality.tsv`, the adjectives the
  facts read, and `models/kinds-nationality-adjectives.tsv`) is one when it
  is said of people: of a profession or post (`американский актёр`, `российские
  военные`) or a noun of people (`models/kinds-people-nouns.txt`: `туристы`,
  `граждане`), with only adjectives between, unless it is a post of the
  state (`российский президент`); or alone, as a noun (`русские`). An adjective
  of a people (`models/kinds-ethnic-adjectives.txt`) is one with any noun but a
  language's (`русская эмиграция`, `татарские школы`; not `русский язык`), and
  an adjective before a demonym is one with it (`боснийских сербов`).
- A citizen of a country named as an entity is one: `гражданин России`,
  `гражданка США`.
- `name`: the normal form (lemma) of the demonym or adjective (`гражданин
  России` as written, in the nominative); `country`: the entity of the
  country when the document names it (as a reference), else its name, or null
  for a people without a state (`татары`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..facts.args import nominal_phrase
from ..facts.context import Context
from ..facts.lexicon import mapping, words
from ..facts.positions import country_entity
from ..layers import Item, layer
from ..record import Entity
from ..resources import table, wordlist
from ..text.noun_group import NOUNS
from .mention import KindMention, in_text_order, words_span

if TYPE_CHECKING:
    from ..document import Analysis

CITIZENS = frozenset({"гражданин", "гражданка", "подданный", "подданная"})


@dataclass
class Nationality(KindMention):
    """A demonym or nationality adjective said of people."""

    name: str
    country: Entity | str | None


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@cache
def demonyms() -> dict[str, str]:
    """Demonym lemma -> country name ("" for a people without one)."""
    return {_fold(row[0]): (row[1] if len(row) > 1 else "") for row in table("kinds-demonyms")}


@cache
def adjectives() -> dict[str, str]:
    """Nationality adjective lemma -> country name ("" for none)."""
    extra = table("kinds-nationality-adjectives")
    out = {_fold(row[0]): (row[1] if len(row) > 1 else "") for row in extra}
    return {**out, **{_fold(k): v for k, v in mapping("nationality").items()}}


@cache
def people_nouns() -> frozenset[str]:
    return frozenset(_fold(w) for w in wordlist("kinds-people-nouns"))


@cache
def ethnic_adjectives() -> frozenset[str]:
    return frozenset(_fold(w) for w in wordlist("kinds-ethnic-adjectives"))


# Nouns of a language or a rendering in one: `русский язык`, `русская версия`.
LANGUAGE_NOUNS = frozenset({"язык", "речь", "версия", "перевод", "служба", "отделение"})


@cache
def state_posts() -> frozenset[str]:
    """Posts that a country adjective gives to the state, not to a nationality."""
    return words("leader-posts") | words("state-posts")


def _as_noun(ctx: Context, i: int) -> bool:
    """A demonym used as a noun: `россиянин`, and `русские`, `чернокожий` (adjectives
    in form) with no noun after them."""
    if not ctx.lemma(i).endswith(("ий", "ый", "ой", "ая")):
        return ctx.pos(i) in NOUNS | {"ADJ"}
    if ctx.feat(i, "Number") == "Sing" and ctx.feat(i, "Case") == "Loc":
        return False  # `на русском`: a language
    return ctx.pos(i + 1) not in NOUNS | {"ADJ"}


def _hover(n: Item) -> str:
    country = n.get("country")
    if isinstance(country, dict):
        country = country.get("name")
    return f"nationality: {n.get('name')}" + (f" ({country})" if country else "")


@layer(
    "nationalities", one="nationality", item=Nationality, prefix="NAT", needs=["entities"],
    fields={
        "name": {"type": "string"},
        "country": {"anyOf": [{"$ref": "#/$defs/entity_ref"}, {"type": ["string", "null"]}]},
    },
    required=["name", "country"], columns={"name": "string", "country": "object"},
    label="NORP", legend="nationality", colour="#f2c6de", hover=_hover, value="name",
)  # fmt: skip
def find_nationalities(a: Analysis, ctx: Context | None = None) -> list[Nationality]:
    """Every nationality mention of the text, in text order."""
    ctx = ctx or Context.of(a)
    out: list[Nationality] = []
    taken: set[int] = set()
    for i in range(ctx.n):
        lemma = _fold(ctx.lemma(i))
        country: str | Entity | None
        if lemma in CITIZENS and ctx.pos(i) in NOUNS:
            place = ctx.entity(i + 1, "LOC")
            if place is not None and ctx.feat(i + 1, "Case") in {"Gen", None}:
                last = next(s.last for s in ctx.spans if s.first == i + 1)
                name = nominal_phrase(ctx, i, i, last)
                out.append(Nationality(*words_span(a, i, last), name=name, country=place))
            continue
        if lemma in demonyms() and _as_noun(ctx, i) and ctx.entity(i) is None:
            first = i - 1 if i - 1 in taken else i
            country = _country(ctx, demonyms()[lemma])
            if first < i:  # `боснийских сербов`: one mention
                out.pop()
            out.append(Nationality(*words_span(a, first, i + 1), name=lemma, country=country))
            continue
        if (
            lemma in adjectives()
            and ctx.pos(i) == "ADJ"
            and ctx.entity(i) is None
            and _of_people(ctx, i)
        ):
            country = _country(ctx, adjectives()[lemma])
            out.append(Nationality(*words_span(a, i, i + 1), name=lemma, country=country))
            taken.add(i)
    return in_text_order(out)


def _country(ctx: Context, name: str) -> Entity | str | None:
    if not name:
        return None
    return country_entity(ctx, name) or name


def _of_people(ctx: Context, i: int) -> bool:
    """Whether the adjective at i is said of people: of a profession or a noun of
    people after it (adjectives between), or used as a noun itself."""
    from .professions import is_profession  # imported here: its layer comes after this one

    k = i + 1
    while ctx.pos(k) == "ADJ" or ctx.lemma(k) == "и" and ctx.pos(k + 1) == "ADJ":
        k += 1
    if ctx.pos(k) in NOUNS:
        noun = _fold(ctx.lemma(k))
        if noun in state_posts():  # `российский президент`: the state's post
            return False
        if _fold(ctx.lemma(i)) in ethnic_adjectives():  # `русская эмиграция`
            return noun not in LANGUAGE_NOUNS
        return is_profession(ctx, k) or noun in people_nouns() or noun in demonyms()
    return k == i + 1 and ctx.feat(i, "Number") == "Plur" and ctx.pos(k) != "ADJ"
