"""occupation: who holds which post (`глава Татарстана Рустам Минниханов`,
`Касым-Жомарт Токаев, президент Казахстана`, `назначил Ивана Петрова министром экономики`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..entities.types import LOC, ORG, PER
from ..record import Entity, Fact, IdOf
from .anaphora import resolve
from .args import nominal_phrase
from .context import Context, Span
from .coordination import holders
from .implied import country_meant, organisation_meant
from .lexicon import mapping, multimap, words
from .positions import (
    ORG_COMPLEMENTS,
    Phrase,
    base_post,
    board_end,
    canonical,
    country_entity,
    is_post,
    needs_org,
    phrase_at,
)
from .pronouns import PERSONAL, antecedent
from .registry import Found, fact_type
from .roles import asked, case_of, clause, end_of, is_which, start_of
from .tree import Tree

if TYPE_CHECKING:
    from .persons import Persons

APPOSITION = {",", "-", "–", "—"}
HOLDING = words("holding-nouns")
ONE = words("one-forms")
NOW = words("now-adverbs")
RANKS = words("rank-nouns")


@dataclass
class Occupation:
    person: Entity
    phrase: Phrase
    start: int
    stop: int

    def fact(self, profession: IdOf | None = None, professions: bool = False) -> Fact:
        """The fact; with `professions` (the layer ran), `position_ref` is the id of the
        profession mention of the position, or null."""
        args: dict[str, Any] = {
            "person": self.person,
            "position": self.phrase.position or None,
            "org": self.phrase.org,
        }
        if professions:
            args["position_ref"] = profession
        org = self.phrase.org
        if self.phrase.org_text and (org is None or org.name != self.phrase.org_text):
            args["org_text"] = self.phrase.org_text
        if self.phrase.former:
            args["former"] = True
        return Fact("occupation", self.start, self.stop, args)


@fact_type("occupation")
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The occupation facts: those `Persons` was built from (`find`)."""
    mentions = ctx.analysis.document.layers.get("professions")
    if mentions is None:
        return [o.fact() for o in persons.occupations]
    by_span = {(m.start, m.stop): m for m in mentions}
    by_stop: dict[int, Any] = {}
    for m in mentions:  # the shortest mention that ends at a word
        if m.stop not in by_stop or m.start > by_stop[m.stop].start:
            by_stop[m.stop] = m
    facts = []
    for o in persons.occupations:
        phrase = o.phrase
        start = ctx.start(min(phrase.first, phrase.head))
        stop = ctx.stop(max(phrase.last, phrase.head + 1) - 1)
        mention = by_span.get((start, stop)) or by_stop.get(ctx.stop(phrase.head))
        facts.append(o.fact(IdOf(mention) if mention is not None else None, True))
    return facts


def find(ctx: Context) -> list[Occupation]:
    """Occupations of named persons, one per (person, position, org): each post phrase
    is read for its holder right after it (`_right_after`), a little later
    (`_later`), around it (`_signature`, `_in_brackets`) or before it
    in apposition (`_before`); then the verbs and prepositions that state a post with
    no post phrase's holder, and the organisations the text implies."""
    found: list[Occupation] = []
    per_start = {s.first: s for s in ctx.spans if s.entity.type == PER}
    per_end = {s.last: s for s in ctx.spans if s.entity.type == PER}
    used_heads: set[int] = set()
    inner: set[int] = set()
    pending: list[Phrase] = []  # phrases with no person yet, in text order
    appositions: dict[int, Span] = {}  # where an apposition ends -> its person
    for i in range(ctx.n):
        if not is_post(ctx, i) or i in inner:
            continue
        phrase = phrase_at(ctx, i)
        inner.update(range(phrase.first, phrase.last))
        one_of = _one_of(ctx, phrase.lead)
        if phrase.plural and one_of is None:  # `академики Петров и Сидоров`
            found.extend(_occ(ctx, name, reading) for name, reading in holders(ctx, phrase))
            continue
        inside, person, settled = _right_after(ctx, phrase, per_start)
        found.extend(inside)
        if person is not None:  # `глава Татарстана Рустам Минниханов`
            found.append(_occ(ctx, person, phrase))
            used_heads.add(i)
            found.extend(_chain(ctx, pending, phrase, person, used_heads))
            continue
        if settled:
            continue
        person = _later(ctx, phrase, per_start)
        if person is not None:  # `Президент, председатель правления и акционер «X» Y`
            found.append(_occ(ctx, person, phrase))
            used_heads.add(i)
            found.extend(_chain(ctx, pending, phrase, person, used_heads))
            continue
        if person is None:
            pending.append(phrase)
            person = _signature(ctx, phrase, per_end) or _in_brackets(ctx, phrase, per_end)
        if person is None:
            person = _before(ctx, phrase, one_of, per_end, appositions)
            if person is not None:
                appositions[phrase.last] = person
        if person is not None:
            found.append(_occ(ctx, person, phrase))
            used_heads.add(i)
    said = _appointments(ctx, used_heads, per_end)
    found.extend(o for o in said if not asked(ctx, o.phrase.head))  # `Был ли Орлов министром`
    found.extend(_headed(ctx, per_end))
    found.extend(_affiliations(ctx, per_start, per_end))
    _countries_of_persons(ctx, found)
    _implied_orgs(ctx, found)
    _countries_of_text(ctx, found)
    _orgs_within_document(found)
    return _unique([o for o in found if _is_post_proper(o, ctx)])


