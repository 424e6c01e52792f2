"""Personal pronouns that stand for a person named in the sentence before."""

from __future__ import annotations

from ..entities.types import PER
from .context import Context, Span

PERSONAL = frozenset({"он", "она"})


def _gender(ctx: Context, span: Span) -> str | None:
    """A name's gender: its last word's (the surname's) when tagged, else its first's."""
    return ctx.feat(span.last - 1, "Gender") or ctx.feat(span.first, "Gender")


def antecedent(ctx: Context, j: int) -> Span | None:
    """The person pronoun j (`Он отметил ...`) stands for: the first person named in the
    nominative in the sentence before, whose gender agrees with the pronoun's when both
    are known."""
    first, _ = ctx.sentence(j)
    if first == 0:
        return None
    p_first, p_last = ctx.sentence(first - 1)
    gender = ctx.feat(j, "Gender")
    for span in ctx.spans_in(p_first, p_last, PER):
        if ctx.feat(span.first, "Case") not in {"Nom", None}:
            continue
        theirs = _gender(ctx, span)
        if gender is None or theirs is None or theirs == gender:
            return span
    return None
