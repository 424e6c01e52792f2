"""event: forums, summits, conferences, exhibitions, festivals, days of culture,
commission sessions — name, kind, ordinal, place, dates, theme and participants
(`XXI Форум межрегионального сотрудничества России и Казахстана`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..record import Fact
from ..text.morph import analyzer
from .args import best_date, date_ref, nominal_phrase, ref, refs
from .context import Context
from .lexicon import sequences, words
from .meeting import _place
from .persons import Persons
from .visit import _persons_in

QUOTED = re.compile(r"[«\"„“]([^«»\"„“”]+)[»\"“”]")
ROMAN = re.compile(r"^[IVXLC]+$")
ORDINAL_DIGITS = re.compile(r"^(\d+)(-?(й|й|го|ий|ой|ый|ом|ем|м))?$")


def roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not ROMAN.match(text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total


def _ordinal(ctx: Context, j: int) -> int | None:
    """The ordinal at word j: from the numbers stage, else a Roman numeral or `21-й`."""
    num = ctx.number_at(j)
    if num is not None and num.kind == "ordinal":
        return num.value
    text = ctx.text(j)
    if (r := roman(text)) is not None:
        return r
    m = ORDINAL_DIGITS.match(text)
    return int(m.group(1)) if m and m.group(2) else None


@lru_cache(maxsize=20_000)
def _common_lemma(lower: str) -> str:
    return analyzer().parse(lower)[0].normal_form


def _lemma_lower(ctx: Context, i: int) -> str:
    """The lemma of a capitalised word read as a common noun (`Дни` -> `день`)."""
    text = ctx.text(i)
    if not text[:1].isupper() or not text.isalpha():
        return ctx.lemma(i)
    return _common_lemma(text.lower())


@cache
def _by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Event word sequences by their first lemma, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, kind in sorted(sequences("event-kinds").items(), key=lambda p: -len(p[0])):
        out.setdefault(seq[0], []).append((seq, kind))
    return out


def _match(ctx: Context, i: int) -> tuple[str, int] | None:
    """(kind, index of the last trigger word) when an event word starts at i."""
    candidates = _by_first().get(ctx.lemma(i)) or _by_first().get(_lemma_lower(ctx, i), [])
    for seq, kind in candidates:
        j = i
        for lem in seq[1:]:
            j += 1
            while j < ctx.n and ctx.pos(j) == "ADJ":  # `Дни казахстанского кино`
                j += 1
            if j >= ctx.n or ctx.lemma(j) != lem:
                break
        else:
            return kind, j
    return None


def _name_end(ctx: Context, j: int, last: int) -> int:
    """End of the name after the trigger: genitive complements and named entities."""
    k = j + 1
    end = k
    if k < last and ctx.is_quote(k):  # `форум «Россия — исламский мир»`
        close = next((q for q in range(k + 1, last) if ctx.is_quote(q)), None)
        if close is not None:
            return close + 1
    while k < last:
        span = ctx.span_at.get(k)
        if span is not None and span.entity.type in {"LOC", "ORG"}:
            k = end = span.last
            continue
        if ctx.is_dash(k) and ctx.span_at.get(k + 1) is not None and end == k:
            k += 1  # `Центральная Азия - Россия`
            continue
        if ctx.pos(k) in {"NOUN", "PROPN"} and ctx.feat(k, "Case") == "Gen":
            k = end = k + 1
            continue
        if ctx.pos(k) in {"ADJ", "NUM", "DET"} and ctx.feat(k, "Case") == "Gen":
            k += 1
            continue
        if ctx.lemma(k) == "и" and k + 1 < last and ctx.feat(k + 1, "Case") == "Gen":
            k += 1
            continue
        break
    return end


def find(ctx: Context, persons: Persons) -> list[Fact]:
    facts: list[Fact] = []
    mentions: list[tuple[int, Fact]] = []
    i = 0
    while i < ctx.n:
        hit = _match(ctx, i)
        if hit is None or (ctx.feat(i, "Number") == "Plur" and hit[1] == i):
            i += 1
            continue
        kind, j = hit
        first, last = ctx.sentence(i)
        start = name_first = i
        ordinal = None
        while start > first and ctx.span_at.get(start - 1) is None:
            if (o := _ordinal(ctx, start - 1)) is not None:
                ordinal = o
            elif (
                ctx.pos(start - 1) != "ADJ"
                or not ctx.lemma(start - 1).endswith(("ый", "ий", "ой"))
                or ordinal is not None
                or ctx.feat(start - 1, "Case") not in {ctx.feat(i, "Case"), None}
            ):
                break
            else:
                name_first = start - 1
            start -= 1
        end = _name_end(ctx, j, last)
        head_lemma = _lemma_lower(ctx, i)
        name = nominal_phrase(ctx, name_first, i, end, keep_number=j > i, head_lemma=head_lemma)
        name = name[:1].upper() + name[1:]
        a, b = ctx.clause(i, relative=False)
        date = best_date(ctx.dates_in(first, last))
        place = _place(ctx, end, last) or _last_place(ctx, first, i)
        takes_part = any(ctx.lemma(k) in words("participation") for k in range(a, b))
        people = _persons_in(ctx, persons, a, b, "Nom") if takes_part else []
        args: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "ordinal": ordinal,
            "place": ref(place),
            "dates": date_ref(date),
            "theme": None,
            "participants": refs(people),
        }
        bare = name_first == i and end == j + 1
        seen = _add(facts, Fact("event", ctx.start(first), ctx.stop(last - 1), args), bare)
        if seen is not None:
            mentions.append((ctx.start(i), seen))
        i = end
    _themes(ctx, mentions)
    return facts


def _last_place(ctx: Context, a: int, b: int):
    """The place named nearest before the event word (`в Москве открылись Дни ...`)."""
    for k in range(b - 1, a - 1, -1):
        if (place := _place(ctx, k, b)) is not None:
            return place
    return None


def _quoted(name: str) -> str | None:
    m = QUOTED.search(name)
    return m.group(1).lower() if m else None


def _add(facts: list[Fact], new: Fact, bare: bool) -> Fact | None:
    """The same event read again (same kind and ordinal, same name or same quoted name)
    adds its details. A bare `форум` refers back to the last event of its kind (and adds
    nothing: its dates are often of the series, `форумы проводятся с 2003 года`); with
    nothing to refer to and no place or ordinal, it is dropped."""
    n = new.args
    if bare:
        for old in reversed(facts):
            if old.args["kind"] == n["kind"]:
                return old
        if n["place"] is None and n["ordinal"] is None:
            return None
    for old in facts:
        o = old.args
        same = o["kind"] == n["kind"] and (
            (o["ordinal"] is not None and o["ordinal"] == n["ordinal"])
            or o["name"].lower() == n["name"].lower()
            or (_quoted(o["name"]) is not None and _quoted(o["name"]) == _quoted(n["name"]))
        )
        if same:
            for k in ("ordinal", "place", "dates", "theme"):
                o[k] = o[k] or n[k]
            seen = {p["ref"] for p in o["participants"]}
            o["participants"] += [p for p in n["participants"] if p["ref"] not in seen]
            return old
    facts.append(new)
    return new


def _themes(ctx: Context, mentions: list[tuple[int, Fact]]) -> None:
    """`главная тема мероприятия в этом году - "..."`: the theme of the event before it."""
    for i in range(ctx.n):
        if ctx.lemma(i) not in {"тема", "девиз", "лозунг"}:
            continue
        _, last = ctx.sentence(i)
        j = i + 1
        while j < last and not ctx.is_quote(j) and j < i + 8:
            j += 1
        if j >= last or not ctx.is_quote(j):
            continue
        k = j + 1
        while k < last and not ctx.is_quote(k):
            k += 1
        if k >= last or k == j + 1:
            continue
        theme = ctx.chars(j + 1, k)
        before = [(at, f) for at, f in mentions if at <= ctx.start(i)]
        if before:
            target = max(before, key=lambda p: p[0])[1]
            target.args["theme"] = target.args["theme"] or theme