def _right_after(
    ctx: Context, phrase: Phrase, per_start: dict[int, Span]
) -> tuple[list[Occupation], Span | None, bool]:
    """The holder named right after a post (`глава Татарстана Рустам Минниханов`): the
    posts found inside on the way (`губернатора Сергея Дронова` of `Директор фонда
    Игоря Сидорова Анна Белова`), the holder or None, and whether the phrase is settled
    with no holder (the name is whose, not who)."""
    person = per_start.get(phrase.last) or _after_rank(ctx, phrase.last, per_start)
    if person is None:
        return [], None, False
    if _boss(ctx, phrase, person) or _relative(ctx, phrase, person):
        return [], None, True  # `помощник Хиллари Клинтон по ...`, `Дочь губернатора X`
    if disagrees(ctx, phrase, person):
        return [], None, False  # `На встрече с главой «Альфы» Павел Гринев обсудил`
    if not _possessor(ctx, phrase, person):
        return [], person, False
    inside = _inner_holder(ctx, phrase, person)  # `губернатора Сергея Дронова`
    person = per_start.get(person.last)  # `Директор фонда Игоря Сидорова Анна Белова`
    if person is None or _cases(ctx, person) != {"Nom"}:
        return inside, None, True  # `Директор театра Табакова`: whose theatre, not who
    return inside, person, False


def _after_rank(ctx: Context, k: int, per_start: dict[int, Span]) -> Span | None:
    """`командующий войсками округа генерал-полковник Андрей Савельев`: the person after
    a rank at word k (`models/facts-rank-nouns.txt`) and its genitive (`полковник
    юстиции`, `капитан первого ранга`)."""
    if k >= ctx.n or ctx.lemma(k) not in RANKS or ctx.span_at.get(k) is not None:
        return None
    for j in range(k + 1, min(k + 4, ctx.n)):
        if j in per_start:
            return per_start[j]
        genitive = ctx.pos(j) in {"NOUN", "ADJ"} and ctx.feat(j, "Case") == "Gen"
        if ctx.span_at.get(j) is not None or not genitive:
            return None
    return None


def _later(ctx: Context, phrase: Phrase, per_start: dict[int, Span]) -> Span | None:
    """The holder named after a post and something between: a parenthesis (`директор по
    науке (ИКИ РАН) Лев Зелёный`), an insert or clause (`глава компании, по данным РБК,
    Иван Петров`), a conjoined noun whose organisation the post shares (`председатель
    правления и акционер «Веги» Орлов`)."""
    inside = per_start.get(_skip_parenthesis_after(ctx, phrase))
    if inside is not None:
        return inside
    later = _after_insert(ctx, phrase, per_start) or _after_copula_dash(ctx, phrase, per_start)
    if later is None and (later := _after_conjoined(ctx, phrase, per_start)) is not None:
        _share_org(ctx, phrase, later)
    return later


def _after_copula_dash(ctx: Context, phrase: Phrase, per_start: dict[int, Span]) -> Span | None:
    """`Глава «Россетей» — Андрей Рюмин`, `Новый гендиректор «Веги» — 45-летний Олег
    Котов`: a post opening its sentence in the nominative, a dash, and the person (an
    adjective or age between allowed)."""
    k, first = phrase.last, ctx.sentence(phrase.head).first
    if ctx.text(k) not in {"—", "–"}:
        return None
    if any(ctx.pos(j) != "ADJ" for j in range(first, phrase.first)):
        return None
    if ctx.feat(phrase.head, "Case") not in {"Nom", None}:
        return None
    j = k + 1
    while j < min(ctx.n, k + 3) and j not in per_start and ctx.pos(j) == "ADJ":
        j += 1
    person = per_start.get(j)
    if person is None or ctx.feat(person.first, "Case") not in {"Nom", None}:
        return None
    return person


def _before(
    ctx: Context,
    phrase: Phrase,
    one_of: int | None,
    per_end: dict[int, Span],
    appositions: dict[int, Span],
) -> Span | None:
    """The holder named before a post in apposition (`Токаев, президент Казахстана`,
    `Сергей Шойгу, ныне секретарь Совбеза`, `Ковач - политик и лидер партии`), when the
    apposition ends with the post."""
    sep = _apposition_sep(ctx, phrase, one_of, appositions)
    before = per_end.get(_skip_parenthesis(ctx, sep)) or _chained(ctx, sep, phrase, per_end)
    if ctx.lemma(sep) == "и" and sep in appositions:
        before = appositions[sep]  # `Ковач - политик и лидер партии`
    elif before is None or ctx.text(sep) not in APPOSITION:
        return None
    return before if _apposition_ends(ctx, phrase) else None


def _apposition_sep(
    ctx: Context, phrase: Phrase, one_of: int | None, appositions: dict[int, Span]
) -> int:
    """The word that separates a post from a name before it: the comma or dash before
    the post, `одному из`, `, а ныне`, `ныне`, or a noun conjoined to it."""
    sep = phrase.lead - 1 if one_of is None else one_of - 1
    if ctx.lemma(sep) in NOW and ctx.lemma(sep - 1) == "а" and ctx.text(sep - 2) == ",":
        sep -= 2  # `Рыжов, бывший гендиректор «Луча», а ныне советник мэра`
    if ctx.lemma(sep) in NOW and ctx.text(sep - 1) in APPOSITION:
        sep -= 1  # `Сергей Шойгу, ныне секретарь Совбеза`
    if ctx.lemma(sep) == "и" and sep not in appositions:
        sep = _after_conjoined_noun(ctx, sep, phrase)  # `Косов, основатель и директор`
    return sep


CHAIN_LINKS = {",", "и"}  # `генеральный директор и председатель совета директоров X Y`


def _chain(
    ctx: Context, pending: list[Phrase], phrase: Phrase, person: Span, used: set[int]
) -> list[Occupation]:
    """`лидер Меджлиса, народный депутат Украины Мустафа Джемилев`: posts chained right
    before the one that names the person (by a comma or nothing, in the same case) are
    theirs too."""
    out: list[Occupation] = []
    lead = phrase.lead
    for prev in reversed(pending):
        if prev.head in used:
            break
        gap = [ctx.text(k) for k in range(prev.last, lead)]
        if len(gap) > 1 or (gap and gap[0] not in CHAIN_LINKS):
            break
        if ctx.feat(prev.head, "Case") != ctx.feat(phrase.head, "Case"):
            break
        if prev.org is None and prev.org_text is None and prev.last == prev.head + 1:
            prev.org = phrase.org  # `президент, председатель правления Сбербанка`: shared
        out.append(_occ(ctx, person, prev))
        used.add(prev.head)
        lead = prev.lead
    return out


