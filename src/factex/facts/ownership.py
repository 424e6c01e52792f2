"""ownership: who owns which company, medium or thing (SPEC 0.2): owner, property (an
organisation, or null with `property_text` for a named thing that is no entity) and share.

Rules by trigger (`models/facts-ownership-words.tsv`):
- owner-noun: `владелец холдинга «Медиа-Плюс» Андрей Кудрин`, `Рябов и Смирнов,
  совладельцы «Зеленой аптеки»`, `крупнейшим акционером банка «Капитал» является Лисицын`,
  `«Горизонт» стал владельцем 20% акций «НейроЛаба»`;
- own: `Смирнов владеет сетью кофеен «Зерно»`, `клуб «Метеор», которым владеет Алиев`;
- belong: `«Волна», принадлежащая холдингу «Медиа-Плюс»`, `X принадлежит Y`;
- share: `доля «Нефтегаза» в «Арктик-Терминале» составляет 30%`;
- part: `радиостанция «Волна» входит в холдинг «Медиа-Плюс»`;
- subsidiary: `дочерняя компания «Нефтегаза» «Нефтегаз-Трейдинг»`, `X является дочерней
  компанией Y`;
and a possessive genitive after a quoted name (`агентство «Вектор» Олега Смирнова`,
`models/facts-ownership-heads.txt`), unless the name holds a post there (`глава
«Нефтегаза» Анатолия Юрченко`). `Y основал компанию X` is a frame over the parse
(`models/patterns-ownership.tsv`): the offset rule it replaced added nothing measured
(`benchmarks/ablate.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..entities.types import LOC, ORG, PER
from ..layers import items_in
from ..record import Entity, Fact, IdOf
from .context import Context, Span
from .lexicon import mapping, words
from .persons import Persons
from .positions import is_post
from .registry import Found, fact_type
from .roles import (
    case_of,
    end_of,
    is_place,
    is_which,
    listed,
    names_in,
    reported_by,
    start_of,
    unsaid,
)

COPULAS = words("copulas")
PART_NOUNS = words("ownership-part-nouns")
OWNER_TYPES = "PER ORG LOC"
SUBJECT_CASES = {"Nom", "Acc", None}
POSSESSIVES = words("possessives")
OWNABLE = (
    words("org-nouns") | words("ownership-heads") | PART_NOUNS | words("unit-nouns")
    | {"акция", "доля", "пакет", "процент", "контроль", "бизнес", "актив", "часть"}
)  # fmt: skip
GENERIC_NOUNS = words("org-nouns") | words("anaphora-nouns")
OWNER_NOUNS = frozenset(k for k, v in mapping("ownership-words").items() if v == "owner-noun")

Pair = tuple[list[Entity], Entity | None, str | None, int]  # owners, property, text, anchor


@fact_type("ownership", needs=["occupation"])
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The ownership facts of the document."""
    return find(ctx, found["occupation"])


def find(ctx: Context, occupations: Iterable[Fact] = ()) -> list[Fact]:
    held = {(f.args["person"], f.args.get("org")) for f in occupations}
    facts: list[Fact] = []
    seen: set[tuple[Entity, Entity | str]] = set()
    for i in range(ctx.n):
        rule = mapping("ownership-words").get(ctx.lemma(i))
        found: list[Pair] = []
        if rule is not None and ctx.span_at.get(i) is None:
            found = [] if unsaid(ctx, i) else RULES[rule](ctx, i)
        elif ctx.span_at.get(i) is not None and ctx.span_at[i].first == i:
            span = ctx.span_at[i]
            found = _possessive(ctx, span, held) + _bracket_holders(ctx, span)
            found += _holders_of_shares(ctx, span)
        for owners, prop, text, anchor in found:
            for owner in owners:
                if owner is prop:
                    continue
                key = (owner, prop if prop is not None else text or "")
                if key in seen:
                    continue
                seen.add(key)
                facts.append(_fact(ctx, owner, prop, text, anchor))
    return facts


