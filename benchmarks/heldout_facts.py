"""Facts on the held-out cases of `tests/data/facts-heldout.txt` (issue 12).

Per group of constructions: recall (expected facts and descriptions found) and
precision (predicted facts of the types a case checks, and descriptions, that are
right); a case with `none:` only counts what is predicted. Matching rules are in
`tests/fact_cases.py`.

    python benchmarks/heldout_facts.py [--misses] [--group NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fact_cases import Score, load_cases, score, score_case  # noqa: E402


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(scores: dict[str, Score]) -> str:
    lines = [
        "| group | recall | precision | expected | found | predicted | right |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for group, s in scores.items():
        lines.append(
            f"| {group} | {_cell(s.recall)} | {_cell(s.precision)} | {s.expected} | "
            f"{s.found} | {s.predicted} | {s.right} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed and extra facts")
    parser.add_argument("--group", help="only this group")
    args = parser.parse_args()
    from factex import Pipeline

    cases = [c for c in load_cases() if args.group in {None, c.group}]
    nlp = Pipeline()
    t0 = time.perf_counter()
    records = [nlp(c.text, c.date).to_dict() for c in cases]
    elapsed = time.perf_counter() - t0
    print(table(score(cases, records)))
    print(f"\n{len(cases)} cases in {elapsed:.1f} s")
    if args.misses:
        for case, record in zip(cases, records):
            for miss in score_case(case, record).misses:
                print(f"[{case.group}] {miss}  ## {case.text}")


if __name__ == "__main__":
    main()
