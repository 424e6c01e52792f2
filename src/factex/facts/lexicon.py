"""The word lists of the fact extractors (`models/facts-*`), as sets and maps."""

from __future__ import annotations

from functools import cache

from ..resources import table, wordlist


@cache
def words(name: str) -> frozenset[str]:
    """`models/facts-<name>.txt` as a set of lower-case lemmas."""
    return frozenset(w.lower() for w in wordlist(f"facts-{name}"))


@cache
def mapping(name: str) -> dict[str, str]:
    """`models/facts-<name>.tsv`: first cell -> second cell ("" when absent)."""
    return {row[0].lower(): (row[1] if len(row) > 1 else "") for row in table(f"facts-{name}")}


@cache
def multimap(name: str) -> dict[str, tuple[str, ...]]:
    """`models/facts-<name>.tsv`: first cell -> the other cells."""
    return {row[0].lower(): tuple(row[1:]) for row in table(f"facts-{name}")}


@cache
def sequences(name: str) -> dict[tuple[str, ...], str]:
    """`models/facts-<name>.tsv` whose first cell is a lemma sequence -> second cell."""
    return {
        tuple(row[0].lower().split()): (row[1] if len(row) > 1 else "")
        for row in table(f"facts-{name}")
    }
