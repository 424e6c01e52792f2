"""The `numbers` layer: ordinals and cardinals (`numbers.py`), ids `N1`, `N2`..."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..layers import Item, layer
from ..record import Number

if TYPE_CHECKING:
    from ..document import Analysis

_SPACY = {"ordinal": "ORDINAL", "cardinal": "CARDINAL"}


def _hover(n: Item) -> str:
    return f"{n.get('kind')} number: {n.get('value')}"


@layer(
    "numbers", one="number", item=Number, prefix="N", needs=["dates"], always=True,
    fields={"value": {"type": "integer"}, "kind": {"enum": ["ordinal", "cardinal"]}},
    required=["value", "kind"],
    columns={"value": "Int64", "kind": "string"},
    label="NUM", legend="number", colour="#e8dcff", hover=_hover,
    labels=lambda n: _SPACY.get(str(n.get("kind")), "NUMBER"),
    style="background: none; border-bottom: 2px dotted #9a7fd1;",
)  # fmt: skip
def find(a: Analysis) -> list[Number]:
    """Ordinals and cardinals outside dates."""
    from ..numbers import find_numbers

    return find_numbers(a.text, a.document.dates)
