"""The JSON Schema of the SPEC record (`record.json`, shipped with the package).

It describes one line of `factex extract`: a document's record (version 1 with the
0.2 additions: descriptions, warnings, deal and ownership facts) or an error record.
Validate with any JSON Schema (draft 2020-12) validator, e.g. `jsonschema`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _text() -> str:
    return files(__package__).joinpath("record.json").read_text(encoding="utf-8")


def record_schema() -> dict[str, Any]:
    """The schema as a dict (a fresh copy on every call)."""
    schema: dict[str, Any] = json.loads(_text())
    return schema
