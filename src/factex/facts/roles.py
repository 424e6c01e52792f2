"""What the deal and ownership rules ask of a name in a clause: its case, whether it is a
place, a reporter, or one of a list (`«Вектор» и «Зерно»`)."""

from __future__ import annotations

from ..entities.types import LOC, ORG, PER
from ..record import Entity, Fact
from .context import Context, Span
from .lexicon import words

PLACE_PREPS = words("place-preps")
SOURCE_CUES = words("source-cues")


def clause(ctx: Context, i: int) -> tuple[int, int]:
    """The clause of word i (`Context.clause`), cut also at `, который` in any form (its
    lemma is not always `который`)."""
    a, b = ctx.clause(i, quotes=False)
    for k in range(i, a, -1):
        if ctx.text(k - 1) == "," and is_which(ctx, k):
            a = k
            break
    for k in range(i + 1, b - 1):
        if ctx.text(k) == "," and is_which(ctx, k + 1):
            b = k
            break
    return a, b


def asked(ctx: Context, i: int) -> bool:
    """Whether the clause of word i is asked, not said: its sentence ends with `?`, or the
    clause holds the particle `ли` (`Был ли Орлов директором, неизвестно`) or, before word
    i, a question word after a comma (`проверить, кому принадлежит «Вега»`), not after a
    name (`Орлов, чья компания`: a relative clause)."""
    _, last = ctx.sentence(i)
    if ctx.text(last - 1) == "?":
        return True
    a, b = ctx.clause(i)
    return any(
        (ctx.text(k).lower() in ("ли", "ль") and ctx.span_at.get(k) is None)  # not `Ли Вэйминь`
        or (ctx.lemma(k) in ("кто", "чей") and ctx.text(k - 1) == "," and k < i)
        and not _after_name(ctx, k - 1)  # `Орлов, чья компания ...`: a relative word
        for k in range(a, b)
    )


def _after_name(ctx: Context, comma: int) -> bool:
    """Whether a name (or its closing quote) ends right before the comma at word `comma`."""
    k = comma - 1
    return k >= 0 and (ctx.span_at.get(k) is not None or ctx.text(k) == "»")


def unsaid(ctx: Context, i: int) -> bool:
    """Whether the clause of word i states nothing: it is asked (`asked`), or its sentence
    is a condition and what follows from it (`Если сделку одобрят, «Вега» получит
    контроль над «Альфой»`)."""
    first, last = ctx.sentence(i)
    return asked(ctx, i) or any(ctx.lemma(k) == "если" for k in range(first, last))


def is_which(ctx: Context, k: int) -> bool:
    return ctx.lemma(k) == "который" or ctx.text(k).lower().startswith("котор")


def case_of(ctx: Context, span: Span) -> str | None:
    """The case of a name: that of its head noun when the name is a quoted one after it
    (`холдингу «Медиа-Плюс»` -> Dat), else of its first word."""
    k = span.first - 1
    if k >= 0 and ctx.is_quote(k):
        k -= 1
    if k >= 0 and k != span.first - 1 and _head(ctx, k):
        return ctx.feat(k, "Case")
    return ctx.feat(span.first, "Case")


def start_of(ctx: Context, span: Span) -> int:
    """The first word of a name with its quote and head noun (`холдинг «Медиа-Плюс»`)."""
    k = span.first
    if k > 0 and ctx.is_quote(k - 1):
        k -= 1
        if k > 0 and _head(ctx, k - 1):
            k -= 1
    return k


def _head(ctx: Context, k: int) -> bool:
    """A common noun before a quoted name (`Сети` at a sentence start may be read as a name)."""
    return ctx.pos(k) in {"NOUN", "PROPN"} and ctx.span_at.get(k) is None


def end_of(ctx: Context, span: Span) -> int:
    """The word after a name, its closing quote included."""
    k = span.last
    if k < ctx.n and ctx.is_quote(k) and ctx.text(k) != "«":
        k += 1
    return k


def is_place(ctx: Context, span: Span) -> bool:
    """`в Калуге`, `на Урале`: a place where something happens, no party; `из Твери`
    after a person's name: where they are from."""
    k = start_of(ctx, span) - 1
    while k >= 0 and ctx.pos(k) == "ADJ" and ctx.span_at.get(k) is None:
        k -= 1
    if span.entity.type != LOC or k < 0:
        return False
    if ctx.lemma(k) == "из" and (before := ctx.span_at.get(k - 1)) is not None:
        return before.entity.type == PER  # `Данилов из Алтайского края`: where he is from
    return ctx.lemma(k) in PLACE_PREPS and case_of(ctx, span) != "Acc"  # `в Китай`: a side


def owner_country(ctx: Context, span: Span) -> bool:
    """`Минфин США`: a place right after an organisation named with it is part of its name."""
    before = ctx.span_at.get(span.first - 1) if span.first > 0 else None
    return (
        span.entity.type == LOC
        and before is not None
        and before.entity.type == ORG
        and before.entity.name.endswith(span.mention.text)
    )


def in_money(ctx: Context, span: Span) -> bool:
    """`200 млн долларов США`: a name inside an amount of money is its currency's
    country, no party."""
    start, stop = ctx.start(span.first), ctx.stop(span.last - 1)
    money = ctx.analysis.document.layers.get("money", [])
    return any(m.start <= start and stop <= m.stop for m in money)


