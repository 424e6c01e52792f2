"""The fuzzing properties of tests/test_fuzz.py for many cases.

    python benchmarks/fuzz.py [--cases 100000] [--start K] [--seed 0] [--jobs N]
                              [--minutes M] [--case K]

Each case is drawn from its own `Random(f"{seed}:{k}")`: arbitrary code points,
Russian-looking text, a mutated paragraph or stretch of a real text (our own news text,
and the FactRuEval devset texts when present), and now and then a heavy one (a paragraph
repeated 200 times, a 100,000-character word, a 5,000-word sentence). For each: no
exception and no stage warning (strict mode), exact offsets, a record valid against the
schema, the same record on a second run. `--minutes` stops early and says how many
cases ran; `--jobs N` spreads the cases over N processes (0: every core), each with
its own pipeline; `--start K` begins at case K, so that one seed's cases can be run in
parts (on several machines, or after a stop) and add up; `--case K` reruns one case
and prints its text and what went wrong.
Exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fuzzing import (  # noqa: E402
    any_unicode,
    base_texts,
    judged,
    long_sentence,
    long_word,
    mutant,
    record_of,
    repeated_paragraph,
    russian_like,
    violations,
)

HEAVY_EVERY = 2000  # one heavy case in this many
CHUNK = 32  # cases a worker tags together


def case(texts: list[str], seed: int, k: int) -> tuple[str, str]:
    """The kind and text of case k."""
    rng = Random(f"{seed}:{k}")
    if k % HEAVY_EVERY == HEAVY_EVERY - 1:
        kind = rng.choice(("repeated-paragraph", "long-word", "long-sentence"))
        if kind == "repeated-paragraph":
            return kind, repeated_paragraph(texts, rng, 200)
        return kind, long_word(rng) if kind == "long-word" else long_sentence(rng)
    pick = rng.random()
    if pick < 0.2:
        return "unicode", any_unicode(rng, 400)
    if pick < 0.4:
        return "russian-like", russian_like(rng, 120)
    name, text = mutant(texts, rng, 1200)
    return f"mutant {name}", text


_worker: dict = {}


def _start(seed: int) -> None:
    """Load a strict pipeline and the texts to mutate once per process."""
    from factex import Pipeline

    _worker.update(nlp=Pipeline(strict=True), texts=base_texts(), seed=seed)


def _run(ks: range) -> list[tuple[int, str, list[str]]]:
    """The cases `ks`, run twice: the first time with their sentences tagged together,
    the second time together in reverse order, so that a record depending on which
    texts share a batch shows up as a difference."""
    nlp = _worker["nlp"]
    cases = [case(_worker["texts"], _worker["seed"], k) for k in ks]
    texts = [text for _, text in cases]
    with nlp.together(texts):
        first = [record_of(nlp, text) for text in texts]
    with nlp.together(texts[::-1]):
        second = [record_of(nlp, text) for text in texts[::-1]][::-1]
    return [
        (k, kind, judged(text, a, b))
        for k, (kind, text), a, b in zip(ks, cases, first, second, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0, help="first case number")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--jobs", type=int, default=1, help="processes (0: every core)")
    parser.add_argument("--case", type=int, default=None, help="rerun one case and show it")
    args = parser.parse_args(argv)

    if args.case is not None:
        _start(args.seed)
        kind, text = case(_worker["texts"], args.seed, args.case)
        print(f"case {args.case} ({kind}, {len(text):,} characters): {text[:500]!r}")
        found = violations(_worker["nlp"], text)
        print("\n".join(found) if found else "all properties hold")
        return 1 if found else 0

    jobs = args.jobs or os.cpu_count() or 1
    start = time.perf_counter()
    deadline = start + args.minutes * 60 if args.minutes else None
    kinds: Counter[str] = Counter()
    failed: list[tuple[int, str, str]] = []
    ran = 0
    with Pool(jobs, initializer=_start, initargs=(args.seed,)) as pool:
        end = args.start + args.cases
        chunks = (range(k, min(k + CHUNK, end)) for k in range(args.start, end, CHUNK))
        for k, kind, found in (r for done in pool.imap(_run, chunks) for r in done):
            kinds[kind.split()[0]] += 1
            ran += 1
            if found:
                failed.append((k, kind, found[0]))
                print(f"fuzz: case {k} ({kind}) failed: {found[0]}", file=sys.stderr, flush=True)
            if ran % 1000 == 0:
                elapsed = time.perf_counter() - start
                print(
                    f"fuzz: {ran:,} cases, {len(failed)} failed, {elapsed:.0f} s", file=sys.stderr
                )
            if deadline is not None and time.perf_counter() > deadline:
                pool.terminate()
                break
    elapsed = time.perf_counter() - start
    print(
        f"cases run: {ran:,} of {args.cases:,} from case {args.start:,} (seed {args.seed})"
        f" in {elapsed / 60:.1f} min on {jobs} process{'es' if jobs > 1 else ''}"
    )
    print("by kind: " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()))
    print(f"failed: {len(failed)}")
    for k, kind, first in failed[:20]:
        print(f"  case {k} ({kind}): {first}  [rerun: --case {k} --seed {args.seed}]")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
