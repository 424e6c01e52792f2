"""visit: who visits which place, at whose invitation, of what kind, when and for how long
(`Токаев начинает двухдневный государственный визит в Россию`)."""

from __future__ import annotations

import re
from typing import Any

from ..entities.types import LOC, ORG, PER
from ..record import DateExpr, Entity, Fact
from .args import best_date, compound_number, days_in, own_dates
from .context import Context
from .lexicon import mapping
from .lexicon import words as lexicon_words
from .merge import Policy, merge, same
from .persons import Persons
from .registry import Found, fact_type

# Two readings of one visit: each argument the first gives, else the second's; the better date.
MERGE: dict[str, Policy] = {
    "visitor": "fill", "destination": "fill", "host": "fill", "kind": "fill", "dates": "date",
    "duration_days": "fill",
}  # fmt: skip


def _genitive_visitor(ctx: Context, persons: Persons, i: int, b: int) -> Entity | None:
    """The visitor in the genitive after a visit noun: `визит Токаева`, `визиту президента
    Киргизии Садыра Жапарова`, `визит казахстанского лидера`."""
    post = None
    for j in range(i + 1, min(b, i + 7)):
        if ctx.feat(j, "Case") != "Gen" and ctx.span_at.get(j) is None:
            break
        if (e := ctx.entity(j, PER)) is not None:
            return e if ctx.feat(j, "Case") in {"Gen", None} else None
        if post is None and ctx.span_at.get(j) is None:
            post = persons.at(j)
    return post


TO = frozenset({"в", "во", "на"})
STAY_VERBS = lexicon_words("stay-verbs")


def _destination(ctx: Context, i: int, a: int, b: int, visitor: Entity | None) -> Entity | None:
    """Where the visit goes: `визит в Россию`, `визит президента Бразилии ... в Аргентину`,
    `посетит Иран`, `прибыл в Пхеньян с визитом`, `находится с визитом в Китае`."""
    after = i + 1
    if visitor is not None and ctx.pos(i) == "NOUN":
        while after < b and (ctx.feat(after, "Case") == "Gen" or ctx.span_at.get(after)):
            after += 1  # past the visitor in the genitive
    found = ctx.place(i + 1, b, "Acc", TO, within=5) or ctx.place(after, b, "Acc", TO, within=3)
    if found is None and ctx.pos(i) == "VERB":
        for s in ctx.spans_in(i + 1, b, LOC) + ctx.spans_in(a, i, LOC):
            if ctx.feat(s.first, "Case") == "Acc" and ctx.lemma(s.first - 1) not in TO:
                return s.entity
    if found is None and (ctx.feat(i, "Case") == "Ins" or ctx.lemma(i) in STAY_VERBS):
        found = ctx.place(max(a, i - 6), i, "Acc", TO)  # `прибыл в Пхеньян с визитом`
        found = found or ctx.place(i + 1, b, "Loc", TO, within=4)  # `с визитом в Китае`
        found = found or ctx.place(max(a, i - 6), i, "Loc", TO)
    return found


MAKING = frozenset(
    {
        "совершить",
        "совершать",
        "нанести",
        "наносить",
        "начать",
        "начинать",
        "завершить",
        "завершать",
        "продолжить",
        "продолжать",
        "отложить",
        "перенести",
        "отменить",
        "планировать",
        "запланировать",
        "осуществить",
    }
)


def _object_of_other(ctx: Context, a: int, i: int) -> bool:
    """`Кан назвал посещение островов ...`: a visit noun in the accusative whose verb is
    not one of making a visit; its subject is not the visitor."""
    if ctx.feat(i, "Case") != "Acc":
        return False
    verb = next((j for j in range(i - 1, a - 1, -1) if ctx.pos(j) == "VERB"), None)
    return verb is not None and ctx.lemma(verb) not in MAKING


def _object_not_place(ctx: Context, i: int, b: int) -> bool:
    """A visit verb whose object is a common noun or an organisation (`посетил выставку`,
    `посетили завод`, `посетил Эрмитаж`)."""
    if ctx.pos(i) != "VERB":
        return False
    if i > 0 and _common_object(ctx, i - 1):
        return True  # `Экспозицию посетил мэр`
    k = i + 1
    while k < b and _modifier(ctx, k) and ctx.span_at.get(k) is None:
        k += 1
    if k >= b:
        return False
    span = ctx.span_at.get(k)
    if span is not None:  # `посетил Кремлевский дворец`: a building, not a place to visit
        return span.first == k and span.entity.type == ORG and ctx.feat(k, "Case") == "Acc"
    return ctx.pos(k) == "NOUN" and ctx.feat(k, "Case") == "Acc"


def _modifier(ctx: Context, k: int) -> bool:
    """An adjective, adverb or a declined word the tagger took for a verb (`промышленную`)."""
    if ctx.pos(k) in {"ADJ", "ADV", "DET"}:
        return True
    return ctx.pos(k) == "VERB" and ctx.feat(k, "Case") is not None


