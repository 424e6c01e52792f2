"""Laws, codes, decrees and their articles: `ч. 4 ст. 159 УК РФ`, `Федеральный закон
№ 152-ФЗ «О персональных данных»`, `указ № 809`, `Налоговый кодекс`, `Конституция`.

- A law is a head noun of `models/kinds-law-heads.tsv` (`закон`, `указ`,
  `постановление`, `кодекс`, `конституция`, `договор`...) with its adjectives
  (`Федеральный закон`, `Уголовного кодекса`) and what follows it: a number
  (`№ 152-ФЗ`), a date (`от 12 марта 2024 года`), a title in quotes or an
  `о`/`об`/`по` phrase (`о защите прав потребителей`, `договор по СНВ`: laws,
  bills and treaties only), the person it is named after (`закон Яровой`) or
  the country (`Конституции США`). Most heads need one of these (or an
  adjective) to name a law: `по закону` alone is none, nor `указ о награждении`.
- A code written in letters (`models/kinds-law-codes.tsv`: `УК`, `КоАП`, `УПК`),
  with the country after it (`УК РФ`), is a law of kind `кодекс`.
- An article is `статья`/`ст.` with its number, the parts and points before it
  (`ч. 4`, `п. «б»`) and the law or code right after it, which is also a
  mention of its own: `ч. 4 ст. 159 УК РФ` has `article` 159 and `code`
  `УК РФ`.
- Values: `kind` (the head's kind; `федеральный закон` with its adjective),
  `number`, `date` (ISO, from the dates layer), `title` (the quoted or `о`
  title, or the code's normal form), `article`, `code`; each a string or null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..facts.args import nominal_phrase
from ..facts.context import Context
from ..layers import Item, layer
from ..resources import table, wordlist
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES
from ..text.noun_group import NOUNS, Modifiers, Walk
from .mention import KindMention, in_text_order, words_span

if TYPE_CHECKING:
    from ..document import Analysis

TITLED = frozenset({"закон", "законопроект", "договор", "соглашение", "конвенция"})
ARTICLE_WORDS = frozenset({"статья", "ст"})
PART_WORDS = frozenset({"часть", "ч", "пункт", "п", "подпункт", "пп", "абзац"})
NUMBER_SIGNS = frozenset({"№", "N", "No"})
TITLE_PREPS = frozenset({"о", "об", "обо", "по", "против"})
_ARTICLE_NO = re.compile(r"\d+(?:\.\d+)*(?:-\d+)?$")
_ORDINAL_NO = re.compile(r"\d+-[а-я]{1,3}$")
_LAW_NO = re.compile(r"[\dA-ZА-Я][\w.\-/]*$")


@dataclass
class LawMention(KindMention):
    """A law, code, decree or an article of one."""

    kind: str
    number: str | None = None
    date: str | None = None
    title: str | None = None
    article: str | None = None
    code: str | None = None


@cache
def heads() -> dict[str, tuple[str, str]]:
    """Head lemma -> (kind, when it names a law: `any`, `named` or `person`)."""
    return {row[0]: (row[1], row[2]) for row in table("kinds-law-heads")}


@cache
def codes() -> dict[str, tuple[str, bool]]:
    """Code abbreviation -> (the code's name, whether it needs its country after it)."""
    return {
        row[0]: (row[1], len(row) > 2 and row[2] == "country") for row in table("kinds-law-codes")
    }


class _Adjectives(Modifiers):
    pos = frozenset({"ADJ"})


class _Title(Walk):
    """An `о`/`по` title: a noun in any case with its genitive complements."""

    cases = frozenset({"Gen"})
    limit = 8


def _country(ctx: Context, k: int) -> int:
    """The end of a country named at k in the genitive (`РФ`, `Российской Федерации`,
    `США`), or k when none is."""
    span = ctx.span_at.get(k)
    if span is not None and span.first == k and span.entity.type == "LOC":
        return span.last
    return k


def _quoted(ctx: Context, k: int) -> int | None:
    """The end (after the closing quote) of a quoted name opening at k."""
    if ctx.text(k) not in OPEN_QUOTES:
        return None
    sent_last = ctx.sentence(k).last
    for j in range(k + 1, min(sent_last, k + 20)):
        if ctx.text(j) in CLOSE_QUOTES or (ctx.text(j) == '"' and j > k + 1):
            return j + 1
    return None


def _title_phrase(ctx: Context, k: int) -> int | None:
    """The end of an `о`/`по` title starting at k: `о защите прав потребителей`."""
    if ctx.lemma(k) not in TITLE_PREPS:
        return None
    j = k + 1
    while ctx.pos(j) == "ADJ":
        j += 1
    if ctx.pos(j) not in NOUNS:
        return None
    return _Title(ctx.tokens, ctx.sentence(k).last).run(j + 1)


def _number(ctx: Context, k: int) -> tuple[str, int] | None:
    """`№ 152-ФЗ` at k: the number and the end."""
    if ctx.text(k) in NUMBER_SIGNS and _LAW_NO.match(ctx.text(k + 1)):
        return ctx.text(k + 1), k + 2
    return None


def _date(ctx: Context, k: int) -> tuple[str | None, int] | None:
    """`от 12 марта 2024 года` at k: the date's value and the end."""
    if ctx.lemma(k) != "от":
        return None
    for d in ctx.analysis.document.dates:
        if d.start == ctx.start(k + 1) and d.kind in {"date", "month", "year"}:
            last = ctx.analysis.word_at(d.stop - 1)
            return (d.value, last + 1) if last is not None else None
    return None


@cache
def law_adjectives() -> frozenset[str]:
    return frozenset(wordlist("kinds-law-adjectives"))


def _capital_inside(ctx: Context, i: int) -> bool:
    """Word i is capitalised after a lower-case word: a name (`подписали Договор о`)."""
    return ctx.text(i)[:1].isupper() and ctx.text(i - 1)[:1].islower()


def _genitive_person(ctx: Context, k: int) -> int | None:
    """The end of a person's name in the genitive at k (`закон Яровой`)."""
    span = ctx.span_at.get(k)
    if span is None or span.first != k or span.entity.type != "PER":
        return None
    return span.last if ctx.feat(k, "Case") in {"Gen", None} else None


def _law_at(ctx: Context, i: int) -> LawMention | None:
    """The law headed by the noun at i, or None when the words name none."""
    a = ctx.analysis
    kind, when = heads()[ctx.lemma(i)]
    first = _Adjectives(ctx.tokens, i, ctx.sentence(i).first).run()
    while first < i and ctx.lemma(first) not in law_adjectives():
        first += 1  # `соответствующий указ`: the law begins at its name
    named = first < i or _capital_inside(ctx, i)
    if kind == "закон" and any(ctx.lemma(j) == "федеральный" for j in range(first, i)):
        kind = "федеральный закон"
    by_title = ctx.lemma(i) in TITLED
    end, number, date, title = i + 1, None, None, None
    if kind in {"кодекс", "конституция"}:
        title = nominal_phrase(ctx, first, i, i + 1)
    while True:
        if (got := _number(ctx, end)) is not None:
            number, end = got
        elif (on := _date(ctx, end)) is not None:
            date, end = on
        elif (close := _quoted(ctx, end)) is not None:
            title, end = ctx.chars(end + 1, close - 1), close
        elif by_title and (stop := _title_phrase(ctx, end)) is not None and stop > end + 1:
            title, end = title or ctx.chars(end, stop), stop
        elif (after := _country(ctx, end)) > end:
            end = after
            continue  # a country alone names no law: `по законам Индонезии`
        elif (by_title or when == "person") and (stop := _genitive_person(ctx, end)):
            end = stop
        else:
            break
        named = True
    if not (when == "any" or named):
        return None
    return LawMention(*words_span(a, first, end), kind=kind, number=number, date=date,
                      title=title)  # fmt: skip


def _code_at(ctx: Context, i: int) -> LawMention | None:
    """A code in letters at i: `УК`, `УК РФ`, `КоАП России`."""
    name, needs_country = codes()[ctx.text(i)]
    end = _country(ctx, i + 1)
    if needs_country and end == i + 1 or ctx.text(i + 1) in OPEN_QUOTES:
        return None  # `УК «Металлоинвест»`: a management company
    return LawMention(*words_span(ctx.analysis, i, end), kind="кодекс", title=name)


def _parts_before(ctx: Context, i: int) -> int:
    """The first word of the parts and points before the article word at i (`ч. 4`,
    `п. «б»`, `части 2`)."""
    first = i
    j = i - 1
    while True:
        k = j
        if ctx.text(k) == "»" and ctx.text(k - 2) == "«":
            k -= 3
        elif ctx.pos(k) == "NUM" or ctx.text(k).isdigit():
            k -= 1
        else:
            break
        if ctx.text(k) == ".":
            k -= 1
        if ctx.lemma(k) not in PART_WORDS:
            break
        first = j = k
        j -= 1
    return first


def _article_at(ctx: Context, i: int, laws: dict[int, LawMention]) -> LawMention | None:
    """An article at i (`ст.`, `статья`): its number (or an `о` title: `статья о
    клевете`) and the law after it; `282-я статья`, with the number before it."""
    k = i + 1
    if ctx.text(k) == ".":
        k += 1
    if _ARTICLE_NO.match(ctx.text(k)):
        number, end = ctx.text(k), k + 1
    elif _ORDINAL_NO.match(ctx.text(i - 1)):
        number, end = ctx.text(i - 1).split("-")[0], i + 1
        i -= 1
    elif (stop := _title_phrase(ctx, k)) is not None and stop > k + 1:
        title = ctx.chars(k, stop)
        return LawMention(*words_span(ctx.analysis, i, stop), kind="статья", title=title)
    else:
        return None
    law = laws.get(end)
    first = _parts_before(ctx, i)
    a = ctx.analysis
    if law is None:
        return LawMention(*words_span(a, first, end), kind="статья", article=number)
    stop = law.stop
    start = ctx.start(first)
    return LawMention(start, stop, a.text[start:stop], kind="статья", number=law.number,
                      date=law.date, title=None if law.kind == "кодекс" else law.title,
                      article=number, code=law.text)  # fmt: skip


def _hover(law: Item) -> str:
    bits = [str(law.get(k)) for k in ("kind", "article", "number", "code", "title") if law.get(k)]
    return "law: " + ", ".join(bits)


@layer(
    "laws", one="law", item=LawMention, prefix="L", needs=["entities", "dates"],
    fields={
        "kind": {"type": "string"},
        **{k: {"type": ["string", "null"]}
           for k in ("number", "date", "title", "article", "code")},
    },  # fmt: skip
    required=["kind", "number", "date", "title", "article", "code"],
    columns={k: "string" for k in ("kind", "number", "date", "title", "article", "code")},
    label="LAW", legend="law", colour="#c8f0e8", hover=_hover, value="kind",
)  # fmt: skip
def find_laws(a: Analysis, ctx: Context | None = None) -> list[LawMention]:
    """Every law, code, decree and article mentioned, in text order (an article's
    law is also a mention of its own)."""
    ctx = ctx or Context.of(a)
    laws: dict[int, LawMention] = {}  # by first word
    for i in range(ctx.n):
        law = None
        if ctx.lemma(i) in heads() and ctx.pos(i) in NOUNS:
            law = _law_at(ctx, i)
        elif ctx.text(i) in codes():
            law = _code_at(ctx, i)
        if law is not None:
            first = a.word_at(law.start)
            if first is not None:
                laws.setdefault(first, law)
    for i in range(ctx.n):  # `законы «О полиции» и «О ...»`: a quoted title alone
        if ctx.text(i) in OPEN_QUOTES and ctx.text(i + 1) in {"О", "Об"}:
            close = _quoted(ctx, i)
            if close is not None and close > i + 3:
                title = ctx.chars(i + 1, close - 1)
                laws.setdefault(i, LawMention(*words_span(a, i, close), kind="закон", title=title))
    out = list(laws.values())
    for i in range(ctx.n):
        if ctx.lemma(i) in ARTICLE_WORDS or ctx.text(i) == "ст":
            article = _article_at(ctx, i, laws)
            if article is not None:
                out.append(article)
    return in_text_order(out)
