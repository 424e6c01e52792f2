"""Arguments named by a pronoun or a generic noun: the entity they stand for in their
paragraph, or none.

`Иван Орлов ... В 2019 году он возглавил «Вегу»`: `он` is Орлов; `Группа «Вега» ...
В октябре компания приобрела 30% «Альфы»`: `компания` is «Вега». The fact frames
(`tree.Tree.names`) ask here when a role's word is such a word, so every fact type gains.

- An anaphor: a personal pronoun (`он`, `она`, `оно`, `они` in any case; `его`, `ее`,
  `их` as possessives too), or a singular generic noun of `models/facts-anaphora-nouns.txt`
  (an organisation) or `models/facts-anaphora-person-nouns.txt` (a person: `бизнесмен`)
  with no name, no genitive and no modifier but a demonstrative (`эта компания`, not
  `другая компания`); a one-word mention the tagger took for a name (`Банку`) counts too.
- Candidates: the names before it in its sentence, then in each sentence before it, back
  to the start of its paragraph and at most `BACK` sentences; never a name of its own
  clause (`Орлов принял его`: `его` is not Орлов).
- Agreement: a pronoun's gender and number (a person's from the surname, an
  organisation's from the noun before its name, `банк «Восход»`, or from the name); a
  generic noun's kind (`models/facts-implied-org-kinds.tsv`, as for `глава компании`:
  `ведомство` takes a ministry or a service, `банк` a bank; a company-like noun also
  takes an organisation of no known kind; a person noun takes any person).
- The nearest sentence with a candidate that agrees decides: exactly one agrees (for
  `они`, exactly one list of names joined by `и`) and no pronoun like it there stands for
  someone else, or the anaphor is left unresolved.
  A wrong antecedent is worse than none.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..entities.types import ORG, PER
from ..record import Entity, Fact
from .context import Context, Span
from .implied import kinds
from .lexicon import mapping, multimap, words
from .merge import same

if TYPE_CHECKING:
    from ..document import Token
    from .tree import Tree

PRONOUNS = frozenset({"он", "она", "оно", "они"})
# Possessives, tagged as determiners: their gender, or "Plur".
POSSESSIVES = {"его": "Masc", "ее": "Fem", "её": "Fem", "их": "Plur"}
BACK = 3  # sentences before the anaphor's own in which its antecedent is looked for
# Relations inside a noun phrase: a word attached by one shares its phrase's predicate.
NOMINAL = frozenset(
    {"nmod", "appos", "flat", "flat:name", "flat:foreign", "conj", "amod", "det", "nummod",
     "case", "fixed", "compound", "cc", "punct"}
)  # fmt: skip
QUOTES = frozenset("«\"„“")
DEMONSTRATIVES = frozenset({"этот", "данный", "указанный", "сам", "тот"})
# Generic nouns that also stand for an organisation of no known kind (`«Энергосбыт»`).
COMPANY_LIKE = frozenset({"компания", "холдинг", "группа", "концерн", "корпорация", "фирма"})


def may_refer(tokens: list[Token], first: int, last: int) -> bool:
    """Whether words [first, last) hold a word that may be an anaphor: a personal pronoun,
    or a generic noun not followed by a name (`компания`, not `компания «Вега»`). The
    syntax stage parses its sentence and those before it."""
    nouns = words("anaphora-nouns") | words("anaphora-person-nouns") | _phrase_heads()
    for j in range(first, last):
        t = tokens[j]
        if t.lemma in PRONOUNS or t.lemma in POSSESSIVES:
            return True
        after = tokens[j + 1] if j + 1 < last else None
        named = after is not None and (after.text[:1] in QUOTES or after.text[:1].isupper())
        if t.lemma in nouns and t.pos in {"NOUN", "PROPN"} and not named:  # `Министерство`
            return True
    return False


def subjectless(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a sentence's verb comes before any word in the nominative (`В 2005 году
    возглавил «Вегу»`): its subject was named in a sentence before."""
    for j in range(first, last):
        t = tokens[j]
        if t.pos == "VERB" and t.feats.get("VerbForm") == "Fin":
            return True
        if t.pos in {"NOUN", "PROPN", "PRON"} and t.feats.get("Case") in {"Nom", None}:
            return False
    return False


