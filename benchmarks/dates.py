"""Dates: factex vs natasha's DatesExtractor vs dateparser's search_dates on the date tables.

Three tables: `tests/data/dates.tsv` (own: written together with the grammar),
`tests/data/dates-dev.tsv` (development: written before round-2 grammar
changes, then read while the grammar was developed; formerly `dates-heldout.tsv`)
and `tests/data/dates-sealed.tsv` (sealed held-out: scored, never read for misses,
so `--misses sealed` is refused).

For every positive case of the table (one expected expression per text), each
system's outputs that overlap the expected span are looked at:
- span right: an output covers exactly the expected surface, or the same
  without a leading preposition (в, во, с, со, на, около, примерно в), since
  whether "в" belongs to the date is a convention;
- value right: an output has the expected value. factex must give the exact
  ISO string. natasha and dateparser give one calendar point, so a point is
  compared at the granularity of the expected value (a day, a month, a year,
  a time of day; only month and day when the year is unknown), with natasha's
  missing year taken from the reference; they cannot give intervals.
Negative cases (texts without a date) count the texts where a system reports
a date. Speed: each system over all table texts, and factex and natasha over
the FactRuEval devset texts.

    python benchmarks/dates.py [--no-dateparser] [--misses own|dev]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from date_cases import TABLE, Case, load_cases  # noqa: E402
from devset import load as load_devset  # noqa: E402

from factex.numbers import find_numbers  # noqa: E402
from factex.time.dates import find_dates  # noqa: E402

FACTRU = Path(os.environ.get("FACTEX_FACTRU", ROOT.parent / "shared" / "data" / "factru"))
TABLES = {
    "own": TABLE,
    "dev": TABLE.with_name("dates-dev.tsv"),
    "sealed": TABLE.with_name("dates-sealed.tsv"),
}
READABLE = ["dev", "own"]  # tables whose misses may be listed
PREPOSITION = re.compile(r"^(?:в|во|с|со|на|около|примерно(?:\s+в)?)\s+", re.IGNORECASE)
# An output: (start, stop, value) where value is an ISO string (factex) or a
# tuple (year, month, day, hour, minute) with None for what is not given.
Output = tuple[int, int, object]


def factex_outputs(case: Case) -> list[Output]:
    return [(d.start, d.stop, d.value) for d in find_dates(case.text, case.ref)]


def natasha_system() -> Callable[[Case], list[Output]]:
    from natasha import DatesExtractor, MorphVocab

    extractor = DatesExtractor(MorphVocab())

    def run(case: Case) -> list[Output]:
        out = []
        for match in extractor(case.text):
            fact = match.fact
            year = fact.year if fact.year is not None else case.ref.year
            out.append((match.start, match.stop, (year, fact.month, fact.day, None, None)))
        return out

    run.extractor = extractor  # type: ignore[attr-defined]
    return run


def dateparser_system() -> Callable[[Case], list[Output]]:
    from dateparser.search import search_dates

    def run(case: Case) -> list[Output]:
        ref = case.ref.date()
        settings = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day)} if ref else {}
        found = search_dates(case.text, languages=["ru"], settings=settings) or []
        out, pos = [], 0
        for surface, when in found:
            start = case.text.find(surface, pos)
            if start < 0:
                start = case.text.find(surface)
            if start < 0:
                continue
            pos = start + len(surface)
            out.append((start, pos, (when.year, when.month, when.day, when.hour, when.minute)))
        return out

    return run


_ISO = re.compile(r"^(\d{4}|-)(?:-(\d\d)(?:-(\d\d))?)?(?:T(\d\d):(\d\d))?$")


def point_matches(expected: str, got: object) -> bool:
    """A calendar point (y, m, d, h, min) against an ISO value at the value's granularity."""
    if not isinstance(got, tuple) or "/" in expected:
        return False
    m = _ISO.match(expected)
    if not m:
        return False
    year, month, day, hour, minute = m.groups()
    want = [None if year == "-" else int(year), month, day, hour, minute]
    return all(w is None or int(w) == g for w, g in zip(want, got, strict=True))


