"""signing: documents to be signed or signed (`подпишут важные двусторонние документы`,
`планируется подписать соглашение о ...`): document, parties and dates."""

from __future__ import annotations

from typing import Any

from ..entities.types import LOC, ORG, PER
from ..record import Entity, Fact
from ..text.noun_group import Walk, free_tail
from .args import best_date, inflect, own_dates, unique
from .context import Context
from .lexicon import words
from .meeting import recent, sides
from .merge import Policy, merge
from .persons import Persons
from .positions import is_post
from .registry import Found, fact_type

# A document noun that refers back to the last signing adds its parties and date.
MERGE: dict[str, Policy] = {"parties": "union", "dates": "date"}
SETS = words("document-sets")


def _document(ctx: Context, a: int, i: int, b: int) -> str | None:
    """The document phrase after the signing word: adjectives, the noun, `о ...`."""
    k = i + 1
    while k < b and ctx.pos(k) in {"ADV", "AUX", "PART"}:
        k += 1
    while k < b and (ctx.pos(k) == "NUM" or ctx.lemma(k) in {"более", "менее", "около", "свыше"}):
        k += 1  # `более 40 соглашений`: the count is no part of the document
    start = k
    while k < b and ctx.pos(k) in {"ADJ", "DET"}:
        k += 1
    if k + 1 < b and ctx.lemma(k) in SETS and ctx.lemma(k + 1) in words("documents"):
        return _phrase(ctx, start, k, b)  # `ряд документов`
    if k >= b or ctx.lemma(k) not in words("documents"):
        return _document_before(ctx, a, i)
    return _phrase(ctx, start, k, b)


def _document_before(ctx: Context, a: int, i: int) -> str | None:
    """`Документ подписал X`, `Соглашение о ... было подписано`: the document that opens
    the clause of the verb."""
    if ctx.pos(i) == "NOUN":
        return None
    k = a
    while k < i and (ctx.pos(k) in {"ADJ", "DET"} or ctx.is_quote(k)):
        k += 1
    if k >= i or ctx.lemma(k) not in words("documents") or ctx.feat(k, "Case") == "Gen":
        return None
    end = _tail_end(ctx, k, i)
    if any(
        ctx.pos(j) == "VERB" and ctx.lemma(j) not in words("modal-chain") for j in range(end, i)
    ):
        return None  # `Соглашение позволит ... подписать` is no object of this verb
    return _phrase(ctx, a if ctx.pos(a) in {"ADJ", "DET"} else k, k, i)


class _Documents(Walk):
    """`пакет документов`, `ряд соглашений`: one document noun in the genitive."""

    modifiers = frozenset()
    conj_cases = frozenset()
    limit = 1

    def noun(self, k: int) -> None:
        if self.tokens[k].lemma in words("documents"):
            super().noun(k)


def _tail_end(ctx: Context, head: int, b: int) -> int:
    """Where the document phrase ends: `пакет документов`, `о ...`, `между ...`; a date
    after `о ...` is no part of it (`соглашение о ... 15 декабря`)."""
    end = _Documents(ctx.tokens, b).run(head + 1)
    if end < b and (ctx.lemma(end) in {"о", "об", "между"} or _purpose(ctx, end, b)):
        end = free_tail(ctx.tokens, end + 1, b, ctx.in_date)
    return end


def _purpose(ctx: Context, k: int, b: int) -> bool:
    """`контракт на поставку`: not a term (`на 2026 год`) nor a place (`на полях`)."""
    if ctx.lemma(k) != "на" or k + 1 >= b:
        return False
    return ctx.pos(k + 1) == "NOUN" and ctx.feat(k + 1, "Case") == "Acc" and not ctx.in_date(k + 1)


def _between(ctx: Context, head: int, end: int) -> tuple[int, int] | None:
    """Words of `между Россией и Монголией` right after the head, when only names and `и`."""
    if head + 1 >= end or ctx.lemma(head + 1) != "между":
        return None
    k = head + 2
    while k < end and (ctx.span_at.get(k) is not None or ctx.lemma(k) in {"и", ","}):
        k += 1
    if k == head + 2 or ctx.span_at.get(k - 1) is None:
        return None
    return head + 1, k


def _phrase(ctx: Context, start: int, head: int, b: int) -> str:
    """The document in its normal form: adjectives and head in the nominative, tail as is."""
    end = _tail_end(ctx, head, b)
    plural = ctx.feat(head, "Number") == "Plur"
    number = "plur" if plural else "sing"
    forms = []
    for j in range(start, head):
        if ctx.lemma(j) in words("evaluative"):
            continue
        gender = None if plural else _gender(ctx, head)
        forms.append(inflect(ctx, j, {"nomn", number} | ({gender} if gender else set())))
    forms.append(inflect(ctx, head, {"nomn", number}))
    if start == ctx.sentence(start)[0] and ctx.span_at.get(start) is None:
        forms[0] = forms[0][:1].lower() + forms[0][1:]  # `Документ подписал ...`
    tail_from = head + 1
    if (between := _between(ctx, head, end)) is not None:  # the parties say it already
        tail_from = between[1]
    tail = ctx.chars(tail_from, end) if end > tail_from else ""
    return (" ".join(forms) + (" " + tail if tail else "")).strip()


