"""meeting: talks, meetings and calls (`переговоры`, `встретится с`, `провел телефонный
разговор`, `принимал в Москве`): participants, place, dates, format and topics."""

from __future__ import annotations

from typing import Any

from ..entities.types import LOC, PER
from ..record import DateExpr, Entity, Fact
from .args import best_date, own_dates, unique
from .context import Context
from .coordination import continues, later_parts
from .lexicon import mapping, words
from .matcher import Triggers
from .merge import Policy, merge
from .persons import Persons
from .registry import Found, fact_type

HOSTING = words("hosting-verbs")
WITH_PARTNER = {"договориться", "условиться", "контакт"}  # a meeting only `с` someone
REMOTE = {"телефонный разговор", "ВКС"}
# A meeting mentioned again adds participants, place, date, format and topics.
MERGE: dict[str, Policy] = {
    "participants": "union", "place": "fill", "dates": "date", "format": "fill", "topics": "union",
}  # fmt: skip


def _trigger(ctx: Context, i: int) -> str | None:
    """The format a meeting word carries ("" for none), or None when i is no meeting word."""
    lem = ctx.lemma(i)
    if ctx.entity(i) is not None:
        return None
    if lem in mapping("meeting-words"):
        if lem == "разговор" and ctx.lemma(i - 1) != "телефонный":
            return None
        if lem in WITH_PARTNER and not any(
            ctx.lemma(k) in {"с", "со"} for k in range(i + 1, min(ctx.n, i + 4))
        ):
            return None  # `стороны договорились перенести поездку`: no partner, no meeting
        return mapping("meeting-words")[lem]
    if ctx.pos(i) == "VERB" and (lem in words("topic-verbs") or lem in HOSTING):
        return ""
    return None


def _is_speaker(ctx: Context, j: int, a: int, i: int) -> bool:
    """`как сообщила официальный представитель МИД Мария Захарова, переговоры ...`: the
    person right after a speech verb (with no meeting word between) reports the talks;
    who speaks `на встрече с Y` takes part in it."""
    if j < i and ctx.lemma(i - 1) in {"на", "в", "во"} and i - j <= 4:
        return False
    return any(
        ctx.lemma(k) in words("speech-verbs") and not k < i < j for k in range(max(a, j - 6), j)
    )


def _role_ok(ctx: Context, j: int, a: int, i: int) -> bool:
    """Whether the mention at word j can be a participant of the meeting word i: a
    subject, `с` + instrumental, the genitive after a meeting noun, the object of
    `принимал`, or `между X и Y`."""
    case = ctx.feat(j, "Case")
    if _is_speaker(ctx, j, a, i):
        return False
    if case in {"Nom", None}:
        return True
    before = [ctx.lemma(k) for k in range(max(a, j - 4), j)]
    if case == "Ins" and ("с" in before or "со" in before or _with_description(ctx, a, j)):
        return True
    if case == "Gen" and ("между" in before or (ctx.pos(i) == "NOUN" and _after_noun(ctx, i, j))):
        return True
    if case == "Gen" and _taking_part(ctx, a, j):
        return True
    return case == "Acc" and ctx.lemma(i) in HOSTING and j > i


def _taking_part(ctx: Context, a: int, j: int) -> bool:
    """`с участием вице-премьера X и губернатора Y`: the genitive names after `участием`."""
    k = j - 1
    while k >= max(a, j - 12) and (
        ctx.pos(k) in {"ADJ", "NOUN", "PROPN"} or ctx.span_at.get(k) or ctx.text(k) in {"и", ","}
    ):
        if ctx.lemma(k) == "участие" and ctx.feat(k, "Case") == "Ins":
            return True
        k -= 1
    return False


def _with_description(ctx: Context, a: int, j: int) -> bool:
    """`с наследным принцем Саудовской Аравии Мухаммедом`: `с` opens the description
    (adjectives, nouns, names) that the name at j ends."""
    k = j - 1
    while k >= max(a, j - 12) and (
        ctx.pos(k) in {"ADJ", "NOUN", "PROPN"} or ctx.span_at.get(k) or ctx.text(k) in {"и", ","}
    ):  # `с послами Франции и Италии Жаном Дюбуа и Марко Росси`
        k -= 1
    return k >= a and ctx.lemma(k) in {"с", "со"}