def is_pronoun(ctx: Context, k: int) -> bool:
    lemma = ctx.lemma(k)
    return ctx.pos(k) in {"PRON", "DET"} and (lemma in PRONOUNS or lemma in POSSESSIVES)


def _features(ctx: Context, k: int) -> tuple[str | None, bool, bool]:
    """A pronoun's gender, whether it is plural, and whether it may be neuter too
    (`его`, `ему`, `ним` are masculine or neuter; `он` is not)."""
    possessive = POSSESSIVES.get(ctx.lemma(k))
    if possessive is not None:
        plural = possessive == "Plur"
        return (None if plural else possessive), plural, possessive == "Masc"
    plural = ctx.feat(k, "Number") == "Plur" or ctx.lemma(k) == "они"
    return ctx.feat(k, "Gender"), plural, ctx.feat(k, "Case") != "Nom"


def bare(ctx: Context, span: Span) -> bool:
    """A one-word mention that is only a generic noun (`Банку принадлежит ...`)."""
    first = span.first
    return (
        span.last - first == 1
        and ctx.lemma(first) in words("anaphora-nouns")
        and not ctx.is_quote(first - 1)
    )


def descriptor(ctx: Context, span: Span) -> bool:
    """Adjectives and a generic noun before a quoted name, read as a name of their own
    (`Нефтяная компания «Заря»`): no antecedent, the quoted name is."""
    last = span.last - 1
    return (
        ctx.lemma(last) in words("anaphora-nouns")
        and all(ctx.pos(k) == "ADJ" for k in range(span.first, last))
        and ctx.is_quote(span.last)
        and not ctx.is_quote(span.first - 1)  # `концерн «Невский завод»` is a name
    )


def is_generic(tree: Tree, k: int) -> bool:
    """A singular generic noun standing alone (`компания`, `эта компания`, `ведомство`)."""
    ctx = tree.ctx
    span = ctx.span_at.get(k)
    if span is not None and not bare(ctx, span):
        return False
    if generic_type(ctx, k) is None or ctx.pos(k) not in {"NOUN", "PROPN"}:
        return False
    if ctx.feat(k, "Number") == "Plur":
        return False
    phrase_only = generic_type(ctx, k) == ORG and ctx.lemma(k) not in words("anaphora-nouns")
    if phrase_only and _phrase_kind(tree, k) is None:
        return False  # `организация` alone: only `кредитная организация` is a bank
    for c in tree.children[k]:
        dep = tree.dep(c)
        if dep in {"amod", "det"} and ctx.lemma(c) in DEMONSTRATIVES:
            continue
        if dep == "amod" and _phrase(ctx, c, k) is not None:
            continue  # `кредитная организация`
        if dep not in {"case", "punct", "cc", "conj"}:
            return False  # `другая компания`, `компания отца`, `компания, которая`
    return True


def generic_type(ctx: Context, k: int) -> str | None:
    """The entity type the generic noun at word k stands for (`компания`: ORG,
    `бизнесмен`: PER), None for no generic noun."""
    lemma = ctx.lemma(k)
    if lemma in words("anaphora-nouns") or lemma in _phrase_heads():
        return ORG
    return PER if lemma in words("anaphora-person-nouns") else None


def _phrase(ctx: Context, adjective: int, noun: int) -> str | None:
    """The generic noun whose kinds a generic phrase stands for (`кредитная организация`:
    `банк`, `models/facts-anaphora-phrases.tsv`), None for no such phrase."""
    return mapping("anaphora-phrases").get(f"{ctx.lemma(adjective)} {ctx.lemma(noun)}")


def _phrase_kind(tree: Tree, k: int) -> str | None:
    """The kind noun of the generic phrase headed by word k, if any."""
    kinds = (_phrase(tree.ctx, c, k) for c in tree.children[k] if tree.dep(c) == "amod")
    return next((x for x in kinds if x), None)


@cache
def _phrase_heads() -> frozenset[str]:
    return frozenset(key.split()[-1] for key in mapping("anaphora-phrases"))