def _gender(ctx: Context, head: int) -> str | None:
    g = ctx.feat(head, "Gender")
    return {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(g or "")


def _parties(ctx: Context, persons: Persons, a: int, b: int, i: int) -> list[Entity]:
    out: list[Entity] = []
    for j in range(a, b):
        if _speaker(ctx, j, i):
            continue
        span = ctx.span_at.get(j)
        if span is not None and span.first == j and span.entity.type in {PER, ORG, LOC}:
            if span.entity.type == LOC and not _loc_party(ctx, j):
                continue
            if j > 0 and ctx.pos(j - 1) == "NOUN" and ctx.feat(j - 1, "Case") == "Gen":
                continue  # `на полях авиасалона МАКС`: the name of a thing, no party
            governed = ctx.lemma(j - 1) in words("sources") and ctx.feat(j - 1, "Case") == "Nom"
            if (
                ctx.feat(j, "Case") in {"Nom", None}
                or ctx.lemma(j - 1) in {"между", "и"}
                or governed  # `правительство Ленинградской области`
            ):
                out.append(span.entity)
        elif span is None and is_post(ctx, j):
            group = persons.group(j)
            if group:
                out += group
            elif ctx.feat(j, "Case") == "Nom" and (p := persons.at(j)) is not None:
                out.append(p)
    return out


def _loc_party(ctx: Context, j: int) -> bool:
    """A place signs as a subject (`Россия и Индия подписали`), between others (`между
    Россией и Монголией`) or as its government (`правительство Ленинградской области`)."""
    before = ctx.lemma(j - 1) if j > 0 else ""
    if before in words("sources") and ctx.feat(j - 1, "Case") == "Nom":
        return True
    if ctx.feat(j, "Case") == "Nom" and ctx.pos(j - 1) != "ADP" and before not in {"в", "во"}:
        return True
    return before == "между" or (before == "и" and ctx.lemma(j - 3) == "между")


def _speaker(ctx: Context, j: int, i: int) -> bool:
    """`«... заключить контракты», - сказал Паслер`, `как сообщил Песков, ... подпишут`: who
    follows a speech verb (after the signing word, or just before) reports, not signs."""
    start = i + 1 if j > i else max(0, j - 4)
    for k in range(j - 1, start - 1, -1):
        if ctx.lemma(k) == "что":
            return False  # `заявил, что Россия и Азербайджан могут подписать`
        if ctx.lemma(k) in words("speech-verbs"):
            return True
    return False


@fact_type("signing", needs=['meeting'])
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The signing facts of the document."""
    return find(ctx, persons, found["meeting"])


def find(ctx: Context, persons: Persons, meetings: list[Fact] | None = None) -> list[Fact]:
    facts: list[Fact] = []
    for i in range(ctx.n):
        if ctx.lemma(i) not in words("signing-words"):
            continue
        a, b = ctx.clause(i, relative=False, quotes=False)
        document = _document(ctx, a, i, b)
        if document is None:
            continue
        first, last = ctx.sentence(i)
        parties = unique(_parties(ctx, persons, a, b, i))
        if not parties:
            parties = _sides_parties(ctx, a, i, meetings or [])
        args: dict[str, Any] = {
            "parties": parties,
            "document": document,
            "dates": best_date(own_dates(ctx, a, b)),
        }
        modality = ctx.modality(i)
        if modality:
            args["modality"] = modality
        if facts and _refers_back(ctx, a, i, document, facts[-1], modality):
            # `... подписали соглашение. Документ подписали X и Y`
            merge(facts[-1].args, args, MERGE)
            continue
        facts.append(Fact("signing", ctx.start(first), ctx.stop(last - 1), args))
    return facts


def _sides_parties(ctx: Context, a: int, i: int, meetings: list[Fact]) -> list[Entity]:
    """`... провел встречу с Y. Стороны подписали ...`: the meeting's participants."""
    if not any(sides(ctx, k) for k in range(a, i)):
        return []
    meeting = recent(ctx, meetings, ctx.sentence(i)[0])
    return list(meeting.args["participants"]) if meeting is not None else []


def _refers_back(
    ctx: Context, a: int, i: int, document: str, last: Fact, modality: str | None
) -> bool:
    """A bare document noun opening the clause (`Документ`, `Соглашение подписали ...`),
    in the sentence after the last signing."""
    if " " in document or last.args.get("modality") != modality:
        return False
    if ctx.lemma(a) != "документ" and ctx.lemma(a) not in words("documents"):
        return False
    return ctx.start(ctx.sentence(a)[0]) <= last.stop + 2


