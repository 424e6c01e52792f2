"""Writing a record as JSON piece by piece, so that a huge record is never one string,
and building it from a Document without holding both whole.

The output is the same text as `json.dumps(record, ensure_ascii=False, indent=...)`:
each element of a top-level list is encoded on its own (by the C encoder) and
indented to its place; JSON strings hold no raw line breaks, so re-indenting an
encoded element is a plain replacement.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .record import Document


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def chunks(record: dict[str, Any], indent: int | None = None) -> Iterator[str]:
    """The JSON text of `record` in pieces of about one list element each."""
    if indent is None:
        item_sep, key_sep, open_, close = ", ", ": ", "", ""
    else:
        pad = " " * indent
        item_sep, key_sep, open_, close = ",", ": ", "\n" + pad, "\n"
    if not record:
        yield "{}"
        return
    yield "{"
    for k, (key, value) in enumerate(record.items()):
        yield (item_sep if k else "") + open_ + json.dumps(key, ensure_ascii=False) + key_sep
        if isinstance(value, list) and value:
            yield from _list(value, indent)
        else:
            yield _indented(json.dumps(value, ensure_ascii=False, indent=indent), indent, 1)
    yield close + "}"


def _list(items: list[Any], indent: int | None) -> Iterator[str]:
    if indent is None:
        yield "["
        for i, item in enumerate(items):
            yield (", " if i else "") + json.dumps(item, ensure_ascii=False)
        yield "]"
        return
    pad = "\n" + " " * (2 * indent)
    yield "["
    for i, item in enumerate(items):
        text = json.dumps(item, ensure_ascii=False, indent=indent)
        yield ("," if i else "") + pad + _indented(text, indent, 2)
    yield "\n" + " " * indent + "]"


def _indented(text: str, indent: int | None, level: int) -> str:
    if indent is None or "\n" not in text:
        return text
    return text.replace("\n", "\n" + " " * (indent * level))


def write_json(out: Writable, record: dict[str, Any], indent: int | None = None) -> None:
    """Write `record` to `out` as JSON in pieces of at most about 64 KB."""
    buffer: list[str] = []
    size = 0
    for piece in chunks(record, indent):
        buffer.append(piece)
        size += len(piece)
        if size > 65536:
            out.write("".join(buffer))
            buffer, size = [], 0
    if buffer:
        out.write("".join(buffer))


def release_to_dict(doc: Document) -> dict[str, Any]:
    """`doc.to_dict()`, built while letting go of the objects already converted, so
    that a huge document's objects and its record are never both whole in memory.
    The document is left without entities, dates, numbers and facts."""
    layers = {name: getattr(doc, name) for name in ("facts", "entities", "dates", "numbers")}
    for name in layers:
        setattr(doc, name, [])
    out = doc.to_dict()  # the keys in their order, the layers empty
    for name, items in layers.items():  # facts first: they refer to entities and dates
        items.reverse()
        converted = []
        while items:
            converted.append(items.pop().to_dict())
        out[name] = converted
    return out