def _fact(ctx: Context, owner: Entity, prop: Entity | None, text: str | None, i: int) -> Fact:
    a, b = ctx.clause(i, relative=False, quotes=False)
    at = _share_of_owner(ctx, owner, a, b)
    at = _share(ctx, a, b) if at is None else at
    args: dict[str, Any] = {
        "owner": owner,
        "property": prop,
        "share": None if at is None else f"{ctx.text(at).rstrip('%')}%",
    }
    if prop is None:
        args["property_text"] = text
    percents = items_in(ctx.analysis, "percents", ctx.start(a), ctx.stop(b - 1))
    here = None if at is None else ctx.start(at)
    percent = next((p for p in percents if here is not None and p.start <= here < p.stop), None)
    if percent is not None:
        args["share_ref"] = IdOf(percent)  # SPEC 0.3: the percent's id
    modality = ctx.modality(i, clause=not _owner_in_apposition(ctx, i))
    if modality:
        args["modality"] = modality
    first, last = ctx.sentence(i)
    return Fact("ownership", ctx.start(first), ctx.stop(last - 1), args)


# helpers


def _owner_in_apposition(ctx: Context, i: int) -> bool:
    """An owner noun naming its owner, not the predicate of its clause (`Совладелец «Веги»
    Орлов не планирует ...`, not `Орлов не является владельцем`)."""
    return ctx.lemma(i) in OWNER_NOUNS and _copula_before(ctx, i, ctx.clause(i)[0]) is None


def _share(ctx: Context, a: int, b: int) -> int | None:
    """The number of the first share in the clause (`51%`, `30 процентов`) that is no
    other name's own (`Орлов (40%)`)."""
    for k in range(a, b):
        if _percent_at(ctx, k) and not _after_name(ctx, k):
            return k
    return None


def _percent_at(ctx: Context, k: int) -> bool:
    """Whether word k is the number of a percentage (`51` of `51%`, `30 процентов`)."""
    if ctx.text(k).endswith("%") and ctx.text(k)[:1].isdigit():
        return True  # one token
    unit = k + 1 < ctx.n and (ctx.text(k + 1) == "%" or ctx.lemma(k + 1) == "процент")
    return unit and (ctx.pos(k) == "NUM" or ctx.text(k)[:1].isdigit())


def _after_name(ctx: Context, k: int) -> Span | None:
    """The name a share at word k follows in brackets or after a dash (`Орлов (40%)`,
    `Орлов — 40%`)."""
    j = k - 1
    if j > 0 and (ctx.text(j) == "(" or ctx.is_dash(j)):
        j -= 1
        while j > 0 and ctx.is_quote(j):
            j -= 1
        span = ctx.span_at.get(j)
        return span if span is not None and span.last == j + 1 else None
    return None


def _share_of_owner(ctx: Context, owner: Entity, a: int, b: int) -> int | None:
    """The share right after a mention of the owner in the clause (`Орлов (40%)`), or
    right before it and `у` (`51% у Орлова`)."""
    for k in range(a, b):
        if _percent_at(ctx, k) and (span := _after_name(ctx, k)) and span.entity is owner:
            return k
        if _percent_at(ctx, k) and _held_by(ctx, k, b) is owner:
            return k
    return None


def _held_by(ctx: Context, k: int, b: int) -> Entity | None:
    """The name a share at word k is held by (`51% у Орлова`)."""
    j = _percent_end(ctx, k)
    if j >= b or ctx.lemma(j) != "у":
        return None
    span = _name_after(ctx, j + 1, b, within=3)
    return span.entity if span is not None else None


def _name_after(ctx: Context, k: int, b: int, within: int = 5) -> Span | None:
    """The first organisation or person within a few words after k, over adjectives,
    numbers and share nouns (`20% акций «НейроЛаба»`, `сетью кофеен «Зерно»`)."""
    for j in range(k, min(b, k + within)):
        span = ctx.span_at.get(j)
        if span is not None and span.first == j:
            holder = _holder_after(ctx, span) if is_post(ctx, j - 1) else None
            if holder is not None:  # `депутат Госдумы Олег Рябов`: the post's holder
                return holder
            return span if span.entity.type in OWNER_TYPES.split() else None
        if ctx.pos(j) in {"VERB", "AUX"} or (ctx.is_punct(j) and not _soft(ctx, j)):
            return None
    return None


