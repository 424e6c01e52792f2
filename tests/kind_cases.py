"""The tables of kinds cases (`tests/data/kinds-*.tsv`), shared by tests and benchmarks.

A line: the record list (a SPEC 0.3 key), the text, the expected item's exact surface
(or `-`: the list must be empty) and a JSON object of fields the item must have. A
field that is an entity reference is compared by its `name`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Case:
    list: str
    text: str
    surface: str | None  # None: the list must be empty
    fields: dict[str, Any] = field(default_factory=dict)
    line: int = 0

    def __str__(self) -> str:
        want = self.surface or "(none)"
        return f"{self.list}: {want} {json.dumps(self.fields, ensure_ascii=False)} ## {self.text}"


def load_cases(path: Path) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, text, surface, fields = line.split("\t")
        cases.append(Case(key, text, None if surface == "-" else surface, json.loads(fields), n))
    return cases


def tables() -> list[Path]:
    """The kinds tables present: the team's and any held-out ones."""
    return sorted(DATA.glob("kinds-*.tsv"))


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        return all(_same(v, got.get(k)) for k, v in want.items())
    return bool(want == got)


def check(case: Case, record: dict[str, Any]) -> bool:
    """Whether the record has the case's item (or, for `-`, no item of the list)."""
    items = record.get(case.list) or []
    if case.surface is None:
        return not items
    return any(
        item["text"] == case.surface and _same(case.fields, {k: item.get(k) for k in case.fields})
        for item in items
    )
