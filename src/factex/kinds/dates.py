"""The `dates` layer: temporal expressions (`time/dates.py`), ids `D1`, `D2`..."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..layers import Item, layer
from ..record import DateExpr

if TYPE_CHECKING:
    from ..document import Analysis

KINDS = ["date", "range", "month", "year", "season", "part", "relative", "duration"]


def _hover(d: Item) -> str:
    mod = f", {d['mod']}" if d.get("mod") else ""
    return f"date ({d.get('kind')}{mod}): {d.get('value') or 'unresolved'}"


@layer(
    "dates", one="date", item=DateExpr, prefix="D", always=True,
    fields={
        "value": {"$ref": "#/$defs/iso_value"},
        "kind": {"enum": KINDS},
        "mod": {"enum": ["start", "mid", "end", "approx"]},
    },
    required=["value", "kind"],
    columns={"value": "string", "kind": "string", "mod": "string"},
    label="DATE", legend="date", colour="#ffe9a8", hover=_hover,
)  # fmt: skip
def find(a: Analysis) -> list[DateExpr]:
    """Temporal expressions resolved against the reference date."""
    from ..time.dates import find_dates

    return find_dates(a.text, a.reference)