def resolve(tree: Tree, k: int, types: str) -> list[Entity]:
    """The entities of these types the pronoun or generic noun at word k stands for
    (several for `они`), or [] when it is neither, or none or several agree."""
    ctx = tree.ctx
    wanted = set(types.split())
    if is_pronoun(ctx, k):
        plural = _features(ctx, k)[1]
    elif is_generic(tree, k):
        plural = False
        wanted &= {generic_type(ctx, k)}
    else:
        return []
    if not wanted:
        return []
    own = _predicate(tree, k)
    possessive = _possessive(tree, k)
    for first, last in _window(ctx, k):
        spans = [
            s
            for s in ctx.spans_in(first, last, " ".join(wanted))
            if not bare(ctx, s)
            and not descriptor(ctx, s)
            and (
                last != k
                or _predicate(tree, _head_word(tree, s)) != own
                or possessive and not _subject(tree, _head_word(tree, s))
            )
        ]
        if plural:
            groups = _groups(tree, spans)
            if groups:
                return groups[0] if len(groups) == 1 else []
            continue
        found: list[Entity] = []
        for s in spans:
            if s.entity not in found and _agrees(tree, k, s):
                found.append(s.entity)
        if found and is_pronoun(ctx, k) and _other_referent(tree, k, first, last, found):
            return []  # `его принял Воронов, а затем он ...`: `он` may be either
        if found and not is_pronoun(ctx, k) and _listed(tree, spans, found):
            return []  # `Минздрав и Минтруд ... Министерство`: a noun names no one of a list
        if found and is_pronoun(ctx, k) and _in_list(tree, spans, found):
            return []  # `«Ладога» и «Онега» ... Ее основатель`: the gender of a name is a guess
        if len(found) > 1 and is_pronoun(ctx, k):
            found = _topic(tree, k, spans, found)
        if found:
            return found if len(found) == 1 else []
    return []


def _possessive(tree: Tree, k: int) -> bool:
    """A pronoun inside a noun phrase (`ее основатель`): unlike `его` as an object, it may
    stand for a name of its own clause, but for the subject (that would be `свой`):
    `49% радиостанции «Волна» сохранит ее основатель` (`ее` is «Волна»)."""
    head = tree.head(k)
    return (
        is_pronoun(tree.ctx, k)
        and head is not None
        and tree.dep(k) in {"det", "nmod"}
        and tree.ctx.pos(head) in {"NOUN", "PROPN"}
    )


def _topic(tree: Tree, k: int, spans: list[Span], found: list[Entity]) -> list[Entity]:
    """Of several names a pronoun agrees with, the one person who is a subject when the
    others are no persons (`Кравец владела долей в сети «Здоровье». Она продала ее ...`:
    `она` is Кравец) and, for a pronoun that is no subject, are named after a preposition
    (`Данилов из Алтайского края ... Ему принадлежит`); else all of them (two persons stay
    ambiguous)."""
    people = [e for e in found if e.type == PER]
    if len(people) != 1:
        return found
    subject = any(s.entity is people[0] and _subject(tree, _head_word(tree, s)) for s in spans)
    if not subject:
        return found
    if tree.dep(k).startswith("nsubj"):
        return people
    # `Данилов из Алтайского края ... Ему принадлежит`: the others only after a preposition,
    # or inside a post the person holds (`Григорян — совладелец сети «Атлетика». Ему ...`)
    others = [s for s in spans if s.entity in found and s.entity is not people[0]]
    person = next(_head_word(tree, s) for s in spans if s.entity is people[0])
    return (
        people
        if all(tree.prep(_head_word(tree, s)) or _in_post(tree, s, person) for s in others)
        else found
    )


def _in_post(tree: Tree, span: Span, person: int) -> bool:
    """Whether a name hangs (within three words up) from a noun said of the person at
    word `person`, as its predicate or apposition (`Орлов — совладелец сети «Вега»`,
    `глава «Веги» Орлов`)."""
    j: int | None = _head_word(tree, span)
    for _ in range(3):
        j = tree.head(j) if j is not None else None
        if j is None or tree.ctx.pos(j) != "NOUN":
            return False
        if person in tree.children[j] or tree.head(person) == j and tree.dep(person) == "appos":
            return True
    return False


def _subject(tree: Tree, j: int) -> bool:
    """Whether word j is a subject, or a name in apposition to one (`Фермер Кирилл
    Данилов купил`)."""
    head = tree.head(j)
    if tree.dep(j) == "appos" and head is not None:
        j = head
    return tree.dep(j).startswith("nsubj")


