"""What every typed mention of the kinds layers shares: its surface and its id.

A kind's item is a dataclass that extends `KindMention` with its value fields;
`to_dict` writes `id`, `start`, `stop`, `text` and then those fields, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..document import Analysis

_SURFACE = frozenset({"start", "stop", "text", "id"})


@dataclass
class KindMention:
    """A mention of some kind: `text[start:stop] == text`."""

    start: int
    stop: int
    text: str
    id: str = field(default="", kw_only=True)

    def values(self) -> dict[str, Any]:
        """The kind's own fields, as written in the record."""
        return {
            f.name: _value(getattr(self, f.name)) for f in fields(self) if f.name not in _SURFACE
        }

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "stop": self.stop, "text": self.text,
                **self.values()}  # fmt: skip

    def ref(self) -> dict[str, Any]:
        """The SPEC form of a fact argument that points to this mention."""
        return {"ref": self.id, "text": self.text}


def _value(value: Any) -> Any:
    """A field as written: an entity or another mention as its reference."""
    ref = getattr(value, "ref", None)
    return ref() if callable(ref) else value


def words_span(a: Analysis, first: int, last: int) -> tuple[int, int, str]:
    """The characters of words [first, last): start, stop and the surface."""
    start, stop = a.tokens[first].start, a.tokens[last - 1].stop
    return start, stop, a.text[start:stop]


def in_text_order(items: list[Any]) -> list[Any]:
    """Items sorted by start, longer first, without exact duplicates of a span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for item in sorted(items, key=lambda m: (m.start, -m.stop)):
        if (item.start, item.stop) not in seen:
            seen.add((item.start, item.stop))
            out.append(item)
    return out