def _common_object(ctx: Context, k: int) -> bool:
    """A common noun in the accusative opening the sentence right before the verb."""
    first, _ = ctx.sentence(k)
    return (
        k == first
        and ctx.span_at.get(k) is None
        and ctx.pos(k) in {"NOUN", "PROPN"}  # a capital letter misleads the tagger
        and ctx.feat(k, "Case") == "Acc"
    )


def _arrival(ctx: Context, persons: Persons, i: int, a: int, b: int) -> Fact | None:
    """`Садыр Жапаров прибыл в Москву`: a named person arriving in a named place."""
    destination = ctx.place(i + 1, b, "Acc", TO, within=4)
    if destination is None and a < i:  # `В Минск прибыл премьер Казахстана`
        destination = ctx.place(a, i, "Acc", TO, within=2)
    nominative = persons.within(a, b, "Nom")
    if destination is None or not nominative:
        return None
    date = best_date(own_dates(ctx, a, b))
    args: dict[str, Any] = {
        "visitor": nominative[0],
        "destination": destination,
        "host": _host(ctx, persons, a, b),
        "kind": None,
        "dates": date,
        "duration_days": None,
    }
    if modality := ctx.modality(i):
        args["modality"] = modality
    return Fact("visit", *_evidence(ctx, a, b), args)


def _host(ctx: Context, persons: Persons, a: int, b: int) -> Entity | None:
    """The person after `по приглашению` in words [a, b), else None."""
    for j in range(a, b - 1):
        if ctx.lemma(j) == "по" and ctx.lemma(j + 1) == "приглашение":
            found = persons.within(j + 2, b, None)
            return found[0] if found else None
    return None


@fact_type("visit")
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The visit facts of the document."""
    return find(ctx, persons)


def find(ctx: Context, persons: Persons) -> list[Fact]:
    facts: list[Fact] = []
    words = mapping("visit-words")
    for i in range(ctx.n):
        lem = ctx.lemma(i)
        arrival = lem in lexicon_words("arrival-verbs") and ctx.pos(i) == "VERB"
        if (lem not in words and not arrival) or ctx.entity(i) is not None:
            continue
        a, b = ctx.clause(i)
        if arrival:
            if (fact := _arrival(ctx, persons, i, a, b)) is not None:
                _add(facts, fact)
            continue
        kind = words[lem] or None
        duration = None
        for j in range(max(a, i - 3), i):
            if ctx.lemma(j) in mapping("visit-kinds"):
                kind = mapping("visit-kinds")[ctx.lemma(j)]
            if "дневн" in ctx.text(j).lower():  # `двухдневным`, whatever its lemma
                duration = compound_number(ctx, j)
        visitor = _genitive_visitor(ctx, persons, i, b) if ctx.pos(i) == "NOUN" else None
        governed = ctx.pos(i) == "NOUN" and (
            ctx.feat(i, "Case") in {"Gen", "Dat", "Loc"} or _object_of_other(ctx, a, i)
        )
        if visitor is None and not governed:  # `подготовка визита` says nothing of who
            nominative = persons.within(a, b, "Nom")
            visitor = nominative[0] if nominative else None
        destination = _destination(ctx, i, a, b, visitor)
        if destination is None and _object_not_place(ctx, i, b):
            continue  # `посетили выставку`: a visit to a place that is no destination
        if destination is None and visitor is None and ctx.pos(i) == "VERB":
            continue  # `фестиваль посетили зрители`: a verb that names neither
        host = _host(ctx, persons, a, b)
        dates = own_dates(ctx, a, b)
        date = best_date([d for d in dates if d.kind != "duration"])
        if duration is None and date is not None and date.kind == "range":
            duration = days_in(date.value)  # `2-3 декабря`, not `на следующей неделе`
        if duration is None:
            duration = next((n for d in dates if (n := _length(d)) is not None), None)
        args: dict[str, Any] = {
            "visitor": visitor,
            "destination": destination,
            "host": host,
            "kind": kind,
            "dates": date,
            "duration_days": duration,
        }
        modality = ctx.modality(i)
        if modality:
            args["modality"] = modality
        _add(facts, Fact("visit", *_evidence(ctx, a, b), args))
    return [f for f in facts if f.args["visitor"] or f.args["destination"]]


def _length(date: DateExpr) -> int | None:
    """Days of a duration (`продлится три дня` -> `P3D` -> 3), else None."""
    m = re.fullmatch(r"P(\d+)D", date.value or "") if date.kind == "duration" else None
    return int(m.group(1)) if m else None


def _evidence(ctx: Context, a: int, b: int) -> tuple[int, int]:
    first, last = ctx.sentence(a)
    return ctx.start(first), ctx.stop(last - 1)


def _add(facts: list[Fact], new: Fact) -> None:
    """Merge a visit into an earlier one it does not contradict (`визит` read again)."""
    for old in reversed(facts):
        if old.args.get("modality") != new.args.get("modality"):
            continue
        if all(
            _agree(old.args[k], new.args[k]) for k in ("visitor", "destination", "host", "kind")
        ):
            merge(old.args, new.args, MERGE)
            if old.args["dates"] and (d := days_in(old.args["dates"].value)):
                old.args["duration_days"] = old.args["duration_days"] or d
            return
    facts.append(new)


def _agree(x: Any, y: Any) -> bool:
    return x is None or y is None or same(x, y)
