"""Find temporal expressions in Russian text (to be filled by the dates work, issue 3)."""

from __future__ import annotations

from ..record import DateExpr
from .reference import Reference


def find_dates(text: str, ref: Reference, doc=None) -> list[DateExpr]:
    """Every temporal expression in `text`, resolved against `ref`, in text order."""
    return []
