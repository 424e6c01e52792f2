"""Descriptions that stand for persons: `армянский премьер`, `глава российского МИД`,
`казахстанского лидера`, `президент РФ`, `лидеры двух стран`.

A description resolves to a person when the document names exactly one person
holding a matching post (`models/facts-position-synonyms.tsv`) in a matching
country or organisation.
"""

from __future__ import annotations

from functools import cache, cached_property

from ..entities.types import LOC, PER
from ..record import Entity
from .anaphora import resolve
from .context import Context
from .lexicon import mapping, multimap, words
from .occupation import Occupation
from .positions import Phrase, canonical, is_post, phrase_at
from .pronouns import antecedent
from .tree import Tree

COUNT_WORDS = {"два": 2, "оба": 2, "три": 3, "трое": 3, "двое": 2}


class Persons:
    """Resolves position phrases to the persons of the document's occupations."""

    def __init__(self, ctx: Context, occupations: list[Occupation]) -> None:
        self.ctx = ctx
        self.occupations = occupations
        self.named = {o.phrase.head: o.person for o in occupations}
        self.described: dict[int, Entity] = {}  # filled by `descriptions.describe`

    def within(self, a: int, b: int, case: str | None = None) -> list[Entity]:
        """Named persons and resolved descriptions in words [a, b), in text order
        (optionally only those in one grammatical case)."""
        ctx = self.ctx
        out: list[tuple[int, Entity]] = []
        for s in ctx.spans_in(a, b, PER):
            if case is None or ctx.feat(s.first, "Case") in {case, None}:
                out.append((s.first, s.entity))
        for j in range(a, b):
            if ctx.span_at.get(j) is None and (case is None or ctx.feat(j, "Case") == case):
                person = self.at(j)
                if person is not None and all(person is not e for _, e in out):
                    out.append((j, person))
        return [e for _, e in sorted(out, key=lambda p: p[0])]

    def antecedent(self, j: int) -> Entity | None:
        """The person pronoun j stands for: the one `anaphora.resolve` finds over the
        parse, else `pronouns.antecedent` (`По ее словам` opening a paragraph)."""
        found = resolve(self.tree, j, PER) if self.tree.parsed else []
        if len(found) == 1:  # the frames' resolver (`anaphora.py`)
            return found[0]
        span = antecedent(self.ctx, j)  # else the person named in the sentence before
        return span.entity if span is not None else None

    @cached_property
    def tree(self) -> Tree:
        return Tree(self.ctx)

    def at(self, head: int) -> Entity | None:
        """The person that the post word at `head` stands for, or None."""
        if head in self.named:
            return self.named[head]
        if head in self.described:
            return self.described[head]
        if not is_post(self.ctx, head):
            return None
        phrase = phrase_at(self.ctx, head)
        holders = [o for o in self.occupations if _same_post(phrase, o)]
        keys = _org_keys(phrase)
        if keys:  # the post in a matching country or organisation
            holders = [o for o in holders if keys & _org_keys(o.phrase)]
        found = {id(o.person): o.person for o in holders}
        return next(iter(found.values())) if len(found) == 1 else None

    def group(self, head: int) -> list[Entity]:
        """`лидеры двух стран`: the persons holding a leader's post in as many countries."""
        ctx = self.ctx
        if not is_post(ctx, head) or ctx.feat(head, "Number") != "Plur":
            return []
        phrase = phrase_at(ctx, head)
        count = None
        for k in range(head + 1, min(head + 3, ctx.n)):
            if ctx.lemma(k) in COUNT_WORDS:
                count = COUNT_WORDS[ctx.lemma(k)]
        leaders: dict[int, Entity] = {}
        countries = {canonical(c) for c in mapping("nationality").values()}
        for o in self.occupations:
            org = o.phrase.org
            if org is None or org.type != LOC or canonical(org.name) not in countries:
                continue
            if ctx.lemma(o.phrase.head) in words("leader-posts") or _same_post(phrase, o):
                leaders.setdefault(id(o.person), o.person)
        if count is not None and len(leaders) == count:
            return list(leaders.values())
        return []


@cache
def _posts(position: str) -> frozenset[str]:
    """The posts a position phrase may name: its first word's synonyms, first and last word."""
    word = position.split()[-1] if position else ""
    lemma = position.split()[0] if position else ""
    return frozenset(multimap("position-synonyms").get(lemma, (lemma,))) | {lemma, word}


def _same_post(phrase: Phrase, occ: Occupation) -> bool:
    posts = _posts(phrase.position or "")
    theirs = occ.phrase.position
    if not theirs:  # `возглавляет компанию`: no post named
        return False
    return theirs in posts or theirs.split()[0] in posts or phrase.position == theirs


def _org_keys(phrase: Phrase) -> set[str]:
    keys = {canonical(c) for c in phrase.countries}
    if phrase.org is not None:
        keys.add(canonical(phrase.org.name))
    return keys
