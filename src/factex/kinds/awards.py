"""Awards: orders, medals, prizes and honorary titles, with their degree.

- An award head (`models/kinds-award-heads.txt`: `орден`, `медаль`, `премия`,
  `звание`...) names an award with a name after it, in quotes (`медаль «За
  отвагу»`) or in the genitive (`орден Дружбы`, `премии Правительства РФ`), or
  with an adjective before it that is capitalised (`Нобелевская премия`) or says
  the metal (`золотая медаль`); then a field after `по` (`по литературе`) and a
  degree (`III степени`, `первой степени`) belong to it.
- An award known by its name alone (`models/kinds-award-names.txt`: `«Оскар»`,
  `«Золотой глобус»`) is one, with its quotes.
- An honorary or sporting title (`models/kinds-award-titles.tsv`): `народный
  артист России`, `Герой Советского Союза`, `чемпион мира`, `олимпийская
  чемпионка`; and a medal's metal won (`завоевал золото`).
- `name`: the normal form, nominative singular (`орден «За заслуги перед
  Отечеством»`, `Нобелевская премия по литературе`); `degree`: an int or null.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..facts.args import nominal_phrase
from ..facts.context import Context
from ..layers import Item, layer
from ..resources import table, wordlist
from ..text.noun_group import NOUNS, Modifiers, Walk
from ..text.roman import roman_value
from ..time.numerals import ORDINALS
from .laws import _quoted
from .mention import KindMention, in_text_order, words_span

if TYPE_CHECKING:
    from ..document import Analysis

METALS = frozenset({"золотой", "серебряный", "бронзовый"})
METAL_NOUNS = frozenset({"золото", "серебро", "бронза"})
WIN_VERBS = frozenset({"завоевать", "выиграть", "взять", "получить", "принести", "добыть"})
FIELD_PREPS = frozenset({"по", "за"})
# Words after which `лучший ...` or `... года` is a title won: `признан лучшим вратарём`,
# `стал Человеком года`, `звание лучшего игрока турнира`.
BEST_CUES = frozenset({
    "признать", "назвать", "стать", "объявить", "звание", "титул", "номинация",
})  # fmt: skip


@dataclass
class Award(KindMention):
    """An order, medal, prize or honorary title."""

    name: str
    degree: int | None = None


@cache
def award_heads() -> frozenset[str]:
    return frozenset(wordlist("kinds-award-heads"))


@cache
def award_names() -> dict[str, list[tuple[str, ...]]]:
    """Award names as lemma sequences, by their first lemma, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(wordlist("kinds-award-names"), key=lambda n: -len(n.split())):
        lemmas = tuple(name.lower().split())
        out.setdefault(lemmas[0], []).append(lemmas)
    return out


