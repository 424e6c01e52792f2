"""CPU seconds of each factex stage over the FactRuEval devset texts, one process.

Each stage's run is timed with `time.process_time` (CPU of the process, so a busy
shared machine moves it less than wall time); the first pass fills the word caches,
later passes reuse them, and the best pass per stage is printed beside the first.

    python benchmarks/stage_times.py [--repeat 2] [--only dates --only money]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes over the devset")
    parser.add_argument("--only", action="append", help="only print this stage (repeatable)")
    args = parser.parse_args()
    from factex import Pipeline

    nlp = Pipeline()
    spent: dict[str, float] = {}

    def timed(name: str, run: Callable) -> Callable:
        def wrapper(analysis: object) -> None:
            start = time.process_time()
            try:
                run(analysis)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start

        return wrapper

    nlp._runs = {name: timed(name, run) for name, run in nlp._runs.items()}
    texts = [doc["text"] for doc in load()]
    passes = []
    for _ in range(args.repeat):
        spent.clear()
        for text in texts:
            nlp(text)
        passes.append(dict(spent))
    names = [n for n in passes[0] if not args.only or n in args.only]
    print(f"{len(texts)} texts; CPU seconds per stage (first pass, best of {args.repeat})")
    print("| stage | first | best |\n| --- | ---: | ---: |")
    for name in names:
        best = min(p.get(name, 0.0) for p in passes)
        print(f"| {name} | {passes[0][name]:.3f} | {best:.3f} |")
    best_total = min(sum(p.values()) for p in passes)
    print(f"| total | {sum(passes[0].values()):.3f} | {best_total:.3f} |")


if __name__ == "__main__":
    main()