def _holder_after(ctx: Context, span: Span) -> Span | None:
    """The person named right after a post's organisation (`депутат Госдумы Олег Рябов`)."""
    after = ctx.span_at.get(end_of(ctx, span))
    if after is None or after.entity.type != PER or after.first != end_of(ctx, span):
        return None
    return after


def _name_before(ctx: Context, k: int) -> Span | None:
    """The name that ends right before word k, over its closing quote."""
    j = k - 1
    if j >= 0 and ctx.is_quote(j):
        j -= 1
    return ctx.span_at.get(j) if j >= 0 else None


def _soft(ctx: Context, j: int) -> bool:
    return ctx.is_quote(j) or ctx.text(j) == "%"


def _quoted_after(ctx: Context, k: int, b: int) -> tuple[str | None, int]:
    """A quoted name that is no entity, within a few words after k (`яхтой «Звезда
    морей»`), and the word after it."""
    for j in range(k, min(b, k + 4)):
        if ctx.text(j) == "«":
            end = next((m for m in range(j + 1, b) if ctx.text(m) == "»"), None)
            if end is not None and end > j + 1:
                return ctx.chars(j + 1, end), end + 1
            return None, k
    return None, k


def _implied(ctx: Context, k: int, b: int) -> tuple[Span, int] | None:
    """`акционерами компании`, `создатель социальной сети`: the last organisation named
    before, in this sentence or the one before, and the word after the noun."""
    while k < b and ctx.pos(k) == "ADJ" and ctx.span_at.get(k) is None:
        k += 1
    if k >= b or ctx.span_at.get(k) is not None:
        return None
    if ctx.lemma(k) not in words("org-nouns") | words("ownership-heads"):
        return None
    org = _last_org(ctx, k, ctx.lemma(k))
    return (org, k + 1) if org is not None else None


def _last_org(ctx: Context, k: int, noun: str | None = None) -> Span | None:
    """The last organisation named before word k: one named with `noun` anywhere before
    (`радиостанции «Балтика FM»` for `основатель радиостанции`), else any in this sentence
    or the one before."""
    if noun:
        named = [s for s in names_in(ctx, 0, k, ORG) if ctx.lemma(start_of(ctx, s)) == noun]
        if named:
            return named[-1]
    first = ctx.sentence(k)[0]
    lo = ctx.sentence(first - 1)[0] if first > 0 else 0
    orgs = names_in(ctx, lo, k, ORG)
    return orgs[-1] if orgs else None


def _subject_before(ctx: Context, a: int, i: int) -> list[Span]:
    """The names in the nominative before word i in its clause, with their list (the
    accusative too: it has the same form for things, and the tagger mixes them up)."""
    names = [s for s in names_in(ctx, a, i, OWNER_TYPES) if case_of(ctx, s) in SUBJECT_CASES]
    names = [s for s in names if start_of(ctx, s) == 0 or ctx.pos(start_of(ctx, s) - 1) != "ADP"]
    names = [s for s in names if not is_place(ctx, s)]
    # `Контролирует группу «Нафта», владеет клубом «Анжи»`: the object of a verb before
    names = [s for s in names if not any(_finite(ctx, k) for k in range(a, start_of(ctx, s)))]
    return listed(ctx, names[0], True) if names else []


def _finite(ctx: Context, k: int) -> bool:
    return ctx.pos(k) == "VERB" and ctx.feat(k, "VerbForm") == "Fin"


def _copula_before(ctx: Context, i: int, a: int) -> int | None:
    for k in range(i - 1, max(a - 1, i - 4), -1):
        if ctx.lemma(k) in COPULAS:
            return k
        if ctx.pos(k) not in {"ADJ", "DET", "ADV"}:
            return None
    return None