@cache
def titles() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Title lemma -> (genitive lemmas after it, adjective lemmas before it); `*`: any."""
    out = {}
    for row in table("kinds-award-titles"):
        sides: dict[str, set[str]] = {"after": set(), "before": set()}
        side = sides["after"]
        for word in " ".join(row[1:]).split():  # `after:мир европа before:олимпийский`
            where, colon, lemma = word.partition(":")
            if colon:
                side, word = sides[where], lemma
            side.add(word)
        out[row[0]] = (frozenset(sides["after"]), frozenset(sides["before"]))
    return out


class _Adjectives(Modifiers):
    pos = frozenset({"ADJ"})

    def step(self, j: int) -> int | None:
        if self.tokens[j].lemma in METALS:  # `две серебряные медали`: cases differ
            self.modifier(j)
            return j - 1
        return super().step(j)


class _Genitives(Walk):
    limit = 6


def _degree(ctx: Context, k: int) -> tuple[int, int] | None:
    """`III степени`, `первой степени`, `2-й степени` at k: the degree and the end."""
    if ctx.lemma(k + 1) != "степень":
        return None
    word = ctx.text(k)
    value = roman_value(word) or (int(word.split("-")[0]) if word[:1].isdigit() else None)
    if value is None:
        value = ORDINALS.get(word.lower())  # one ordinal word: `первой`
    if not value:
        return None
    return int(value), k + 2


def _field(ctx: Context, k: int) -> int | None:
    """`по литературе`, `мира`: the end of the field of a named prize after it."""
    if ctx.lemma(k) in FIELD_PREPS and ctx.pos(k + 1) in NOUNS:
        return _Genitives(ctx.tokens, ctx.sentence(k).last).run(k + 2) or k + 2
    return None


def _head_award(ctx: Context, i: int) -> Award | None:
    """The award headed by the noun at i (`орден`, `премия`), or None."""
    if ctx.lemma(i) in {"звание", "титул"} and _title_award(ctx, i + 1) is not None:
        return None  # `звания Героя России`: the award is the title
    first = _Adjectives(ctx.tokens, i, ctx.sentence(i).first).run()
    adjectives = range(first, i)
    named = any(ctx.text(j)[:1].isupper() or ctx.lemma(j) in METALS for j in adjectives)
    end = i + 1
    if (close := _quoted(ctx, end)) is not None:
        end, named = close, True
    elif ctx.text(end)[:1].isupper() and ctx.pos(end) in NOUNS | {"ADJ"}:
        span = ctx.span_at.get(end)  # `орден Дружбы`, `премии Правительства РФ`
        stop = span.last if span is not None and span.first == end else None
        end = stop or _Genitives(ctx.tokens, ctx.sentence(i).last).run(end) or end + 1
        named = True
    if not named:
        return None
    if (stop := _field(ctx, end)) is not None:
        end = stop
    name_end, degree = end, None
    if (got := _degree(ctx, end)) is not None:
        degree, end = got
    while first < i and ctx.text(first)[:1].islower() and ctx.lemma(first) not in METALS:
        first += 1  # `престижную Нобелевскую премию`: the award begins at its name
    name = nominal_phrase(ctx, first, i, name_end)
    return Award(*words_span(ctx.analysis, first, end), name=name, degree=degree)


def _title_award(ctx: Context, i: int) -> Award | None:
    """An honorary or sporting title at i: `народный артист России`, `чемпион мира`."""
    if ctx.lemma(i) not in titles():
        return None
    after, before = titles()[ctx.lemma(i)]
    first, end = i, i + 1
    if ctx.lemma(i).startswith("геро") and not ctx.text(i)[:1].isupper():
        return None
    if before and ctx.lemma(i - 1) in before:
        first = i - 1
    if after and ctx.pos(end) in NOUNS | {"ADJ"}:
        walk_end = _Genitives(ctx.tokens, ctx.sentence(i).last).run(end)
        nouns = [k for k in range(end, walk_end) if ctx.pos(k) in NOUNS]
        if nouns and ("*" in after or ctx.lemma(nouns[0]) in after):
            end = walk_end
    span = ctx.span_at.get(end)  # `народный артист России`
    if span is not None and span.first == end and span.entity.type == "LOC" and first < i:
        end = span.last
    if first == i and end == i + 1:
        return None
    name = nominal_phrase(ctx, first, i, end)
    return Award(*words_span(ctx.analysis, first, end), name=name)


def _best_title(ctx: Context, i: int) -> Award | None:
    """A title won after a cue (`BEST_CUES`) at i: `лучшим футболистом 2017 года`,
    `самым ценным игроком НБА`, `Человеком года` (not `самым молодым игроком`)."""
    if not any(ctx.lemma(k) in BEST_CUES for k in range(max(i - 3, 0), i)):
        return None
    k = i
    while ctx.pos(k) == "ADJ" or ctx.lemma(k) == "самый":
        k += 1
    if ctx.lemma(i - 1) == "из":
        return None  # `одним из лучших`: a rank, no title
    best = ctx.lemma(i) == "лучший" or ctx.lemma(i) == "самый" and ctx.lemma(i + 1) == "ценный"
    if ctx.pos(k) not in NOUNS or not (best or ctx.text(k + 1) == "года"):
        return None
    end = max(_Genitives(ctx.tokens, ctx.sentence(i).last).run(k + 1), k + 1)
    if ctx.text(end).isdigit() and ctx.text(end + 1) == "года":  # `2017 года`
        end += 2
    name = nominal_phrase(ctx, i, k, end).replace("наихорош", "лучш")  # `лучший`'s lemma
    return Award(*words_span(ctx.analysis, i, end), name=name)


def _named_award(ctx: Context, i: int) -> Award | None:
    """An award known by name starting at i (quotes included): `«Оскар»`; not a
    person's name (`Тони Блэр`, `Оскара Гранта`)."""
    if ctx.entity(i, "PER") is not None:
        return None
    for lemmas in award_names().get(ctx.lemma(i), []):
        size = len(lemmas)
        if tuple(ctx.lemma(i + k) for k in range(size)) == lemmas:
            first, end = i, i + size
            if ctx.text(i - 1) in {"«", '"'} and ctx.text(end) in {"»", '"'}:
                first, end = i - 1, end + 1
            last_word = i + size - 1
            name = nominal_phrase(ctx, i, last_word, last_word + 1)
            return Award(*words_span(ctx.analysis, first, end), name=name)
    return None


def _metal_won(ctx: Context, i: int) -> Award | None:
    """`завоевала золото`: a medal's metal won."""
    if not any(ctx.lemma(k) in WIN_VERBS for k in range(max(i - 3, 0), i)):
        return None
    return Award(*words_span(ctx.analysis, i, i + 1), name=f"{ctx.lemma(i)}")


def _hover(award: Item) -> str:
    degree = f", {award.get('degree')} степени" if award.get("degree") else ""
    return f"award: {award.get('name')}{degree}"


@layer(
    "awards", one="award", item=Award, prefix="AW", needs=["entities", "numbers"],
    fields={"name": {"type": "string"}, "degree": {"type": ["integer", "null"]}},
    required=["name", "degree"], columns={"name": "string", "degree": "Int64"},
    label="AWARD", legend="award", colour="#ffd6a5", hover=_hover, value="name",
)  # fmt: skip
def find_awards(a: Analysis, ctx: Context | None = None) -> list[Award]:
    """Every award mentioned, in text order, without overlaps (the longest wins)."""
    ctx = ctx or Context.of(a)
    found: list[Award] = []
    for i in range(ctx.n):
        lemma, award = ctx.lemma(i), None
        if lemma in award_heads() and ctx.pos(i) in NOUNS:
            award = _head_award(ctx, i)
        elif lemma in titles() and ctx.pos(i) in NOUNS:
            award = _title_award(ctx, i)
        elif lemma in METAL_NOUNS and ctx.pos(i) in NOUNS:
            award = _metal_won(ctx, i)
        if award is None and (lemma in {"лучший", "самый"} or ctx.text(i + 1) == "года"):
            award = _best_title(ctx, i)
        if award is None and lemma in award_names():
            award = _named_award(ctx, i)
        if award is not None:
            found.append(award)
    out: list[Award] = []
    for award in in_text_order(found):
        if out and award.start < out[-1].stop:
            continue
        out.append(award)
    return out
