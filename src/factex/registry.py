"""One way to register named things: stages, fact types, layers.

Each is a `Registry` filled by a decorator at import (`@stage(name, needs=...)`,
`@fact_type(name, needs=...)`, `@layer(key, item=..., needs=...)`); iteration is in
registration order, and names are unique.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


class Registry(dict[str, T]):
    """Named things in registration order; `what` names them in messages."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def add(self, name: str, thing: T) -> T:
        """Register `thing` as `name` (again: replaced, keeping its place)."""
        self[name] = thing
        return thing

    def unknown(self, names: Iterable[str]) -> str | None:
        """A one-line message naming the names not registered, or None when all are."""
        return unknown_names(names, self, self.what)


def unknown_names(names: Iterable[str], known: Iterable[str], what: str) -> str | None:
    """A one-line message naming the unknown names, or None when all are known."""
    known = list(known)
    bad = [n for n in names if n not in known]
    if not bad:
        return None
    listed = ", ".join(repr(n) for n in bad)
    return f"unknown {what} {listed} (known: {', '.join(known)})"
