"""The dependency tree of a document as fact frames read it: a word's arguments with
the relations they play, and the named entities a word stands for.

What repeats across frames is done here, once:
- passive voice swaps agent and patient: `nsubj:pass` plays `obj`; `obl:agent`, or an
  instrumental with no preposition, plays `nsubj` (`«Вега» была куплена «Альфой»`);
- a participial clause, or a participle before its noun, gives its antecedent the
  subject's role (the object's, when the participle is passive), a relative clause
  gives it the role of its relative word (`холдинг, которым руководит Орлов`; `группа,
  куда входят сети`);
- a conjoined verb, and a verb under another (`xcomp`), shares its head's subject, and
  a verb its object with the verb conjoined after it (`основал и возглавлял «Вегу»`);
- a conjunct is attached where the first of its conjuncts is (`Орлов (глава «Веги» и
  совладелец «Альфы»)`: `совладелец` is in apposition to `Орлов` too);
- a word stands for the names it holds: itself, its appositions and flat names after it, its
  genitives other than places (`сеть аптек «Здоровье»`, not `отдел России`), two levels
  down (a share costs no level: `30% акций банка «Альфа»`, and names what it is in:
  `доля в банке «Альфа»`); and for a generic noun right
  after a name and a comma, that name (`«Вега» и «Луч», дочерние компании «Альфы»`); a
  relative word deep in its clause, its antecedent (`«Вега», акционером которой ...`);
- conjuncts share the role of their head (`А, Б и В`);
- a pronoun or a generic noun stands for the name it refers to in its paragraph, when
  exactly one agrees (`anaphora.py`); a post or describing noun for the person it
  describes, given the document's `Persons` (`казахстанский лидер`); an inanimate noun
  stands for no person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from ..entities.types import LOC, PER
from ..record import Entity
from .anaphora import bare, resolve
from .context import Context
from .lexicon import mapping, words
from .positions import is_post

if TYPE_CHECKING:
    from .persons import Persons

RELATIVE = {"который": "", "кто": "", "что": "", "куда": "в", "где": "в", "чей": ""}
NAMING = {"appos", "flat", "flat:name", "flat:foreign"}
GENERIC = words("org-nouns")
GOVERNMENTS = words("government-nouns")  # a place in their genitive is who they are
POSSESSIVE = frozenset({"его", "ее", "её", "их"})
PERSONAL = frozenset({"он", "она", "оно", "они"})
POST_HOLDERS = frozenset({"должность", "пост"})  # `на посту директора`: a post's noun
# nouns that take a dative of their own (`помощь «Альфе»`), besides the deal nouns
DATIVE_NOUNS = frozenset({"помощь", "долг", "письмо", "обращение", "памятник", "угроза", "подарок"})
# `сын Ивана Орлова`, `заместитель Постникова`: the genitive is not who the noun is
RELATIVES = words("relation-nouns") | words("positions-relational")
SHARES = frozenset({"%", "процент", "акция", "доля", "пакет"})  # a part of the name after them

# An argument: the word, the relation it plays, its preposition ("" for none).
Arg = tuple[int, str, str]
# Each word's head (None for the root) and relation.
Arcs = list[tuple[int | None, str]]

ACTIVE_PARTICIPLE = re.compile(r"(щ|вш|ш)(ий|ая|ее|ие|его|ей|ему|им|ую|ем|их|ими)(ся|сь)?$")


def active_participle(word: str) -> bool:
    """Whether a word has the ending of an active participle (`руководящая`,
    `возглавлявший`), which no passive one has."""
    return ACTIVE_PARTICIPLE.search(word.lower()) is not None


def _over_the_verb(ctx: Context, arcs: Arcs) -> Arcs:
    """A noun before a verb that the parser hangs, as `nmod`, on a noun of the verb after
    it (`заводом «Вега» руководит Орлов, выпускник ...`: `заводом` on `выпускник`) is the
    verb's argument (`obl`): a noun's complement does not stand before its clause's verb."""
    out = list(arcs)
    for i, (head, dep) in enumerate(arcs):
        if dep != "nmod" or head is None or head < i or ctx.pos(i) != "NOUN":
            continue
        k: int | None = head
        for _ in range(8):  # up from the head: a verb between the two
            k = arcs[k][0] if k is not None else None
            if k is not None and i < k < head and ctx.pos(k) == "VERB":
                out[i] = (k, "obl")
                break
    return out


def _children_of(arcs: Arcs) -> dict[int, list[int]]:
    """Each head's dependents, in order."""
    children: dict[int, list[int]] = {}
    for c, (h, _) in enumerate(arcs):
        if h is not None:
            children.setdefault(h, []).append(c)
    return children


