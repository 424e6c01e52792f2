"""signing: documents to be signed or signed (`подпишут важные двусторонние документы`,
`планируется подписать соглашение о ...`): document, parties and dates."""

from __future__ import annotations

from typing import Any

from ..record import Entity, Fact
from .args import best_date, date_ref, inflect, own_dates, refs
from .context import Context
from .lexicon import words
from .persons import Persons
from .positions import is_post


def _document(ctx: Context, i: int, b: int) -> str | None:
    """The document phrase after the signing word: adjectives, the noun, `о ...`."""
    k = i + 1
    while k < b and ctx.pos(k) in {"ADV", "AUX", "PART"}:
        k += 1
    while k < b and (ctx.pos(k) == "NUM" or ctx.lemma(k) in {"более", "менее", "около", "свыше"}):
        k += 1  # `более 40 соглашений`: the count is no part of the document
    start = k
    while k < b and ctx.pos(k) in {"ADJ", "DET"}:
        k += 1
    if k >= b or ctx.lemma(k) not in words("documents"):
        return None
    head = k
    end = head + 1
    if end < b and ctx.lemma(end) in {"о", "об", "между"}:
        end += 1
        while (
            end < b
            and not ctx.is_punct(end)
            and ctx.pos(end) not in {"VERB", "SCONJ"}
            and not ctx.in_date(end)  # `соглашение о ... 15 декабря`: the date is no part
        ):
            end += 1
    plural = ctx.feat(head, "Number") == "Plur"
    number = "plur" if plural else "sing"
    forms = []
    for j in range(start, head):
        if ctx.lemma(j) in words("evaluative"):
            continue
        gender = None if plural else _gender(ctx, head)
        forms.append(inflect(ctx, j, {"nomn", number} | ({gender} if gender else set())))
    forms.append(inflect(ctx, head, {"nomn", number}))
    tail = ctx.chars(head + 1, end) if end > head + 1 else ""
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
        if span is not None and span.first == j and span.entity.type in {"PER", "ORG", "LOC"}:
            if span.entity.type == "LOC" and not (
                ctx.lemma(j - 1) in words("sources") and ctx.feat(j - 1, "Case") == "Nom"
            ):
                continue
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


def _speaker(ctx: Context, j: int, i: int) -> bool:
    """`«... заключить контракты», - сказал Паслер`, `как сообщил Песков, ... подпишут`: who
    follows a speech verb (after the signing word, or just before) reports, not signs."""
    start = i + 1 if j > i else max(0, j - 4)
    return any(ctx.lemma(k) in words("speech-verbs") for k in range(start, j))


def find(ctx: Context, persons: Persons) -> list[Fact]:
    facts: list[Fact] = []
    for i in range(ctx.n):
        if ctx.lemma(i) not in words("signing-words"):
            continue
        a, b = ctx.clause(i, relative=False, quotes=False)
        document = _document(ctx, i, b)
        if document is None:
            continue
        first, last = ctx.sentence(i)
        args: dict[str, Any] = {
            "parties": refs(_parties(ctx, persons, a, b, i)),
            "document": document,
            "dates": date_ref(best_date(own_dates(ctx, a, b))),
        }
        modality = ctx.modality(i)
        if modality:
            args["modality"] = modality
        facts.append(Fact("signing", ctx.start(first), ctx.stop(last - 1), args))
    return facts