def _ents(spans: list[Span]) -> list[Entity]:
    return [s.entity for s in spans]


# rules


def _owner_noun(ctx: Context, i: int) -> list[Pair]:
    a, b = ctx.clause(i, relative=False, quotes=False)
    shared = i + 1 < b and ctx.text(i + 1) == "и"  # `основатель и директор компании «Вега»`
    prop_span = _name_after(ctx, i + 1, b, within=8 if shared else 5)
    text: str | None = None
    after = i + 1
    if prop_span is not None and prop_span.entity.type == ORG:
        after = end_of(ctx, prop_span)
    elif i + 1 < b and (implied := _implied(ctx, i + 1, b)) is not None:
        prop_span, after = implied
    elif i > 0 and ctx.lemma(i - 1) in POSSESSIVES and (last := _last_org(ctx, i)):
        prop_span = last  # `Портал SeeSaw ... его основатель Джон Килинг`
    else:
        text, after = _quoted_after(ctx, i + 1, b)
        if text is None:
            return []
        prop_span = None
    prop = prop_span.entity if prop_span is not None else None
    owners: list[Span] = []
    nxt = ctx.span_at.get(after)
    if nxt is not None and nxt.first == after and nxt.entity.type == PER:
        owners = listed(ctx, nxt, True, PER)  # `владелец «Метеора» Тимур Алиев`
    elif after < b and (ctx.lemma(after) in COPULAS or ctx.is_dash(after)):
        found = _name_after(ctx, after + 1, b)  # `акционером X является Y`, `акционер X — Y`
        joined = after + 1 < b and ctx.lemma(after + 1) in {"и", "а"}
        if found is not None and not joined:
            # not `Брин — сооснователь Google — и предприниматель Усманов`: a list goes on
            owners = listed(ctx, found, True)
    if not owners and (k := _copula_before(ctx, i, a)) is not None:
        owners = _subject_before(ctx, a, k)  # `«Горизонт» стал владельцем ...`
    j = i - 1
    while j > 0 and ctx.pos(j) == "ADJ" and ctx.span_at.get(j) is None:
        j -= 1  # `Белова — мажоритарный акционер ...`
    if not owners and j >= 1 and ctx.text(j) in {",", "-", "–", "—"}:
        before = ctx.span_at.get(j - 1)
        if before is not None and before.entity.type != LOC:
            owners = listed(ctx, before, False)  # `Рябов и Смирнов, совладельцы ...`
    return [(_ents(owners), prop, text, i)] if owners else []


def _own(ctx: Context, i: int) -> list[Pair]:
    if ctx.pos(i) != "VERB":
        return []
    a, b = ctx.clause(i, relative=False, quotes=False)
    relative = next((k for k in range(max(a, i - 2), i) if is_which(ctx, k)), None)
    if relative is not None:  # `клуб «Метеор», которым владеет Алиев`
        before = _name_before(ctx, relative - 1) if ctx.text(relative - 1) == "," else None
        if before is None:
            return []
        owner = _name_after(ctx, i + 1, b, within=3)
        if owner is None:
            return []
        return [(_ents(listed(ctx, owner, True)), before.entity, None, i)]
    owners = _subject_before(ctx, a, i)
    if not owners:
        return []
    prop = _name_after(ctx, i + 1, b)
    if prop is not None and not _ownable(ctx, i + 1, prop.first):
        prop = None  # `обладает степенью магистра МГУ`: a degree, not the university
    if prop is not None and prop.entity.type == ORG:
        return [(_ents(owners), s.entity, None, i) for s in listed(ctx, prop, True, ORG)]
    text, _ = _quoted_after(ctx, i + 1, b)
    return [(_ents(owners), None, text, i)] if text else []


def _ownable(ctx: Context, k: int, name: int) -> bool:
    """The first noun between word k and a name (if any) is a company, a share or a part
    of one (`владеет сетью кофеен «Зерно»`, `30% акций «Веги»`), not a thing no one owns
    as property (`степенью магистра МГУ`)."""
    for j in range(k, name):
        if ctx.pos(j) in {"NOUN", "PROPN"} and ctx.span_at.get(j) is None:
            return ctx.lemma(j) in OWNABLE
    return True


