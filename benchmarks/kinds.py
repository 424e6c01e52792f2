"""Mention kinds against NEREL (issue 18): overlap F1 per NEREL entity type.

NEREL (github.com/nerel-ds/NEREL) is a Russian news corpus in brat format
(`NNN.txt` + `NNN.ann`) with 29 nested entity types. Fetch it yourself and
point this script at its folders; it is never committed, and its `test` split
is held out: do not score or read it while developing.

Each NEREL type is compared with one list of factex's record (SPEC 0.3):

| NEREL type | record list |
| --- | --- |
| MONEY | `money` |
| PERCENT | `percents` |
| TIME | `times` |
| AGE | `ages` of kind `age` |
| LAW | `laws` |
| AWARD | `awards` |
| NATIONALITY | `nationalities` |
| PROFESSION | `professions` |
| EVENT | `events` |
| DATE | `dates` |
| ORDINAL | `numbers` of kind `ordinal` |

Overlap F1, per type, with spans as character offsets:
- a predicted span is *right* when it overlaps (shares at least one character
  with) a gold span of the same type; precision P = right / predicted;
- a gold span is *found* when a predicted span of the same type overlaps it;
  recall R = found / gold; F1 = 2PR / (P + R).
Spans are counted one by one (nested gold spans each count; a discontinuous
gold span counts as one, from its first to its last character). A list that
the record lacks (its layer is not built yet, or disabled) is reported as `-`.

    python benchmarks/kinds.py [--dir DIR ...] [--limit N] [--types LAW,AWARD]
                               [--misses TYPE] [--extra TYPE]
    python benchmarks/kinds.py --cases tests/data/kinds-dev.tsv [--misses any]

`--dir` defaults to `$FACTEX_NEREL/train` and `$FACTEX_NEREL/dev`, with
FACTEX_NEREL defaulting to /work/corpora/nerel. `--misses TYPE` lists gold spans
not found and `--extra TYPE` predicted spans that are not right, in context.

`--cases FILE` scores a table of our own cases instead (`tests/kind_cases.py`: one
expected item a line, with its values): per record list, the cases whose item is
found with every value right. `--misses` is refused on a held-out table (a name with
`heldout` or `sealed`): only its aggregate is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

NEREL = Path(os.environ.get("FACTEX_NEREL", "/work/corpora/nerel"))

Item = dict[str, Any]


def _kind(kind: str) -> Callable[[Item], bool]:
    return lambda item: item.get("kind") == kind


def _any(item: Item) -> bool:
    return True


# NEREL type -> (record list, which of its items count).
TYPES: dict[str, tuple[str, Callable[[Item], bool]]] = {
    "MONEY": ("money", _any),
    "PERCENT": ("percents", _any),
    "TIME": ("times", _any),
    "AGE": ("ages", _any),  # NEREL tags anniversaries (`80-летия`) as AGE too
    "LAW": ("laws", _any),
    "AWARD": ("awards", _any),
    "NATIONALITY": ("nationalities", _any),
    "PROFESSION": ("professions", _any),
    "EVENT": ("events", _any),
    "DATE": ("dates", _any),
    "ORDINAL": ("numbers", _kind("ordinal")),
}

Span = tuple[int, int]


@dataclass
class Doc:
    """One NEREL document: its text and its gold spans per type."""

    id: str
    text: str
    gold: dict[str, list[Span]] = field(default_factory=dict)


def read_brat(folder: Path) -> list[Doc]:
    """The documents of one brat folder, in file-name order."""
    docs = []
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text("utf-8")
        doc = Doc(f"{folder.name}/{ann.stem}", text)
        for line in ann.read_text("utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, middle, *_ = line.split("\t")
            type_, offsets = middle.split(" ", 1)
            cuts = [int(x) for part in offsets.split(";") for x in part.split()]
            doc.gold.setdefault(type_, []).append((min(cuts), max(cuts)))
        docs.append(doc)
    return docs


def predicted(record: Item, type_: str) -> list[Span] | None:
    """The spans factex gives for a NEREL type, or None when the record lacks the list."""
    key, keep = TYPES[type_]
    if key not in record:
        return None
    return [(item["start"], item["stop"]) for item in record[key] if keep(item)]


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in others)


@dataclass
class Score:
    """Overlap counts of one type."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    missing: bool = False  # the record has no such list

    @property
    def p(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        self.gold += len(gold)
        self.found += sum(_overlaps(g, pred) for g in gold)
        self.predicted += len(pred)
        self.right += sum(_overlaps(p, gold) for p in pred)


def score(docs: list[Doc], records: list[Item], types: Iterable[str]) -> dict[str, Score]:
    """Overlap scores per type over documents and their records (in the same order)."""
    scores = {t: Score() for t in types}
    for doc, record in zip(docs, records):
        for type_, s in scores.items():
            pred = predicted(record, type_)
            if pred is None:
                s.missing = True
                pred = []
            s.add(doc.gold.get(type_, []), pred)
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = [
        "| NEREL type | P | R | F1 | gold | found | predicted | right |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for type_, s in scores.items():
        if s.missing:
            lines.append(f"| {type_} | - | - | - | {s.gold} | - | - | - |")
            continue
        lines.append(
            f"| {type_} | {s.p:.3f} | {s.r:.3f} | {s.f1:.3f} | {s.gold} | {s.found} | "
            f"{s.predicted} | {s.right} |"
        )
    return "\n".join(lines)


def _context(text: str, span: Span, width: int = 50) -> str:
    a, b = span
    left = text[max(0, a - width) : a].replace("\n", " ")
    right = text[b : b + width].replace("\n", " ")
    return f"{left}[[{text[a:b]}]]{right}"


def misses(docs: list[Doc], records: list[Item], type_: str, extra: bool) -> Iterable[str]:
    """Gold spans not found (or, with `extra`, predicted spans not right), in context."""
    for doc, record in zip(docs, records):
        gold, pred = doc.gold.get(type_, []), predicted(record, type_) or []
        wrong = [p for p in pred if not _overlaps(p, gold)] if extra else None
        for span in wrong if wrong is not None else [g for g in gold if not _overlaps(g, pred)]:
            yield f"{doc.id}\t{_context(doc.text, span)}"


def run_factex(docs: list[Doc]) -> list[Item]:
    """factex's records of the documents (one process, batched as `factex extract`)."""
    from factex import Pipeline
    from factex.corpus.inputs import Item as Input

    nlp = Pipeline()
    items = [Input(id=d.id, source=d.id, text=d.text) for d in docs]
    return [doc.to_dict() for doc in nlp.pipe_batches(items)]


def score_cases(path: Path, show_misses: bool) -> None:
    """Per record list: the cases of a table whose item is found with its values."""
    from kind_cases import check, load_cases

    from factex import Pipeline

    cases = load_cases(path)
    nlp = Pipeline()
    # The tables' reference date (their headers): `вчера в 18:10`, `14 ноября в 12:00`.
    records = {t: nlp(t, "2025-11-11").to_dict() for t in {c.text for c in cases}}
    totals: dict[str, list[int]] = {}
    missed = []
    for case in cases:
        ok = check(case, records[case.text])
        counts = totals.setdefault(case.list, [0, 0])
        counts[0] += 1
        counts[1] += ok
        if not ok:
            missed.append(f"{case}\n  got {records[case.text].get(case.list)}")
    print("| list | cases | right | share |\n| --- | ---: | ---: | ---: |")
    for key, (n, right) in totals.items():
        print(f"| {key} | {n} | {right} | {right / n:.3f} |")
    if show_misses:
        print("\n".join(missed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", action="append", type=Path, help="a brat folder (repeatable)")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--types", help="comma-separated NEREL types (default: all above)")
    parser.add_argument("--misses", metavar="TYPE", help="list gold spans of TYPE not found")
    parser.add_argument("--extra", metavar="TYPE", help="list predicted spans of TYPE not right")
    parser.add_argument("--cases", type=Path, help="score a table of our cases instead")
    args = parser.parse_args()
    if args.cases:
        if args.misses and re.search(r"held-?out|sealed", args.cases.name, re.IGNORECASE):
            parser.error(
                f"--misses is refused on {args.cases.name}: a held-out table's misses stay unread"
            )
        score_cases(args.cases, bool(args.misses))
        return
    folders = args.dir or [NEREL / "train", NEREL / "dev"]
    for folder in folders:
        if "test" in folder.name:
            raise SystemExit(f"{folder}: the test split is held out; score train and dev")
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder (fetch NEREL, set FACTEX_NEREL or --dir)")
    docs = [d for folder in folders for d in read_brat(folder)][: args.limit]
    types = args.types.split(",") if args.types else list(TYPES)
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise SystemExit(f"unknown NEREL types {unknown} (known: {', '.join(TYPES)})")
    cpu0, t0 = time.process_time(), time.perf_counter()
    records = run_factex(docs)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
    print(table(score(docs, records, types)))
    chars = sum(len(d.text) for d in docs)
    print(f"\n{len(docs)} documents, {chars:,} characters, {', '.join(map(str, folders))}")
    print(f"factex: {cpu:.1f} s CPU, {wall:.1f} s wall")
    for type_, extra in ((args.misses, False), (args.extra, True)):
        if type_:
            print(f"\n{'extra' if extra else 'missed'} {type_}:")
            print("\n".join(misses(docs, records, type_, extra)))


if __name__ == "__main__":
    main()
