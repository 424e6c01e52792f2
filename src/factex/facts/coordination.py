"""Coordination in position phrases: one post word for a list of names.

- `академики Иван Петров, Сергей Сидоров и Олег Кузнецов`: each holds the post;
- `министры иностранных дел Китая, Индии и Бразилии Ли Вэйминь, Раджеш Кумар и Паулу
  Соуза`: as many organisations as names pair up in order (respectively);
- `лидеры партий «Новый путь» и «Справедливость» Белых и Агеева`: the same, with names
  in quotes.
With one organisation it is everybody's; with another number of them, nobody's.
"""

from __future__ import annotations

from dataclasses import replace

from ..entities.types import PER
from ..record import Entity
from .context import Context, Span
from .positions import Phrase
from .roles import end_of, listed


def holders(ctx: Context, phrase: Phrase) -> list[tuple[Span, Phrase]]:
    """The named persons of a plural post phrase, each with the phrase in its singular
    reading; empty when no list of names follows the phrase (with its organisations)."""
    orgs: list[Entity | None] = [phrase.org] if phrase.org is not None else []
    k = phrase.last
    org_span = _span_ending(ctx, phrase.last)
    if phrase.org is not None and org_span is not None and org_span.entity is phrase.org:
        spans = listed(ctx, org_span, True, "LOC ORG")
        orgs = [s.entity for s in spans]
        k = end_of(ctx, spans[-1])
    first = ctx.span_at.get(k)
    if first is None or first.first != k or first.entity.type != PER:
        return []
    names = listed(ctx, first, True, PER)
    if len(names) < 2:
        return []
    if len(orgs) == len(names):
        readings = [replace(phrase, org=o, plural=False, org_text=None) for o in orgs[1:]]
        readings.insert(0, replace(phrase, plural=False))
    elif len(orgs) <= 1:
        readings = [replace(phrase, plural=False)] * len(names)
    else:
        readings = [replace(phrase, org=None, org_text=None, plural=False)] * len(names)
    return list(zip(names, readings))


def _span_ending(ctx: Context, k: int) -> Span | None:
    """The name whose last word (or closing quote) is word k - 1."""
    j = k - 1
    if j >= 0 and ctx.is_quote(j):
        j -= 1
    return ctx.span_at.get(j) if j >= 0 else None


SEQUENCE = {"а", "затем", "потом", "позже", "позднее"}


def continues(ctx: Context, a: int) -> bool:
    """Whether the clause at word a goes on a sequence of meetings after a comma
    (`..., а затем беседу с Y`, `..., а во вторник — с Y`): `а` or `затем` opening it and
    `с` within a few words."""
    if a < 1 or ctx.text(a - 1) != "," or ctx.lemma(a) not in SEQUENCE:
        return False
    return any(ctx.lemma(j) in {"с", "со"} for j in range(a + 1, min(ctx.n, a + 6)))


def later_parts(ctx: Context, b: int) -> list[tuple[int, int]]:
    """The clauses after word b in its sentence that go on a sequence of meetings."""
    out: list[tuple[int, int]] = []
    _, end = ctx.sentence(b - 1)
    while b + 1 < end and continues(ctx, b + 1):
        _, stop = ctx.clause(b + 1, relative=False)
        out.append((b + 1, stop))
        b = stop
    return out
