"""The entity span rules, one named list in the order they run.

Each rule takes the tagger's (or the previous rule's) word spans and the tokens
and returns the spans it fixed; its docstring gives the cases it handles. A new
rule is a function in `rules.py` or `orgs.py` and a line here.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Token
from . import orgs, originals, regnal, rules, trades
from .ner import WordSpan

Rule = Callable[[list[WordSpan], list[Token]], list[WordSpan]]

RULES: list[Rule] = [
    orgs.split_article_orgs,
    originals.glued_names,
    rules.drop_common_words,
    rules.drop_events,
    orgs.apposition_orgs,
    orgs.foreign_names,
    rules.quoted_orgs,
    rules.drop_quoted_works,
    trades.trade_names,
    rules.extend_orgs,
    originals.bracketed_originals,
    orgs.leading_posts,
    orgs.split_person_tail,
    regnal.regnal_names,
    regnal.drop_titles,
    orgs.named_after,
    orgs.leading_adjectives,
    orgs.regional_branches,
    orgs.joined_units,
    rules.lowercase_orgs,
    orgs.domain_orgs,
    rules.title_places,
    rules.org_headed_places,
    originals.drop_descriptors,
    orgs.drop_bare_forms,
    rules.propagate,
]


def refine(spans: list[WordSpan], tokens: list[Token]) -> list[WordSpan]:
    """Every rule of `RULES`, in order."""
    for rule in RULES:
        spans = rule(spans, tokens)
    return spans
