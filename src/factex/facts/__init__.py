"""Fact extractors: each reads the Analysis and returns `Fact` records.

`FACT_TYPES` names every fact type and the fact types whose facts it reads
(meetings read visits, signings read meetings); choosing a type runs those
too, while only the chosen types are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..document import Analysis
from ..record import Fact
from . import event, meeting, occupation, quote, signing, visit
from .context import Context
from .persons import Persons

Found = dict[str, list[Fact]]


@dataclass(frozen=True)
class FactType:
    """A fact type: its name, the fact types it reads, and its extractor."""

    name: str
    needs: tuple[str, ...]
    find: Callable[[Context, Persons, Found], list[Fact]]


FACT_TYPES: dict[str, FactType] = {
    t.name: t
    for t in (
        FactType(
            "occupation", (), lambda ctx, persons, found: [o.fact() for o in persons.occupations]
        ),
        FactType("visit", (), lambda ctx, persons, found: visit.find(ctx, persons)),
        FactType(
            "meeting",
            ("visit",),
            lambda ctx, persons, found: meeting.find(ctx, persons, found["visit"]),
        ),
        FactType("event", (), lambda ctx, persons, found: event.find(ctx, persons)),
        FactType("quote", (), lambda ctx, persons, found: quote.find(ctx, persons)),
        FactType(
            "signing",
            ("meeting",),
            lambda ctx, persons, found: signing.find(ctx, persons, found["meeting"]),
        ),
    )
}


def with_needs(names: Iterable[str]) -> list[str]:
    """The fact types to run for `names`: them and what they read, in registry order."""
    wanted = set(names)
    for name in reversed(FACT_TYPES):
        if name in wanted:
            wanted.update(FACT_TYPES[name].needs)
    return [name for name in FACT_TYPES if name in wanted]


def extract_facts(analysis: Analysis, types: Iterable[str] | None = None) -> list[Fact]:
    """Facts of the chosen types (all by default), in text order.

    Occupations are always read first: they resolve descriptions of persons
    (`президент Казахстана`) for every other fact type.
    """
    chosen = list(FACT_TYPES) if types is None else list(types)
    ctx = Context(analysis)
    persons = Persons(ctx, occupation.find(ctx))
    found: Found = {}
    for name in with_needs(chosen):
        found[name] = FACT_TYPES[name].find(ctx, persons, found)
    facts = [f for name in chosen if name in found for f in found[name]]
    return sorted(facts, key=lambda f: (f.start, f.type))