def _dative_name(ctx: Context, arcs: Arcs) -> Arcs:
    """A name in the dative with no preposition that the parser hangs as `nmod` on a noun
    taking no dative (`продан за 4 млрд рублей компании «Альфа»`, `оборудование для цеха
    «Альфе» поставит`) is the indirect object of the verb above that noun; a deal noun's
    own dative stays (`продажа «Веги» компании «Альфа»`)."""
    out = list(arcs)
    children = _children_of(arcs)
    with_iobj = {h for h, d in arcs if d == "iobj"}
    takes_dative = DATIVE_NOUNS | set(mapping("deal-words"))
    for i, (head, dep) in enumerate(arcs):
        if dep != "nmod" or head is None or ctx.feat(i, "Case") != "Dat":
            continue
        if ctx.pos(head) != "NOUN" or ctx.lemma(head) in takes_dative:
            continue
        kids = children.get(i, [])
        if any(arcs[c][1] == "case" for c in kids):
            continue
        named = ctx.span_at.get(i) is not None or any(
            arcs[c][1] in NAMING and ctx.span_at.get(c) is not None for c in kids
        )
        k: int | None = head
        for _ in range(4):  # up from the noun to its clause's verb
            k = arcs[k][0] if k is not None else None
            if k is None or ctx.pos(k) == "VERB":
                break
        if not named or k is None or ctx.pos(k) != "VERB":
            continue
        if k not in with_iobj:
            out[i] = (k, "iobj")
    return out


def _accusative_name(ctx: Context, arcs: Arcs) -> Arcs:
    """A name or a person in the accusative (or with an adjective in it) with no preposition
    that the parser hangs as `nmod` on the verb's predicative noun before it (`назначил
    руководителем Рособрнадзора 30-летнего Ивана Муравьева`: `Ивана` on `руководителем`;
    `утвердила министром бывшего главврача Корнеева`) is the verb's object, when it has
    none."""
    out = list(arcs)
    with_obj = {h for h, d in arcs if d == "obj"}
    cased = {h for h, d in arcs if d == "case"}
    children = _children_of(arcs)
    for i, (head, dep) in enumerate(arcs):
        if dep != "nmod" or head is None or head > i or i in cased:
            continue
        if ctx.span_at.get(i) is None and ctx.feat(i, "Animacy") != "Anim":
            continue
        amods = [c for c in children.get(i, []) if arcs[c][1] == "amod"]
        if "Acc" not in {ctx.feat(k, "Case") for k in (i, *amods)}:
            continue  # `бывшего главврача`: the adjective tells the case
        verb, role = arcs[head]
        if role not in ("xcomp", "obl") or verb is None or ctx.pos(verb) != "VERB":
            continue
        if verb not in with_obj:
            out[i] = (verb, "obj")
            with_obj.add(verb)
    return out


def _clause_after_name(ctx: Context, arcs: Arcs) -> Arcs:
    """A participial clause, or a relative clause opening with `который`, right after a
    name and a comma is about that name when the participle or relative word agrees with
    it (`газета «Ведомости», DST, принадлежащая Мильнеру`; `в группу «Капитал», которой
    принадлежат ...`), wherever the parser hung it."""
    out = list(arcs)
    for i, (head, dep) in enumerate(arcs):
        if dep == "acl" and ctx.feat(i, "VerbForm") == "Part":
            agreeing = i  # the participle agrees with its noun
        elif dep == "acl:relcl":
            agreeing = next((k for k in range(i) if _opens(ctx, arcs, k, i)), -1)
        else:
            continue
        if agreeing < 2 or ctx.text(agreeing - 1) != ",":
            continue
        word = _name_before(ctx, arcs, agreeing - 2)
        if word is not None and word != head and _agree(ctx, agreeing, word):
            out[i] = (word, dep)
    return out


def _relative_subject(ctx: Context, arcs: Arcs) -> Arcs:
    """A person named inside a relative clause with no subject is its subject, wherever
    the parser hung the name (`Компания «Вега», где с 2019 года работает финансовым
    директором Лариса Котова, ...`: the name read as an apposition of `Компания`). The
    clause runs from its relative word after a comma to the next comma or dash."""
    out = list(arcs)
    with_subject = {h for h, d in arcs if d in ("nsubj", "nsubj:pass")}
    for v, (host, dep) in enumerate(arcs):
        if dep not in ("acl:relcl", "parataxis") or host is None or ctx.pos(v) != "VERB":
            continue
        if v in with_subject:
            continue
        start = next((k for k in range(v - 1, max(host, v - 8), -1) if ctx.text(k) == ","), None)
        if start is None or ctx.lemma(start + 1) not in RELATIVE and not _opens(
            ctx, arcs, start + 1, v
        ):
            continue
        if dep == "parataxis":  # `«Кедр», где работает ...`: read as a clause of its own
            out[v] = (host, "acl:relcl")
        last = ctx.sentence(v).last
        end = next((k for k in range(v + 1, last) if ctx.text(k) in {",", "—", "–"}), last)
        for k in range(v + 1, end):
            span = ctx.span_at.get(k)
            if span is None or span.first != k or span.entity.type != PER:
                continue
            head, hung = arcs[k]
            outside = head is not None and not start < head < end
            # or in apposition to the verb's predicate noun (`работает бухгалтером Лосева`)
            on_predicate = hung == "appos" and head is not None and arcs[head] == (v, "xcomp")
            if (outside or on_predicate) and ctx.feat(k, "Case") in ("Nom", None):
                out[k] = (v, "nsubj")
            break
    return out