def _other_referent(
    tree: Tree, k: int, first: int, last: int, found: list[Entity]
) -> bool:
    """Whether a pronoun of the same gender and number in words [first, last), outside
    k's clause, stands for someone else, or for no one known."""
    ctx = tree.ctx
    own = _predicate(tree, k)
    for j in range(first, last):
        if j == k or not is_pronoun(ctx, j) or _features(ctx, j)[:2] != _features(ctx, k)[:2]:
            continue
        if last == k and _predicate(tree, j) == own:
            continue
        theirs = resolve(tree, j, " ".join(sorted({e.type for e in found})))
        if theirs != found:
            return True
    return False


def _listed(tree: Tree, spans: list[Span], found: list[Entity]) -> bool:
    """Whether a name a generic noun agrees with is one of a list of names whose other
    member may be of its kind too, none being known (`Минздрав и Минтруд ...
    Министерство`): nothing chooses between them (a bank beside a ministry is known not
    to be a `ведомство`)."""
    ctx = tree.ctx
    for group in _groups(tree, spans):
        if any(e in group for e in found) and any(
            e not in found and not kinds(ctx, [s for s in ctx.spans if s.entity is e])
            for e in group
        ):
            return True
    return False


def _in_list(tree: Tree, spans: list[Span], found: list[Entity]) -> bool:
    """Whether an organisation a singular pronoun agrees with is one of a list of names:
    an organisation's gender is read from its name or noun, too weak to choose one
    member of a list (persons' genders are not)."""
    return any(
        any(e in group and e.type == ORG for e in found) for group in _groups(tree, spans)
    )


def _window(ctx: Context, k: int) -> list[tuple[int, int]]:
    """Word ranges to look in, nearest first: the anaphor's sentence up to it, then the
    sentences before it in its paragraph (at most `BACK`)."""
    start = ctx.analysis.paragraph_start(ctx.start(k))
    first, _ = ctx.sentence(k)
    out = [(first, k)]
    while len(out) <= BACK and first > 0:
        first, last = ctx.sentence(first - 1)
        if ctx.start(first) < start:
            break
        out.append((first, last))
    return out


def _head_word(tree: Tree, span: Span) -> int:
    """The word of a mention whose head is outside it."""
    inside = range(span.first, span.last)
    return next((j for j in inside if tree.head(j) not in inside), span.first)


def _predicate(tree: Tree, k: int) -> int | None:
    """The predicate whose argument word k's phrase is (`Орлов принял его`: `принял` for
    both names)."""
    while tree.dep(k) in NOMINAL and tree.head(k) is not None:
        k = tree.head(k)  # type: ignore[assignment]
    return tree.head(k) if tree.head(k) is not None else k


def _groups(tree: Tree, spans: list[Span]) -> list[list[Entity]]:
    """Lists of two or more names joined as conjuncts (`Синицына и Бурцев`)."""
    by_root: dict[int, list[Entity]] = {}
    for s in spans:
        k = _head_word(tree, s)
        if tree.dep(k) == "appos" and tree.head(k) is not None:
            k = tree.head(k)  # type: ignore[assignment]  # `холдинг «Петрохим» и концерн «Луч»`
        k = tree.conj_root(k)
        if tree.dep(k) == "appos" and tree.head(k) is not None:
            k = tree.head(k)  # type: ignore[assignment]  # `компании «Ладога» и «Онега»`
        group = by_root.setdefault(k, [])
        if s.entity not in group:
            group.append(s.entity)
    return [g for g in by_root.values() if len(g) >= 2]


def _agrees(tree: Tree, k: int, span: Span) -> bool:
    ctx = tree.ctx
    if not is_pronoun(ctx, k) and generic_type(ctx, k) == PER:
        return span.entity.type == PER  # `бизнесмен`: any one person (two stay ambiguous)
    if not is_pronoun(ctx, k):
        noun = _phrase_kind(tree, k) or ctx.lemma(k)
        return span.entity.type == ORG and _kind_fits(ctx, noun, span)
    if ctx.feat(_head_word(tree, span), "Number") == "Plur" and span.entity.type != PER:
        return False  # `Российские железные дороги` is `они`
    (mine, _, neuter), theirs = _features(ctx, k), gender(ctx, span)
    if mine is None or theirs is None or mine == theirs:
        return True
    return neuter and {mine, theirs} <= {"Masc", "Neut"}


