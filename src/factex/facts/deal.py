"""deal: buying and selling, investing, services, sanctions, fines and loans (SPEC 0.2):
parties, kind, subject and dates.

- A verb of the deal (`models/facts-deal-words.tsv`) takes the names of its clause as
  parties: `«Альфа-Ритейл» купила сеть «Продукты у дома»`, `ФАС оштрафовала «Нефтегаз»`.
- So does a deal noun with a support verb in its clause (`models/facts-deal-support.txt`):
  `США ввели санкции против банка «Капитал»`, `получило от России кредит`.
- A deal noun alone takes the names after it: `сделка по продаже сети «Продукты у дома»
  компании «Альфа-Ритейл»`.
Places (`в Калуге`) and who reports (`сообщает «Вестник»`) are no parties; a deal read
from a verb needs one party, from a noun alone two (or one company buying or investing).
Several triggers of one clause make one deal, of the first kind.
"""

from __future__ import annotations

from typing import Any

from ..entities.types import LOC, ORG, PER
from ..layers import items_in
from ..record import Entity, Fact
from .args import best_date, own_dates, unique
from .context import Context, Span
from .lexicon import mapping, words
from .ownership import OWNER_NOUNS
from .persons import Persons
from .positions import is_post
from .registry import Found, fact_type
from .roles import (
    case_of,
    clause,
    end_of,
    in_money,
    is_place,
    names_in,
    owner_country,
    reported_by,
    start_of,
    unsaid,
)

AGENT_NOUNS = words("deal-agent-nouns")
SOLO_KINDS = words("deal-solo-kinds")
STOP_PREPS = words("deal-stop-preps")
SUBJECT_VERBS = words("deal-subject-verbs")


def _kind(ctx: Context, i: int) -> str | None:
    """The kind a trigger word gives ("" for `сделка`), None for no trigger."""
    kind = mapping("deal-words").get(ctx.lemma(i))
    if kind is None or ctx.span_at.get(i) is not None or _names_no_deal(ctx, i):
        return None
    if ctx.pos(i) == "ADJ":
        return kind if ctx.lemma(i) == "санкционный" else None  # `инвестиционный фонд`
    if ctx.pos(i) == "PROPN" and opens_sentence(ctx, i):
        return kind  # `Кредит «X» предоставили ...`: tagged a name for its capital
    return kind if ctx.pos(i) in {"NOUN", "VERB"} else None  # `второй год подряд`


def opens_sentence(ctx: Context, i: int) -> bool:
    """Whether word i is the first word of its sentence (after quotes and dashes)."""
    first, _ = ctx.sentence(i)
    return all(ctx.is_quote(j) or ctx.is_dash(j) for j in range(first, i))


def _names_no_deal(ctx: Context, i: int) -> bool:
    """A noun that names no deal: a plural amount traded (`продажи автомобилей выросли`,
    `models/facts-deal-volume-nouns.txt`), a class of people in the plural nominative
    (`покупатели квартир получили ключи`, `кредиторы банка`), a side in the genitive
    (`поводом для обращения кредитора в суд`)."""
    if ctx.lemma(i) in AGENT_NOUNS and ctx.feat(i, "Case") == "Gen":
        return True
    if ctx.feat(i, "Number") != "Plur":
        return False
    if ctx.lemma(i) in words("deal-volume-nouns"):
        return True
    return ctx.lemma(i) in AGENT_NOUNS and ctx.feat(i, "Case") == "Nom"