def described(ctx: Context, span: Span) -> Span | None:
    """`Ростовский завод «Атом-Сервис»`, `Инвестиционный фонд «Горизонт»`: the quoted name
    right after a name that only describes it (no proper noun at its end), or None."""
    k = span.last
    if span.entity.type != ORG or k + 1 >= ctx.n or not ctx.is_quote(k) or ctx.text(k) == "»":
        return None
    if ctx.pos(span.last - 1) not in {"NOUN", "ADJ"}:
        return None
    after = ctx.span_at.get(k + 1)
    return after if after is not None and after.entity.type == ORG else None


def descriptions(ctx: Context) -> dict[int, Entity]:
    """The entities named only as descriptions of a quoted name (`described`), by id, each
    to that name's entity; an entity with any other mention is left alone."""
    found: dict[int, Entity] = {}
    other: set[int] = set()
    for span in names_in(ctx, 0, ctx.n, "ORG"):
        named = described(ctx, span)
        if named is None:
            other.add(id(span.entity))
        else:
            found[id(span.entity)] = named.entity
    return {k: v for k, v in found.items() if k not in other}


def name_described(ctx: Context, facts: list[Fact], keys: tuple[str, ...]) -> list[Fact]:
    """The facts with each description entity in these arguments (`descriptions`)
    replaced by the name it describes; a list keeps each name once, a fact whose
    arguments become one name twice, or repeat an earlier fact, is dropped."""
    named = descriptions(ctx)
    if not named:
        return facts
    out: list[Fact] = []
    seen: set[tuple[int, ...]] = set()
    for fact in facts:
        for key in keys:
            value = fact.args.get(key)
            if isinstance(value, list):
                fact.args[key] = list(dict.fromkeys(named.get(id(v), v) for v in value))
            elif isinstance(value, Entity):
                fact.args[key] = named.get(id(value), value)
        ents = [fact.args.get(k) for k in keys]
        if len(keys) > 1 and ents[0] is not None and ents[0] is ents[1]:
            continue
        sig = (fact.start, *(id(e) for e in ents))
        if len(keys) > 1 and sig in seen:
            continue
        seen.add(sig)
        out.append(fact)
    return out


def reported_by(ctx: Context, span: Span) -> bool:
    """A name that says the news (`сообщает газета «Вестник»`, `по данным «Вестника»`,
    `как заявил Петров`): two words or fewer after a speech verb or a source cue."""
    k = start_of(ctx, span)
    for j in range(k - 1, max(-1, k - 4), -1):
        if ctx.lemma(j) in words("speech-verbs") or ctx.lemma(j) in SOURCE_CUES:
            return True
        if ctx.is_punct(j) and not ctx.is_quote(j):
            return False
    return False


def names_in(ctx: Context, a: int, b: int, types: str = "PER ORG LOC") -> list[Span]:
    """Mentions that start in words [a, b), once each, in text order."""
    return [s for s in ctx.spans_in(a, b, types) if ctx.span_at.get(s.first) is s]


def listed(ctx: Context, span: Span, forward: bool, types: str = "PER ORG LOC") -> list[Span]:
    """The span and the names coordinated with it (`X, Y и Z`), after it or before it."""
    out = [span]
    cur = span
    while True:
        if forward:
            k = _over_brackets(ctx, end_of(ctx, cur), types)
            if k >= ctx.n or ctx.text(k) not in {",", "и"}:
                return out
            k += 1
            if k < ctx.n and ctx.text(k - 1) == "," and ctx.text(k) == "и":
                k += 1
            nxt = _name_from(ctx, k, types)
        else:
            k = start_of(ctx, cur) - 1
            if k < 0 or ctx.text(k) not in {",", "и"}:
                return out
            nxt = _name_to(ctx, k, types)
        if nxt is None or nxt in out:
            return out
        out.append(nxt)
        cur = nxt


def _over_brackets(ctx: Context, k: int, types: str) -> int:
    """The word after a short bracket at word k that holds no name of the list's types
    (`(39,9%)`; `Томас Ридли (Канада) и ...` in a list of persons), else k."""
    if k >= ctx.n or ctx.text(k) != "(":
        return k
    for j in range(k + 1, min(ctx.n, k + 6)):
        if ctx.text(j) == ")":
            return j + 1
        span = ctx.span_at.get(j)
        if span is not None and span.entity.type in types.split():
            return k
    return k


def _name_from(ctx: Context, k: int, types: str) -> Span | None:
    """The name at word k, over its quote, or over a generic noun and its quote (`Орлов
    и компания «Альфа»`)."""
    if k + 1 < ctx.n and ctx.lemma(k) in words("org-nouns") and ctx.is_quote(k + 1):
        k += 1
    if k < ctx.n and ctx.is_quote(k):
        k += 1
    span = ctx.span_at.get(k)
    return span if span is not None and span.entity.type in types.split() else None


def _name_to(ctx: Context, k: int, types: str) -> Span | None:
    k -= 1
    if k >= 0 and ctx.is_quote(k):
        k -= 1
    span = ctx.span_at.get(k)
    return span if span is not None and span.entity.type in types.split() else None
