"""Fact extractors: one module per fact type, registered by name (`registry.py`).

Importing a module registers its fact type; each runs after the fact types it
reads (meetings read visits, signings read meetings). A new fact type is one
module with an `@fact_type` extractor, its word lists in `models/`, and its name
in the import below.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import Analysis
from ..record import Fact
from . import deal, event, meeting, occupation, ownership, quote, signing, visit  # noqa: F401 (registers)
from .anaphora import settle
from .context import Context
from .descriptions import describe
from .patterns import match, merge_into
from .persons import Persons
from .registry import FACT_TYPES, Found, with_needs
from .roles import name_described
from .succession import succeed
from .tree import Tree

# The arguments where an organisation named by a description before its quoted name
# stands for that name (`roles.name_described`).
NAMED = {"deal": ("parties",), "ownership": ("owner", "property")}

__all__ = ["FACT_TYPES", "extract_facts", "with_needs"]


def extract_facts(analysis: Analysis, types: Iterable[str] | None = None) -> list[Fact]:
    """Facts of the chosen types (all by default), in text order.

    Occupations are always read first: they resolve descriptions of persons
    (`президент Казахстана`) for every fact type. The facts of the frames over the
    dependency tree (`patterns.py`) are merged into the rule facts of their types.
    """
    chosen = list(FACT_TYPES) if types is None else list(types)
    ctx = Context.of(analysis)
    persons = Persons(ctx, occupation.find(ctx))
    describe(ctx, persons)  # `глава армянского МИД` on the person's entity (SPEC 0.2)
    found: Found = {}
    for name in with_needs(chosen):
        found[name] = FACT_TYPES[name].find(ctx, persons, found)
    tree = Tree(ctx, persons)
    merge_into(found, match(ctx, tree))  # fact frames over the dependency tree (patterns.py)
    settle(tree, found)  # `Министерство возглавляет ...`: the ministry named before
    if "occupation" in found:
        succeed(tree, found["occupation"])  # `его сменила Догузова`: she holds his post
    meeting.settle_places(ctx, found)  # `прибыл в Минск. Его встретил ...`: in Минск
    for name, keys in NAMED.items():  # `Ростовский завод «Атом-Сервис»`: the name, once
        if name in found:
            found[name] = name_described(ctx, found[name], keys)
    facts = [f for name in chosen if name in found for f in found[name]]
    return sorted(facts, key=lambda f: (f.start, f.type))
