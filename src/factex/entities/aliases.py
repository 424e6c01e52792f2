"""Other names of one place or organisation (`models/aliases.tsv`: `РФ` = `Россия`)."""

from __future__ import annotations

from functools import cache

from ..resources import table
from ..text.chars import fold


@cache
def aliases() -> dict[str, str]:
    """Each folded name of a row -> the row's canonical name as written (`рф` -> `Россия`)."""
    out: dict[str, str] = {}
    for row in table("aliases"):
        for name in row[1:]:
            out[fold(name)] = row[1]
    return out


def canonical(name: str) -> str:
    """The canonical name of `name` (`РФ` -> `Россия`), or `name` itself."""
    return aliases().get(fold(name), name)