def _plural_post(ctx: Context, arcs: Arcs) -> Arcs:
    """A post in the plural after a list of names and a comma, which the parser reads as
    one more conjunct, is their apposition (`Олег Ткачев и Марина Гусева, руководители
    «Северной верфи», подписали`), unless its organisations go one to each name
    (`соответственно`)."""
    out = list(arcs)
    for p, (head, dep) in enumerate(arcs):
        if dep != "conj" or head is None or ctx.feat(p, "Number") != "Plur":
            continue
        span = ctx.span_at.get(head)
        if span is None or span.entity.type != PER or not is_post(ctx, p):
            continue
        listed = [k for k in range(head + 1, p) if arcs[k] == (head, "conj")]
        if not any(_person(ctx, k) for k in listed):
            continue  # `Хлопонин, представители Госдумы, ...`: a list, one name no plural
        lead = min([p, *(c for c, (h, d) in _near(arcs, p) if h == p and d == "amod")])
        if lead == 0 or ctx.text(lead - 1) != ",":
            continue
        if any(h == p and d == "cc" for _, (h, d) in _near(arcs, p)):
            continue  # `Иванов, Петров и министры`: others, not their posts
        last = ctx.sentence(p).last
        if any(ctx.lemma(k) == "соответственно" for k in range(p, min(last, p + 20))):
            continue
        out[p] = (head, "appos:list")  # the frames of post nouns read this relation
    return out


def _person(ctx: Context, k: int) -> bool:
    span = ctx.span_at.get(k)
    return span is not None and span.entity.type == PER


def _near(arcs: Arcs, p: int) -> list[tuple[int, tuple[int | None, str]]]:
    """The arcs of the words within four of word p."""
    return [(k, arcs[k]) for k in range(max(0, p - 4), min(len(arcs), p + 5))]


def _participle_words(ctx: Context, arcs: Arcs) -> Arcs:
    """A participial clause is one piece: a word inside it that the parser hangs outside
    it belongs to the participle (`Уволенный с завода «Вега» инженер Жуков подал иск`:
    `завода` on `подал`; `Дмитриенко, проработавший в «Альфе», перешел в «Лиру»`:
    `«Альфе»` on `перешел`). The clause of a participle before its noun runs to the noun;
    after a comma, to the next comma, dash or bracket."""
    out = list(arcs)
    for p, (noun, dep) in enumerate(arcs):
        if noun is None or dep not in {"acl", "amod"} or ctx.pos(p) != "VERB":
            continue
        if ctx.feat(p, "VerbForm") != "Part":
            continue
        if p < noun:
            end = noun
        elif p > 0 and ctx.text(p - 1) == ",":
            end = next(
                (k for k in range(p + 1, ctx.n) if ctx.text(k) in {",", "—", "–", "(", ")", "."}),
                ctx.n,
            )
            if ctx.sentence(p) != ctx.sentence(end - 1):
                continue
        else:
            continue
        inside = range(p + 1, end)
        if any(arcs[k][0] is None for k in inside):
            continue  # the parser read a clause of its own there
        for k in inside:
            head, rel = arcs[k]
            if head is None or p <= head <= end or ctx.pos(k) not in {"NOUN", "PROPN"}:
                continue
            host = next((j for j in range(k - 1, p, -1) if ctx.pos(j) == "NOUN"), None)
            if rel == "appos" and host is not None:
                out[k] = (host, rel)  # an apposition follows its noun
            else:
                out[k] = (p, "obl" if rel in {"obl", "nmod", "iobj"} else rel)
    return out