def score(case: Case, outputs: list[Output], exact: bool) -> tuple[bool, bool]:
    """(span right, value right) for one positive case."""
    start, stop = case.start, case.start + len(case.surface or "")
    bare = PREPOSITION.sub("", case.surface or "")
    bare_start = stop - len(bare)
    span_ok = value_ok = False
    for a, b, value in outputs:
        if b <= start or a >= stop:
            continue
        span_ok |= (a, b) in ((start, stop), (bare_start, stop))
        if exact:
            value_ok |= value == case.value
        elif case.value is not None:
            value_ok |= point_matches(case.value, value)
    return span_ok, value_ok


def evaluate(name: str, run: Callable[[Case], list[Output]], cases: list[Case], exact: bool):
    spans = values = positives = false_texts = negatives = 0
    started = time.perf_counter()
    outputs = [run(case) for case in cases]
    elapsed = time.perf_counter() - started
    misses = []
    for case, out in zip(cases, outputs, strict=True):
        if case.surface is None:
            negatives += 1
            false_texts += bool(out)
            continue
        positives += 1
        span_ok, value_ok = score(case, out, exact)
        spans += span_ok
        values += value_ok
        if not value_ok:
            misses.append(case)
    return {
        "name": name,
        "span": 100 * spans / positives,
        "value": 100 * values / positives,
        "false": f"{false_texts}/{negatives}",
        "seconds": elapsed,
        "misses": misses,
    }


def devset_texts() -> list[str]:
    if not (FACTRU / "devset.jsonl").is_file():
        return []
    return [doc["text"] for doc in load_devset()]


def best_of(runs: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser (slow)")
    parser.add_argument("--misses", choices=READABLE, help="list factex's wrong values")
    args = parser.parse_args()

    tables = {name: load_cases(path) for name, path in TABLES.items()}
    find_dates("вчера в среду", tables["own"][0].ref)  # load pymorphy3 before timing
    natasha = natasha_system()
    systems: list[tuple[str, Callable[[Case], list[Output]], bool]] = [
        ("factex", factex_outputs, True),
        ("natasha DatesExtractor", natasha, False),
    ]
    if not args.no_dateparser:
        systems.append(("dateparser search_dates", dateparser_system(), False))
    results = {
        (name, table): evaluate(name, run, cases, exact)
        for name, run, exact in systems
        for table, cases in tables.items()
    }

    for table, cases in tables.items():
        positives = sum(c.surface is not None for c in cases)
        negatives = len(cases) - positives
        print(f"{table}: {len(cases)} cases ({positives} with a date, {negatives} without)")
    print()
    head = " | ".join(f"{t} span | {t} value | {t} false dates" for t in tables)
    print(f"| system | {head} | time (all tables) |")
    print("| --- |" + " ---: |" * (3 * len(tables) + 1))
    for name, _, _ in systems:
        cells = []
        seconds = 0.0
        for table in tables:
            r = results[name, table]
            cells += [f"{r['span']:.1f}%", f"{r['value']:.1f}%", r["false"]]
            seconds += r["seconds"]
        print(f"| {name} | {' | '.join(cells)} | {seconds:.2f} s |")

    texts = devset_texts()
    if texts:
        from factex.time.reference import Reference

        ref = Reference.parse("2025-11-11")

        def factex_all() -> None:
            for text in texts:
                find_numbers(text, find_dates(text, ref))

        def natasha_all() -> None:
            for text in texts:
                list(natasha.extractor(text))  # type: ignore[attr-defined]

        chars = sum(map(len, texts))
        print(f"\nFactRuEval devset, {len(texts)} texts, {chars} characters (best of 3):\n")
        print("| system | time |")
        print("| --- | ---: |")
        print(f"| factex find_dates + find_numbers | {best_of(3, factex_all):.3f} s |")
        print(f"| natasha DatesExtractor | {best_of(3, natasha_all):.3f} s |")

    if args.misses:
        print(f"\nfactex misses ({args.misses}):")
        for case in results["factex", args.misses]["misses"]:
            got = [(d.text, d.value) for d in find_dates(case.text, case.ref)]
            print(f"  {case.text!r} [{case.reference}] want {case.value!r}, got {got}")


if __name__ == "__main__":
    main()
