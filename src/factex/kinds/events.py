"""Events, named and generic: `Петербургский международный экономический форум`,
`чемпионат мира по хоккею`, `выборах губернатора`, `отставку`, `скончался`.

- An event word of the event facts (`models/facts-event-kinds.tsv`: `форум`,
  `саммит`, `чемпионат`, `Олимпийские игры`...) is an event with its name, read
  as the event facts read it: the adjectives and ordinal before it, the
  complements, names and field after it (`чемпионат мира по хоккею`), a quoted
  name; a year right after belongs to it (`Олимпийские игры 2028 года`). A
  recurring event known by its short name (`models/facts-event-names.tsv`:
  `ПМЭФ`, `Иннопром`) is one too.
- A noun of `models/kinds-event-words.tsv` (`выборы`, `отставка`, `взрыв`,
  `концерт`, `переговоры`) is a generic event with its adjectives and genitive
  complements (`президентских выборах`, `выборах губернатора`); a verb of it
  reports one (`скончался` is a death, `задержан` a detention), but not a
  participle used of people (`родные погибших`).
- `name`: the normal form of the words (nominative; a verb's lemma); `kind`:
  the event word's kind (`форум`, `выборы`, `смерть`); `fact`: the id of the
  event fact read from this mention, or null (set by the event facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..facts.args import nominal_phrase
from ..facts.context import Context
from ..facts.event import KINDS, _Before, _lemma_lower, _match, _name_end
from ..facts.lexicon import mapping, words
from ..layers import Item, layer
from ..record import Fact
from ..resources import table
from ..text.noun_group import NOUNS, Modifiers, Walk
from .mention import KindMention, in_text_order, words_span

if TYPE_CHECKING:
    from ..document import Analysis

PLURAL_ONLY = frozenset({"выбор"})  # `выборы`, not `выбор` (a choice)


@dataclass
class Event(KindMention):
    """A named or generic event; `fact` is the event fact read from it, if any."""

    name: str
    kind: str
    fact: Fact | None = None

    def values(self) -> dict[str, Any]:
        out = super().values()
        out["fact"] = self.fact.id if self.fact is not None else None
        return out


@cache
def event_words() -> dict[str, str]:
    """Lemma of a generic event word (noun or verb) -> its kind."""
    return {row[0]: row[1] for row in table("kinds-event-words")}


class _Adjectives(Modifiers):
    pos = frozenset({"ADJ"})


class _Complements(Walk):
    """Genitive complements, up to an event word of its own (`финал чемпионата мира`)."""

    limit = 4

    def __init__(self, ctx: Context, last: int) -> None:
        super().__init__(ctx.tokens, last)
        self.ctx = ctx

    def step(self, k: int) -> int | None:
        return None if _match(self.ctx, k) is not None else super().step(k)


def _year_after(ctx: Context, end: int) -> int:
    """The end of a year right after an event's name (`Игры 2028 года`), or `end`."""
    for d in ctx.analysis.document.dates:
        if d.start == ctx.start(end) and d.kind == "year" and d.text[:1].isdigit():
            last = ctx.analysis.word_at(d.stop - 1)
            return end if last is None else last + 1
    return end


def _named_event(ctx: Context, i: int) -> tuple[Event, int] | None:
    """The event of an event-fact word at i, and the word after it."""
    hit = _match(ctx, i)
    if hit is None:
        return None
    kind, j = hit
    first, last = ctx.sentence(i)
    before = _Before(ctx, i, first)
    before.run()
    end = _year_after(ctx, _name_end(ctx, j, last))
    keep = j > i or kind in words("event-plural-kinds")
    name = nominal_phrase(ctx, before.name_first, i, end, keep_number=keep,
                          head_lemma=_lemma_lower(ctx, i))  # fmt: skip
    event = Event(*words_span(ctx.analysis, before.name_first, end), name=name, kind=kind)
    return event, end


def _known_name(ctx: Context, i: int) -> Event | None:
    """A recurring event by its short name: `ПМЭФ`, `ПМЭФ-2025`, `Иннопром`."""
    word = ctx.text(i).lower()
    base = word.rsplit("-", 1)[0] if word[-4:].isdigit() else word
    kind = mapping("event-names").get(base)
    if not kind:
        return None
    return Event(*words_span(ctx.analysis, i, i + 1), name=ctx.text(i), kind=kind)


def _generic(ctx: Context, i: int) -> Event | None:
    """A generic event at i: a noun with its adjectives and complements, or a verb."""
    lemma = ctx.lemma(i)
    kind = event_words()[lemma]
    if ctx.pos(i) in {"VERB", "AUX"}:
        if ctx.feat(i, "VerbForm") == "Part" and ctx.feat(i, "Variant") != "Short":
            return None  # `родные погибших`: the people, not the event
        return Event(*words_span(ctx.analysis, i, i + 1), name=lemma, kind=kind)
    if ctx.pos(i) not in NOUNS or lemma in PLURAL_ONLY and ctx.feat(i, "Number") != "Plur":
        return None
    first = _Adjectives(ctx.tokens, i, ctx.sentence(i).first).run()
    while first < i and ctx.lemma(first) in words("event-modifiers"):
        first += 1  # `очередные выборы`: the event begins after the occurrence word
    end = max(_Complements(ctx, ctx.sentence(i).last).run(i + 1), i + 1)
    span = ctx.span_at.get(end - 1)
    if span is not None and span.last > end:  # `визит президента Киргизии Садыра Жапарова`
        end = span.last
    name = nominal_phrase(ctx, first, i, end, keep_number=ctx.feat(i, "Number") == "Plur")
    return Event(*words_span(ctx.analysis, first, end), name=name, kind=kind)


def _hover(e: Item) -> str:
    fact = f" (fact {e.get('fact')})" if e.get("fact") else ""
    return f"event ({e.get('kind')}): {e.get('name')}{fact}"


@layer(
    "events", one="event", item=Event, prefix="EV", needs=["entities", "dates", "numbers"],
    fields={
        "name": {"type": "string"},
        "kind": {"type": "string"},
        "fact": {"type": ["string", "null"], "pattern": "^F[0-9]+$"},
    },
    required=["name", "kind", "fact"],
    columns={"name": "string", "kind": "string", "fact": "string"},
    label="EVENT", legend="event", colour="#ffc9c9", hover=_hover, value="name",
)  # fmt: skip
def find_events(a: Analysis, ctx: Context | None = None) -> list[Event]:
    """Every named and generic event, in text order, without overlaps."""
    ctx = ctx or Context.of(a)
    found: list[Event] = []
    generic, names = event_words(), mapping("event-names")
    i = 0
    while i < ctx.n:
        word, lemma = ctx.tokens[i].word, ctx.tokens[i].lemma
        if not (  # a set lookup first: most words start no event
            lemma in generic
            or KINDS.starting(lemma)
            or word[:1].isupper()
            or word.lower() in names
            or word.lower().rsplit("-", 1)[0] in names
        ):
            i += 1
            continue
        named = _named_event(ctx, i)
        if named is not None:
            found.append(named[0])
            i = max(named[1], i + 1)
            continue
        event = _known_name(ctx, i)
        if event is None and ctx.lemma(i) in event_words():
            event = _generic(ctx, i)
        if event is not None:
            found.append(event)
        i += 1
    out: list[Event] = []
    for event in in_text_order(found):
        if out and event.start < out[-1].stop:
            continue
        out.append(event)
    return out
