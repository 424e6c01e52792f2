"""Checking records against the JSON Schema of the SPEC record (factex/schema/record.json)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from factex.schema import record_schema


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(record_schema())


def schema_problems(record: Any) -> list[str]:
    """Why `record` is not a valid SPEC record (empty when it is)."""
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path))
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
