"""event: forums, summits, conferences, exhibitions, festivals, days of culture,
commission sessions — name, kind, ordinal, place, dates, theme and participants
(`XXI Форум межрегионального сотрудничества России и Казахстана`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from ..document import Token
from ..entities.types import LOC, ORG
from ..record import Entity, Fact
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES, QUOTES
from ..text.morph import parses
from ..text.noun_group import Modifiers, Walk, closing_quote
from ..text.roman import roman_value
from .args import best_date, nominal_phrase, own_dates, unique
from .context import Context
from .lexicon import mapping, multimap, words
from .matcher import Triggers
from .merge import Policy, joined, merge
from .persons import Persons
from .registry import Found, fact_type

# The same event read again adds what the first reading lacks: ordinal, place, theme,
# a better date, more participants.
MERGE: dict[str, Policy] = {
    "ordinal": "fill", "place": "fill", "theme": "fill", "dates": "date", "participants": "union",
}  # fmt: skip
QUOTED = re.compile(f"[{''.join(OPEN_QUOTES)}]([^{''.join(QUOTES)}]+)[{''.join(CLOSE_QUOTES)}]")
ORDINAL_DIGITS = re.compile(r"^(\d+)(-?(й|й|го|ий|ой|ый|ом|ем|м))?$")


def _ordinal(ctx: Context, j: int) -> int | None:
    """The ordinal at word j: from the numbers stage, else a Roman numeral or `21-й`."""
    num = ctx.number_at(j)
    if num is not None and num.kind == "ordinal":
        return num.value
    text = ctx.text(j)
    if (r := roman_value(text)) is not None:
        return r
    m = ORDINAL_DIGITS.match(text)
    return int(m.group(1)) if m and m.group(2) else None


@lru_cache(maxsize=50_000)  # per word form: bounded, so memory stays flat over a corpus
def _common_lemma(lower: str) -> str:
    found = parses(lower)
    return found[0].normal_form if found else lower


def _lemma_lower(ctx: Context, i: int) -> str:
    """The lemma of a capitalised word read as a common noun (`Дни` -> `день`)."""
    text = ctx.text(i)
    if not text[:1].isupper() or not text.isalpha():
        return ctx.lemma(i)
    # pymorphy3 reads a word of two letters or more as in lower case (only a lone capital
    # may be an initial): the parses of the word as written, cached by its lemma, serve
    return _common_lemma(text if len(text) > 1 else text.lower())


KINDS = Triggers("event-kinds", longest_first=True)  # `форум`, `дни культуры`


def _match(ctx: Context, i: int) -> tuple[str, int] | None:
    """(kind, index of the last trigger word) when an event word starts at i; adjectives
    may stand inside it (`Дни казахстанского кино`)."""
    lemma = ctx.lemma(i)
    if not KINDS.starting(lemma):
        lemma = _lemma_lower(ctx, i)
        if not KINDS.starting(lemma):  # most words: no event word starts here
            return None
    hit = KINDS.at(ctx, i, lemma=lemma, skip=lambda j: ctx.pos(j) == "ADJ")
    return (hit.value, hit.last - 1) if hit is not None else None


class _NameTail(Walk):
    """The name after an event word: genitive complements (`форум межрегионального
    сотрудничества`), place and organisation names (`Центральная Азия - Россия`) and a
    field (`чемпионат мира по хоккею`)."""

    def __init__(self, ctx: Context, last: int) -> None:
        super().__init__(ctx.tokens, last)
        self.ctx = ctx

    def step(self, k: int) -> int | None:
        ctx = self.ctx
        span = ctx.span_at.get(k)
        if span is not None and span.entity.type in {LOC, ORG}:
            self.end = span.last
            return span.last
        if ctx.is_dash(k) and ctx.span_at.get(k + 1) is not None and self.end == k:
            return k + 1
        nxt = super().step(k)
        if nxt is None and self.end == k and (topic := _topic(ctx, k, self.last)) is not None:
            self.end = nxt = topic + 1
        return nxt


def _name_end(ctx: Context, j: int, last: int) -> int:
    """End of the name after the trigger at j, and of a quoted name right after the
    trigger or after the name (`выставка художников объединения "Мир искусства"`)."""
    if ctx.is_quote(j + 1):  # `форум «Россия — исламский мир»`
        close = closing_quote(ctx.tokens, j + 1, last)
        if close is not None:
            return close + 1
    end = _NameTail(ctx, last).run(j + 1)
    if end > j + 1 and ctx.is_quote(end):
        close = closing_quote(ctx.tokens, end, last)
        if close is not None and close > end + 1:
            return close + 1
    return end


def _topic(ctx: Context, k: int, last: int) -> int | None:
    """The noun of a `по`-complement at k naming the event's field (`олимпиада по
    математике`), not a circumstance (`по приглашению`)."""
    if ctx.lemma(k) != "по":
        return None
    m = k + 1
    while m < last and ctx.pos(m) == "ADJ" and ctx.feat(m, "Case") == "Dat":
        m += 1
    if m >= last or ctx.pos(m) != "NOUN" or ctx.feat(m, "Case") != "Dat":
        return None
    return None if ctx.lemma(m) in words("event-not-topics") else m


def _named(ctx: Context, first: int, a: int, b: int, ordinal: int | None) -> bool:
    """Whether the event words [a, b) name an event of their own: an ordinal, quotes, an
    entity or a capitalised word (other than the sentence's first). `подписанных на
    выставке соглашений`, `Дни культуры двух стран` name none."""
    if ordinal is not None:
        return True
    for k in range(a, b):
        if ctx.is_quote(k) or ctx.span_at.get(k) is not None:
            return True
        opens = k == first or ctx.is_quote(k - 1) or ctx.is_dash(k - 1)  # `«Фестиваль, — ...`
        if not opens and ctx.text(k)[:1].isupper():
            return True
    return False


def _abbreviation(ctx: Context, end: int, last: int) -> str | None:
    """`форум (ПМЭФ)`: the abbreviation in brackets right after the name."""
    if end + 2 < last and ctx.text(end) == "(" and ctx.text(end + 2) == ")":
        text = ctx.text(end + 1)
        if len(text) >= 2 and text.isupper():
            return text
    return None


class _Before(Modifiers):
    """The name before the event word: the adjectives agreeing with it (`Международный
    юридический форум`) and an ordinal among them (`XXI`); an occurrence word such as
    `очередной`, or an adjective before the ordinal, ends it."""

    pos = frozenset({"ADJ"})

    def __init__(self, ctx: Context, i: int, first: int) -> None:
        super().__init__(ctx.tokens, i, first)
        self.ctx = ctx
        self.name_first = i
        self.ordinal: int | None = None

    def step(self, j: int) -> int | None:
        ctx = self.ctx
        if ctx.span_at.get(j) is not None:
            return None
        if (o := _ordinal(ctx, j)) is not None:
            self.ordinal = o
            return j - 1
        lemma = ctx.lemma(j)
        if self.ordinal is not None or not lemma.endswith(("ый", "ий", "ой")):
            return None
        return None if lemma in words("event-modifiers") else super().step(j)

    def agrees(self, token: Token) -> bool:
        """The tagger often confuses the nominative and the accusative of inanimate nouns
        (`открылся ... юридический форум`): either fits the other."""
        return token.case in {self.case, None} or {token.case, self.case} == {"Nom", "Acc"}

    def modifier(self, j: int) -> None:
        self.name_first = j


@fact_type("event")
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The event facts of the document."""
    return find(ctx, persons)


def find(ctx: Context, persons: Persons) -> list[Fact]:
    facts: list[Fact] = []
    mentions: list[tuple[int, Fact]] = []
    state = _State(facts)
    i = 0
    while i < ctx.n:
        hit = _match(ctx, i)
        if hit is None and (known := _known(ctx, i, state)) is not None:
            mentions.append((ctx.start(i), known))
            i += 1
            continue
        if hit is None or not _number_fits(ctx, i, *hit):
            i += 1
            continue
        kind, j = hit
        first, last = ctx.sentence(i)
        if _a_body(ctx, i, j):
            i = j + 1
            continue
        before = _Before(ctx, i, first)
        before.run()
        name_first, ordinal = before.name_first, before.ordinal
        end = _name_end(ctx, j, last)
        head_lemma = _lemma_lower(ctx, i)
        keep = j > i or kind in words("event-plural-kinds")  # `Дни культуры`, `Игры`
        name = nominal_phrase(ctx, name_first, i, end, keep_number=keep, head_lemma=head_lemma)
        name = name[:1].upper() + name[1:]
        a, b = ctx.clause(i, relative=False)
        place = ctx.place(end, last) or _last_place(ctx, first, i)
        args: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "ordinal": ordinal,
            "place": place,
            "dates": best_date(own_dates(ctx, *ctx.clause(i, False, quotes=False))),
            "theme": None,
            "participants": unique(_participants(ctx, persons, a, b)),
        }
        new = Fact("event", ctx.start(first), ctx.stop(last - 1), args)
        ents = frozenset(s.entity for s in ctx.spans_in(name_first, end, "LOC ORG"))
        if _named(ctx, first, name_first, end, ordinal):
            seen = state.add(facts, new, ents)
        elif kind in words("event-plural-kinds"):
            seen = None  # `компьютерные игры`
        else:
            if name_first == i and end == j + 1:
                args["name"] = None  # `посетила выставку в Дубае`: no name given
            seen = state.refer(facts, new)
            if seen is not None:
                _fill(ctx, seen, i)
                if seen is not new:  # `в саммите участвует министр ...`
                    more = args["participants"]
                    seen.args["participants"] = joined(seen.args["participants"], more)
        if seen is not None:
            mentions.append((ctx.start(i), seen))
            if (abbr := _abbreviation(ctx, end, last)) is not None:
                state.aliases[abbr] = seen
        i = end
    mentions.sort(key=lambda m: m[0])
    _point_mentions(ctx, mentions)
    if mentions:  # each of these reads an event mentioned before (no alias without one)
        _back_refs(ctx, state, mentions)
        _later_participants(ctx, persons, mentions)
        _themes(ctx, mentions)
    return facts


def _point_mentions(ctx: Context, mentions: list[tuple[int, Fact]]) -> None:
    """Each mention of the `events` layer (when it ran) that an event fact was read from
    points to that fact (`events[].fact`)."""
    items = ctx.analysis.document.layers.get("events")
    if not items:
        return
    starts = [item.start for item in items]
    for at, fact in mentions:
        k = bisect_left(starts, at + 1) - 1  # the last mention starting at or before `at`
        if k >= 0 and at < items[k].stop and items[k].fact is None:
            items[k].fact = fact


def _later_participants(ctx: Context, persons: Persons, mentions: list[tuple[int, Fact]]) -> None:
    """`В ней принял участие министр X`, `Его откроет X`: a sentence right after an event's,
    whose pronoun or `мероприятие` stands for it, gives its participants."""
    for first, last in ctx.sentences():
        if first == 0:
            continue
        prev_first, _ = ctx.sentence(first - 1)
        before = [f for at, f in mentions if ctx.start(prev_first) <= at < ctx.start(first)]
        if not before or any(ctx.start(first) <= at < ctx.stop(last - 1) for at, _ in mentions):
            continue
        refers = any(
            ctx.lemma(k) in {"он", "она", "оно"} or ctx.lemma(k) in words("event-backrefs")
            for k in range(first, last)
        )
        if not refers:
            continue
        fact = before[-1]
        new = unique(_participants(ctx, persons, first, last))
        fact.args["participants"] = joined(fact.args["participants"], new)


def _number_fits(ctx: Context, i: int, kind: str, j: int) -> bool:
    """A one-word event in the singular (`Форумы проводятся ...` are none), except the
    kinds named in the plural (`Игры будущего`)."""
    plural = ctx.feat(i, "Number") == "Plur"
    if kind in words("event-plural-kinds"):
        return plural
    return not plural or j > i


def _a_body(ctx: Context, i: int, j: int) -> bool:
    """An event word in the nominative whose verb is a body's act (`Ассамблея ООН приняла
    резолюцию`): an organ, no event. The verb is the first after the word in its clause."""
    if ctx.feat(i, "Case") not in {"Nom", "Acc"}:  # the tagger confuses the two
        return False
    _, b = ctx.clause(i)
    for k in range(j + 1, b):
        if ctx.pos(k) in {"VERB", "AUX"} and ctx.feat(k, "VerbForm") != "Part":
            agrees = ctx.feat(k, "Number") == ctx.feat(i, "Number")
            body = ctx.lemma(k) in words("event-body-verbs") and ctx.lemma(k + 1) != "участие"
            return agrees and body
    return False


YEAR_SUFFIX = re.compile(r"-(?:19|20)\d\d$")


def _known(ctx: Context, i: int, state: _State) -> Fact | None:
    """A recurring event's own name standing alone (`ПМЭФ-2025`, `Иннопром`), not inside
    quotes or a longer name, and not an abbreviation already given in brackets."""
    text = ctx.text(i)
    if not text[:1].isupper():  # most words, at once
        return None
    kind = mapping("event-names").get(YEAR_SUFFIX.sub("", text).lower())
    if kind is None or text in state.aliases:
        return None
    if i > 0 and (ctx.is_quote(i - 1) or ctx.text(i - 1) == "(" or ctx.pos(i - 1) == "NOUN"):
        return None  # `"Иннопром"`, `(ПМЭФ)`, `компания Иннопром`
    first, last = ctx.sentence(i)
    a, b = ctx.clause(i, relative=False)
    place = ctx.place(i + 1, last) or _last_place(ctx, first, i)
    args: dict[str, Any] = {
        "name": text,
        "kind": kind,
        "ordinal": None,
        "place": place,
        "dates": best_date(own_dates(ctx, a, b)),
        "theme": None,
        "participants": [],
    }
    new = Fact("event", ctx.start(first), ctx.stop(last - 1), args)
    return state.add(state.facts, new, frozenset())


def _participants(ctx: Context, persons: Persons, a: int, b: int) -> list:
    """Persons in the nominative of a clause that says they take part (`примут участие`),
    unless they only invite (`передал приглашение принять участие`)."""
    for k in range(a, b):
        if ctx.lemma(k) in words("participation"):
            invited = any(
                ctx.lemma(m) in {"приглашение", "пригласить", "приглашать", "не"}
                for m in range(max(a, k - 3), k)
            )  # nor those who do not (`не примет участия`)
            return [] if invited else persons.within(a, b, "Nom")
    return []


def _last_place(ctx: Context, a: int, b: int):
    """The place named nearest before the event word (`в Москве открылись Дни ...`)."""
    for k in range(b - 1, a - 1, -1):
        if (place := ctx.place(k, b)) is not None:
            return place
    return None


def _quoted(name: str | None) -> str | None:
    m = QUOTED.search(name or "")
    return m.group(1).lower() if m else None


class _State:
    """The events read so far: their name entities and abbreviations."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts
        self.entities: dict[int, frozenset[Entity]] = {}
        self.aliases: dict[str, Fact] = {}

    def refer(self, facts: list[Fact], new: Fact) -> Fact | None:
        """A bare `форум` refers back to the last event of its kind (and adds nothing by
        itself: its dates are often of the series); with nothing to refer to and no place,
        it is dropped."""
        for old in reversed(facts):
            if old.args["kind"] == new.args["kind"]:
                return old
        if new.args["place"] is None:
            return None
        facts.append(new)
        return new

    def add(self, facts: list[Fact], new: Fact, ents: frozenset[Entity]) -> Fact:
        """The same event read again (same kind and ordinal, name, quoted name or named
        entities) adds its details."""
        n = new.args
        for old in facts:
            if _same(old.args, n, self.entities.get(id(old), frozenset()), ents):
                merge(old.args, n, MERGE)
                return old
        self.entities[id(new)] = ents
        facts.append(new)
        return new


def _same(o: dict, n: dict, o_ents: frozenset[Entity], n_ents: frozenset[Entity]) -> bool:
    if o["kind"] != n["kind"]:
        return False
    if o["ordinal"] is not None and n["ordinal"] is not None:
        return o["ordinal"] == n["ordinal"]
    return (
        (o["name"] or "").lower() == (n["name"] or "").lower()
        or (_quoted(o["name"]) is not None and _quoted(o["name"]) == _quoted(n["name"]))
        or (bool(o_ents) and o_ents == n_ents)
    )


def _event_verb(ctx: Context, k: int) -> bool:
    if ctx.lemma(k) not in words("event-verbs") or ctx.pos(k) not in {"VERB", "AUX"}:
        return False
    return ctx.feat(k, "VerbForm") != "Part" or ctx.feat(k, "Variant") == "Short"


def _fill(ctx: Context, fact: Fact, i: int) -> None:
    """A later mention at word i (`ПМЭФ проходит в Санкт-Петербурге с 17 по 20 июня`)
    gives the event the place and dates of its verb, when the event lacks them."""
    a, b = ctx.clause(i, relative=False)
    verbs = [k for k in range(a, b) if _event_verb(ctx, k)]
    if not verbs:
        return
    va, vb = ctx.clause(verbs[0], relative=False)
    args = {"place": ctx.place(va, vb), "dates": best_date(own_dates(ctx, va, vb))}
    merge(fact.args, args, MERGE)


def _back_refs(ctx: Context, state: _State, mentions: list[tuple[int, Fact]]) -> None:
    """Abbreviations (`ПМЭФ`), `мероприятие` and a sentence-initial pronoun right after the
    event's sentence (`Она продлится до 9 июля`) refer back to an event."""
    first_at: dict[int, Fact] = {}
    for s, f in mentions:
        first_at.setdefault(s, f)
    starts = sorted(first_at)
    for i in range(ctx.n):
        fact = state.aliases.get(ctx.text(i))
        at = ctx.start(i)
        k = bisect_left(starts, at)  # starts[k - 1] is the last mention before word i
        if fact is None and k > 0:
            last_at = starts[k - 1]
            if ctx.lemma(i) in words("event-backrefs") or _pronoun_after(ctx, i, last_at):
                fact = first_at[last_at]
            elif (kinds := multimap("event-backref-kinds").get(ctx.lemma(i))) is not None:
                fact = _last_of(mentions, at, kinds)
        if fact is not None and at not in first_at:
            _fill(ctx, fact, i)


def _last_of(mentions: list[tuple[int, Fact]], at: int, kinds: tuple[str, ...]) -> Fact | None:
    """The event of one of the kinds mentioned last before offset at."""
    found = [f for s, f in mentions if s < at and f.args["kind"] in kinds]
    return found[-1] if found else None


def _pronoun_after(ctx: Context, i: int, event_at: int) -> bool:
    """A personal pronoun opening the sentence right after the one of the event."""
    first, _ = ctx.sentence(i)
    if i != first or ctx.pos(i) != "PRON" or ctx.feat(i, "Case") != "Nom":
        return False
    if ctx.lemma(i) not in {"он", "она", "оно"} or first == 0:
        return False
    prev_first, _ = ctx.sentence(first - 1)
    return ctx.start(prev_first) <= event_at


def _themes(ctx: Context, mentions: list[tuple[int, Fact]]) -> None:
    """`главная тема мероприятия в этом году - "..."`: the theme of the event before it."""
    for i in range(ctx.n):
        if ctx.lemma(i) not in {"тема", "девиз", "лозунг"}:
            continue
        _, last = ctx.sentence(i)
        j = i + 1
        while j < last and not ctx.is_quote(j) and j < i + 8:
            j += 1
        if j >= last or not ctx.is_quote(j):
            continue
        k = j + 1
        while k < last and not ctx.is_quote(k):
            k += 1
        if k >= last or k == j + 1:
            continue
        theme = ctx.chars(j + 1, k)
        before = [(at, f) for at, f in mentions if at <= ctx.start(i)]
        if before:
            target = max(before, key=lambda p: p[0])[1]
            target.args["theme"] = target.args["theme"] or theme
