"""Layers: the lists of typed mentions in the record (`dates`, `numbers`, `money`...).

A layer is one module in `factex/kinds/` that registers its finder with
`@layer(key, ...)`, declaring everything the rest of factex needs to know about
it: the record key (also its stage name, its `--disable` name, its table and
its spaCy span group), the class of its items, their id prefix, the stages it
needs, the JSON Schema of its fields, its table columns, its HTML label, colour
and hover text, and its spaCy labels. `record.py`, `windows.py`, `frames.py`,
`html.py`, `spacy_component.py`, the schema and the CLI loop over `LAYERS`
(in registration order, which is also the order of the record's keys).

>>> [layer.key for layer in LAYERS.values()][:2]
['dates', 'numbers']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .registry import Registry

if TYPE_CHECKING:
    from .document import Analysis

Find = Callable[["Analysis"], list[Any]]
Item = Mapping[str, Any]  # an item as written in the record


@dataclass(frozen=True)
class Layer:
    """A registered layer (see the module docstring); its items are objects with
    `id`, `start`, `stop`, `text` and `to_dict()`, and `ref()` when facts point
    to them."""

    key: str
    one: str
    item: type
    prefix: str
    needs: tuple[str, ...]
    find: Find
    fields: dict[str, Any]
    required: tuple[str, ...]
    columns: dict[str, str]
    label: str
    legend: str
    colour: str
    hover: Callable[[Item], str]
    labels: Callable[[Item], str] | None = None
    value: str = "value"
    style: str | None = None
    always: bool = False
    doc: str = ""
    load: Callable[[], object] | None = None  # builds its tables when a pipeline loads

    @property
    def id_column(self) -> str:
        """The table column of the item ids: `date_id`, `money_id`."""
        return f"{self.one}_id"

    def span_label(self, item: Item) -> str:
        """The spaCy label of one item."""
        return self.labels(item) if self.labels else self.label

    def item_schema(self) -> dict[str, Any]:
        """The JSON Schema of one item: a surface with an id and the layer's fields."""
        return {
            "$ref": "#/$defs/surface",
            "required": ["id", *self.required],
            "properties": {
                "id": {"type": "string", "pattern": f"^{self.prefix}[0-9]+$"},
                **self.fields,
            },
        }


LAYERS: Registry[Layer] = Registry("layer")


def items_in(a: Analysis, key: str, start: int, stop: int) -> list[Any]:
    """The items of layer `key` inside characters [start, stop), in text order."""
    return [x for x in a.document.layers.get(key, []) if start <= x.start and x.stop <= stop]


def layer(
    key: str,
    *,
    one: str,
    item: type,
    prefix: str,
    needs: Iterable[str] = (),
    fields: dict[str, Any],
    required: Iterable[str] = (),
    columns: dict[str, str],
    label: str,
    legend: str,
    colour: str,
    hover: Callable[[Item], str],
    labels: Callable[[Item], str] | None = None,
    value: str = "value",
    style: str | None = None,
    always: bool = False,
    load: Callable[[], object] | None = None,
) -> Callable[[Find], Find]:
    """Register the finder of layer `key` (`find(analysis) -> items in text order`).

    `one`: the name of one item (schema definition, `<one>_id` column); `item`: their
    class; `prefix`: of their ids; `needs`: the stages whose layers it reads;
    `fields`/`required`: JSON Schema of the item's own fields; `columns`: their
    table dtypes; `label`, `legend`, `colour`, `hover`, `style`: the HTML view
    (`label` is also the spaCy label, unless `labels` gives one per item); `value`:
    the field that is the spaCy `span._.value`; `always`: the key is in every record
    (the layers of SPEC version 1), else only when the stage ran; `load`: builds what
    the finder reads (word lists, patterns) when a pipeline loads, not on its first text.
    """

    def register(find: Find) -> Find:
        LAYERS.add(key, Layer(
            key, one, item, prefix, tuple(needs), find, fields, tuple(required), columns,
            label, legend, colour, hover, labels, value, style, always,
            (find.__doc__ or "").strip(), load,
        ))  # fmt: skip
        return find

    return register
