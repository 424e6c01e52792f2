"""Dates: factex vs natasha's DatesExtractor vs dateparser's search_dates on tests/data/dates.tsv.

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

    python benchmarks/dates.py [--no-dateparser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from date_cases import Case, load_cases  # noqa: E402

from factex.numbers import find_numbers  # noqa: E402
from factex.time.dates import find_dates  # noqa: E402

FACTRU = Path(os.environ.get("FACTEX_FACTRU", ROOT.parent / "shared" / "data" / "factru"))
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
    path = FACTRU / "devset.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


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
    parser.add_argument("--misses", action="store_true", help="list factex's wrong values")
    args = parser.parse_args()

    cases = load_cases()
    find_dates("вчера в среду", cases[0].ref)  # load pymorphy3 before timing
    natasha = natasha_system()
    results = [
        evaluate("factex", factex_outputs, cases, exact=True),
        evaluate("natasha DatesExtractor", natasha, cases, exact=False),
    ]
    if not args.no_dateparser:
        results.append(evaluate("dateparser search_dates", dateparser_system(), cases, False))

    positives = sum(c.surface is not None for c in cases)
    print(f"{len(cases)} cases ({positives} with a date, {len(cases) - positives} without)\n")
    print("| system | right span | right value | texts with false dates | time on the table |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['name']} | {r['span']:.1f}% | {r['value']:.1f}% | {r['false']} "
            f"| {r['seconds']:.2f} s |"
        )

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
        print("\nfactex misses:")
        for case in results[0]["misses"]:
            got = [(d.text, d.value) for d in find_dates(case.text, case.ref)]
            print(f"  {case.text!r} [{case.reference}] want {case.value!r}, got {got}")


if __name__ == "__main__":
    main()