def _after_noun(ctx: Context, i: int, j: int) -> bool:
    """The genitive at j belongs to the meeting noun at i: right after it, or in a list of
    names that follows it (`встреча Владимира Путина и Си Цзиньпина`)."""
    if i < j <= i + 3:
        return True
    k = i + 1
    while i < k < j:
        span = ctx.span_at.get(k)
        if span is not None and span.entity.type == PER and ctx.feat(k, "Case") == "Gen":
            k = span.last
        elif ctx.lemma(k) in {"и", ","} and k > i + 1:
            k += 1
        else:
            return False
    return k == j


def _participants(ctx: Context, persons: Persons, a: int, b: int, i: int) -> list[Entity]:
    out: list[tuple[int, Entity]] = []
    for s in ctx.spans_in(a, b, PER):
        if _role_ok(ctx, s.first, a, i):
            out.append((s.first, s.entity))
    if (he := _pronoun_subject(ctx, persons, a, i)) is not None:
        out.append(he)  # `В ходе визита он встретится с ...`
    for j in range(a, b):
        if ctx.span_at.get(j) is None and _role_ok(ctx, j, a, i):
            group = persons.group(j)  # `лидеры двух стран встречались`
            for person in group or [p for p in [persons.at(j)] if p is not None]:
                if all(person is not e for _, e in out):
                    out.append((j, person))
    return [e for _, e in sorted(out, key=lambda p: p[0])]


def _subjects(ctx: Context, persons: Persons, a: int, b: int) -> list[Entity]:
    """Who does the meetings of a sequence: the names in the nominative of its first part."""
    return persons.within(a, b, "Nom")


def _elided(
    ctx: Context,
    persons: Persons,
    facts: list[Fact],
    clause: tuple[int, int],
    parts: list[tuple[int, int]],
    i: int,
) -> None:
    """`встретился с X, а во вторник — с Y`: a later clause with no meeting word of its
    own is another meeting of the same subject, or of its own (`а Орлов — с Y`)."""
    for start, stop in parts:
        if any(_trigger(ctx, k) is not None for k in range(start, stop)):
            continue  # read at its own meeting word
        partners = _participants(ctx, persons, start, stop, i)
        # `..., а Орлов — с Y`: a part with a subject of its own is that subject's meeting
        own = persons.within(start, stop, "Nom")
        subjects = [] if own else _subjects(ctx, persons, *clause)
        if not subjects and (he := _pronoun_subject(ctx, persons, clause[0], i)) is not None:
            subjects = [he[1]]  # `он встретится с X, а в среду — с Y`
        people = unique(subjects + partners)
        if partners and len(people) >= 2:
            first, last = ctx.sentence(i)
            args: dict[str, Any] = {
                "participants": people,
                "place": None,
                "dates": best_date(own_dates(ctx, start, stop)),
                "format": _format(ctx, start, stop),
                "topics": [],
            }
            facts.append(Fact("meeting", ctx.start(first), ctx.stop(last - 1), args))


def _has_pronoun_subject(ctx: Context, a: int, i: int) -> bool:
    """`..., а затем он встретился с Y`: a subject pronoun of its own before the meeting word."""
    return any(
        ctx.lemma(j) in {"он", "она"} and ctx.pos(j) == "PRON" and ctx.feat(j, "Case") == "Nom"
        for j in range(a, i)
    )


def _pronoun_subject(
    ctx: Context, persons: Persons, a: int, i: int
) -> tuple[int, Entity] | None:
    """`он` as the subject before the meeting word, with no person named before it in its
    sentence: the person it stands for."""
    first, _ = ctx.sentence(i)
    for j in range(a, i):
        if ctx.lemma(j) in {"он", "она"} and ctx.pos(j) == "PRON" and ctx.feat(j, "Case") == "Nom":
            if ctx.spans_in(first, j, PER):
                return None
            person = persons.antecedent(j)
            return (j, person) if person is not None else None
    return None


