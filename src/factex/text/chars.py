"""Character classes every stage shares: quotation marks, dashes, and the fold used to
compare names.

`“` both opens (English `“…”`) and closes (German-style `„…“`) a quotation, so it
is in both sets.
"""

from __future__ import annotations

OPEN_QUOTES = frozenset('«„“"')
CLOSE_QUOTES = frozenset('»”“"')
QUOTES = OPEN_QUOTES | CLOSE_QUOTES
QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}  # opening -> its closing mark
DASHES = frozenset({"-", "–", "—", "--"})


def fold(name: str) -> str:
    """Comparison key of a name: lower case, `ё` as `е`, single spaces."""
    return " ".join(name.lower().replace("ё", "е").split())
