"""Run factex over every .txt under some folders and report what went wrong.

    python benchmarks/sweep.py [DIR ...] [--mutants N] [--limit N] [--json report.json]

Default: the FactRuEval devset texts (../shared/data/factru/devset). Each document is
read as the CLI reads it and extracted in strict mode (a failing stage raises); then
every offset of the record is checked against the text (tests/offsets.py) and the
record against the JSON Schema of the SPEC record. `--mutants N` also runs N mutants
of each document (tests/fuzzing.py: cut mid-word, upper-cased, spaces or punctuation
removed, one word per line, NFD, zero-width, BOM, control and NUL characters, Latin
look-alikes, emoji). Prints the number of documents, failures by class (exception and
where it was raised), offset and schema violations, throughput and the ten slowest
documents per character. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from fuzzing import MUTATIONS  # noqa: E402
from offsets import problems  # noqa: E402
from schema_check import schema_problems  # noqa: E402

DEVSET = ROOT.parent / "shared" / "data" / "factru" / "devset"
# Per-character timing is noisy for short texts; the slowest list skips those.
MIN_CHARS = 1000


@dataclass
class Report:
    documents: int = 0
    mutants: int = 0
    characters: int = 0
    seconds: float = 0.0
    failures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    offsets: dict[str, list[str]] = field(default_factory=dict)
    schema: dict[str, list[str]] = field(default_factory=dict)
    warnings: Counter[str] = field(default_factory=Counter)
    timings: list[tuple[float, int, float, str]] = field(default_factory=list)

    def failed(self) -> bool:
        return bool(self.failures or self.offsets or self.schema or self.warnings)


def failure_class(err: BaseException) -> str:
    """The exception type and the innermost factex frame it came from."""
    cause = err.__cause__ or err
    frames = [f for f in traceback.extract_tb(cause.__traceback__) if "factex" in f.filename]
    where = ""
    if frames:
        f = frames[-1]
        where = f" at {Path(f.filename).parent.name}/{Path(f.filename).name}:{f.lineno} {f.name}"
    return f"{type(cause).__name__}{where}"


def run_one(nlp, report: Report, name: str, text: str, mutant: bool) -> None:
    report.mutants += mutant
    report.documents += not mutant
    start = time.perf_counter()
    try:
        record = nlp(text, tokens=True).to_dict()
    except Exception as err:  # noqa: BLE001 - every failure is counted, by class
        report.failures[failure_class(err)].append(name)
        print(f"sweep: {name}: {failure_class(err)}: {err}", file=sys.stderr, flush=True)
        return
    seconds = time.perf_counter() - start
    report.seconds += seconds
    report.characters += len(text)
    if not mutant and len(text) >= MIN_CHARS:
        report.timings.append((1e6 * seconds / len(text), len(text), seconds, name))
    for warning in record.get("warnings", []):
        report.warnings[f"{warning['stage']}: {warning['message'][:80]}"] += 1
    if found := problems(text, record):
        report.offsets[name] = found
        print(f"sweep: {name}: offsets: {found[0]}", file=sys.stderr, flush=True)
    if found := schema_problems(record):
        report.schema[name] = found
        print(f"sweep: {name}: schema: {found[0]}", file=sys.stderr, flush=True)


def texts_under(folders: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for folder in folders:
        paths += sorted(p for p in folder.rglob("*.txt") if p.is_file()) if folder.is_dir() else []
        if folder.is_file():
            paths.append(folder)
    return paths


def sweep(folders: list[Path], mutants: int, limit: int | None, seed: int) -> Report:
    from factex import Pipeline
    from factex.reading import InputError, read_file

    nlp = Pipeline(strict=True)
    report = Report()
    paths = texts_under(folders)[:limit]
    rng = Random(seed)
    for k, path in enumerate(paths, 1):
        name = str(path)
        try:
            text = read_file(path).text
        except InputError as err:
            report.documents += 1
            report.failures[f"unreadable: {err.code}"].append(name)
            continue
        run_one(nlp, report, name, text, mutant=False)
        for _ in range(mutants):
            kind = rng.choice(sorted(MUTATIONS))
            run_one(nlp, report, f"{name} ({kind})", MUTATIONS[kind](text, rng), mutant=True)
        if k % 100 == 0:
            print(f"sweep: {k}/{len(paths)} documents", file=sys.stderr, flush=True)
    return report


def show(report: Report, folders: list[Path]) -> None:
    print(f"folders: {', '.join(str(f) for f in folders)}")
    print(f"documents: {report.documents:,}  mutants: {report.mutants:,}")
    total = sum(len(v) for v in report.failures.values())
    print(f"failures: {total}")
    for cls, names in sorted(report.failures.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(names):5d}  {cls}  (e.g. {names[0]})")
    print(f"offset violations: {len(report.offsets)} documents")
    for name, found in list(report.offsets.items())[:10]:
        print(f"  {name}: {found[0]}")
    print(f"schema violations: {len(report.schema)} documents")
    for name, found in list(report.schema.items())[:10]:
        print(f"  {name}: {found[0]}")
    if report.warnings:
        print(f"warnings: {sum(report.warnings.values())}")
    rate = report.characters / report.seconds if report.seconds else 0.0
    per_s = (report.documents + report.mutants) / report.seconds if report.seconds else 0.0
    print(
        f"throughput: {rate:,.0f} characters/s, {per_s:.1f} documents/s"
        f" ({report.characters:,} characters in {report.seconds:.0f} s)"
    )
    print(f"slowest per character (documents of {MIN_CHARS:,}+ characters):")
    for ms_per_k, chars, seconds, name in sorted(report.timings, reverse=True)[:10]:
        print(f"  {ms_per_k:7.2f} ms/1k chars  {chars:8,} chars  {seconds:6.2f} s  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEVSET])
    parser.add_argument("--mutants", type=int, default=0, help="mutants per document")
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None, help="write the full report here")
    args = parser.parse_args(argv)
    missing = [f for f in args.folders if not f.exists()]
    if missing:
        parser.error(f"not found: {', '.join(map(str, missing))}")
    report = sweep(args.folders, args.mutants, args.limit, args.seed)
    show(report, args.folders)
    if args.json:
        data = {
            "documents": report.documents,
            "mutants": report.mutants,
            "characters": report.characters,
            "seconds": report.seconds,
            "failures": report.failures,
            "offsets": report.offsets,
            "schema": report.schema,
            "warnings": report.warnings,
            "slowest": sorted(report.timings, reverse=True)[:10],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if report.failed() else 0


if __name__ == "__main__":
    raise SystemExit(main())
