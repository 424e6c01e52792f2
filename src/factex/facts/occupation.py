"""occupation: who holds which post (`глава Татарстана Рустам Минниханов`,
`Касым-Жомарт Токаев, президент Казахстана`, `назначил Ивана Петрова министром экономики`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Entity, Fact
from .args import ref
from .context import Context, Span
from .lexicon import mapping, words
from .positions import Phrase, base_post, country_entity, is_post, phrase_at

APPOSITION = {",", "-", "–", "—"}
HOLDING = {"пост", "должность", "кресло"}


@dataclass
class Occupation:
    person: Entity
    phrase: Phrase
    start: int
    stop: int

    def fact(self) -> Fact:
        args = {
            "person": self.person.ref(),
            "position": self.phrase.position,
            "org": ref(self.phrase.org),
        }
        org = self.phrase.org
        if self.phrase.org_text and (org is None or org.name != self.phrase.org_text):
            args["org_text"] = self.phrase.org_text
        return Fact("occupation", self.start, self.stop, args)


def find(ctx: Context) -> list[Occupation]:
    """Occupations of named persons, one per (person, position, org)."""
    found: list[Occupation] = []
    per_start = {s.first: s for s in ctx.spans if s.entity.type == "PER"}
    per_end = {s.last: s for s in ctx.spans if s.entity.type == "PER"}
    used_heads: set[int] = set()
    inner: set[int] = set()
    for i in range(ctx.n):
        if not is_post(ctx, i) or i in inner:
            continue
        phrase = phrase_at(ctx, i)
        inner.update(range(phrase.first, phrase.last))
        if phrase.plural:
            continue
        person = per_start.get(phrase.last)
        if person is not None:  # `глава Татарстана Рустам Минниханов`
            found.append(_occ(ctx, person, phrase))
            used_heads.add(i)
            continue
        before = per_end.get(_skip_parenthesis(ctx, phrase.lead - 1))
        if (
            before is not None
            and ctx.text(phrase.lead - 1) in APPOSITION
            and _apposition_ends(ctx, phrase)
        ):
            found.append(_occ(ctx, before, phrase))  # `Токаев, президент Казахстана`
            used_heads.add(i)
    found.extend(_appointments(ctx, used_heads))
    _countries_of_persons(ctx, found)
    return _unique([o for o in found if _is_post_proper(o, ctx)])


def _countries_of_persons(ctx: Context, found: list[Occupation]) -> None:
    """`французского коллегу Николя Саркози`: a nationality adjective right before a
    person's name (with at most one noun between) gives the country of the person's
    state post when the post was named without one (`президент Саркози`)."""
    country: dict[str, set[str]] = {}
    for span in ctx.spans:
        if span.entity.type != "PER":
            continue
        for j in range(max(0, span.first - 2), span.first):
            lem = ctx.lemma(j)
            if lem in mapping("nationality") and ctx.pos(j) == "ADJ":
                country.setdefault(span.entity.id, set()).add(mapping("nationality")[lem])
    for occ in found:
        known = country.get(occ.person.id, set())
        state_post = ctx.lemma(occ.phrase.head) in words("leader-posts") | {"министр", "посол"}
        if occ.phrase.org is None and len(known) == 1 and state_post:
            occ.phrase.org = country_entity(ctx, next(iter(known)))


def _skip_parenthesis(ctx: Context, sep: int) -> int:
    """`Скотт Хоровитц (Scott Horowitz), бывший астронавт`: where the name ends."""
    if sep - 1 >= 0 and ctx.text(sep - 1) == ")":
        for j in range(sep - 2, max(-1, sep - 8), -1):
            if ctx.text(j) == "(":
                return j
    return sep


def _apposition_ends(ctx: Context, phrase: Phrase) -> bool:
    k = phrase.last
    _, sent_last = ctx.sentence(phrase.head)
    return k >= sent_last or ctx.text(k) in {",", ".", ")", ";", "(", "—", "-", "–"}


def _occ(ctx: Context, person: Span, phrase: Phrase) -> Occupation:
    first = min(person.first, phrase.first)
    last = max(person.last, phrase.last)
    return Occupation(person.entity, phrase, ctx.start(first), ctx.stop(last - 1))


def _appointments(ctx: Context, used: set[int]) -> list[Occupation]:
    """`назначил Ивана Петрова министром экономики`, `стал президентом компании`."""
    out: list[Occupation] = []
    for first, last in ctx.sentences():
        verbs = [i for i in range(first, last) if ctx.lemma(i) in words("appoint-verbs")]
        for i in range(first, last):
            if i in used or not is_post(ctx, i):
                continue
            held = i > first and ctx.lemma(i - 1) in HOLDING  # `занять пост премьер-министра`
            if ctx.feat(i, "Case") != "Ins" and not held:
                continue
            a, b = ctx.clause(i)
            if not held and not any(a <= v < b for v in verbs):
                continue
            phrase = phrase_at(ctx, i)
            persons = [
                s for s in ctx.spans_in(a, b, "PER") if not phrase.first <= s.first < phrase.last
            ]
            if not persons:
                continue
            person = min(persons, key=lambda s: min(abs(s.first - i), abs(s.last - i)))
            out.append(_occ(ctx, person, phrase))
    return out


def _is_post_proper(occ: Occupation, ctx: Context) -> bool:
    """A profession (`журналист`) is an occupation only with its organisation."""
    base = base_post(ctx.lemma(occ.phrase.head))
    return occ.phrase.org is not None or base not in words("professions")


def _unique(found: list[Occupation]) -> list[Occupation]:
    with_org = {(o.person.id, o.phrase.position) for o in found if o.phrase.org}
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for occ in sorted(found, key=lambda o: o.start):
        if occ.phrase.org is None and (occ.person.id, occ.phrase.position) in with_org:
            continue
        key = (occ.person.id, occ.phrase.position, occ.phrase.org.id if occ.phrase.org else None)
        if key not in seen:
            seen.add(key)
            out.append(occ)
    return out