def _cases(ctx: Context, person: Span) -> set[str | None]:
    """The cases the words of a name are tagged with."""
    return {ctx.feat(k, "Case") for k in range(person.first, person.last)} - {None}


FEMININE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына")


def _feminine_nominative(ctx: Context, person: Span) -> bool:
    """Whether every word of a name in the genitive tag may be a woman's name in the
    nominative (`Э. Чернова`: `Чернова` is both): only initials and `-ова`, `-ина` forms."""
    return all(
        ctx.is_punct(k) or len(ctx.text(k)) <= 2 or ctx.text(k).lower().endswith(FEMININE_ENDINGS)
        for k in range(person.first, person.last)
    )


def _relative(ctx: Context, phrase: Phrase, person: Span) -> bool:
    """`Дочь губернатора Мария Дронова`, `Сын президента компании Игорь Громов`: a post in
    the genitive governed by a noun of kin, and a name after it in the kin noun's case,
    not the genitive (`братом лидера Абдель Малика` is the leader's name)."""
    k = phrase.lead - 1
    while ctx.pos(k) == "ADJ" or ctx.feat(k, "VerbForm") == "Part":
        k -= 1  # `дочь действующего президента`
    if ctx.lemma(k) not in words("relation-nouns") or ctx.feat(phrase.head, "Case") != "Gen":
        return False
    cases, own = _cases(ctx, person), ctx.feat(k, "Case")
    agrees = own in cases or cases | {own} <= {"Nom", "Acc"}  # in apposition to the kin noun
    return "Gen" not in cases and agrees


def _possessor(ctx: Context, phrase: Phrase, person: Span) -> bool:
    """`Директор фонда Игоря Сидорова (Анна Белова)`, `Помощник губернатора Сергея Дронова
    Олег Фомин`: a name in the genitive after a post in the nominative completes the
    phrase (an organisation's or a post's owner) when an organisation noun or a post
    comes right before it or a name in the nominative right after it."""
    if ctx.feat(phrase.head, "Case") != "Nom" or _cases(ctx, person) != {"Gen"}:
        return False
    k = person.first - 1
    owner = ctx.lemma(k) in words("org-nouns") and not _feminine_nominative(ctx, person)
    completes = owner or (k != phrase.head and is_post(ctx, k))
    after = ctx.span_at.get(person.last)
    named = after is not None and after.entity.type == PER and _cases(ctx, after) == {"Nom"}
    return completes or named


def _inner_holder(ctx: Context, phrase: Phrase, person: Span) -> list[Occupation]:
    """`Помощник губернатора Сергея Дронова`: a name that does not agree with the post
    holds the post in its case inside the phrase, if there is one."""
    for k in range(phrase.last - 1, phrase.head, -1):
        if is_post(ctx, k) and ctx.feat(k, "Case") in _cases(ctx, person):
            return [_occ(ctx, person, phrase_at(ctx, k))]
    return []


def _boss(ctx: Context, phrase: Phrase, person: Span) -> bool:
    """A post defined by another's (`помощник`, `советник`) with a name in the genitive,
    or with its `по ...` complement after the name: the name is whose post it is."""
    head = phrase.head
    if ctx.lemma(head) not in words("positions-relational") or phrase.last != head + 1:
        return False
    after = ctx.lemma(person.last) if person.last < ctx.n else ""
    genitive = ctx.feat(person.first, "Case") == "Gen" != ctx.feat(head, "Case")
    return genitive or after == "по"


def _one_of(ctx: Context, lead: int) -> int | None:
    """Where `одному из` starts right before a plural post (`Мишлену, одному из
    президентов компании`): one holder of the post."""
    if lead >= 2 and ctx.lemma(lead - 1) == "из" and ctx.text(lead - 2).lower() in ONE:
        return lead - 2
    return None


def _chained(ctx: Context, sep: int, phrase: Phrase, per_end: dict[int, Span]) -> Span | None:
    """`Александра Брода, известного борца с ксенофобией, члена Общественной палаты`: a
    post after another apposition in the same case, which follows the name."""
    if ctx.text(sep) != ",":
        return None
    cases = _same_forms(ctx.feat(phrase.head, "Case"))
    agrees = False
    for j in range(sep - 1, max(-1, sep - 10), -1):
        if ctx.text(j) == ",":
            person = per_end.get(j)
            if person is None or not agrees or ctx.feat(person.first, "Case") not in cases:
                return None
            return person
        quote = ctx.is_quote(j)  # `, бывший гендиректор «Луча», а ныне советник`
        if (ctx.is_punct(j) and not quote) or ctx.pos(j) in {"VERB", "AUX"} or ctx.entity(j, PER):
            return None
        agrees = agrees or (ctx.pos(j) == "NOUN" and ctx.feat(j, "Case") in cases)
    return None


def _after_conjoined_noun(ctx: Context, sep: int, phrase: Phrase) -> int:
    """`Илья Косов, основатель и гендиректор «Смарт-Теха»`: a post conjoined to
    a noun in its case (no post itself) that follows a name and a comma; where that
    comma is, or `sep` when there is none."""
    case = ctx.feat(phrase.head, "Case")
    for j in range(sep - 1, max(-1, sep - 4), -1):
        if ctx.text(j) == ",":
            nouns = [k for k in range(j + 1, sep) if ctx.pos(k) == "NOUN"]
            agrees = nouns and all(ctx.feat(k, "Case") == case for k in nouns)
            return j if agrees else sep
        if ctx.pos(j) not in {"NOUN", "ADJ"} or ctx.span_at.get(j) is not None:
            return sep
    return sep