def _during_visit(ctx: Context, visits: list[Fact], a: int, i: int) -> Entity | None:
    """`В ходе визита он проведет переговоры`: the destination of the visit just reported."""
    for k in range(a, i):
        if ctx.lemma(k) in {"визит", "поездка"} and ctx.lemma(k - 1) in {"ход", "рамка", "время"}:
            first, _ = ctx.sentence(i)
            last = ctx.sentence(first - 1)[0] if first > 0 else first
            found = [v for v in visits if ctx.start(last) <= v.start and v.stop <= ctx.stop(i)]
            return found[-1].args["destination"] if found else None
    return None


def _before(ctx: Context, first: int) -> int:
    """The first word of the sentence before the one starting at word `first`, when it is
    in the same paragraph, else `first`."""
    if first == 0:
        return first
    previous = ctx.sentence(first - 1)[0]
    same = ctx.start(previous) >= ctx.analysis.paragraph_start(ctx.start(first))
    return previous if same else first


def _arrived(ctx: Context, visits: list[Fact], fact: Fact) -> Entity | None:
    """`Орлов прибыл в Минск. Его встретил Белов`: the destination of the last visit, in
    the meeting's sentence or the one before it, whose visitor is one of its participants."""
    start = ctx.start(_before(ctx, ctx.sentence(ctx.analysis.word_at(fact.start) or 0)[0]))
    found = [
        v for v in visits
        if start <= v.start < fact.stop and v.args["destination"] is not None
        and any(v.args["visitor"] is p for p in fact.args["participants"])
    ]
    return found[-1].args["destination"] if found else None


def _there(ctx: Context, fact: Fact) -> Entity | None:
    """`участвовали в форуме в Казани. Там они провели встречу`: `там` in the meeting's
    sentence stands for the last place named `в ...` in the sentence before it."""
    first, last = ctx.sentence(ctx.analysis.word_at(fact.start) or 0)
    if not any(ctx.lemma(k) == "там" for k in range(first, last)):
        return None
    place, k = None, _before(ctx, first)
    while k < first and (found := ctx.place(k, first)) is not None:
        place = found
        k = next((j for j in range(k, first) if ctx.entity(j, LOC) is found), first) + 1
    return place


def settle_places(ctx: Context, found: Found) -> None:
    """Meetings with no place of their own, once every participant is known: the place a
    participant just arrived in, or the one `там` stands for."""
    for fact in found.get("meeting", []):
        if fact.args["place"] is None and fact.args["format"] not in REMOTE:
            fact.args["place"] = _arrived(ctx, found.get("visit", []), fact) or _there(ctx, fact)


def _place(ctx: Context, persons: Persons, a: int, b: int) -> Entity | None:
    """Where the meeting is: `в Москве` outside a post (`послом ОАЭ в России`), or the place
    a `, где` clause follows (`прибыл в Вашингтон, где проведет переговоры`)."""
    posts = [(o.phrase.first, o.phrase.last) for o in persons.occupations]
    k = a
    while k < b and (place := ctx.place(k, b)) is not None:
        at = next((j for j in range(k, b) if ctx.entity(j, LOC) is place), b)
        if not any(first <= at < last for first, last in posts):
            return place
        k = at + 1
    for k in range(max(a, 2), b):
        if ctx.lemma(k) == "где" and ctx.text(k - 1) == ",":
            return ctx.entity(k - 2, LOC)
    return None


FORMATS = Triggers("meeting-formats")  # `телефонный разговор`, `по видеосвязи`


def _format(ctx: Context, a: int, b: int) -> str | None:
    """The meeting's format given in words [a, b): the first pattern of the file found."""
    found = FORMATS.search(ctx, a, b)
    return found.value if found is not None else None


def _topic_verb(ctx: Context, a: int, b: int) -> int:
    """Where the topics' verb stands in words [a, b), or b."""
    return next((j for j in range(a, b) if ctx.lemma(j) in words("topic-verbs")), b)