def _stray_modifier(ctx: Context, arcs: Arcs) -> Arcs:
    """A participle or adjective in the nominative that the parser hangs on a noun in
    another case, or reads as the subject itself, belongs to the person named after that
    noun (`Управлявший сетью «Ойл-Сервис» Геннадий Трофимов перешел ...`, `Бывший при нем
    первым замом Игорь Сытин трудится ...`: the modifier on `сетью`, `замом`, or the
    verb's subject, and the name in apposition to the noun). The name becomes the
    subject of the verb the noun hangs on, when the verb has no other and the modifier
    agrees with the name; the noun goes inside the modifier's clause."""
    out = list(arcs)
    subjects: dict[int, list[int]] = {}
    for k, (h, d) in enumerate(arcs):
        if h is not None and d in ("nsubj", "nsubj:pass"):
            subjects.setdefault(h, []).append(k)
    for p, (host, dep) in enumerate(arcs):
        if host is None or host < p or ctx.pos(p) == "NOUN" or ctx.feat(p, "Case") != "Nom":
            continue
        verb: int | None
        if dep == "nsubj" and active_participle(ctx.text(p)):
            verb = host  # `Управлявшая сетью ... Анна Белова перешла`: the participle as subject
        elif dep in ("acl", "amod") and ctx.feat(host, "Case") not in ("Nom", None):
            verb = arcs[host][0]
        else:
            continue
        if verb is None or ctx.pos(verb) != "VERB" or set(subjects.get(verb, [])) - {p}:
            continue
        name = next(
            (
                k
                for k in range(p + 1, verb)
                if arcs[k][1] == "appos" and _stray_host(ctx, arcs, k, p, verb)
            ),
            None,
        )
        span = None if name is None else ctx.span_at.get(name)
        if name is None or span is None or span.entity.type != PER:
            continue
        if ctx.feat(name, "Case") not in ("Nom", None) or not _agree(ctx, p, name):
            continue
        noun = arcs[name][0]
        assert noun is not None
        out[p], out[noun], out[name] = (name, "acl"), (p, "obl"), (verb, "nsubj")
        subjects[verb] = [name]
    return out


def _stray_host(ctx: Context, arcs: Arcs, k: int, p: int, verb: int) -> bool:
    """Whether word k is in apposition to a noun in another case than the nominative
    that stands between word p and the verb and hangs on that verb."""
    noun = arcs[k][0]
    return (
        noun is not None
        and p < noun < k
        and arcs[noun] == (verb, arcs[noun][1])
        and ctx.pos(noun) == "NOUN"
        and ctx.feat(noun, "Case") not in ("Nom", None)
    )


def _pronoun_object(ctx: Context, arcs: Arcs) -> Arcs:
    """A personal pronoun in the accusative or instrumental under a verb is its object,
    whatever the parser called it (`Ею руководит Ахтямов` read as `xcomp`); a name it
    took for the pronoun's apposition is the verb's subject (`Руководит ею Ахтямов`)."""
    out = list(arcs)
    for k, (head, dep) in enumerate(arcs):
        if head is None or ctx.lemma(k) not in PERSONAL or ctx.pos(head) != "VERB":
            continue
        if ctx.feat(k, "Case") not in {"Acc", "Ins"} or dep not in {"xcomp", "appos"}:
            continue
        out[k] = (head, "obj")
    for k, (head, dep) in enumerate(arcs):
        if head is None or dep != "appos" or ctx.feat(k, "Case") != "Nom":
            continue
        verb = out[head][0]
        if ctx.lemma(head) in PERSONAL and out[head][1] == "obj" and verb is not None:
            out[k] = (verb, "nsubj")
    return out


def _opens(ctx: Context, arcs: Arcs, k: int, verb: int) -> bool:
    """Whether word k is `который` opening the relative clause of `verb` (within it)."""
    if ctx.lemma(k) != "который" or k > verb:
        return False
    j: int | None = k
    for _ in range(4):
        j = arcs[j][0] if j is not None else None
        if j == verb:
            return True
    return False


def _name_before(ctx: Context, arcs: Arcs, end: int) -> int | None:
    """The word heading the name that ends at word `end` (its closing quote skipped): the
    noun before its opening quote (`группу «Капитал»`), or the name's own head word."""
    end -= ctx.is_quote(end)
    span = ctx.span_at.get(end)
    if span is None or span.last != end + 1:
        return None
    before = span.first - 1
    if ctx.is_quote(before) and ctx.pos(before - 1) == "NOUN":
        return before - 1
    inside = range(span.first, span.last)
    return next((j for j in inside if arcs[j][0] not in inside), span.first)


def _agree(ctx: Context, a: int, b: int) -> bool:
    """Whether two words agree in number and gender (a feature either lacks agrees)."""
    return all(
        None in (ctx.feat(a, f), ctx.feat(b, f)) or ctx.feat(a, f) == ctx.feat(b, f)
        for f in ("Number", "Gender")
    )