def _same_forms(case: str | None) -> set[str | None]:
    """Cases an animate noun in `case` may be tagged with (genitive = accusative)."""
    return {"Gen", "Acc"} if case in {"Gen", "Acc"} else {case}


def _skip_parenthesis_after(ctx: Context, phrase: Phrase) -> int:
    """The word after a parenthesis that closes the phrase, if any."""
    k = phrase.last
    if k < ctx.n and ctx.text(k) == "(":
        for j in range(k + 1, min(ctx.n, k + 8)):
            if ctx.text(j) == ")":
                return j + 1
    return -1


def _after_insert(ctx: Context, phrase: Phrase, per_start: dict[int, Span]) -> Span | None:
    """The holder named after a comma that closes the phrase: right after it, as an
    apposition closed by a comma (`Глава компании «Берег», Павел Шилов, ...`), or
    after a parenthetical source (`, по данным РБК,`, `, как сообщает агентство,`); the
    name in the post's case; not after another apposition."""
    k = phrase.last
    if ctx.text(phrase.lead - 1) in APPOSITION:
        return None  # `Ннека Угбома - руководитель проекта, Гергей Ковач - ...`: a list
    if ctx.text(k) in {"—", "–"}:
        return _after_dashes(ctx, phrase, per_start)
    if ctx.text(k) != ",":
        return None
    person = per_start.get(k + 1)
    if person is not None:
        if ctx.text(person.last) != "," or per_start.get(person.last + 1) is not None:
            return None  # `глава компании, Петров, Сидоров ...`: a list
    elif _insert_opens(ctx, k + 1) or _clause_opens(ctx, k + 1):
        end = next((j for j in range(k + 2, min(ctx.n, k + 16)) if ctx.text(j) == ","), None)
        person = per_start.get(end + 1) if end is not None else None
    if person is None:
        return None
    cases = _same_forms(ctx.feat(phrase.head, "Case"))
    return person if ctx.feat(person.first, "Case") in cases | {None} else None


def _after_dashes(ctx: Context, phrase: Phrase, per_start: dict[int, Span]) -> Span | None:
    """The holder named right after an insert between dashes that closes the phrase
    (`Технический директор «Веги» — компании, которая ..., — Олег Котов заявил`), in
    the post's case; no person named inside the insert."""
    k = phrase.last
    end = next((j for j in range(k + 1, min(ctx.n, k + 30)) if ctx.text(j) in {"—", "–"}), None)
    if end is None or ctx.sentence(end) != ctx.sentence(k) or ctx.spans_in(k + 1, end, PER):
        return None
    person = per_start.get(end + 1)
    if person is None:
        return None
    cases = _same_forms(ctx.feat(phrase.head, "Case"))
    return person if ctx.feat(person.first, "Case") in cases | {None} else None


def _after_conjoined(ctx: Context, phrase: Phrase, per_start: dict[int, Span]) -> Span | None:
    """`бывший глава «Веги» и совладелец «Луча» Иван Орлов`: a post conjoined to a noun in
    its case that is no post (an owner's, a founder's) and names an organisation, with the
    holder's name right after it in that case; only adjectives, genitives and names
    between (`Президент и первая леди Мишель Обама` are two persons)."""
    k = phrase.last
    if k >= ctx.n or ctx.lemma(k) != "и" or ctx.pos(k) != "CCONJ":
        return None
    case = ctx.feat(phrase.head, "Case")
    noun = None
    for j in range(k + 1, min(ctx.n, k + 8)):
        span = ctx.span_at.get(j)
        if span is not None and span.entity.type == PER and span.first == j:
            agrees = noun is not None and ctx.feat(j, "Case") in _same_forms(case) | {None}
            owned = bool(ctx.spans_in(k, j, "ORG"))  # not `Президент и первая леди Мишель`
            return span if agrees and owned else None
        if is_post(ctx, j) or ctx.pos(j) in {"VERB", "AUX"}:
            return None  # another post: `_chain` reads it
        if ctx.is_punct(j) and not ctx.is_quote(j):
            return None
        if noun is None and ctx.pos(j) == "NOUN" and span is None:
            if ctx.feat(j, "Case") != case or ctx.lemma(j) in words("relation-nouns"):
                return None
            noun = j
    return None


def _share_org(ctx: Context, phrase: Phrase, person: Span) -> None:
    """A post named without its organisation, conjoined to a noun that names one before
    the holder, shares it (`председатель правления и акционер группы «Стальпром»`)."""
    if phrase.org is not None or phrase.org_text is not None:
        return
    names = ctx.spans_in(phrase.last, person.first, "ORG")
    if names:
        phrase.org = names[0].entity


LEADS_RELATIVE = {"NOUN", "NUM", "ADP", "SYM", "ADJ"}  # what may precede `который` in its clause


def _clause_opens(ctx: Context, k: int) -> bool:
    """`, работающей на рынке с 2010 года,`, `, которая отмечает столетие,`: a participial
    or relative clause about the organisation, between a post and its holder (`, чья
    продукция ...,`, `, продукция которого ...,`, `, в которой ...,`, `, где ...,`)."""
    if ctx.feat(k, "VerbForm") == "Part" or ctx.lemma(k) == "где":
        return True
    j = k  # the relative word may follow a noun, a number or a preposition: `60% которой`
    while j < min(ctx.n, k + 3) and ctx.pos(j) in LEADS_RELATIVE and not _relative_word(ctx, j):
        j += 1
    return j < ctx.n and _relative_word(ctx, j)


def _relative_word(ctx: Context, k: int) -> bool:
    return is_which(ctx, k) or ctx.lemma(k) == "чей"


