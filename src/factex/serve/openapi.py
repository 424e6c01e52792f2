"""The OpenAPI description of `factex serve`: request bodies and answers, with the
record described by the shipped JSON Schema (`factex/schema/record.json`)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..facts import FACT_TYPES
from ..schema import record_schema
from ..stages import STAGES

_NAMES = {"oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]}

REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "The Russian text (UTF-8)."},
        "id": {"type": "string", "description": "The document id, copied to `doc.id`."},
        "date": {"type": "string", "format": "date",
                 "description": "Reference date YYYY-MM-DD for relative and partial dates."},
        "disable": {**_NAMES, "description": "Stages not to run: " + ", ".join(STAGES)},
        "facts": {**_NAMES, "description": "Fact types to extract (default: all): "
                  + ", ".join(FACT_TYPES)},
        "tokens": {"type": "boolean", "default": False,
                   "description": "Add sentences and tokens to the record."},
    },
    "example": {"text": "МОСКВА, 11 ноября. /ТАСС/. Владимир Путин встретился с Касым-Жомартом "
                        "Токаевым.", "id": "visit", "date": "2025-11-11"},
}  # fmt: skip

ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}

_ERRORS = {
    400: "Malformed JSON",
    401: "No or wrong API key",
    413: "Body over --max-bytes",
    415: "Not UTF-8 (or the charset named), binary, or an unsupported Content-Type",
    422: "Missing or non-string text, a bad date, an unknown stage or fact type",
    503: "Every worker busy and the queue full (see Retry-After)",
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors(*extra: tuple[int, str]) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    for status, text in [*_ERRORS.items(), *extra]:
        out[status] = {"description": text,
                       "content": {"application/json": {"schema": _ref("Error")}}}  # fmt: skip
    return out


_TEXT_PARAMS = [
    {"name": name, "in": "query", "required": False, "schema": {"type": kind},
     "description": f"With a text/plain body: {text}"}
    for name, kind, text in [
        ("id", "string", "the document id"),
        ("date", "string", "reference date YYYY-MM-DD"),
        ("disable", "string", "stages not to run, comma-separated"),
        ("facts", "string", "fact types to extract, comma-separated"),
        ("tokens", "boolean", "add sentences and tokens"),
    ]
]  # fmt: skip

_SINGLE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": _ref("ExtractRequest")},
        "text/plain": {"schema": {"type": "string"}},
    },
}
_RUN_ERRORS = ((500, "The document's worker died, or the pipeline failed on it"),
               (504, "The document took longer than --timeout"))  # fmt: skip

SINGLE: dict[str, Any] = {
    "openapi_extra": {"requestBody": _SINGLE_BODY, "parameters": _TEXT_PARAMS},
    "responses": {
        200: {"description": "The record, exactly as `factex.extract` gives it",
              "content": {"application/json": {"schema": _ref("Record")}}},
        **_errors(*_RUN_ERRORS),
    },
}  # fmt: skip
HTML: dict[str, Any] = {
    "openapi_extra": {"requestBody": _SINGLE_BODY, "parameters": _TEXT_PARAMS},
    "responses": {
        200: {"description": "A self-contained HTML page: the text with its entities, dates "
              "and facts highlighted", "content": {"text/html": {"schema": {"type": "string"}}}},
        **_errors(*_RUN_ERRORS),
    },
}  # fmt: skip
BATCH: dict[str, Any] = {
    "openapi_extra": {"requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "array", "items": _ref("ExtractRequest")}},
            "application/x-ndjson": {"schema": _ref("ExtractRequest"),
                                     "description": "JSON Lines: one request object per line"},
        },
    }},
    "responses": {
        200: {"description": "JSON Lines, one per item in input order: its record, or an "
              "error record (`error.status` is the status the item alone would have had)",
              "content": {"application/x-ndjson": {"schema": _ref("Record")}}},
        **_errors(),
    },
}  # fmt: skip


def _components() -> dict[str, Any]:
    """The record schema's definitions as OpenAPI components (OpenAPI 3.1 schemas are
    JSON Schema 2020-12), with its references pointed at them."""
    schema = record_schema()
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    text = json.dumps({"Record": schema, **defs})
    text = text.replace('"#/$defs/', '"#/components/schemas/')
    components: dict[str, Any] = json.loads(text)
    components["ExtractRequest"] = REQUEST
    components["Error"] = ERROR
    return components


def openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, description=app.description,
                           routes=app.routes)  # fmt: skip
        spec.setdefault("components", {}).setdefault("schemas", {}).update(_components())
        app.openapi_schema = spec
    return app.openapi_schema
