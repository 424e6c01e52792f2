"""The JSON Schema of the SPEC record (`record.json`, shipped with the package).

It describes one line of `factex extract`: a document's record (version 1 with the
0.2 and 0.3 additions) or an error record. Validate with any JSON Schema (draft
2020-12) validator, e.g. `jsonschema`.

The parts of the layers and the entity types are composed from their registrations
(`factex.layers`, `factex.entities.types`): `compose()`; a test checks that the
shipped file is the composed one. After adding a layer, rewrite it with
`python -m factex.schema --write`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from ..entities.types import ENTITY_TYPES
from ..layers import LAYERS


@cache
def _text() -> str:
    return files(__package__).joinpath("record.json").read_text(encoding="utf-8")


def record_schema() -> dict[str, Any]:
    """The shipped schema as a dict (a fresh copy on every call)."""
    schema: dict[str, Any] = json.loads(_text())
    return schema


def compose() -> dict[str, Any]:
    """The shipped schema with the parts of every registered layer and entity type
    written from their registrations."""
    schema = record_schema()
    defs = schema["$defs"]
    defs["entity"]["properties"]["type"] = {"enum": list(ENTITY_TYPES)}
    document = defs["document"]
    core = ["factex", "doc", "entities"]
    layers = dict(LAYERS)
    for layer in layers.values():
        defs[layer.one] = layer.item_schema()
    properties = {k: v for k, v in document["properties"].items() if k not in core}
    document["properties"] = {
        **{k: document["properties"][k] for k in core},
        **{key: {"type": "array", "items": {"$ref": f"#/$defs/{layer.one}"}}
           for key, layer in layers.items()},
        **{k: v for k, v in properties.items() if k not in layers},
    }  # fmt: skip
    always = [key for key, layer in layers.items() if layer.always]
    document["required"] = [*core, *always, "facts"]
    listed = ["entities", *layers, "facts"]
    schema["$defs"]["error_record"]["not"] = {"anyOf": [{"required": [k]} for k in listed]}
    return schema
