"""Argument forms of ../shared/SPEC.md: entity and date refs, normal forms of phrases."""

from __future__ import annotations

from ..document import Token
from ..entities.normalize import restore_case
from ..record import DateExpr, Entity
from ..text.morph import best_parse
from ..text.morph import inflect as inflect_parse
from .context import Context
from .lexicon import mapping
from .lexicon import words as words_of

DATE_RANK = {"range": 7, "date": 6, "part": 5, "month": 4, "season": 3, "year": 2, "relative": 1}


def unique(entities: list[Entity]) -> list[Entity]:
    """Each entity once, in the given order."""
    seen: set[int] = set()
    out = []
    for e in entities:
        if id(e) not in seen:
            seen.add(id(e))
            out.append(e)
    return out


def best_date(dates: list[DateExpr]) -> DateExpr | None:
    """The most specific resolved date of a clause (a range over a day over a month...)."""
    scored = [d for d in dates if d.value] or dates
    if not scored:
        return None
    return max(scored, key=lambda d: DATE_RANK.get(d.kind, 0))


def days_in(value: str | None) -> int | None:
    """Length in days of an ISO interval `YYYY-MM-DD/YYYY-MM-DD` (also `--MM-DD`)."""
    if not value or "/" not in value:
        return None
    from datetime import date

    a, b = value.split("/")
    try:
        if a.startswith("--"):
            a, b = "2001" + a[1:], "2001" + b[1:]
        d1, d2 = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        return None
    return (d2 - d1).days + 1 if d2 >= d1 else None


def compound_number(ctx: Context, i: int) -> int | None:
    """The number a compound adjective carries (`двухдневный` -> 2): from the numbers
    stage when it read the word, else from the word's prefix."""
    num = ctx.number_at(i)
    if num is not None:
        return num.value
    low = ctx.text(i).lower()
    for prefix, value in sorted(mapping("numeral-prefixes").items(), key=lambda p: -len(p[0])):
        if low.startswith(prefix):
            return int(value)
    if low[:1].isdigit():
        digits = "".join(c for c in low.split("-")[0] if c.isdigit())
        return int(digits) if digits else None
    return None


def word(ctx: Context, i: int) -> Token:
    """Token i, for the normal forms of phrases."""
    return ctx.token(i)


def inflect(ctx: Context, i: int, grammemes: set[str]) -> str:
    """Word i in the given grammemes (pymorphy3), or as written when it cannot."""
    w = word(ctx, i)
    parse = best_parse(w.word, w.pos, w.tag)
    form = inflect_parse(parse, frozenset(grammemes)) if parse is not None else None
    if form is None and grammemes == {"nomn", "sing"} and ctx.pos(i) in {"NOUN", "PROPN"}:
        return restore_case(ctx.lemma(i), w.word)  # a noun the tag and dictionary disagree on
    return restore_case(form.word, w.word) if form else w.word


def head_grammemes(ctx: Context, head: int, keep_number: bool) -> tuple[str | None, str | None]:
    """Gender and number of a head noun in its normal form."""
    w = word(ctx, head)
    parse = best_parse(w.word, w.pos, w.tag)
    if parse is None:
        return None, None
    number = parse.tag.number if keep_number else "sing"
    return parse.tag.gender, number


def nominal_phrase(
    ctx: Context,
    first: int,
    head: int,
    last: int,
    keep_number: bool = False,
    head_lemma: str | None = None,
) -> str:
    """Words [first, last) with the agreement group up to `head` in the nominative.

    Words after the head (complements) stay as written: `министра промышленности`
    -> `министр промышленности`.
    """
    gender, number = head_grammemes(ctx, head, keep_number)
    forms: list[str] = []
    for i in range(first, last):
        if i < head and ctx.pos(i) in {"ADJ", "DET", "NUM"} and ctx.feat(i, "Case"):
            g = {"nomn"}
            if number == "plur":
                g.add("plur")
            elif gender:
                g |= {"sing", gender}
            forms.append(inflect(ctx, i, g))
        elif i == head:
            if keep_number and number == "plur":
                forms.append(inflect(ctx, i, {"nomn", "plur"}))
            else:
                form = inflect(ctx, i, {"nomn", "sing"})
                if head_lemma and form == ctx.text(i) and form.lower() != head_lemma:
                    form = restore_case(head_lemma, form)  # a noun tagged as something else
                forms.append(form)
        else:
            forms.append(ctx.text(i))
        if i > first and ctx.start(i) > ctx.stop(i - 1):
            forms[-1] = " " + forms[-1]
    return "".join(forms)


SINCE_KINDS = {"year", "month", "season", "relative"}


def own_dates(ctx: Context, a: int, b: int) -> list[DateExpr]:
    """Dates of words [a, b) that can be a happening's own: not a series' start
    (`проводятся с 2003 года`) nor a document's term (`соглашение ... на 2026-2030 годы`)."""
    return [d for d in ctx.dates_in(a, b) if not _since(d) and not _term(ctx, d, a)]


def _since(date: DateExpr) -> bool:
    words = date.text.lower().split()
    return words[0] in {"с", "со"} and "по" not in words and date.kind in SINCE_KINDS


def _term(ctx: Context, date: DateExpr, a: int) -> bool:
    """`на <period>` after a document word: the document's term."""
    k = ctx.analysis.word_at(date.start)
    if k is None or k <= a or ctx.lemma(k - 1) != "на":
        return False
    return any(ctx.lemma(j) in words_of("documents") for j in range(max(a, k - 10), k - 1))