@fact_type("deal")
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The deal facts of the document."""
    return find(ctx)


def find(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    clauses: dict[tuple[int, int], list[int]] = {}
    for i in range(ctx.n):
        if _kind(ctx, i) is not None:
            clauses.setdefault(clause(ctx, i), []).append(i)
    for (a, b), triggers in clauses.items():
        fact = _deal(ctx, a, b, triggers)
        if fact is not None:
            facts.append(fact)
    return facts


def _deal(ctx: Context, a: int, b: int, triggers: list[int]) -> Fact | None:
    support = any(ctx.lemma(j) in words("deal-support") for j in range(a, b))
    if not support:  # `обращения кредитора в суд`: an agent noun alone names no deal
        triggers = [i for i in triggers if ctx.lemma(i) not in AGENT_NOUNS]
        if not triggers:
            return None
    kinds = [_kind(ctx, i) or "" for i in triggers]
    anchor = next((i for i, k in zip(triggers, kinds) if k), triggers[0])
    kind = next((k for k in kinds if k), None)
    finite = any(ctx.pos(i) == "VERB" and ctx.feat(i, "VerbForm") != "Part" for i in triggers)
    verbal = finite or support
    if not kind and not verbal:
        return None  # a bare `сделка`, `контракт`: neither kind nor a verb
    first, last = (a, b) if verbal else (min(triggers), _phrase_end(ctx, min(triggers), b))
    participle = [i for i in triggers if ctx.feat(i, "VerbForm") == "Part"]
    if participle and not verbal:  # `нефти, поставляемой Россией в Китай`
        first, last, verbal = participle[0], _phrase_end(ctx, participle[0], b), True
    aside = _aside(ctx, first, last, anchor) + _approvers(ctx, first, min(triggers))
    aside += _approvers_after(ctx, max(triggers), last)
    aside += _participle_aside(ctx, first, last, triggers)
    parties = [e for e in _parties(ctx, first, last, kind) if e not in aside]
    if not _enough(parties, verbal, kind) or unsaid(ctx, anchor) or unmade(ctx, anchor):
        return None  # `Купит ли «Вега» ...`, `Если сделку одобрят, ...`: nothing said
    s_first, s_last = ctx.sentence(anchor)
    args: dict[str, Any] = {
        "parties": unique(parties),
        "kind": kind,
        "subject": _subject(ctx, anchor, b),
        "dates": best_date(own_dates(ctx, a, b)),
        "amount": next(iter(items_in(ctx.analysis, "money", ctx.start(a), ctx.stop(b - 1))), None),
    }
    modality = ctx.modality(anchor)
    if modality:
        args["modality"] = modality
    return Fact("deal", ctx.start(s_first), ctx.stop(s_last - 1), args)


def unmade(ctx: Context, i: int) -> bool:
    """Whether the deal of trigger i is only intended or is forbidden: an infinitive a few
    words after a word of intention or ban (`планирует купить`, `запретила «Альфе»
    покупать`), a noun right after one (`планирует покупку`);
    `models/facts-deal-intention-cues.txt`."""
    if ctx.pos(i) == "VERB" and ctx.feat(i, "VerbForm") == "Inf":
        reach = 4
    elif ctx.pos(i) == "NOUN":
        reach = 2
    else:
        return False
    first, _ = ctx.sentence(i)
    for j in range(i - 1, max(first, i - reach) - 1, -1):
        if ctx.lemma(j) in words("deal-intention-cues"):
            return True
        if ctx.is_punct(j) and not ctx.is_quote(j):
            return False
    return False


def _enough(parties: list[Entity], verbal: bool, kind: str | None) -> bool:
    """A verb (or a noun with its support verb) needs its doer; a noun alone both sides
    (`покупка X компанией Y`), or one company that buys or invests (`объявила о покупке`,
    `представитель Philips` on `инвестиций`). A service is always between two."""
    if len(parties) >= 2:
        return True
    if verbal and kind != "услуги":
        return bool(parties)
    return bool(parties) and parties[0].type == ORG and kind in SOLO_KINDS


def _phrase_end(ctx: Context, i: int, b: int) -> int:
    """Where the words after a deal noun end: at the next verb (`полёт по обслуживанию
    телескопа, то есть «Атлантис» не полетит`)."""
    k = i + 1
    while k < b and not (ctx.pos(k) in {"VERB", "AUX"} and ctx.feat(k, "VerbForm") != "Part"):
        k += 1
    return k


def _parties(ctx: Context, a: int, b: int, kind: str | None) -> list[Entity]:
    return [
        s.entity
        for s in names_in(ctx, a, b)
        if not is_place(ctx, s)
        and not _locative_place(ctx, s)
        and not _describes_person(ctx, s)
        and not reported_by(ctx, s)
        and not owner_country(ctx, s)
        and not in_money(ctx, s)
        and not (kind not in {None, "услуги"} and _together(ctx, s))
    ]


def _aside(ctx: Context, a: int, b: int, anchor: int) -> list[Entity]:
    """The names inside brackets in words [a, b) that hold a verb and not the trigger:
    `фонд «Горизонт» (входит в группу «Альфа») вложил ...` (a remark, no party; a
    bracket with a name alone is another name of the one before it)."""
    out: list[Entity] = []
    opened: int | None = None
    for k in range(a, b):
        if ctx.text(k) == "(":
            opened = k
        elif ctx.text(k) == ")" and opened is not None:
            verb = any(ctx.pos(j) in {"VERB", "AUX"} for j in range(opened, k))
            if verb and not opened < anchor < k:
                out += [s.entity for s in names_in(ctx, opened + 1, k)]
            opened = None
    return out


def _participle_aside(ctx: Context, a: int, b: int, triggers: list[int]) -> list[Entity]:
    """The names of a participial phrase set off by a comma in words [a, b) that holds no
    trigger: a remark on a name, no party (`DST, принадлежащая Мильнеру и Усманову,
    купила 5% акций`, `отделении Bank of East Asia, управляющим филиалами в Нью-Йорке`)."""
    out: list[Entity] = []
    for k in range(a, b - 1):
        if ctx.text(k) != "," or ctx.feat(k + 1, "VerbForm") != "Part":
            continue
        end = _phrase_stop(ctx, k + 1, b)
        if not any(k < t < end for t in triggers):
            out += [s.entity for s in names_in(ctx, k + 1, end)]
    return out


def _phrase_stop(ctx: Context, i: int, b: int) -> int:
    """Where the phrase word i heads ends, before b: after the last of the words right
    after it that hang from it in the parse (a list of names with its commas), or at the
    next comma when the sentence is not parsed."""
    if ctx.tokens[i].head is None and ctx.tokens[i].dep is None:
        return next((j for j in range(i, b) if ctx.text(j) == ","), b)
    end = i + 1
    while end < b and _under(ctx, end, i):
        end += 1
    return end


def _under(ctx: Context, j: int, i: int) -> bool:
    """Whether word j hangs, directly or not, from word i in the parse."""
    seen = 0
    head = ctx.tokens[j].head
    while head is not None and seen < 64:
        if head == i:
            return True
        head, seen = ctx.tokens[head].head, seen + 1
    return False


def _describes_person(ctx: Context, span: Span) -> bool:
    """A name after an owner or post noun and before the person it describes says who the
    person is, and is no side (`Владелец «Вкусвилла» Андрей Кривенко продал часть
    бизнеса`), unless the clause names it again."""
    k = span.first - 1
    k -= 1 if k >= 0 and ctx.is_quote(k) else 0
    before = {k, start_of(ctx, span) - 1}  # `Совладелец сети «X» Орлов`: over its noun
    if not any(j >= 0 and (ctx.lemma(j) in OWNER_NOUNS or is_post(ctx, j)) for j in before):
        return False
    after = ctx.span_at.get(end_of(ctx, span))
    if after is None or after.entity.type != PER:
        return False
    a, b = ctx.clause(span.first)
    return sum(s.entity is span.entity for s in names_in(ctx, a, b)) == 1


def describing_only(ctx: Context, entity: Entity, a: int, b: int) -> bool:
    """Whether every mention of the entity in words [a, b) describes a person after it
    (`_describes_person`): then it is no side of a deal read there."""
    spans = [s for s in names_in(ctx, a, b) if s.entity is entity]
    return bool(spans) and all(_describes_person(ctx, s) for s in spans)


def _locative_place(ctx: Context, span: Span) -> bool:
    """A place in the prepositional case is where something is, never a side (`филиалами
    в Калифорнии и Нью-Йорке`: the second has no `в` of its own)."""
    return span.entity.type == LOC and case_of(ctx, span) == "Loc"


def _approvers(ctx: Context, a: int, first: int) -> list[Entity]:
    """`ФАС одобрила сделку по покупке ...`: who approves, allows or blocks a deal named
    after its verb is no party of it."""
    verbs = [j for j in range(a, first) if ctx.lemma(j) in words("deal-approval-verbs")]
    return [s.entity for s in names_in(ctx, a, verbs[0])] if verbs else []


def _approvers_after(ctx: Context, last: int, b: int) -> list[Entity]:
    """`Сделку одобрила ФАС`: who approves a deal named before its verb, after the verb."""
    verbs = [j for j in range(last + 1, b) if ctx.lemma(j) in words("deal-approval-verbs")]
    return [s.entity for s in names_in(ctx, verbs[0], b)] if verbs else []


def _together(ctx: Context, span: Span) -> bool:
    """`вместе с X`, `совместных с X`: a companion, no side of a purchase or a fine (a
    contract `с X` names its other side)."""
    k = start_of(ctx, span) - 1
    return k >= 0 and ctx.lemma(k) in {"с", "со"} and case_of(ctx, span) in {"Ins", None}


def _subject(ctx: Context, i: int, b: int) -> str | None:
    """What a buying or selling verb takes, when it is no name: `купила 25% акций`."""
    if ctx.lemma(i) not in SUBJECT_VERBS:
        return None
    k = i + 1
    while k < b and ctx.pos(k) in {"ADV", "PART"}:
        k += 1
    start = k
    while k < b and k - start < 8:
        if ctx.is_punct(k) and ctx.text(k) not in {"%", "«", "»"}:
            break
        if ctx.pos(k) in {"VERB", "AUX"} or (ctx.pos(k) == "ADP" and ctx.lemma(k) in STOP_PREPS):
            break
        span = ctx.span_at.get(k)
        if span is not None:
            if k == start:
                return None  # `купила «Вектор»`: the name is a party
            k = end_of(ctx, span)
            break
        k += 1
    if k <= start or ctx.pos(start) not in {"NOUN", "NUM", "ADJ"}:
        return None
    return ctx.chars(start, k)