class Tree:
    """Children, prepositions and argument roles over a Context's parsed tokens."""

    def __init__(self, ctx: Context, persons: Persons | None = None) -> None:
        self.ctx = ctx
        self.persons = persons  # descriptions of persons (`российский лидер`), when given
        self._args: dict[int, tuple[Arg, ...]] = {}

    @cached_property
    def parsed(self) -> bool:
        return any(t.dep is not None for t in self.ctx.tokens)

    @cached_property
    def arcs(self) -> Arcs:
        """Each word's head and relation, mended where the parser is known to slip: a
        genitive noun right after `должность`, `пост` (adjectives between) is its
        complement (`уволили с должности главного инженера`, not the verb's object); a
        noun hung over its clause's verb on a noun after it is the verb's (`_over_the_verb`);
        so is a name in the dative hung on a noun that takes none (`_dative_name`), and one
        in the accusative hung on the verb's predicative noun (`_accusative_name`);
        a participial or relative clause after a name and a comma is the name's."""
        ctx = self.ctx
        out = [(t.head, t.dep or "") for t in ctx.tokens]
        for i, (head, _) in enumerate(out):
            if ctx.pos(i) != "NOUN" or ctx.feat(i, "Case") != "Gen":
                continue
            k = i - 1
            while k >= 0 and ctx.pos(k) == "ADJ" and out[k][0] == i:
                k -= 1
            if k < 0 or head == k or ctx.lemma(k) not in POST_HOLDERS or ctx.pos(k) != "NOUN":
                continue
            if out[k][0] == head:  # both hung on the same word: the parse is split
                out[i] = (k, "nmod")
        out = _participle_words(ctx, _pronoun_object(ctx, _stray_modifier(ctx, out)))
        out = _dative_name(ctx, _over_the_verb(ctx, out))
        out = _accusative_name(ctx, out)
        return _plural_post(ctx, _relative_subject(ctx, _clause_after_name(ctx, out)))

    @cached_property
    def children(self) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in self.ctx.tokens]
        for i, (head, _) in enumerate(self.arcs):
            if head is not None:
                out[head].append(i)
        return out

    def head(self, i: int) -> int | None:
        return self.arcs[i][0]

    def dep(self, i: int) -> str:
        return self.arcs[i][1]

    def prep(self, i: int) -> str:
        """The lemma of the preposition of word i, "" for none; a compound one joined by
        `_` (`в_отношение`, `в_течение`: `в отношении «Веги»` is no place)."""
        for c in self.children[i]:
            if self.dep(c) == "case":
                fixed = [self.ctx.lemma(f) for f in self.children[c] if self.dep(f) == "fixed"]
                return "_".join([self.ctx.lemma(c), *fixed])
        return ""

    def passive(self, i: int) -> bool:
        if active_participle(self.ctx.text(i)):
            return False  # the tagger calls `руководящая` passive at times
        return self.ctx.feat(i, "Voice") == "Pass" or any(
            self.dep(c) in ("aux:pass", "nsubj:pass") for c in self.children[i]
        )

    def _role(self, i: int, c: int, passive: bool) -> str:
        dep = self.dep(c)
        if passive:
            if dep == "nsubj:pass":
                return "obj"
            if dep == "obl:agent":
                return "nsubj"
            if dep in ("obl", "iobj") and self.ctx.feat(c, "Case") == "Ins" and not self.prep(c):
                return "nsubj"
        return dep

    def args(self, i: int) -> tuple[Arg, ...]:
        """The arguments of word i with the relations they play (see the module); read
        once per word (every path of every role of a frame starts with its trigger's)."""
        found = self._args.get(i)
        if found is None:
            found = self._args[i] = tuple(self._read_args(i))
        return found

    def _read_args(self, i: int) -> list[Arg]:
        passive = self.passive(i)
        out: list[Arg] = []
        antecedent = self.head(i) if self.clausal(i) else None
        for c in self.children[i]:
            role, prep = self._role(i, c, passive), self.prep(c)
            if antecedent is not None and self.ctx.lemma(c) in RELATIVE:
                prep = prep or RELATIVE[self.ctx.lemma(c)]
                role = "obl" if prep else role
                c = antecedent
            out.append((c, role, prep))
        roles = {r for _, r, _ in out}
        if antecedent is not None and self.dep(i) != "acl:relcl":
            role = "obj" if passive else "nsubj"
            if role not in roles:
                out.append((antecedent, role, ""))
        elif antecedent is not None and "nsubj" not in roles and "obj" not in roles:
            out.append((antecedent, "nsubj", ""))  # `, создавший`: a relative with no word
        if self.ctx.pos(i) == "VERB" and not passive:
            out = self._mend(i, out)
        head = self.head(i)
        # a conjunct shares its head's subject; a verb under another verb too, a noun
        # there not (`назначил Петрова министром`: the minister is the object)
        control = self.dep(i) == "xcomp" and self.ctx.pos(i) != "NOUN"
        shares = self.dep(i) == "conj" or control
        if shares and head is not None and "nsubj" not in {r for _, r, _ in out}:
            theirs = self.args(head)
            # `его пригласили возглавить «Вегу»`, `назначил Орлова исполняющим
            # обязанности`: an object controls the verb (or predicative participle) under it
            controller = [(c, "nsubj", "") for c, r, p in theirs if r == "obj" and not p]
            form = self.ctx.feat(i, "VerbForm")
            predicative = form == "Part" and self.ctx.feat(i, "Case") == "Ins"
            if not (control and (form == "Inf" or predicative) and controller):
                controller = [a for a in theirs if a[1] == "nsubj"]
            out += controller
        if shares and passive and head is not None and "obj" not in {r for _, r, _ in out}:
            # `«Вега» финансируется и контролируется «Альфой»`: the patient shared
            out += [a for a in self.args(head) if a[1] == "obj" and not a[2]]
        if self.dep(i) == "acl:relcl" and "nsubj" not in {r for _, r, _ in out}:
            out += self._outer_subject(i)
        if "nsubj" not in {r for _, r, _ in out} and not passive:
            out += self._dropped_subject(i)
        if "obj" not in {r for _, r, _ in out} and self.ctx.pos(i) == "VERB":
            for c in self.children[i]:  # `основал и возглавлял «Парус»`: the object shared
                if self.dep(c) == "conj" and self.ctx.pos(c) == "VERB" and c > i:
                    out += [(k, "obj", "") for k in self.children[c] if self.dep(k) == "obj"]
        if "obj" not in {r for _, r, _ in out} and self._conjoined_verb(i):
            # `Компанию «Лотос» основал и возглавляет Гилязов`: the object named first
            head_args = self.children[self.head(i) or 0]
            out += [(k, "obj", "") for k in head_args if self.dep(k) == "obj"]
        return out

    def _dropped_subject(self, i: int) -> list[Arg]:
        """The subject a sentence's main verb leaves out (`Олег Сазонов — предприниматель.
        Контролирует группу «Монолит»`): the one person the sentence before, in its
        paragraph, has as its subject (itself perhaps left out: `Окончил МГУ. Возглавил
        «Вегу»`), agreeing with the verb; none when that sentence has no such person."""
        ctx = self.ctx
        if self.dep(i) != "root" or ctx.pos(i) != "VERB" or ctx.feat(i, "VerbForm") != "Fin":
            return []
        if ctx.feat(i, "Number") == "Plur" or ctx.feat(i, "Person") in ("1", "2"):
            return []
        first = ctx.sentence(i).first
        if first == 0 or ctx.spans_in(first, i, "PER ORG"):
            return []  # a name before the verb: the parser missed its subject
        before = ctx.sentence(first - 1)
        paragraph = ctx.analysis.paragraph_start(ctx.start(first))
        if before.first >= before.last or ctx.start(before.first) < paragraph:
            return []
        root = next((k for k in range(before.first, before.last) if self.dep(k) == "root"), None)
        if root is None:
            return []
        subjects = [c for c, r, _ in self.args(root) if r == "nsubj"]
        named = [c for c in subjects if (s := ctx.span_at.get(c)) and s.entity.type == PER]
        if len(subjects) != 1 or len(named) != 1 or not self._agrees(i, named[0]):
            return []
        return [(named[0], "nsubj", "")]

    def _outer_subject(self, i: int) -> list[Arg]:
        """The subject of a relative clause with none, when the verb its antecedent
        hangs from has one that agrees (`Тихонов создал компанию, которую возглавлял до
        2020 года`: Тихонов heads it)."""
        antecedent = self.head(i)
        verb = None if antecedent is None else self.head(antecedent)
        if verb is None or self.ctx.pos(verb) != "VERB" or self.ctx.pos(i) != "VERB":
            return []
        if self.dep(antecedent) not in ("obj", "obl", "iobj"):  # type: ignore[arg-type]
            return []
        return [a for a in self.args(verb) if a[1] == "nsubj" and self._agrees(i, a[0])]

    def _mend(self, i: int, out: list[Arg]) -> list[Arg]:
        """Readings the parser gets wrong around an active verb with no object: of two
        subjects, the one not agreeing with the verb is its object (`Издательство основал
        Гусев`), and so is a share (`Пакет акций «Веги» купил фонд`); of two objects, or
        two indirect objects, and no subject, the one after the verb is the subject (`ему
        принадлежат сети`); a possessive pronoun before its indirect object is the object
        (`продал ее холдингу`)."""
        ctx = self.ctx
        subjects = [c for c, r, _ in out if r == "nsubj"]
        objects = [c for c, r, p in out if r == "obj" and not p]
        if not subjects and len(objects) == 2 and objects[0] < i < objects[1]:
            # `Доли в «Вере» приобрели фонд «Альфа» и банк «Бета»`: no verb takes two
            # objects, the one after the verb is its subject
            return [(c, "nsubj" if c == objects[1] else r, p) for c, r, p in out]
        if any(r == "obj" for _, r, _ in out):
            return out
        if len(subjects) == 2:
            agree = [c for c in subjects if self._agrees(i, c)]
            shares = [c for c in subjects if ctx.lemma(c) in SHARES]
            if len(shares) == 1:  # `Пакет акций «Веги» купил фонд «Альфа»`: a share buys none
                agree = [c for c in subjects if c not in shares]
            if len(agree) == 1:
                return [(c, "obj" if c in subjects and c not in agree else r, p)
                        for c, r, p in out]  # fmt: skip
            return out
        datives = [c for c, r, p in out if r == "iobj" and not p]
        if not subjects and len(datives) == 2 and i < datives[1]:
            # `ему принадлежат лесопилка «Сосна» и ...`: no verb takes two datives, the
            # one after the verb is its subject
            return [(c, "nsubj" if c == datives[1] else r, p) for c, r, p in out]
        for c, r, _ in out:
            if r != "iobj":
                continue
            for d in self.children[c]:
                if i < d < c and self.dep(d) == "det" and ctx.lemma(d) in POSSESSIVE:
                    return [*out, (d, "obj", "")]
        return out

    def _agrees(self, verb: int, noun: int) -> bool:
        """Whether a noun's gender and number agree with a past-tense verb's."""
        ctx = self.ctx
        number = ctx.feat(verb, "Number")
        if number is not None and ctx.feat(noun, "Number") not in (number, None):
            return False
        gender = ctx.feat(verb, "Gender")
        return gender is None or ctx.feat(noun, "Gender") in (gender, None)

    def _conjoined_verb(self, i: int) -> bool:
        """A verb conjoined after another verb."""
        head = self.head(i)
        if self.dep(i) != "conj" or head is None or head > i:
            return False
        return self.ctx.pos(i) == "VERB" and self.ctx.pos(head) == "VERB"

    def clausal(self, i: int) -> bool:
        """Whether word i opens a clause about the noun it hangs from: a relative or
        participial clause (`acl`), or a participle before its noun (`Работавший в
        «Яндексе» Павел Зубов`)."""
        dep = self.dep(i)
        participle = dep == "amod" and self.ctx.feat(i, "VerbForm") == "Part"
        return dep in ("acl", "acl:relcl") or participle

    def conj_root(self, i: int) -> int:
        """The first of the conjuncts word i is one of (i itself when none)."""
        head = self.head(i)
        while self.dep(i) == "conj" and head is not None:
            i, head = head, self.head(head)
        return i

    def conjuncts(self, i: int) -> Iterator[int]:
        """Word i and the words conjoined to it, recursively."""
        yield i
        for c in self.children[i]:
            if self.dep(c) == "conj":
                yield from self.conjuncts(c)

    def names(
        self,
        i: int,
        types: str,
        skip: frozenset[int] = frozenset(),
        conjuncts: bool = True,
        places: bool = True,
    ) -> list[Entity]:
        """The named entities of these types word i stands for, each conjunct's too (unless
        not `conjuncts`); words in `skip` (another role's) are passed over; the place a
        government governs (`правительство края`) unless not `places`."""
        ctx = self.ctx
        inanimate = ctx.pos(i) == "NOUN" and ctx.feat(i, "Animacy") == "Inan"
        if types == PER and inanimate and not is_post(ctx, i):
            return []  # `принял отставку министра Орлова`: no person is received (`главу`
            # is a post the tagger may read as a chapter)
        out: list[Entity] = []
        for k in self.conjuncts(i) if conjuncts else (i,):
            for e in self._names_of(k, types, 2, skip, places):
                if e not in out:
                    out.append(e)
        if not out and ctx.lemma(i) in GENERIC:
            out = self._named_before(i, types) or self._named_after(i, types)
        if not out and ctx.lemma(i) in ("который", "чей"):  # `акционером которой`
            antecedent = self._antecedent(i)
            if antecedent is not None and antecedent not in skip:
                out = self.names(antecedent, types, skip)
        if not out and i not in skip:  # `он`, `компания`: the name they stand for
            out = [e for e in resolve(self, i, types) if e not in out]
        if not out and PER in types.split() and self.persons is not None:
            person = self.persons.at(i)  # `встреча с казахстанским лидером`
            out = [person] if person is not None else []
        return out

    def _named_after(self, i: int, types: str) -> list[Entity]:
        """`продал сеть «Вега» холдингу «Альфа»`: the quoted name right after a generic
        noun names it, wherever the parser hung the name."""
        k = i + 1
        if k >= self.ctx.n or not self.ctx.is_quote(k):
            return []
        span = self.ctx.span_at.get(k + 1)
        if span is None or span.first != k + 1 or span.entity.type not in types.split():
            return []
        return [span.entity]

    def _antecedent(self, i: int) -> int | None:
        """The noun a relative word inside its clause stands for (`«Вега», акционером
        которой является «Альфа»`: `которой` is «Вега»), up to three words up; or the
        name right before it and a comma (`Орлов, чья компания`)."""
        k = self.head(i)
        for _ in range(3):
            if k is None:
                break
            if self.dep(k) == "acl:relcl":
                return self.head(k)
            k = self.head(k)
        if i >= 2 and self.ctx.text(i - 1) == ",":  # `Орлов, чья компания ...`, however parsed
            return _name_before(self.ctx, self.arcs, i - 2)
        return None

    def _names_of(
        self,
        i: int,
        types: str,
        depth: int,
        skip: frozenset[int] = frozenset(),
        places: bool = True,
    ) -> list[Entity]:
        if i in skip:
            return []
        span = self.ctx.span_at.get(i)
        if span is not None and not bare(self.ctx, span):  # `Банку`: a noun, no name
            return [span.entity] if span.entity.type in types.split() else []
        out: list[Entity] = []
        if depth == 0:
            return out
        post = depth == 2 and is_post(self.ctx, i)  # the word a role reached is a post
        relative = self.ctx.lemma(i) in RELATIVES
        named = False  # a name of the word's own seen: a later apposition describes it
        for c in self.children[i]:
            dep = self.dep(c)
            if self._describes(c, named):
                continue  # `Кравцов, владелец компании «Вега», купил`: «Вега» is not the buyer
            named |= dep in NAMING and c in self.ctx.span_at
            genitive = dep == "nmod" and not self.prep(c) and self.ctx.feat(c, "Case") == "Gen"
            # a share's `в` names what it is a part of (`долей 30% в банке «Альфа»`)
            genitive |= dep == "nmod" and self.ctx.lemma(i) in SHARES and self.prep(c) == "в"
            if genitive and relative and self._relative_of(c):
                continue  # `сын Ивана Орлова Петр`: the son is Петр; so a deputy
            if (dep in NAMING and c > i) or genitive:  # a name follows the noun it names
                # a place in the genitive is whose, not which (`отдел России`); a post's
                # organisation is not who holds it (`депутат Госдумы Орлов`)
                kinds = types
                if genitive and not (places and self.ctx.lemma(i) in GOVERNMENTS):
                    kept = [t for t in types.split() if t != LOC and (t == PER or not post)]
                    kinds = " ".join(kept)
                # a share, and a name after its noun, cost no level (`30% акций банка
                # «Альфа»`, `сервис доставки продуктов «Корзинка»`)
                cost = 0 if self.ctx.lemma(i) in SHARES or dep in NAMING else 1
                for k in self.conjuncts(c):
                    found = self._names_of(k, kinds, depth - cost, skip, places)
                    out += [e for e in found if e not in out]
        return out

    def _describes(self, c: int, named: bool) -> bool:
        """Whether word c is an apposition describing a name already given, not naming
        it (`Девелопер Евгений Кравцов, основной владелец компании «Вега»`): its own
        genitive is someone else."""
        return named and self.dep(c) == "appos" and c not in self.ctx.span_at

    def _relative_of(self, c: int) -> bool:
        """Word c, a genitive under a kinship noun, names the relative (`сын Ивана
        Орлова`, `внук президента Минтимера Шаймиева`), not the noun's own holder (`дочь
        основателя Алина Кудрина`, the parser's name under `основателя` in the nominative)."""
        ctx = self.ctx
        if c in ctx.span_at:
            return True
        return any(
            self.dep(k) in NAMING and k in ctx.span_at and ctx.feat(k, "Case") == "Gen"
            for k in self.children[c]
        )

    def _named_before(self, i: int, types: str) -> list[Entity]:
        """`«Вега» и «Луч», дочерние компании «Альфы»`: the names before a generic noun
        phrase that follows them after a comma."""
        first = min([i, *(c for c in self.children[i] if self.dep(c) in ("amod", "det"))])
        k = first - 1
        if self.ctx.text(k) != ",":
            return []
        k -= 1
        while self.ctx.is_quote(k):
            k -= 1
        span = self.ctx.span_at.get(k)
        if span is None or span.entity.type not in types.split():
            return []
        inside = range(span.first, span.last)
        word = next((j for j in inside if self.head(j) not in inside), span.first)
        found = [
            e for k in self.conjuncts(self.conj_root(word)) for e in self._names_of(k, types, 0)
        ]
        return list(dict.fromkeys(found)) or [span.entity]
