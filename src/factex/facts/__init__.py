"""Fact extractors: each reads the Analysis and returns `Fact` records."""

from __future__ import annotations

from ..analysis import Analysis
from ..record import Fact
from . import deal, event, meeting, occupation, ownership, quote, signing, visit
from .context import Context
from .persons import Persons


def extract_facts(analysis: Analysis) -> list[Fact]:
    """All facts of a document, in text order (occupations first to resolve descriptions)."""
    ctx = Context(analysis)
    occupations = occupation.find(ctx)
    persons = Persons(ctx, occupations)
    facts = [o.fact() for o in occupations]
    visits = visit.find(ctx, persons)
    facts += visits
    meetings = meeting.find(ctx, persons, visits)
    facts += meetings
    facts += event.find(ctx, persons)
    facts += quote.find(ctx, persons)
    facts += signing.find(ctx, persons, meetings)
    facts += deal.find(ctx)
    facts += ownership.find(ctx, facts[: len(occupations)])
    return sorted(facts, key=lambda f: (f.start, f.type))
