"""Checking records against the JSON Schema of the SPEC record (factex/schema/record.json)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from factex.schema import record_schema


def _inlined(node: Any, defs: dict[str, Any]) -> Any:
    """`node` with every `#/$defs/` reference replaced by its definition (the schema has
    no recursive one): validation then skips reference lookups, three times faster."""
    if isinstance(node, list):
        return [_inlined(n, defs) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inlined(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inlined(defs[ref.removeprefix("#/$defs/")], defs)
        out = {**target, **out} if not set(out) & set(target) else {"allOf": [target, out]}
    return out


@cache
def validator(branch: str | None = None) -> Draft202012Validator:
    """The whole schema, or one branch of it (`document`, `error_record`) for messages
    that name the key at fault rather than "not valid under any of the given schemas"."""
    schema = record_schema()
    body = {"$ref": f"#/$defs/{branch}"} if branch is not None else schema
    return Draft202012Validator(_inlined(body, schema["$defs"]))


def schema_problems(record: Any) -> list[str]:
    """Why `record` is not a valid SPEC record (empty when it is)."""
    if validator().is_valid(record):
        return []
    branch = "error_record" if isinstance(record, dict) and "error" in record else "document"
    found = list(validator(branch).iter_errors(record)) or list(validator().iter_errors(record))
    errors = sorted(found, key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in errors]


def records_in(output: str | bytes) -> list[dict[str, Any]]:
    """The SPEC records in CLI output: one JSON record, a JSON list, or JSON Lines;
    none for output that is no JSON (HTML, help, messages)."""
    if isinstance(output, bytes):
        output = output.decode("utf-8", errors="replace")
    try:
        parsed = json.loads(output)
    except ValueError:
        parsed = []
        for line in output.splitlines():
            try:
                parsed.append(json.loads(line))
            except ValueError:
                return []
    items = parsed if isinstance(parsed, list) else [parsed]
    return [r for r in items if isinstance(r, dict) and "factex" in r]


def assert_valid_output(output: str | bytes) -> None:
    """Every record the CLI printed is valid against the schema."""
    for record in records_in(output):
        found = schema_problems(record)
        assert not found, "\n".join(found[:10])
