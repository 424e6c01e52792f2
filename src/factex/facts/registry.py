"""The registry of fact types: a name, the fact types whose facts it reads, its extractor.

A fact module registers its extractor with `@fact_type(name, needs=[...])`; the
extractor receives the document's `Context`, the `Persons` that resolve
descriptions, and the facts of the types it needs (`found["visit"]`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..registry import Registry

if TYPE_CHECKING:
    from ..record import Fact
    from .context import Context
    from .persons import Persons

Found = dict[str, list["Fact"]]
Extractor = Callable[["Context", "Persons", Found], list["Fact"]]


@dataclass(frozen=True)
class FactType:
    """A registered fact type."""

    name: str
    needs: tuple[str, ...]
    find: Extractor


FACT_TYPES: Registry[FactType] = Registry("fact type")


def fact_type(name: str, needs: Iterable[str] = ()) -> Callable[[Extractor], Extractor]:
    """Register an extractor as fact type `name`, reading the facts of `needs`."""

    def register(find: Extractor) -> Extractor:
        FACT_TYPES.add(name, FactType(name, tuple(needs), find))
        return find

    return register


def with_needs(names: Iterable[str]) -> list[str]:
    """The fact types to run for `names`: them and what they read, each after what it
    reads."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in path or name not in FACT_TYPES:
            raise ValueError(f"fact type {path[-1]!r} needs {name!r}: unknown or circular")
        for need in FACT_TYPES[name].needs:
            visit(need, (*path, name))
        order.append(name)

    for name in names:
        visit(name, ())
    return order
