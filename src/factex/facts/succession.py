"""Succession: one who replaces another in a post takes that post (`Олег Сафонов руководил
Ростуризмом. В январе его сменила Зарина Догузова`: Догузова heads Ростуризм).

Read once every occupation is known: the successor (the subject of `сменить`, `заменить`)
gets the organisation and position of the predecessor's (the object's) occupation named
last before the verb in the paragraph, unless the successor already holds a post there.
"""

from __future__ import annotations

from typing import Any

from ..entities.types import PER
from ..record import Entity, Fact
from .tree import Tree

VERBS = frozenset({"сменить", "сменять", "заменить", "заменять"})
POSTS = frozenset({"пост", "должность", "место"})


def succeed(tree: Tree, occupations: list[Fact]) -> None:
    """Add the successors' occupations to `occupations` (in place)."""
    ctx = tree.ctx
    held: dict[int, list[Fact]] = {}  # a person's occupations, by the entity's id
    for f in occupations:
        held.setdefault(id(f.args.get("person")), []).append(f)
    for i in range(ctx.n):
        if ctx.lemma(i) not in VERBS or ctx.pos(i) != "VERB" or ctx.modality(i):
            continue
        args = tree.args(i)
        roles = {role: c for c, role, prep in args if not prep}
        if "nsubj" not in roles or "obj" not in roles:
            continue
        successors = tree.names(roles["nsubj"], PER)
        predecessors = tree.names(roles["obj"], PER)
        if len(successors) != 1 or len(predecessors) != 1:
            continue
        first, last = ctx.sentence(i)
        # `сменил Ямова на посту директора «Веги»`: the post named in that phrase too
        post_word = next((c for c, _, p in args if p == "на" and ctx.lemma(c) in POSTS), None)
        named = post_word is not None
        until = ctx.stop(_last_word(tree, post_word)) if post_word is not None else ctx.start(i)
        since = ctx.analysis.paragraph_start(ctx.start(i))
        post = _post_before(since, until, held.get(id(predecessors[0]), []), need_org=not named)
        mine = held.setdefault(id(successors[0]), [])
        if post is None or any(f.args.get("org") is post.args.get("org") for f in mine):
            continue
        fact: dict[str, Any] = {
            "person": successors[0],
            "position": post.args.get("position"),
            "org": post.args.get("org"),
        }
        mine.append(Fact("occupation", ctx.start(first), ctx.stop(last - 1), fact))
        occupations.append(mine[-1])


def _post_before(since: int, at: int, held: list[Fact], need_org: bool) -> Fact | None:
    """Of a person's occupations, the one named last in [since, at) (its fact's start),
    with an organisation when `need_org`, else with an organisation or a position."""
    named = [
        f
        for f in held
        if (isinstance(f.args.get("org"), Entity) or not need_org and f.args.get("position"))
        and since <= f.start < at
    ]
    return max(named, key=lambda f: f.start) if named else None


def _last_word(tree: Tree, k: int) -> int:
    """The last word of the phrase word k heads."""
    return max([k, *(_last_word(tree, c) for c in tree.children[k] if c > k)])
