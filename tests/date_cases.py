"""The table of date cases in `tests/data/dates.tsv`, shared by tests and benchmarks."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from factex.time.reference import Reference

TABLE = Path(__file__).parent / "data" / "dates.tsv"


@dataclass(frozen=True)
class Case:
    text: str
    reference: str
    surface: str | None  # None: the text holds no date
    value: str | None
    kind: str
    mod: str | None

    @property
    def ref(self) -> Reference:
        """The reference: `YYYY-MM-DD`, `--MM-DD` (a dateline without a year) or none."""
        if not self.reference:
            return Reference()
        if self.reference.startswith("--"):
            month, day = self.reference[2:].split("-")
            return Reference(None, int(month), int(day))
        return Reference.parse(self.reference)

    @property
    def start(self) -> int:
        return self.text.find(self.surface) if self.surface else -1


def load_cases(path: Path = TABLE) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    cases = []
    for row in rows[1:]:
        if row[0].startswith("#"):
            continue
        text, reference, surface, value, kind, mod = (row + [""] * 6)[:6]
        cases.append(
            Case(
                text,
                reference,
                None if surface == "-" else surface,
                None if value in ("", "null") else value,
                kind,
                mod or None,
            )
        )
    return cases