def _belong(ctx: Context, i: int) -> list[Pair]:
    a, b = ctx.clause(i, relative=False, quotes=False)
    relative = next((k for k in range(max(a, i - 3), i) if is_which(ctx, k)), None)
    if relative is not None:  # `группа «Альфа», которой принадлежит сеть «Вега»`
        before = _name_before(ctx, relative - 1) if ctx.text(relative - 1) == "," else None
        prop = _name_after(ctx, i + 1, b)
        if before is None or prop is None or prop.entity.type != ORG:
            return []
        return [([before.entity], s.entity, None, i) for s in listed(ctx, prop, True, ORG)]
    if any(ctx.pos(k) == "PRON" and ctx.feat(k, "Case") == "Dat" for k in range(a, i)):
        return []  # `ему принадлежат ...`: the owner is a pronoun, the frame's to resolve
    after = [s for s in names_in(ctx, i + 1, b, OWNER_TYPES) if _dative(ctx, s)]
    if not after:  # `Правительству Татарстана принадлежит ...`, the case misread
        after = [s for s in names_in(ctx, a, i, OWNER_TYPES) if case_of(ctx, s) != "Nom"]
    if not after:
        return []
    datives = [s for s in names_in(ctx, a, i, OWNER_TYPES) if _dative(ctx, s)]
    listed_after = listed(ctx, after[0], True, ORG)
    plural = ctx.feat(i, "Number") == "Plur" and ctx.feat(i, "VerbForm") != "Part"
    if datives and plural and len(listed_after) > 1:
        # `Холдингу «Альфа» принадлежат сети «Ромашка» и «Лютик»`: the list after a
        # plural verb is its subject, whatever its case looks like
        owners = _ents(listed(ctx, datives[0], True))
        return [(owners, s.entity, None, i) for s in listed_after]
    owners = _ents(listed(ctx, after[0], True))
    if ctx.feat(i, "VerbForm") == "Part" or ctx.lemma(i - 1) == ",":
        k = i - 1 if ctx.text(i - 1) == "," else i
        before = _name_before(ctx, k)
        if before is None or before.entity.type != ORG:
            return []
        props = [s for s in listed(ctx, before, False, ORG) if not reported_by(ctx, s)]
        return [(owners, s.entity, None, i) for s in props]  # not `сообщает «Вестник», X, ...`
    props = [
        s
        for s in names_in(ctx, a, b, ORG)
        if s not in after and case_of(ctx, s) in {"Nom", "Gen", None} and not reported_by(ctx, s)
    ]
    if not props:
        return []
    # `Сети «Ромашка» и «Лютик» принадлежат ...`: each name of the list
    group = {s.first: s for d in (False, True) for s in listed(ctx, props[0], d, ORG)}
    return [(owners, group[k].entity, None, i) for k in sorted(group) if group[k] not in after]


def _dative(ctx: Context, span: Span) -> bool:
    """A name in the dative, or in the genitive after a body in the dative
    (`правительству Татарстана`)."""
    if case_of(ctx, span) == "Dat":
        return True
    k = start_of(ctx, span) - 1
    return (
        k >= 0
        and ctx.lemma(k) in words("sources")
        and ctx.feat(k, "Case") == "Dat"
        and case_of(ctx, span) == "Gen"
    )


def _share_of(ctx: Context, i: int) -> list[Pair]:
    a, b = ctx.clause(i, relative=False, quotes=False)
    owner = _name_after(ctx, i + 1, b, within=3)
    if owner is None:
        return []
    k = end_of(ctx, owner)
    if k >= b or ctx.lemma(k) not in {"в", "во"}:
        return []
    prop = _name_after(ctx, k + 1, b, within=4)  # `в нефтяной компании «Вега»`
    if prop is None or prop.entity.type != ORG:
        return []
    return [([owner.entity], prop.entity, None, i)]


