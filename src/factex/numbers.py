"""Ordinal and cardinal numbers that facts need (to be filled by the dates work, issue 3)."""

from __future__ import annotations

from .record import DateExpr, Number


def find_numbers(text: str, dates: list[DateExpr], doc=None) -> list[Number]:
    """Ordinals and cardinals outside dates, in text order."""
    return []