def gender(ctx: Context, span: Span) -> str | None:
    """A name's gender: a person's from the surname (else the first name); an
    organisation's or place's from the noun before its name (`банк «Восход»`; `сеть` in
    `сеть пекарен «Хлебница»`) or its own first word (`Министерство ...`, `«Вега»`)."""
    if span.entity.type == PER:
        return ctx.feat(span.last - 1, "Gender") or ctx.feat(span.first, "Gender")
    before = span.first - 1 - ctx.is_quote(span.first - 1)
    while _genitive(ctx, before) and _genitive(ctx, before - 1):
        before -= 1  # `сеть салонов связи «Алло»`: `салон связи` is one thing
    plural = _genitive(ctx, before) and ctx.feat(before, "Number") == "Plur"
    if plural and ctx.pos(before - 1) in {"NOUN", "PROPN"}:
        before -= 1  # `сеть пекарен «Хлебница»`: the name is the network's
    if ctx.pos(before) in {"NOUN", "PROPN"} and ctx.lemma(before) in _kind_words():
        return ctx.feat(before, "Gender")
    first = span.first + ctx.is_quote(span.first)
    return ctx.feat(first, "Gender")


def _genitive(ctx: Context, k: int) -> bool:
    return k >= 0 and ctx.pos(k) == "NOUN" and ctx.feat(k, "Case") == "Gen"


def _kind_fits(ctx: Context, noun: str, span: Span) -> bool:
    """Whether the organisation named by `span` is of a kind the generic noun names."""
    fits = {noun, *multimap("implied-org-kinds").get(noun, ())}
    spans = [s for s in ctx.spans if s.entity is span.entity]
    theirs = kinds(ctx, spans) | {
        w
        for s in spans
        for w in (ctx.lemma(s.first), ctx.lemma(s.first - 1 - ctx.is_quote(s.first - 1)))
        if w in words("anaphora-nouns")
    }  # `Авиакомпания «Северный ветер»`
    return bool(theirs & fits) if theirs else noun in COMPANY_LIKE


def _kind_words() -> frozenset[str]:
    return words("anaphora-nouns") | words("org-nouns")


def settle(tree: Tree, facts: dict[str, list[Fact]]) -> None:
    """Rule facts whose argument is a mention that is only a generic noun (`Банку
    принадлежит ...`, `Министерство возглавляет ...`): the argument becomes the name it
    stands for, or is dropped; a fact left without its pair, and one that now repeats
    another, goes."""
    ctx = tree.ctx
    bare_of: dict[int, list[Span]] = {}
    for s in ctx.spans:
        bare_of.setdefault(id(s.entity), []).append(s)
    bare_ids = {k for k, spans in bare_of.items() if all(bare(ctx, s) for s in spans)}
    if not bare_ids:
        return
    for kind, found in facts.items():
        kept: list[Fact] = []
        for fact in found:
            for key, value in list(fact.args.items()):
                if isinstance(value, Entity) and id(value) in bare_ids:
                    fact.args[key] = _meant(tree, fact, bare_of[id(value)])
                elif isinstance(value, list) and any(id(v) in bare_ids for v in value):
                    fact.args[key] = [
                        m
                        for v in value
                        for m in ([_meant(tree, fact, bare_of[id(v)])] if id(v) in bare_ids
                                  else [v])
                        if m is not None
                    ]  # fmt: skip
            if _whole(fact) and not any(_repeats(fact, old) for old in kept):
                kept.append(fact)
        facts[kind] = kept


def _meant(tree: Tree, fact: Fact, spans: list[Span]) -> Entity | None:
    """What the generic-noun mention of a fact stands for, or None."""
    span = next((s for s in spans if fact.start <= tree.ctx.start(s.first) < fact.stop), None)
    if span is None:
        return None
    found = resolve(tree, span.first, span.entity.type)
    return found[0] if len(found) == 1 else None


def _whole(fact: Fact) -> bool:
    """Whether a fact still has what makes it one."""
    args = fact.args
    if fact.type == "occupation":
        return args.get("person") is not None and bool(args.get("org") or args.get("position"))
    if fact.type == "ownership":
        return args.get("owner") is not None and args.get("property") is not None
    if fact.type == "deal":
        return bool(args.get("parties"))
    return True


def _repeats(new: Fact, old: Fact) -> bool:
    keys = {"occupation": ("person", "org", "position"), "ownership": ("owner", "property")}
    wanted = keys.get(new.type)
    if wanted is None:
        return False
    return all(same(new.args.get(k), old.args.get(k)) for k in wanted)