def _part(ctx: Context, i: int) -> list[Pair]:
    a, b = ctx.clause(i, relative=False, quotes=False)
    if i + 1 >= b or ctx.lemma(i + 1) not in {"в", "во"}:
        return []
    k = i + 2
    while k < b and ctx.lemma(k) in PART_NOUNS and ctx.span_at.get(k) is None:
        k += 1
    owner = _name_after(ctx, k, b, within=2)
    if owner is None or owner.entity.type != ORG:
        return []
    props = [s for s in _subject_before(ctx, a, i) if s.entity.type == ORG]
    return [([owner.entity], s.entity, None, i) for s in props]


def _subsidiary(ctx: Context, i: int) -> list[Pair]:
    a, b = ctx.clause(i, relative=False, quotes=False)
    k = i + 1 if ctx.pos(i) == "ADJ" else i
    owner = _name_after(ctx, k + 1, b, within=3)
    if owner is None or owner.entity.type != ORG:
        return []
    nxt = _name_after(ctx, end_of(ctx, owner), b, within=2)
    if nxt is not None and nxt.entity.type == ORG:
        return [([owner.entity], nxt.entity, None, i)]  # `дочерняя компания X «Y»`
    if (c := _copula_before(ctx, i, a)) is not None:
        return [([owner.entity], s.entity, None, i) for s in _subject_before(ctx, a, c)]
    if i >= 2 and ctx.text(i - 1) == ",":
        before = _name_before(ctx, i - 1)
        if before is not None and before.entity.type == ORG:
            return [([owner.entity], before.entity, None, i)]
    return []


def owned_head(lemma: str) -> bool:
    """A noun of a thing owned (`models/facts-ownership-heads.txt`), or a compound ending
    in one of five letters or more (`агрохолдинг`, `телекомпания`, `автозавод`)."""
    heads = words("ownership-heads")
    return lemma in heads or any(lemma.endswith(h) for h in heads if len(h) >= 5)


def _possessive(ctx: Context, span: Span, held: set[tuple[Entity, Entity | None]]) -> list[Pair]:
    """`агентство «Вектор» Олега Смирнова`: a quoted name after an owned thing's noun,
    then a person in the genitive."""
    if span.entity.type != ORG or span.first == 0 or not ctx.is_quote(span.first - 1):
        return []
    head = start_of(ctx, span)
    if head == span.first - 1:
        return _owner_before(ctx, span, held)
    if not owned_head(ctx.lemma(head)):
        return []
    k = end_of(ctx, span)
    if k == span.last:
        return []  # no closing quote
    if ctx.lemma(k) in words("description-nouns") and ctx.feat(k, "Case") == "Gen":
        k += 1  # `телеканал «Восход» бизнесмена Артура Гуляева`
    owner = ctx.span_at.get(k)
    if owner is None or owner.first != k or owner.entity.type != PER:
        return []
    if ctx.feat(k, "Case") != "Gen" or (owner.entity, span.entity) in held:
        return []
    if head > 0 and is_post(ctx, head - 1):
        return []  # `главы агентства «Вектор» Олега Смирнова`: a post, no owner
    return [([owner.entity], span.entity, None, head)]


def _owner_before(
    ctx: Context, span: Span, held: set[tuple[Entity, Entity | None]]
) -> list[Pair]:
    """`холдинг Станислава Гончаренко «Агро-Дон»`: an owned thing's noun, a person in the
    genitive, then the quoted name."""
    owner = ctx.span_at.get(span.first - 2)
    if owner is None or owner.entity.type != PER or owner.last != span.first - 1:
        return []
    head = owner.first - 1
    if head < 0 or ctx.span_at.get(head) is not None or not owned_head(ctx.lemma(head)):
        return []
    if ctx.feat(owner.first, "Case") != "Gen" or (owner.entity, span.entity) in held:
        return []
    if head > 0 and is_post(ctx, head - 1):
        return []  # `главы холдинга Ивана Орлова «Вега»`: a post, no owner
    return [([owner.entity], span.entity, None, head)]


