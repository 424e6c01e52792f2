"""Two readings of one fact merged into the first, by one policy declared per argument.

A fact type declares how each argument merges (`Policy`):
- `fill`: the first reading's value, or the second's when the first has none;
- `union`: lists joined, each item once (entities and dates by identity), in order;
- `date`: the better date (`better_date`), or the second's when the first has none.
Arguments not named keep the first reading's value.

>>> MERGE = {"place": "fill", "dates": "date", "participants": "union"}
>>> merge(old.args, new.args, MERGE)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ..record import DateExpr, Entity

Policy = Literal["fill", "union", "date"]


def better_date(new: DateExpr | None, old: DateExpr | None) -> bool:
    """Whether `new` is a better date for a fact than `old`: a resolved date over an
    unresolved one, a resolved range over a single day or month."""
    if new is None or old is None or not new.value:
        return False
    return not old.value or ("/" in new.value and "/" not in old.value)


def same(a: Any, b: Any) -> bool:
    """Two argument values that name the same thing: the same entity or date object,
    or equal plain values."""
    if isinstance(a, (Entity, DateExpr)) or isinstance(b, (Entity, DateExpr)):
        return a is b
    return bool(a == b)


def joined(old: list[Any], new: list[Any]) -> list[Any]:
    """`old` followed by the items of `new` it lacks."""
    return old + [x for x in new if not any(same(x, y) for y in old)]


def merge(old: dict[str, Any], new: dict[str, Any], policy: Mapping[str, Policy]) -> None:
    """Merge the arguments of `new` into `old` as `policy` says."""
    for key, how in policy.items():
        if how == "fill":
            old[key] = old.get(key) or new.get(key)
        elif how == "union":
            old[key] = joined(old.get(key) or [], new.get(key) or [])
        elif old.get(key) is None or better_date(new.get(key), old.get(key)):
            old[key] = new.get(key)