def _topics(ctx: Context, a: int, b: int) -> list[str]:
    for j in range(a, b):
        if ctx.lemma(j) in words("topic-verbs"):
            k = j + 1
            while k < b and (ctx.pos(k) in {"AUX", "ADV"} or ctx.lemma(k) == "по"):
                k += 2 if ctx.lemma(k) == "по" else 1
            end = _strip(ctx, k, b)
            if end - k >= 1 and ctx.pos(k) in {"NOUN", "ADJ", "PROPN", "DET"}:
                return [ctx.chars(k, end)] + _also(ctx, b)
    return []


def _strip(ctx: Context, k: int, b: int) -> int:
    """End of words [k, b) without trailing punctuation, but with the quotation mark that
    closes a name inside (`АЭС «Эль-Дабаа»`)."""
    end = b
    while end > k and ctx.is_punct(end - 1):
        if ctx.is_quote(end - 1) and sum(ctx.is_quote(j) for j in range(k, end)) % 2 == 0:
            break
        end -= 1
    return end


def _also(ctx: Context, b: int) -> list[str]:
    """`..., а также ситуацию в Афганистане`: a further topic after the clause."""
    if b + 3 >= ctx.n or ctx.text(b) != "," or ctx.lemma(b + 1) != "а":
        return []
    if ctx.lemma(b + 2) != "также" or ctx.pos(b + 3) not in {"NOUN", "ADJ", "PROPN", "DET"}:
        return []
    _, c = ctx.clause(b + 3)
    end = c
    while end > b + 3 and ctx.is_punct(end - 1):
        end -= 1
    return [ctx.chars(b + 3, end)]


@fact_type("meeting", needs=['visit'])
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The meeting facts of the document."""
    return find(ctx, persons, found["visit"])


def find(ctx: Context, persons: Persons, visits: list[Fact] | None = None) -> list[Fact]:
    facts: list[Fact] = []
    for i in range(ctx.n):
        fmt = _trigger(ctx, i)
        if fmt is None:
            continue
        a, b = ctx.clause(i, relative=False)
        people = _participants(ctx, persons, a, b, i)
        later = continues(ctx, a)  # `переговоры с X, а затем беседа с Y`: one each
        # `..., а Орлов провел переговоры с Y`: a subject of its own, not the one before
        sequel = later and not persons.within(a, i, "Nom") and not _has_pronoun_subject(ctx, a, i)
        if sequel:
            people = _subjects(ctx, persons, *ctx.clause(a - 2, relative=False)) + people
        parts = later_parts(ctx, b)
        _elided(ctx, persons, facts, (a, b), parts, i)
        lem = ctx.lemma(i)
        if (lem in words("topic-verbs") or lem in HOSTING) and len(people) < 2:
            continue
        if lem in HOSTING and not any(
            ctx.feat(j, "Case") == "Acc" and (ctx.entity(j, PER) or persons.at(j))
            for j in range(i + 1, b)
        ):
            continue  # `приняли участие`, `принял решение`: no guest
        if lem in HOSTING and any(
            ctx.lemma(j) in words("admission-nouns") and ctx.lemma(j - 1) in {"на", "в", "во"}
            for j in range(i + 1, min(b, i + 4))
        ):
            continue  # `принял на работу`, `принял в партию`: admitted, not received
        date = best_date(own_dates(ctx, a, b))
        args: dict[str, Any] = {
            "participants": unique(people),
            "place": None,
            "dates": date,
            "format": fmt or _format(ctx, a, b),
            "topics": _topics(ctx, a, b),
        }
        place = _place(ctx, persons, a, _topic_verb(ctx, a, b))  # not `обсудили ... в Сирии`
        args["place"] = place if place else _during_visit(ctx, visits or [], a, i)
        modality = ctx.modality(i)
        if modality:
            args["modality"] = modality
        first, last = ctx.sentence(i)
        if len(separate := _one_each(ctx, i, a, args["participants"])) > 1:
            facts += [
                Fact("meeting", ctx.start(first), ctx.stop(last - 1), {**args, "participants": p})
                for p in separate
            ]
            continue
        new = Fact("meeting", ctx.start(first), ctx.stop(last - 1), args)
        before = {ctx.lemma(k) for k in range(max(a, i - 3), i)}
        if before & words("meeting-earlier") or later or parts:
            facts.append(new)  # `предыдущая встреча`, a sequence: another meeting
        else:
            near = before | {ctx.lemma(k) for k in range(i + 1, min(b, i + 4))}
            _add(facts, new, bool(near & words("meeting-in-person")))
    facts = [f for f in facts if len(f.args["participants"]) >= 2]
    _sides_topics(ctx, facts)
    return facts


def _one_each(ctx: Context, i: int, a: int, people: list[Entity]) -> list[list[Entity]]:
    """`провел встречи с премьером Ариповым и главой Центробанка Ишметовым`: meetings in
    the plural, one with each person named after the noun, of those named before it in
    its clause (from word a)."""
    if ctx.lemma(i) not in SEPARATE or ctx.feat(i, "Number") != "Plur":
        return []
    at, since = ctx.start(i), ctx.start(a)
    hosts = [p for p in people if any(since <= m.start < at for m in p.mentions)]
    guests = [p for p in people if p not in hosts]
    return [[*hosts, g] for g in guests] if hosts and len(guests) > 1 else []


SEPARATE = frozenset({"встреча", "беседа"})  # `переговоры` is plural whatever their number


def sides(ctx: Context, i: int) -> bool:
    """Whether word i is a plural subject for a meeting's participants (`Стороны`)."""
    return (
        ctx.lemma(i) in words("meeting-sides")
        and ctx.feat(i, "Number") == "Plur"
        and ctx.feat(i, "Case") in {"Nom", None}
    )


