"""Mention kinds on the held-out tables (issue 18): `tests/data/kinds-heldout.tsv` and
`tests/data/kinds-heldout-numeric.tsv` (format in their headers).

Per record list (SPEC 0.3 key): the expected items, how many the record has with exactly
the expected surface, how many it overlaps, and how many have their values right (an
item overlapping the expected surface with every given field equal; an entity reference
is compared by its name); for texts where the list must be empty, how many have an item.
Only these aggregates are printed: the tables are held out, so their misses are not
listed. A list the record lacks (its layer not built yet) shows as `-`.

    python benchmarks/kinds_heldout.py [--table PATH ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]
DATA = ROOT / "tests" / "data"
TABLES = [DATA / "kinds-heldout.tsv", DATA / "kinds-heldout-numeric.tsv"]
REFERENCE = "2025-11-11"


@dataclass
class Row:
    key: str
    text: str
    surface: str | None  # None: the list must be empty
    fields: dict[str, Any]


def load(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("list\t"):
            continue
        key, text, surface, fields = line.split("\t")
        rows.append(Row(key, text, None if surface == "-" else surface, json.loads(fields)))
    return rows


def same(want: Any, got: Any) -> bool:
    """Every given field equal; an entity reference ({"ref", "name"}) by its name."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(same(v, got.get(k)) for k, v in want.items())
    if isinstance(got, dict) and isinstance(want, str):
        return want == got.get("name")
    return bool(want == got)


@dataclass
class Tally:
    expected: int = 0  # items the table expects
    exact: int = 0  # ... found with exactly the expected surface
    overlap: int = 0  # ... overlapped by an item
    right: int = 0  # ... overlapped by an item with every given field right
    empty: int = 0  # texts where the list must be empty
    false: int = 0  # ... that have an item
    built: bool = True  # the record has the list


def tally(rows: list[Row], records: dict[str, dict[str, Any]]) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for row in rows:
        t = out.setdefault(row.key, Tally())
        items = records[row.text].get(row.key)
        t.built = t.built and items is not None
        items = items or []
        if row.surface is None:
            t.empty += 1
            t.false += bool(items)
            continue
        t.expected += 1
        at = row.text.index(row.surface)
        near = [i for i in items if i["start"] < at + len(row.surface) and at < i["stop"]]
        t.exact += any(i["text"] == row.surface for i in near)
        t.overlap += bool(near)
        t.right += any(same(row.fields, i) for i in near)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, action="append", help="a kinds table")
    args = parser.parse_args()
    from factex import Pipeline

    nlp = Pipeline()
    for path in args.table or TABLES:
        if not path.exists():
            print(f"{path.name}: absent")
            continue
        rows = load(path)
        t0 = time.perf_counter()
        records = {t: nlp(t, REFERENCE).to_dict() for t in sorted({r.text for r in rows})}
        elapsed = time.perf_counter() - t0
        print(f"\n{path.name}: {len(rows)} rows, {len(records)} texts in {elapsed:.1f} s\n")
        print("| list | expected | exact surface | overlap | values right | empty | with items |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for key, t in sorted(tally(rows, records).items()):

            def cell(n: int, of: int, built: bool = t.built) -> str:
                return "-" if not built else f"{n}/{of} ({n / of:.3f})" if of else str(n)

            print(
                f"| {key} | {t.expected} | {cell(t.exact, t.expected)} | "
                f"{cell(t.overlap, t.expected)} | {cell(t.right, t.expected)} | {t.empty} | "
                f"{cell(t.false, t.empty)} |"
            )


if __name__ == "__main__":
    main()