def disagrees(ctx: Context, phrase: Phrase, person: Span) -> bool:
    """A name right after a post in another case that the parse does not attach to the
    post, or followed by its own verb: the subject of the clause, not the holder (`На
    встрече с главой «Альфы» Павел Гринев обсудил`, `Распоряжением губернатора Марина
    Левченко назначена`). Only a post in an oblique case and a name in the nominative
    alone are told apart."""
    if ctx.feat(phrase.head, "Case") in {"Nom", "Acc", None} or _cases(ctx, person) != {"Nom"}:
        return False
    if phrase.first == ctx.sentence(phrase.head)[0]:
        return False  # a post opening its sentence: `Экс-председатель ... Хван бежал` (mistagged)
    if person.last < ctx.n and ctx.pos(person.last) in {"VERB", "AUX"}:
        return True  # `... министра спорта Алина Кравец рассказала`: the name's own verb
    k = person.first
    while (head := ctx.tokens[k].head) is not None and phrase.first <= head < person.last:
        if head == phrase.head or phrase.first <= head < phrase.last:
            return False  # the parse reads the name as the post's (`врио губернатора X`)
        k = head
    return ctx.tokens[k].dep in {"nsubj", "nsubj:pass"}


def _insert_opens(ctx: Context, k: int) -> bool:
    """`по данным ...`, `по словам ...`, `как сообщает ...`: a parenthetical source."""
    if ctx.lemma(k) == "по":
        return ctx.lemma(k + 1) in words("insert-cues")
    return ctx.lemma(k) == "как" and ctx.lemma(k + 1) in words("speech-verbs")


def _signature(ctx: Context, phrase: Phrase, per_end: dict[int, Span]) -> Span | None:
    """`Кирсан Илюмжинов Президент ФИДЕ`: a name right before a post with its organisation
    in the nominative that ends the sentence (a signature line)."""
    person = per_end.get(phrase.lead)
    _, sent_last = ctx.sentence(phrase.head)
    if person is None or phrase.org is None or ctx.feat(phrase.head, "Case") != "Nom":
        return None
    ends = phrase.last >= sent_last or ctx.text(phrase.last) in {".", "\n"}
    return person if ends and ctx.feat(person.first, "Case") in {"Nom", None} else None


def _in_brackets(ctx: Context, phrase: Phrase, per_end: dict[int, Span]) -> Span | None:
    """`Йоахим Лёв (второй тренер)`: a post alone in a parenthesis right after a name."""
    if phrase.lead < 2 or ctx.text(phrase.lead - 1) != "(":
        return None
    if phrase.last >= ctx.n or ctx.text(phrase.last) != ")":
        return None
    return per_end.get(phrase.lead - 1)


def _orgs_within_document(found: list[Occupation]) -> None:
    """`президент Обама` after `президент США Барак Обама`: a post named without its
    organisation takes the one the document gave the same person for the same post."""
    known: dict[tuple[Entity, str], set[Entity]] = {}
    for occ in found:
        if occ.phrase.org is not None and occ.phrase.position:
            key = (occ.person, base_post(occ.phrase.position.split()[-1]) or "")
            known.setdefault(key, set()).add(occ.phrase.org)
    for occ in found:
        if occ.phrase.org is None and len(occ.phrase.position.split()) == 1:
            orgs = known.get((occ.person, base_post(occ.phrase.position) or ""), set())
            if len(orgs) == 1:
                occ.phrase.org = next(iter(orgs))


def _implied_orgs(ctx: Context, found: list[Occupation]) -> None:
    """`глава компании`, `представитель ведомства`, `спикер палаты`: a post whose
    organisation is a generic noun takes the organisation the text is about
    (`organisation_meant`)."""
    for occ in found:
        phrase = occ.phrase
        if phrase.org is not None or phrase.org_text is not None or phrase.inner is not None:
            continue
        noun = _generic_noun(ctx, phrase)
        if noun is not None:
            phrase.org = organisation_meant(ctx, noun)
        elif ctx.text(phrase.first - 1).lower() in words("possessive-pronouns"):
            k = phrase.first - 1  # `сообщил ее директор`; `«Сфера» ... Ее директор`
            phrase.org = _named_before(ctx, k) or _org_of_possessive(ctx, k)
        elif 0 <= phrase.lead < phrase.first:  # `Ее новым гендиректором стал`
            word = next((j for j in range(phrase.lead, phrase.first)
                         if ctx.text(j).lower() in words("possessive-pronouns")), None)  # fmt: skip
            if word is not None:
                phrase.org = _org_of_possessive(ctx, word)


def _named_before(ctx: Context, k: int) -> Entity | None:
    """The organisation named last before word k in its sentence, unless a person is
    named after it."""
    first, _ = ctx.sentence(k)
    names = ctx.spans_in(first, k, "PER ORG")
    return names[-1].entity if names and names[-1].entity.type == ORG else None


def _org_of_possessive(ctx: Context, k: int) -> Entity | None:
    """The organisation the possessive at word k stands for in its paragraph
    (`anaphora.resolve`), when it may stand for no person or other organisation."""
    tree = Tree(ctx)
    if not tree.parsed:
        return None
    found = resolve(tree, k, "PER ORG")
    return found[0] if len(found) == 1 and found[0].type == ORG else None


def _generic_noun(ctx: Context, phrase: Phrase) -> int | None:
    """The organisation noun in the genitive that completes the post (`глава компании`,
    past a company's board: `председатель правления банка`)."""
    k = board_end(ctx, phrase.head) or phrase.head + 1
    while k < phrase.last and ctx.pos(k) == "ADJ":
        k += 1
    if k >= phrase.last or ctx.span_at.get(k) is not None or ctx.feat(k, "Case") != "Gen":
        return None
    lemma = ctx.lemma(k)
    return k if lemma in ORG_COMPLEMENTS or lemma in multimap("implied-org-kinds") else None