def recent(ctx: Context, facts: list[Fact], first: int) -> Fact | None:
    """The last of the facts read from one of the two sentences before word first."""
    lo = first
    for _ in range(2):
        if lo > 0:
            lo = ctx.sentence(lo - 1)[0]
    lo_at, at = ctx.start(lo), ctx.start(first)
    found = [f for f in facts if lo_at <= f.start and f.stop <= at]
    return max(found, key=lambda f: f.start) if found else None


def _sides_topics(ctx: Context, facts: list[Fact]) -> None:
    """`... провел переговоры с Y. Стороны обсудили X`: X is a topic of that meeting."""
    for first, last in ctx.sentences():
        subject = next((k for k in range(first, min(last, first + 3)) if sides(ctx, k)), None)
        if subject is None:
            continue
        meeting = recent(ctx, facts, first)
        if meeting is None:
            continue
        _, b = ctx.clause(subject, quotes=False)
        topics = meeting.args["topics"]
        topics += [t for t in _topics(ctx, subject, b) if t not in topics]


def _conflict(a: DateExpr | Entity | None, b: DateExpr | Entity | None) -> bool:
    """Two dates (by value) or places that both are given and differ."""
    if a is None or b is None:
        return False
    if isinstance(a, DateExpr) and isinstance(b, DateExpr):
        return a.value != b.value
    return a is not b


def _ids(fact: Fact) -> set[int]:
    return {id(p) for p in fact.args["participants"]}


def _add(facts: list[Fact], new: Fact, in_person: bool = False) -> None:
    """One fact per meeting: a mention whose participants are among an earlier meeting's
    (or which names fewer than two) adds its details to that meeting. A meeting held in a
    place or in person is not a phone call or video link."""
    new_ids = _ids(new)
    for old in reversed(facts):
        old_ids = _ids(old)
        if new.start == old.start or new_ids <= old_ids or old_ids <= new_ids or len(new_ids) < 2:
            if old.args.get("modality") != new.args.get("modality"):
                continue
            if old.args["format"] != new.args["format"] and new.args["format"]:
                continue
            if (new.args["place"] or in_person) and old.args["format"] in REMOTE:
                continue  # met in a place: not the phone call
            if _conflict(old.args["dates"], new.args["dates"]) or _conflict(
                old.args["place"], new.args["place"]
            ):
                continue
            merge(old.args, new.args, MERGE)
            return
    facts.append(new)