def _bracket_holders(ctx: Context, span: Span) -> list[Pair]:
    """`«Вега» (Иван Орлов — 39,9%, Анна Белова — 20%)`: shareholders with their shares
    in brackets after an organisation's name, each name followed by a dash and a share."""
    k = end_of(ctx, span)
    if span.entity.type != ORG or k >= ctx.n or ctx.text(k) != "(":
        return []
    owners: list[Entity] = []
    k += 1
    while k < ctx.n:
        k = _over_generic(ctx, k)  # `компания «Альфа» — 40%`
        owner = ctx.span_at.get(k)
        if owner is None or owner.first != k or owner.entity.type not in {PER, ORG}:
            return []
        k = end_of(ctx, owner)
        if k + 2 >= ctx.n or not ctx.is_dash(k) or not _percent_at(ctx, k + 1):
            return []
        owners.append(owner.entity)
        k += 3
        if k < ctx.n and ctx.text(k) == ")":
            return [(owners, span.entity, None, span.first)]
        if k + 1 >= ctx.n or ctx.text(k) not in {",", "и"}:
            return []
        k += 1
    return []


def _over_generic(ctx: Context, k: int) -> int:
    """The first word of the name at word k, over a generic noun and an opening quote
    before it (`компания «Альфа»`, `фонд «Альфа»`)."""
    j = k
    while j < ctx.n and ctx.span_at.get(j) is None and ctx.lemma(j) in GENERIC_NOUNS:
        j += 1
    while j < ctx.n and ctx.is_quote(j):
        j += 1
    return j if j > k and ctx.span_at.get(j) is not None else k


def _holders_of_shares(ctx: Context, span: Span) -> list[Pair]:
    """`«Вега» (51% у Ивана Орлова, 49% у фонда «Альфа»)`: shares and their holders with
    `у` in brackets after an organisation's name."""
    k = end_of(ctx, span)
    if span.entity.type != ORG or k >= ctx.n or ctx.text(k) != "(":
        return []
    owners: list[Entity] = []
    k += 1
    while k < ctx.n and _percent_at(ctx, k):
        k = _percent_end(ctx, k)
        if k >= ctx.n or ctx.lemma(k) != "у":
            return []
        owner = _name_after(ctx, k + 1, ctx.n, within=3)
        if owner is None or owner.entity.type not in {PER, ORG}:
            return []
        owners.append(owner.entity)
        k = end_of(ctx, owner)
        if k < ctx.n and ctx.text(k) == ")":
            return [(owners, span.entity, None, span.first)]
        if k >= ctx.n or ctx.text(k) not in {",", "и"}:
            return []
        k += 1
    return []


def _percent_end(ctx: Context, k: int) -> int:
    """The word after the percentage whose number is word k (`51%`, `51 %`, `51 процент`)."""
    return k + 1 if ctx.text(k).endswith("%") else k + 2


def _controlled(ctx: Context, i: int) -> list[Pair]:
    """`подконтрольная «Росинвесту» компания «Вега»`, `подконтрольный правительству
    Башкирии банк «Вега»`: the owner right after the adjective, the property after it;
    `«Вега», подконтрольная «Альфе»`: the property before."""
    a, b = ctx.clause(i, relative=False, quotes=False)
    owner = _name_after(ctx, i + 1, b, within=3)
    if owner is None or case_of(ctx, owner) == "Gen" and owner.entity.type != LOC:
        return []
    prop = _name_after(ctx, end_of(ctx, owner), b, within=3)
    if prop is not None and prop.entity.type == ORG and prop.entity is not owner.entity:
        return [([owner.entity], prop.entity, None, i)]
    before = _name_before(ctx, i - 1) if ctx.text(i - 1) == "," else None
    if before is not None and before.entity.type == ORG:
        return [([owner.entity], before.entity, None, i)]
    return []


RULES = {
    "owner-noun": _owner_noun,
    "own": _own,
    "belong": _belong,
    "share": _share_of,
    "part": _part,
    "subsidiary": _subsidiary,
    "controlled": _controlled,
}