NATIONAL_POSTS = words("leader-posts") | words("state-posts") | words("envoy-posts")


def _countries_of_text(ctx: Context, found: list[Occupation]) -> None:
    """`Парламент Словакии принял бюджет. Президент Мирослав Новак ...`: a state post
    named without its state, or with `страны`/`государства`, takes the country the text
    is about (`country_meant`); a title that holds a post only with its state named
    (`король`, `needs_org`) does not (`музыкальный король`)."""
    posts = words("state-posts")
    states = {o.phrase.org for o in found if ctx.lemma(o.phrase.head) in posts and o.phrase.org}
    country = country_meant(ctx, {e for e in states if e.type == LOC})
    for occ in found:
        phrase = occ.phrase
        if phrase.org is not None or phrase.inner is not None or needs_org(ctx, phrase.head):
            continue
        if (phrase.org_text or "").lower() in words("state-nouns") and country is not None:
            phrase.org, phrase.org_text = country, None  # `Премьер-министром страны стал`
        elif phrase.org_text is None and ctx.lemma(phrase.head) in posts:
            phrase.org = country if _generic_noun(ctx, phrase) is None else None


def _countries_of_persons(ctx: Context, found: list[Occupation]) -> None:
    """`французского коллегу Николя Саркози`: a nationality adjective right before a
    person's name (with at most one noun between) gives the country of the person's
    state post when the post was named without one (`президент Саркози`)."""
    country: dict[Entity, set[str]] = {}
    for span in ctx.spans:
        if span.entity.type != PER:
            continue
        for j in range(max(0, span.first - 2), span.first):
            lem = ctx.lemma(j)
            if lem in mapping("nationality") and ctx.pos(j) == "ADJ":
                country.setdefault(span.entity, set()).add(mapping("nationality")[lem])
    for occ in found:
        known = country.get(occ.person, set())
        state_post = ctx.lemma(occ.phrase.head) in NATIONAL_POSTS
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
    """The phrase ends the apposition: punctuation follows, or a prepositional tail
    or coordinated tail without a verb up to the next punctuation
    (`..., директор службы по Москве и области`)."""
    k = phrase.last
    _, sent_last = ctx.sentence(phrase.head)
    if k >= sent_last or ctx.text(k) in {",", ".", ")", ";", "(", "—", "-", "–"}:
        return True
    if ctx.pos(k) not in {"ADP", "CCONJ"}:
        return False
    for j in range(k + 1, min(sent_last, k + 8)):
        if ctx.pos(j) in {"VERB", "AUX"}:
            return False
        if ctx.is_punct(j):
            return True
    return k + 8 >= sent_last


def _occ(ctx: Context, person: Span, phrase: Phrase) -> Occupation:
    first = min(person.first, phrase.first)
    last = max(person.last, phrase.last)
    return Occupation(person.entity, phrase, ctx.start(first), ctx.stop(last - 1))


def _appointments(ctx: Context, used: set[int], per_end: dict[int, Span]) -> list[Occupation]:
    """`назначил Ивана Петрова министром экономики`, `стал президентом компании`."""
    out: list[Occupation] = []
    for first, last in ctx.sentences():
        verbs = [i for i in range(first, last) if ctx.lemma(i) in words("appoint-verbs")]
        for i in range(first, last):
            if i in used or not is_post(ctx, i):
                continue
            held = i > first and ctx.lemma(i - 1) in HOLDING  # `занять пост премьер-министра`
            if ctx.feat(i, "Case") != "Ins" and not _acting_ins(ctx, i) and not held:
                continue
            if held and _sought(ctx, i):
                continue  # `кандидатура Орлова на пост министра`: sought, not held
            if ctx.feat(i, "Number") == "Plur":  # `опровергнута представителями Путина`
                continue
            a, b = _clause(ctx, i)
            if not held and not any(a <= v < b for v in verbs):
                continue
            if any(_denied(ctx, v) for v in verbs if a <= v < i):
                continue  # `так и не стал директором`
            phrase = phrase_at(ctx, i)
            persons = [
                s for s in ctx.spans_in(a, b, PER) if not phrase.first <= s.first < phrase.last
            ]
            core = [s for s in persons if ctx.feat(s.first, "Case") in {"Nom", "Acc", None}]
            whose = _relative_antecedent(ctx, a, per_end)
            objects = [s for s in core if ctx.feat(s.first, "Case") == "Acc"]
            appointing = [v for v in verbs if a <= v < b and ctx.lemma(v) in APPOINTING
                          and ctx.feat(v, "VerbForm") in {"Fin", "Inf"}]  # fmt: skip
            if appointing:
                # `Медведев назначил главой ... 30-летнего Муравьева`, `утвердила министром
                # бывшего главврача Корнеева`, `назначил Ивана Орлова исполняющим
                # обязанности` (animate: the accusative is the genitive)
                after = [s for s in persons if (s.first >= phrase.last
                         or appointing[0] < s.first < phrase.first)
                         and ctx.feat(s.first, "Case") in {"Acc", "Gen"}]  # fmt: skip
                core = objects = objects or after or core
            persons = core or persons  # `вместо Кана капитаном стал Баллак`: the subject
            if whose is not None and (ctx.feat(a, "Case") == "Acc" or not objects):
                person = whose  # `Петров, который тогда был вице-президентом банка`
            elif persons:
                person = min(persons, key=lambda s: min(abs(s.first - i), abs(s.last - i)))
            elif (found := _antecedent(ctx, a, b)) is not None:
                person = found  # `Он является депутатом парламента`
            else:
                continue
            out.append(_occ(ctx, person, phrase))
    return out


