"""Facts on the case files: the development set `tests/data/facts-dev.txt` (issue 12,
read while rules were written) or the sealed held-out set `tests/data/facts-sealed.txt`
(issue 17, never read while rules are written).

Per group of constructions: recall (expected facts and descriptions found) and
precision (predicted facts of the types a case checks, and descriptions, that are
right); a case with `none:` only counts what is predicted. Matching rules are in
`tests/fact_cases.py`.

    python benchmarks/fact_sets.py [--set dev|sealed] [--misses] [--group NAME]
    python benchmarks/fact_sets.py --file tests/data/facts-dev-lists.txt [--misses]

The sealed set prints only the aggregate table: `--misses` is refused on it, since
reading its misses while writing rules would make it one more development set.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fact_cases import DEV, SEALED, Score, load_cases, score, score_case  # noqa: E402

SETS = {"dev": DEV, "sealed": SEALED}


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
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which case file")
    parser.add_argument(
        "--misses", action="store_true", help="list missed and extra facts (dev set only)"
    )
    parser.add_argument("--file", type=Path, help="another development case file")
    parser.add_argument("--group", help="only this group")
    args = parser.parse_args()
    path = args.file or SETS[args.set]
    if args.misses and path.resolve() == SEALED.resolve():
        parser.error("--misses is refused on the sealed set: its misses must not be read")
    from factex import Pipeline

    cases = [c for c in load_cases(path) if args.group in {None, c.group}]
    nlp = Pipeline()
    t0 = time.perf_counter()
    records = [nlp(c.text, c.date).to_dict() for c in cases]
    elapsed = time.perf_counter() - t0
    print(table(score(cases, records)))
    print(f"\n{path.name}: {len(cases)} cases in {elapsed:.1f} s")
    if args.misses:
        for case, record in zip(cases, records):
            for miss in score_case(case, record).misses:
                print(f"[{case.group}] {miss}  ## {case.text}")


if __name__ == "__main__":
    main()
