"""Fact frames as patterns over the dependency tree, one file per fact type, one engine.

`models/patterns-<type>.tsv` holds one frame a line, tab-separated:

    lemmas                              pos   roles                                   gives
    возглавлять возглавить руководить   VERB  person:PER=nsubj org:ORG|LOC=obj,iobj    position=

- `lemmas`: the trigger words (space-separated; `@name` for the words of
  `models/facts-<name>.txt`, or the first column of `models/facts-<name>.tsv`), `pos`
  their part of speech, with features it must have after a colon (`VERB:VerbForm=Fin`:
  no participle);
- `roles`: `name:TYPES=path,path...`, space-separated (a name ending in `!`: no fact
  without it): the entity types the role takes
  (`PER`, `ORG|LOC`) and where its word is, tried in order. A path is steps joined by
  `/`: `rel` goes down to an argument playing that relation (`tree.Tree.args`: passive,
  clauses and shared subjects already undone), `rel@в` with that preposition, `rel-`
  with none; `^rel` goes up from a word attached by `rel` (`дочерний` -> its noun), or
  from the first of its conjuncts; `^rel()` only from a word in brackets after its head;
  `rel=a|b` (up or down) only to a word of lemma `a` or `b` (`rel=@name`: of a word
  of `models/facts-<name>.txt`), `rel=!a|b` only to a word of neither; `^rel-`,
  `^rel@в` up only from a word with no preposition, with `в`; `.` is the trigger
  itself (a relative word standing for its antecedent: `чей`); every step down reads
  the word's arguments as `Tree.args` gives them;
- `gives`: fixed arguments (`kind=купля/продажа`), `key=` for a null, `position=@post`
  for the post phrase the trigger heads (`positions.phrase_at`), `org=@post` for its
  organisation (before the org role's names); `key=!value` sets the
  value on a rule fact the frame's fact merges with (what the frame knows better);
  `true` is true (`former=true`).

Every word a path reaches stands for its names (`Tree.names`: appositions, conjuncts,
an organisation noun's genitive). A frame gives one fact per pair of its two roles
(occupation: person and org; ownership: owner and property), or one deal whose parties
are all its roles' names (one deal per name of a role named `each...`, and per name of
one named `split...` too: the targets of sanctions), or one meeting
of all of them. The facts are then merged
with the rule facts (`merge_into`, one policy per type, `merge.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..document import Token
from ..record import Entity, Fact
from ..resources import MODELS_DIR, table
from .args import best_date, inflect, own_dates
from .context import Context
from .deal import describing_only, opens_sentence, unmade
from .lexicon import mapping, words
from .merge import Policy, merge, same
from .positions import is_post, needs_org, phrase_at
from .roles import unsaid
from .succession import VERBS as SUCCESSION_VERBS
from .tree import Tree

FRAME_TYPES = ("occupation", "ownership", "deal", "meeting")
PAIRS = {"occupation": ("person", "org"), "ownership": ("owner", "property")}
POLICY: dict[str, dict[str, Policy]] = {
    "occupation": {"position": "fill", "org": "fill"},
    "ownership": {"share": "fill"},
    "deal": {"parties": "union", "kind": "fill", "dates": "date"},
    "meeting": {"place": "fill", "dates": "date", "topics": "union"},
}


@dataclass(frozen=True)
class Step:
    up: bool
    rel: str
    prep: str | None  # None: any; "": none
    bracket: bool = False  # up only: the word is in brackets after its head
    lemmas: frozenset[str] = frozenset()  # the word reached has one of these lemmas
    unless: bool = False  # ... or, with `=!`, none of them


@dataclass(frozen=True)
class Role:
    name: str
    types: str  # space-separated entity types
    paths: tuple[tuple[Step, ...], ...]
    required: bool = False  # no fact when the role finds no name


@dataclass(frozen=True)
class Frame:
    type: str
    lemmas: frozenset[str]
    pos: str
    roles: tuple[Role, ...]
    gives: tuple[tuple[str, str | bool | None], ...]
    line: str
    overrides: frozenset[str] = frozenset()  # given `key=!value`: wins over a rule fact's
    feats: tuple[tuple[str, str], ...] = ()  # features the trigger must have

    @property
    def reads_post(self) -> bool:
        """A frame whose trigger is a post noun (`position=@post`), not a verb or an
        event noun (`уход`)."""
        return self.pos == "NOUN" and dict(self.gives).get("position") == "@post"

    @property
    def predicative(self) -> bool:
        """A frame that reads a clause, not a name in brackets: a question states none."""
        return not any(p[0].bracket for role in self.roles for p in role.paths)


@dataclass
class Reading:
    """A fact a frame gives, and the arguments it overrides when merged."""

    fact: Fact
    overrides: frozenset[str]


def _step(text: str) -> Step:
    text, _, lemmas = text.partition("=")
    step = _bare_step(text)
    if not lemmas:
        return step
    unless = lemmas.startswith("!")  # `=!капитал`: any word but these
    items = lemmas.lstrip("!").split("|")  # `@name`: the words of models/facts-<name>.txt
    found = {w for x in items for w in (word_class(x[1:]) if x.startswith("@") else (x,))}
    return replace(step, lemmas=frozenset(found), unless=unless)


def word_class(name: str) -> frozenset[str]:
    """The words of a class a frame names by `@name`: `models/facts-<name>.txt`, or the
    first column of `models/facts-<name>.tsv` (`@heading-verbs`)."""
    if (MODELS_DIR / f"facts-{name}.txt").exists():
        return words(name)
    return frozenset(mapping(name))


def _bare_step(text: str) -> Step:
    if text == ".":
        return Step(False, ".", None)  # the trigger itself
    up = text.startswith("^")
    text = text.lstrip("^")
    if up and text.endswith("()"):
        return Step(up, text[:-2], None, bracket=True)
    if text.endswith("-"):
        return Step(up, text[:-1], "")
    rel, _, prep = text.partition("@")
    return Step(up, rel, prep or None)


def _role(text: str) -> Role:
    head, eq, paths = text.partition("=")
    name, colon, types = head.partition(":")
    if not eq or not colon or not paths:
        raise ValueError(f"a role is name:TYPES=path,...: {text!r}")
    steps = tuple(tuple(_step(s) for s in p.split("/")) for p in paths.split(","))
    required = name.endswith("!")
    return Role(name.rstrip("!"), " ".join(types.split("|")), steps, required)


def _value(text: str) -> str | bool | None:
    """A given value: "" is null, `true` is True, anything else the text."""
    return True if text == "true" else text or None


@cache
def frames(kind: str) -> tuple[Frame, ...]:
    """The frames of `models/patterns-<kind>.tsv`."""
    out = []
    for row in table(f"patterns-{kind}"):
        if len(row) < 3:
            raise ValueError(f"patterns-{kind}: a frame needs lemmas, pos and roles: {row}")
        given = [g.partition("=") for g in (row[3:4] or [""])[0].split()]
        gives = tuple((k, _value(v.lstrip("!"))) for k, _, v in given)
        overrides = frozenset(k for k, _, v in given if v.startswith("!"))
        roles = tuple(_role(r) for r in row[2].split())
        lemmas = frozenset(
            lemma
            for item in row[0].split()
            for lemma in (word_class(item[1:]) if item.startswith("@") else (item,))
        )
        pos, _, feats = row[1].partition(":")
        need = tuple((k, v) for k, _, v in (f.partition("=") for f in feats.split(",") if f))
        out.append(Frame(kind, lemmas, pos, roles, gives, "\t".join(row), overrides, need))
    return tuple(out)


@cache
def triggers() -> frozenset[tuple[str, str]]:
    """(lemma, part of speech) of every frame's trigger words, read from the pattern
    files: a sentence with none of them gives no frame a fact, so the syntax stage
    parses only sentences that hold one (and an entity mention, as every role is filled
    with names; `needs_parse`)."""
    every = (frame for kind in FRAME_TYPES for frame in frames(kind))
    found = {(lemma, frame.pos) for frame in every for lemma in frame.lemmas}
    return frozenset(found | {(verb, "VERB") for verb in SUCCESSION_VERBS})  # `succession.py`


def needs_parse(tokens: list[Token], first: int, last: int) -> bool:
    """Whether words [first, last) hold the trigger of some frame."""
    found = triggers()
    return any(
        (t.lemma, t.pos) in found or t.pos == "PROPN" and (t.lemma, "NOUN") in found
        for t in tokens[first:last]
    )  # a trigger tagged as a name for its capital (`_pos`)


@cache
def _by_lemma() -> dict[str, list[Frame]]:
    out: dict[str, list[Frame]] = {}
    for kind in FRAME_TYPES:
        for frame in frames(kind):
            for lemma in frame.lemmas:
                out.setdefault(lemma, []).append(frame)
    return out


def _follow(tree: Tree, i: int, path: tuple[Step, ...]) -> list[int]:
    """The words `path` reaches from trigger i."""
    at = [i]
    for step in path:
        nxt: list[int] = []
        for k in at:
            if step.rel == ".":
                nxt.append(k)
            elif step.up:
                k = tree.conj_root(k)
                head = tree.head(k)
                if head is None or tree.dep(k) != step.rel:
                    continue
                if step.prep is not None and tree.prep(k) != step.prep:
                    continue
                if not step.bracket or _bracketed(tree.ctx, head, k):
                    nxt.append(head)
            else:
                for c, rel, prep in tree.args(k):
                    if rel == step.rel and (step.prep is None or prep == step.prep):
                        nxt.append(c)
        if step.lemmas:
            nxt = [k for k in nxt if (tree.ctx.lemma(k) in step.lemmas) != step.unless]
        at = nxt
    return at


def _bracketed(ctx: Context, head: int, k: int) -> bool:
    """Whether word k, after its head, is inside brackets opened after the head."""
    for j in range(k - 1, head, -1):
        if ctx.text(j) == ")":
            return False
        if ctx.text(j) == "(":
            return True
    return False


def _fill(tree: Tree, i: int, role: Role, taken: set[int], kind: str = "") -> list[Entity]:
    """The names of the first word a path of `role` reaches that has some; a word reached
    up from brackets after it stands for its own names, not its conjuncts' (`Орлов
    (глава «Веги») и Белова (президент «Луча»)`)."""
    for path in role.paths:
        own = path[-1].bracket
        for k in _follow(tree, i, path):
            if k in taken and not (k == i and path[0].rel == "."):
                continue
            places = not (kind == "deal" and _subject(tree, k))
            names = tree.names(k, role.types, frozenset(taken), not own, places)
            if names:
                taken.add(k)
                return names
    return []


def _subject(tree: Tree, k: int) -> bool:
    """Whether word k, or the first of its conjuncts, is a subject: in a deal frame a
    government there stands for no place (`«Газпром нефть» и правительство области
    подписали соглашение о строительстве`: a joint agreement, which the signing facts
    report; a contract with it is a deal: `по договору с правительством области`)."""
    return tree.dep(tree.conj_root(k)).startswith("nsubj")


def match(ctx: Context, tree: Tree | None = None) -> list[Reading]:
    """The facts every frame gives over the document's tree (none when unparsed)."""
    tree = tree or Tree(ctx)
    if not tree.parsed:
        return []
    out: list[Reading] = []
    index = _by_lemma()
    for i in range(ctx.n):
        for frame in index.get(ctx.lemma(i), ()):
            if _pos(ctx, i, frame) != frame.pos or ctx.span_at.get(i) is not None:
                continue
            if any(ctx.feat(i, k) != v for k, v in frame.feats):
                continue
            if frame.predicative and unsaid(ctx, i):
                continue  # `Был ли Орлов директором`: asked, not said
            if frame.type == "occupation" and frame.reads_post != is_post(ctx, i):
                continue  # a noun that is no post; a participle that is one (`управляющий`)
            taken: set[int] = {i}
            filled = {role.name: _fill(tree, i, role, taken, frame.type) for role in frame.roles}
            if any(role.required and not filled[role.name] for role in frame.roles):
                continue  # a required role is empty (`приняли участие`: no guest)
            overrides = frame.overrides
            if any(role.name.startswith(("each", "split")) for role in frame.roles):
                overrides |= {"parties"}
            made = BUILD[frame.type](tree, i, frame, filled)
            out += [Reading(f, overrides) for f in made]
    return out


def _pos(ctx: Context, i: int, frame: Frame) -> str:
    """The part of speech of word i for a frame: a deal or ownership trigger that opens its
    sentence and is tagged a proper noun for its capital is what the frame takes
    (`Кредит «X» предоставили ...`, `Основанная Олегом Тиньковым компания ...`), and so
    is a post for the frames of post nouns (`Вице-губернаторами назначены ...`)."""
    pos = ctx.pos(i)
    if pos != "PROPN" or not opens_sentence(ctx, i):
        return pos
    if frame.type in {"deal", "ownership"} or frame.reads_post and is_post(ctx, i):
        return frame.pos
    return pos


def _sentence(ctx: Context, i: int) -> tuple[int, int]:
    first, last = ctx.sentence(i)
    return ctx.start(first), ctx.stop(last - 1)


def _pairs(tree: Tree, i: int, frame: Frame, filled: dict[str, list[Entity]]) -> list[Fact]:
    ctx = tree.ctx
    a, b = PAIRS[frame.type]
    if not filled.get(a):
        return []  # no one to pair (most triggers): no fact, whatever the modality
    out = []
    given = dict(frame.gives)
    former = ctx.no_longer(i)
    if frame.type == "occupation" and ctx.modality(i) == "negated" and not former:
        return []  # `не возглавит совет директоров`: no post is claimed
    ys: list[Entity | None] = list(filled.get(b, []))
    if given.get("org") == "@post":  # the post phrase's own organisation first, or none
        phrase = phrase_at(ctx, i)
        if phrase.former and not given.get("former"):
            ys = []  # `бывший министр Баев работает в «Альфе»`: no minister there
        ys = [phrase.org or (ys[0] if ys else None)]
    for x in filled.get(a, []):
        for y in ys:
            if x is y:
                continue
            if frame.type == "ownership" and y is not None:
                from .ownership import _fact

                out.append(_fact(ctx, x, y, None, i))
                continue
            args: dict[str, Any] = {"person": x, "position": None}
            args.update(frame.gives)
            if former:  # `больше не руководит «Вегой»`: a post held until now
                args["former"] = True
            args["org"] = y
            if args["position"] == "@member":  # `вошел в совет директоров`
                args["position"] = board_post(tree, i, "член", "в", words("board-nouns"))
            if args["position"] == "@chair":  # `возглавил совет директоров`
                args["position"] = board_post(tree, i, "председатель", "", CHAIRED)
            if args["position"] == "@post":  # the post phrase the trigger heads
                if y is None and needs_org(ctx, i) and not phrase_at(ctx, i).org_text:
                    continue  # `остается приглашенным хореографом`: a profession, no post
                args["position"] = phrase_at(ctx, i).position or None
                if y is None and phrase_at(ctx, i).org_text:
                    args["org_text"] = phrase_at(ctx, i).org_text
            out.append(Fact(frame.type, *_sentence(ctx, i), args))
    return out


CHAIRED = words("board-nouns") | {"правительство"}  # one chairs, not heads, these


def board_post(
    tree: Tree, i: int, title: str, prep: str, boards: frozenset[str]
) -> str | None:
    """`член совета директоров`, `председатель правительства`: the seat on the board
    word i brings one into or puts one at the head of (`вошел в наблюдательный совет
    банка`, `возглавил совет директоров`), from the board noun (its preposition `prep`),
    its adjectives and the people it is made of, in the genitive; None when no board is
    named."""
    ctx = tree.ctx
    board = next(
        (c for c in tree.children[i] if ctx.lemma(c) in boards and tree.prep(c) == prep), None
    )
    if board is None:
        return None
    kept = [
        c
        for c in tree.children[board]
        if c < board and tree.dep(c) == "amod" or c > board and _members_noun(tree, c)
    ]
    forms = [inflect(ctx, k, {"gent", "sing"}) if k <= board else ctx.text(k)
             for k in sorted([*kept, board])]  # fmt: skip
    return " ".join([title, *forms]).lower()


def _members_noun(tree: Tree, k: int) -> bool:
    """`директоров` in `совет директоров`: people in the genitive plural a board is of."""
    ctx = tree.ctx
    return (
        tree.dep(k) == "nmod"
        and not tree.prep(k)
        and ctx.feat(k, "Case") == "Gen"
        and ctx.feat(k, "Number") == "Plur"
        and ctx.feat(k, "Animacy") == "Anim"
    )


def _deal(tree: Tree, i: int, frame: Frame, filled: dict[str, list[Entity]]) -> list[Fact]:
    ctx = tree.ctx
    each = [e for name, names in filled.items() if name.startswith("each") for e in names]
    split = [e for name, names in filled.items() if name.startswith("split") for e in names]
    rest = [
        e
        for name, names in filled.items()
        if not name.startswith(("each", "split"))
        for e in names
    ]
    if split:  # one deal per target too: `санкции против «Веги» и «Луча»`
        sides = [[e] for e in each] or [[]]
        return [
            f for side in sides for t in split for f in _deal_of(ctx, i, frame, [*side, t, *rest])
        ]
    if each:  # one deal per party of an `each` role, as FactRuEval counts sanctions
        return [f for e in each for f in _deal_of(ctx, i, frame, [e, *rest])]
    return _deal_of(ctx, i, frame, rest)


def _deal_of(ctx: Context, i: int, frame: Frame, names: list[Entity]) -> list[Fact]:
    """One deal of these parties: two at least, or one when the frame overrides what
    the rule fact it merges with says (`контракт на поставку`: a service), and then
    the deal only refines a rule fact (`merge_into`)."""
    a, b = ctx.clause(i)
    parties = [e for e in dict.fromkeys(names) if not describing_only(ctx, e, *ctx.sentence(i))]
    if len(parties) < (1 if frame.overrides else 2) or unmade(ctx, i):
        return []
    args: dict[str, Any] = {"parties": parties, "kind": None, "subject": None,
                            "dates": best_date(own_dates(ctx, a, b))}  # fmt: skip
    args.update(frame.gives)
    modality = ctx.modality(i)
    if modality:
        args["modality"] = modality
    return [Fact("deal", *_sentence(ctx, i), args)]


def _meeting(tree: Tree, i: int, frame: Frame, filled: dict[str, list[Entity]]) -> list[Fact]:
    ctx = tree.ctx
    people = list(dict.fromkeys(e for names in filled.values() for e in names))
    if len(people) < 2 or _admitted(tree, i):
        return []
    a, b = ctx.clause(i)
    args: dict[str, Any] = {"participants": people, "place": _place(tree, i),
                            "dates": best_date(own_dates(ctx, a, b)), "format": None,
                            "topics": []}  # fmt: skip
    args.update(frame.gives)
    modality = tree.ctx.modality(i)
    if modality:
        args["modality"] = modality
    return [Fact("meeting", *_sentence(ctx, i), args)]


def _admitted(tree: Tree, i: int) -> bool:
    """`принял на работу`, `принял в партию`: someone is admitted, not received
    (`models/facts-admission-nouns.txt`)."""
    return any(
        tree.dep(c) == "obl" and tree.ctx.lemma(c) in words("admission-nouns")
        for c in tree.children[i]
    )


def _place(tree: Tree, i: int) -> Entity | None:
    """Where a meeting was held: a place with `в` that the trigger, or the verb it hangs
    from, takes (`В Бишкеке прошли переговоры`), not one inside a post (`посол в России`)."""
    head = tree.head(i)
    # `Состоявшаяся в Баку встреча`: a participle before or after the noun brings its place
    held = [c for c in tree.children[i] if tree.dep(c) == "acl"]
    for k in (i, *([head] if head is not None else []), *held):
        for c in tree.children[k]:
            if tree.dep(c) == "obl" and tree.prep(c) in ("в", "во"):
                names = tree.names(c, "LOC")
                if names:
                    return names[0]
    return None


BUILD: dict[str, Callable[[Tree, int, Frame, dict[str, list[Entity]]], list[Fact]]] = {
    "occupation": _pairs,
    "ownership": _pairs,
    "deal": _deal,
    "meeting": _meeting,
}


def _same_fact(old: Fact, new: Fact) -> bool:
    """Whether a frame's fact is a rule fact's reading of the same thing."""
    if old.type != new.type:
        return False
    if old.type == "occupation":
        return _same_occupation(old.args, new.args)
    if old.type in PAIRS:
        return all(same(old.args.get(k), new.args.get(k)) for k in PAIRS[old.type])
    overlap = old.start < new.stop and new.start < old.stop
    parties = old.args.get("parties") or []
    return overlap and any(same(p, q) for p in parties for q in new.args.get("parties") or [])


def _same_occupation(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """One person's post: the same organisation, or the same position (or none) where one
    reading lacks the organisation (`стал министром` beside `министр финансов Орлов`;
    `возглавлявшая отдел продаж «Веги»`, read as the unit and as the company)."""
    if not same(old.get("person"), new.get("person")):
        return False
    if same(old.get("org"), new.get("org")):
        return True
    one_org = old.get("org") is None or new.get("org") is None
    return one_org and old.get("position") == new.get("position")


def _held_by_another(occupations: list[Fact], new: Fact) -> bool:
    """A frame's post whose holder is not named in its sentence (a pronoun stood for
    them) and that a rule gives someone named there: the pronoun went to the wrong
    clause (`Он сменит Корнеева, который ... теперь займет должность президента`)."""
    person = new.args.get("person")
    if not isinstance(person, Entity):
        return False
    if any(new.start <= m.start and m.stop <= new.stop for m in person.mentions):
        return False
    return any(
        f.start < new.stop and new.start < f.stop and not same(f.args.get("person"), person)
        and f.args.get("position") == new.args.get("position")
        and same(f.args.get("org"), new.args.get("org"))
        for f in occupations
    )  # fmt: skip


def _merge_meeting(meetings: list[Fact], new: Fact) -> None:
    """A frame's meeting is a rule meeting of the same participants (the one in its
    sentence first); where a rule meeting of its sentence has some of them, the rules
    have split or joined the sides their own way (`переговоры с X, а затем встреча с
    Y`), and the frame gives way; else it is a new meeting."""
    sides = {id(p) for p in new.args["participants"]}
    here = [m for m in meetings if m.start < new.stop and new.start < m.stop]
    same_sides = [m for m in meetings if {id(p) for p in m.args["participants"]} == sides]
    old = next((m for m in same_sides if m in here), None) or next(iter(same_sides), None)
    if old is not None:
        merge(old.args, new.args, POLICY["meeting"])
    elif not any(sides & {id(p) for p in m.args["participants"]} for m in here):
        meetings.append(new)


def _lend(old: Fact, new: Fact) -> None:
    """A rule deal that gives way to a frame's deal per party lends it what the frame did
    not read (the amount, the subject, a date), and the order of its parties."""
    for key, value in old.args.items():
        if new.args.get(key) is None:
            new.args[key] = value
    order = {id(p): n for n, p in enumerate(old.args.get("parties") or [])}
    new.args["parties"].sort(key=lambda p: order.get(id(p), len(order)))


def merge_into(facts: dict[str, list[Fact]], found: list[Reading]) -> None:
    """Merge the frames' facts into the rule facts of their types (present in `facts`):
    a reading of a fact already there fills and joins its arguments (`POLICY`; what the
    frame overrides, it sets), a new fact is added."""
    added: set[int] = set()
    given: list[Fact] = []  # rule deals that gave way to one deal a party
    for reading in found:
        new = reading.fact
        if new.type not in facts:
            continue
        if new.type == "meeting":
            _merge_meeting(facts["meeting"], new)
            continue
        if "parties" in reading.overrides:  # one deal a party: a joint rule reading gives way
            gone = [f for f in facts[new.type] if id(f) not in added and _same_fact(f, new)]
            kept = [f for f in facts[new.type] if all(f is not g for g in gone)]
            given += gone
            lender = next((f for f in given if _same_fact(f, new)), None)
            if lender is not None:
                _lend(lender, new)
            facts[new.type] = [*kept, new]
            added.add(id(new))
            continue
        old = next((f for f in facts[new.type] if _same_fact(f, new)), None)
        if old is None and new.type == "occupation" and _held_by_another(facts[new.type], new):
            continue
        if old is None and new.type == "deal" and len(new.args["parties"]) < 2:
            continue  # one party: it only refines a rule deal (`_deal_of`)
        if old is None:
            facts[new.type].append(new)
            added.add(id(new))
            continue
        merge(old.args, new.args, POLICY[new.type])
        old.args.update((k, new.args[k]) for k in reading.overrides)
    if "occupation" in facts:
        facts["occupation"] = _without_bare(facts["occupation"])


def _without_bare(occupations: list[Fact]) -> list[Fact]:
    """An occupation with no position gives way to one of the same person and
    organisation with a position in the same stretch of text (`где работает финансовым
    директором Котова`: read by the working verb and by the post)."""
    posted: dict[tuple[int, int], list[Fact]] = {}
    for f in occupations:
        if f.args.get("position") and isinstance(f.args.get("org"), Entity):
            posted.setdefault((id(f.args.get("person")), id(f.args["org"])), []).append(f)

    def covered(f: Fact) -> bool:
        same = posted.get((id(f.args.get("person")), id(f.args.get("org"))), [])
        return any(g.start < f.stop and f.start < g.stop for g in same)

    return [f for f in occupations if f.args.get("position") or not covered(f)]