def _acting_ins(ctx: Context, i: int) -> bool:
    """`назначен исполняющим обязанности губернатора`, `назначил Елисееву исполняющей
    обязанности директора`: the post of an acting holder in the instrumental (the
    feminine form the tagger may read as another case)."""
    lead = (ctx.text(k).lower() for k in range(phrase_at(ctx, i).first, i))
    return any(w.startswith("исполняющ") and w.endswith(("им", "ей")) for w in lead)


def _denied(ctx: Context, verb: int) -> bool:
    """`не стал`, `не был назначен`: a verb denied right before it, not a post held
    until now (`больше не является`)."""
    return ctx.modality(verb, clause=False) == "negated" and not ctx.no_longer(verb)


# appointing verbs whose object, not subject, takes the post
APPOINTING = {"назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить",
              "утверждать"}  # fmt: skip
SEEKING = {"кандидатура", "кандидат", "претендент", "претендовать", "баллотироваться"}


def _sought(ctx: Context, i: int) -> bool:
    """`Кандидатуру Орлова на пост министра не рассмотрели`, `претендует на пост`: a post
    someone is put up for, before the post in its clause."""
    a, _ = _clause(ctx, i)
    return any(ctx.lemma(k) in SEEKING for k in range(a, i))


def _clause(ctx: Context, i: int) -> tuple[int, int]:
    """The clause of word i (`roles.clause`), cut at quotation marks that enclose speech,
    not at those of a name (`директором фонда «Открытый город» является`)."""
    a, b = clause(ctx, i)
    for k in range(i - 1, a - 1, -1):
        if ctx.is_quote(k) and not _name_quote(ctx, k):
            a = k + 1
            break
    for k in range(i + 1, b):
        if ctx.is_quote(k) and not _name_quote(ctx, k):
            b = k
            break
    return a, b


def _name_quote(ctx: Context, k: int) -> bool:
    """A quotation mark right before or after a name."""
    return ctx.span_at.get(k + 1) is not None or ctx.span_at.get(k - 1) is not None


def _relative_antecedent(ctx: Context, a: int, per_end: dict[int, Span]) -> Span | None:
    """The person a relative clause starting at word a is about, when `который` is its
    subject or object (`Петров, который был ...`, `Петрова, которого назначили ...`):
    the name right before its comma."""
    if not is_which(ctx, a) or ctx.text(a - 1) != "," or ctx.feat(a, "Case") not in SUBJECT:
        return None
    return per_end.get(_skip_parenthesis(ctx, a - 1))


SUBJECT = {"Nom", "Acc"}
HEADING = mapping("heading-verbs")  # verb -> the case of what is headed


def _headed(ctx: Context, per_end: dict[int, Span]) -> list[Occupation]:
    """`партии, возглавляемой Бхутто`, `Харада, ранее возглавлявший отдел России`,
    `Миллер возглавляет «Газпром»`: who heads what, with no post word (position null)."""
    out: list[Occupation] = []
    for i in range(ctx.n):
        if ctx.lemma(i) not in HEADING or ctx.pos(i) != "VERB":
            continue
        if ctx.modality(i) == "negated":
            continue  # `не возглавит совет директоров`
        phrase: Phrase | None
        if ctx.feat(i, "Voice") == "Pass":
            person = ctx.span_at.get(i + 1)
            k = i - 1 if ctx.text(i - 1) == "," else i
            org_span = ctx.span_at.get(k - 1)
            if person is None or person.entity.type != PER or org_span is None:
                continue
            if org_span.entity.type not in {ORG, LOC} or org_span.last != k:
                continue
            phrase = Phrase(i, i, i + 1, "", org_span.entity)
        else:
            case = HEADING[ctx.lemma(i)]
            person = _head_subject(ctx, i, per_end)
            phrase = _headed_object(ctx, i, case)
            if phrase is None:  # `Компанию «Техносфера» возглавляет Елена Громова`
                phrase, person = _fronted_object(ctx, i, case), _subject_after(ctx, i)
            if person is None or phrase is None:
                continue
        out.append(_occ(ctx, person, phrase))
    return out


def _fronted_object(ctx: Context, i: int, case: str) -> Phrase | None:
    """What is headed, named before the verb at the start of its clause, in the verb's
    case (`Департаментом транспорта Москвы руководит`); only names, their head noun,
    genitives and quotes between it and the verb."""
    a, _ = _clause(ctx, i)
    names = [s for s in ctx.spans_in(a, i, "ORG LOC") if ctx.span_at.get(s.first) is s]
    if not names or start_of(ctx, names[0]) != a or case_of(ctx, names[0]) != case:
        return None
    for k in range(names[0].last, i):
        if ctx.span_at.get(k) is None and not ctx.is_quote(k) and ctx.feat(k, "Case") != "Gen":
            return None
    return Phrase(i, i, i + 1, "", names[0].entity)


def _subject_after(ctx: Context, i: int) -> Span | None:
    """A person named in the nominative right after the verb (adverbs aside)."""
    k = i + 1
    while ctx.pos(k) == "ADV":
        k += 1
    span = ctx.span_at.get(k)
    if span is None or span.first != k or span.entity.type != PER:
        return None
    return span if ctx.feat(k, "Case") in {"Nom", None} else None


def _head_subject(ctx: Context, i: int, per_end: dict[int, Span]) -> Span | None:
    """The person who heads: the name before `, (ранее) возглавлявший`, the subject, or
    the name before `, которая возглавляет`."""
    if ctx.feat(i, "VerbForm") == "Part":
        j = i - 1
        while j > 0 and ctx.pos(j) == "ADV":
            j -= 1
        return per_end.get(j) if ctx.text(j) == "," else None
    a, _ = ctx.clause(i)
    subjects = [s for s in ctx.spans_in(a, i, PER) if ctx.feat(s.first, "Case") in {"Nom", None}]
    if subjects:
        return subjects[-1]
    if ctx.feat(a, "Case") == "Nom":  # `Ковалевой, которая возглавляет комитет`
        return _relative_antecedent(ctx, a, per_end)
    return None


