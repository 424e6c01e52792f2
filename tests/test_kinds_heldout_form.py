"""The held-out kinds table (`tests/data/kinds-heldout.tsv`, issue 18) is well formed and
big enough. Its scores are measured by the kinds benchmarks and tests, not here."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "kinds-heldout.tsv"
NUMERIC = {"money", "percents", "ages", "times"}
NAMED = {"laws", "awards", "nationalities", "professions", "events"}
FIELDS = {
    "money": {"amount", "min", "max", "currency", "approx"},
    "percents": {"value", "min", "max", "points"},
    "ages": {"years", "kind", "person"},
    "times": {"value"},
    "laws": {"kind", "number", "date", "title", "article", "code"},
    "awards": {"name", "degree"},
    "nationalities": {"name", "country"},
    "professions": {"name"},
    "events": {"name", "kind", "fact"},
}


def _rows() -> list[tuple[int, list[str]]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [(n, line.split("\t")) for n, line in enumerate(lines, 1) if not line.startswith("#")]


def test_rows_are_well_formed():
    for n, row in _rows():
        assert len(row) == 4, n
        key, text, surface, fields = row
        assert key in FIELDS, n
        assert surface == "-" or surface in text, n
        values = json.loads(fields)
        assert isinstance(values, dict) and set(values) <= FIELDS[key], n
        assert surface != "-" or not values, n


def test_every_kind_is_big_enough():
    positives = Counter(row[0] for _, row in _rows() if row[2] != "-")
    negatives = Counter(row[0] for _, row in _rows() if row[2] == "-")
    for key in NUMERIC:
        assert positives[key] >= 30, key
    for key in NAMED:
        assert positives[key] >= 20, key
    for key in FIELDS:
        assert negatives[key] >= 3, key
