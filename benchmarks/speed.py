"""Throughput of factex against natasha's own pipeline, each in a fresh process.

For each corpus, factex's full pipeline and natasha's Segmenter + NewsMorphTagger +
NewsNERTagger + span normalisation + DatesExtractor run in fresh processes, one after
the other, on the same texts; the first pass is what a run over a new corpus sees (word
caches empty), later passes reuse them. Corpora: the FactRuEval devset texts; `long`,
the same texts joined eight at a time (longer articles); and any folder of .txt files
given with --texts (e.g. NEREL's Wikinews articles fetched for local use). Wall time and
CPU time (every thread of the process) are both reported: on a busy machine wall-clock
ratios move a lot. factex runs slovnet with numpy's BLAS on one thread; natasha runs as
installed (`natasha`) and with BLAS on one thread too (`natasha-1`), so that the ratio is
not only a matter of threads. Also prints model load time, peak memory, factex's
throughput with `Pipeline.pipe` (documents batched together) and the wall time of one
cold `factex extract`.

    python benchmarks/speed.py [--repeat 3] [--texts DIR] [--only devset --only DIR]
        [--exclude syntax]     # factex without a stage, to see what it costs
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import load  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "tass-tokayev-visit.txt"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus(name: str) -> list[str]:
    texts = [doc["text"] for doc in load()]
    if name == "devset":
        return texts
    if name == "long":
        return ["\n\n".join(texts[i : i + 8]) for i in range(0, len(texts), 8)]
    return [p.read_text(encoding="utf-8") for p in sorted(Path(name).rglob("*.txt"))]


def rates(run: Callable[[str], None], texts: list[str], repeat: int) -> list[list[float]]:
    """Wall and CPU seconds (every thread of the process) per pass over `texts`; the
    first with word caches still filling."""
    times = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            run(text)
        times.append([time.perf_counter() - start, time.process_time() - cpu])
    return times


def factex_run(exclude: list[str]) -> tuple[Callable[[str], None], Callable[[list[str]], None]]:
    from factex import Pipeline

    nlp = Pipeline(exclude=exclude)

    def batched(texts: list[str]) -> None:
        for _ in nlp.pipe(texts):
            pass

    return (lambda text: nlp(text)), batched


def natasha_run(one_thread: bool = False) -> Callable[[str], None]:
    from natasha import (
        DatesExtractor,
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    segmenter, vocab = Segmenter(), MorphVocab()
    emb = NewsEmbedding()
    morph, ner = NewsMorphTagger(emb), NewsNERTagger(emb)
    dates = DatesExtractor(vocab)
    if one_thread:  # numpy's BLAS on one thread, as factex runs slovnet
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")

    def run(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
        list(dates(text))

    return run


def worker(system: str, name: str, repeat: int, exclude: list[str]) -> None:
    """In a fresh process: load one system, time it on one corpus, print JSON."""
    texts = corpus(name)
    start = time.perf_counter()
    if system.startswith("natasha"):
        run, batched = natasha_run(system == "natasha-1"), None
    else:
        run, batched = factex_run(exclude)
    load_s = time.perf_counter() - start
    out: dict[str, object] = {"load": load_s}
    if system == "factex-pipe" and batched is not None:
        begin, cpu = time.perf_counter(), time.process_time()
        batched(texts)
        out["passes"] = [[time.perf_counter() - begin, time.process_time() - cpu]]
    else:
        out["passes"] = rates(run, texts, repeat)
    out["peak"] = peak_mb()
    out["docs"], out["chars"] = len(texts), sum(map(len, texts))
    print(json.dumps(out))


SYSTEMS = ("factex", "natasha", "natasha-1", "factex-pipe")


def measure(system: str, name: str, repeat: int, exclude: list[str]) -> dict:
    command = [sys.executable, __file__, "--worker", system, "--corpus", name]
    command += ["--repeat", str(repeat), *(f"--exclude={e}" for e in exclude)]
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[-1])


def cold_cli() -> float | None:
    if not SEED.is_file():
        return None
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factex", "extract", str(SEED)], check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best counts")
    parser.add_argument("--texts", metavar="DIR", help="a further corpus: a folder of .txt")
    parser.add_argument("--only", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--worker", choices=SYSTEMS)
    parser.add_argument("--corpus", default="devset")
    parser.add_argument("--exclude", action="append", default=[], help="a factex stage not run")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.repeat, args.exclude)
        return
    names = ["devset", "long"] + ([args.texts] if args.texts else [])
    names = [n for n in names if not args.only or n in args.only]
    print("| corpus | docs | pipeline | docs/s, first pass | docs/s, best | docs per CPU "
          "second, first pass | load, s | peak MB |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    ratios = []
    for name in names:
        got = {s: measure(s, name, args.repeat, args.exclude) for s in SYSTEMS}
        for system, r in got.items():
            first, best = r["docs"] / r["passes"][0][0], r["docs"] / min(p[0] for p in r["passes"])
            per_cpu = r["docs"] / r["passes"][0][1]
            print(f"| {Path(name).name} | {r['docs']} | {system} | {first:.1f} | {best:.1f} | "
                  f"{per_cpu:.1f} | {r['load']:.2f} | {r['peak']:.0f} |")  # fmt: skip
        ratios.append((Path(name).name, got))
    print()
    for name, got in ratios:
        for other in ("natasha", "natasha-1"):
            them = got[other]["passes"][0]
            one, piped = got["factex"]["passes"][0], got["factex-pipe"]["passes"][0]
            print(f"{name}: factex against {other}, first pass: one text at a time "
                  f"{them[0] / one[0]:.2f}x wall, {them[1] / one[1]:.2f}x CPU; with pipe "
                  f"{them[0] / piped[0]:.2f}x wall, {them[1] / piped[1]:.2f}x CPU")  # fmt: skip
    print(f"load average: {os.getloadavg()[0]:.1f}")
    cold = cold_cli()
    if cold is not None:
        print(f"cold `factex extract` on the seed article: {cold:.2f} s wall")


if __name__ == "__main__":
    main()
