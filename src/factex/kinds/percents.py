"""The `percents` layer: percentages and percentage points (SPEC 0.3).

`7,4%`, `3,6 процента`, `двадцать процентов`, `от 20 до 25 процентов` and `5–7%`
(one item with `min` and `max`), `2 п.п.` and `0,3 процентного пункта`
(`points: true`); a leading `около`, `свыше`, `более` is part of the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..layers import Item, layer
from ..text.folding import Folded
from .money import APPROX
from .quantity import NUMBER, number_value, plain

if TYPE_CHECKING:
    from ..document import Analysis

_POINTS = r"п\.\s?п\.?|процентн\w+\s+пункт\w*|пп\.?(?!\w)"
_PATTERN = Folded(
    rf"(?<![\w.,])(?:(?P<approx>{APPROX})\s+)?(?:(?P<from>от)\s+)?"
    rf"(?P<a>{NUMBER})(?:(?:\s*[-–—]\s*|\s+до\s+)(?P<b>{NUMBER}))?\s*"
    rf"(?:(?P<points>{_POINTS})|(?P<unit>%|процент\w*)(?![\w-]))",
    needs=("%", "процент", "п.", "пп"),
)


@dataclass
class Percent:
    """A percentage (`value`, or `min`/`max` for a range); `points` for п.п."""

    start: int
    stop: int
    text: str
    value: int | float | None
    points: bool = False
    min: int | float | None = None
    max: int | float | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start, "stop": self.stop,
                               "text": self.text, "value": self.value}  # fmt: skip
        if self.min is not None or self.max is not None:
            out |= {"min": self.min, "max": self.max}
        return out | {"points": self.points}

    def ref(self) -> dict[str, Any]:
        """The SPEC form of a fact argument that names this percentage."""
        return {"ref": self.id, "text": self.text, "value": self.value}


def find_percents(text: str) -> list[Percent]:
    """Every percentage in `text`, in text order."""
    out = []
    for m in _PATTERN.finditer(text):
        first = number_value(m["a"])
        second = number_value(m["b"]) if m["b"] else None
        if first is None or (m["b"] and second is None) or "\n" in m.group():
            continue
        start = m.start()
        if m["from"] and not m["b"] and not m["approx"]:
            start = m.start("a")
        item = Percent(start, m.end(), text[start : m.end()], None, bool(m["points"]))
        if second is not None:
            item.min, item.max = plain(first), plain(second)
        else:
            item.value = plain(first)
        out.append(item)
    return out


def _hover(p: Item) -> str:
    value = p.get("value") if p.get("value") is not None else f"{p.get('min')}–{p.get('max')}"
    return f"percent: {value}{' п.п.' if p.get('points') else '%'}"


_NUMBER_OR_NULL = {"type": ["number", "null"]}


@layer(
    "percents", one="percent", item=Percent, prefix="P",
    fields={"value": _NUMBER_OR_NULL, "min": _NUMBER_OR_NULL, "max": _NUMBER_OR_NULL,
            "points": {"type": "boolean"}},
    required=["value", "points"],
    columns={"value": "Float64", "min": "Float64", "max": "Float64", "points": "boolean"},
    label="PERCENT", legend="percent", colour="#f9d5ec", hover=_hover,
)  # fmt: skip
def find(a: Analysis) -> list[Percent]:
    """Percentages and percentage points."""
    return find_percents(a.text)
