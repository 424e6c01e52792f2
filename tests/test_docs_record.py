"""docs/record.md documents exactly the fields of the shipped JSON Schema.

The page has one table per object of the schema, after a marker `<!-- schema: NAME -->`:
NAME is a `$defs` entry (`entity`, `date`, ...), or `fact TYPE` for a fact type's
arguments. The first cell of each row is the field in backticks; a nested object's
fields are written `parent.child` (`dateline.place`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from factex.schema import record_schema

PAGE = Path(__file__).resolve().parent.parent / "docs" / "record.md"
MARKER = re.compile(r"<!--\s*schema:\s*(?P<name>[\w ]+?)\s*-->")
ROW = re.compile(r"^\|\s*`(?P<field>[^`]+)`")


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    return defs[ref.rsplit("/", 1)[1]] if ref.startswith("#/$defs/") else {}


def _inline_object(node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema written in place (not a `$ref` to another def), if any."""
    if "properties" in node or ("$ref" in node and "type" not in node and len(node) > 1):
        return node
    for option in node.get("oneOf", []) + node.get("anyOf", []):
        if "properties" in option:
            return option
    return None


def properties(node: dict[str, Any], defs: dict[str, Any], prefix: str = "") -> set[str]:
    """Field names of an object schema: its own, those of the def it extends (`$ref`),
    those of an object written inline in `oneOf`, and nested inline objects' as `a.b`."""
    names: set[str] = set()
    base = _resolve(node, defs)
    if base:
        names |= properties(base, defs, prefix)
    for option in node.get("oneOf", []) + node.get("anyOf", []):
        if "properties" in option:
            names |= properties(option, defs, prefix)
    for name, sub in node.get("properties", {}).items():
        names.add(prefix + name)
        inline = _inline_object(sub)
        if inline is not None:
            names |= properties(inline, defs, f"{prefix}{name}.")
    return names


def schema_fields() -> dict[str, set[str]]:
    """What the schema says, as the page's marker names."""
    schema = record_schema()
    defs = schema["$defs"]
    fields: dict[str, set[str]] = {}
    for name, node in defs.items():
        found = properties(node, defs)
        if found:
            fields[name] = found
        for branch in node.get("allOf", []):
            kind = branch.get("if", {}).get("properties", {}).get("type", {}).get("const")
            if kind:
                fields[f"fact {kind}"] = properties(branch.get("then", {}), defs)
    return fields


def documented() -> dict[str, set[str]]:
    """What the page says: the fields in the table after each marker."""
    fields: dict[str, set[str]] = {}
    current: str | None = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        marker = MARKER.search(line)
        if marker:
            current = marker["name"]
            fields.setdefault(current, set())
            continue
        if current is None:
            continue
        row = ROW.match(line)
        if row:
            fields[current].add(row["field"])
        elif line.strip() and not line.startswith("|"):
            current = None
    return fields


def test_every_schema_field_is_documented() -> None:
    page = documented()
    missing = []
    for name, fields in sorted(schema_fields().items()):
        if name not in page:
            missing.append(
                f"- the schema's `{name}` has no table: add to docs/record.md a section with "
                f"`<!-- schema: {name} -->` and a table `| field | type | meaning |` with rows "
                + ", ".join(f"`{f}`" for f in sorted(fields))
            )
            continue
        for field in sorted(fields - page[name]):
            missing.append(
                f"- `{name}.{field}`: add a row `| `{field}` | type | meaning |` to the table "
                f"after `<!-- schema: {name} -->` in docs/record.md"
            )
    assert not missing, "fields in src/factex/schema/record.json that docs/record.md does not " \
        "document:\n" + "\n".join(missing)


def test_every_documented_field_is_in_the_schema() -> None:
    schema = schema_fields()
    extra = []
    for name, fields in sorted(documented().items()):
        if name not in schema:
            extra.append(f"- `<!-- schema: {name} -->`: the schema has no such object")
            continue
        extra += [
            f"- `{name}.{field}`: documented but not in the schema; add it to "
            f"src/factex/schema/record.json or drop the row"
            for field in sorted(fields - schema[name])
        ]
    assert not extra, "docs/record.md documents fields the schema does not have:\n" + \
        "\n".join(extra)