def _headed_object(ctx: Context, i: int, case: str) -> Phrase | None:
    """What is headed, after the verb in its case: a named organisation or place (with its
    head noun: `агентством «Медиацентр»`), or an organisation noun phrase."""
    k = i + 1
    while k < ctx.n and (ctx.pos(k) == "ADV" or ctx.in_date(k)):
        k += 1
    head = ctx.lemma(k) in words("org-nouns") and ctx.feat(k, "Case") == case
    if head and ctx.is_quote(k + 1) and ctx.span_at.get(k + 2) is not None:
        k += 1  # `руководящий агентством «Северный медиацентр»`
    if k < ctx.n and ctx.is_quote(k):
        k += 1
    span = ctx.span_at.get(k)
    if span is not None and span.first == k and span.entity.type in {ORG, LOC}:
        return Phrase(i, i, i + 1, "", span.entity)
    if k >= ctx.n or ctx.lemma(k) not in words("org-nouns") or ctx.feat(k, "Case") != case:
        return None
    _, last = ctx.sentence(k)
    end = k + 1
    while end < min(last, k + 8) and _complement(ctx, end):
        end += 1
    if end == k + 1:
        return None  # `возглавил делегацию`: which one, the text does not say here
    return Phrase(i, i, i + 1, "", None, org_text=nominal_phrase(ctx, k, k, end))


def _complement(ctx: Context, k: int) -> bool:
    """Whether word k goes on an organisation noun phrase: a genitive (`отдел продаж
    компании`), `по` and its noun (`комитет по туризму`), `в` and a named organisation
    (`в японском МИДе`), a name or its quotes; not a
    date, adverb or clause (`университет с 2017 года и теперь`)."""
    if ctx.is_punct(k):
        return ctx.is_quote(k)
    if ctx.span_at.get(k) is not None or (ctx.lemma(k) == "по" and ctx.pos(k + 1) == "NOUN"):
        return True
    if ctx.lemma(k) == "в" or (ctx.pos(k) == "ADJ" and ctx.feat(k, "Case") == "Loc"):
        j = k + 1  # `отдел России в японском МИДе`: where, when it is a name
        while ctx.pos(j) == "ADJ":
            j += 1
        return ctx.span_at.get(j) is not None and ctx.span_at[j].entity.type == ORG
    if ctx.pos(k) not in {"NOUN", "PROPN", "ADJ"} or ctx.in_date(k):
        return False
    case = ctx.feat(k, "Case")
    return case == "Gen" or (case == "Dat" and ctx.lemma(k - 1) == "по")


AFFILIATION_PREPS = words("affiliation-preps")


def _affiliations(
    ctx: Context, per_start: dict[int, Span], per_end: dict[int, Span]
) -> list[Occupation]:
    """`Иванов из партии «Яблоко»`, `кандидат от партии «Яблоко» Иванов`: a person who
    belongs to a named party or movement, with no post word (or the post before `от`)."""
    out: list[Occupation] = []
    for i in range(ctx.n - 2):
        if ctx.lemma(i) not in AFFILIATION_PREPS:
            continue
        if ctx.lemma(i + 1) not in words("affiliation-nouns") or ctx.feat(i + 1, "Case") != "Gen":
            continue
        k = i + 3 if ctx.is_quote(i + 2) else i + 2
        span = ctx.span_at.get(k)
        if span is None or span.first != k or span.entity.type != ORG:
            continue
        before = per_end.get(i)
        after = per_start.get(end_of(ctx, span))
        if before is not None and not _cases(ctx, before) & {"Acc", "Gen"}:
            person = before  # `Гаджиев из партии «Зеленая Россия»`; not `исключил Гаджиева из`
            phrase = Phrase(i, i, i + 1, "", span.entity)
        elif after is not None and ctx.pos(i - 1) == "NOUN" and ctx.span_at.get(i - 1) is None:
            person = after  # `Депутат из партии «Новый путь» Тимур Сафин`
            position = phrase_at(ctx, i - 1).position if is_post(ctx, i - 1) else ""
            phrase = Phrase(i - 1, i - 1, i, position, span.entity)
        else:
            continue
        out.append(_occ(ctx, person, phrase))
    return out


def _antecedent(ctx: Context, a: int, b: int) -> Span | None:
    """The person a subject pronoun of words [a, b) stands for (`pronouns.antecedent`)."""
    pron = next(
        (k for k in range(a, b) if ctx.lemma(k) in PERSONAL and ctx.feat(k, "Case") == "Nom"),
        None,
    )
    return None if pron is None else antecedent(ctx, pron)


def _is_post_proper(occ: Occupation, ctx: Context) -> bool:
    """A profession (`журналист`) is an occupation only with its organisation, and not
    one read from a nationality or place adjective (`немецкий режиссёр`, `тбилисский
    врач`: where one is from, not who one works for); an organisation not named as an
    entity counts (`врач областной больницы`)."""
    phrase = occ.phrase
    if not needs_org(ctx, phrase.head):
        return True
    if phrase.org is None:
        return bool(phrase.org_text)  # `главный врач областной больницы`: a named employer
    return canonical(phrase.org.name) not in {canonical(c) for c in phrase.countries}


def _unique(found: list[Occupation]) -> list[Occupation]:
    with_org = {(o.person, o.phrase.position) for o in found if o.phrase.org}
    seen: set[tuple[Entity, str, Entity | None]] = set()
    out = []
    for occ in sorted(found, key=lambda o: o.start):
        if occ.phrase.org is None and (occ.person, occ.phrase.position) in with_org:
            continue
        key = (occ.person, occ.phrase.position, occ.phrase.org)
        if key not in seen:
            seen.add(key)
            out.append(occ)
    return out
