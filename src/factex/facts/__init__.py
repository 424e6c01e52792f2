"""Fact extractors: each reads the Analysis and returns `Fact` records."""

from __future__ import annotations

from ..analysis import Analysis
from ..record import Fact


def extract_facts(analysis: Analysis) -> list[Fact]:
    """All facts of a document, in text order (filled in by the facts work, issue 4)."""
    return []
