"""Throughput of factex against natasha's own pipeline, each in a fresh process.

For each corpus, factex's full pipeline and natasha's Segmenter + NewsMorphTagger +
NewsNERTagger + span normalisation + DatesExtractor run in fresh processes, one after
the other, on the same texts; the first pass is what a run over a new corpus sees (word
caches empty), later passes reuse them. Corpora: the FactRuEval devset texts; `long`,
the same texts joined eight at a time (longer articles); and any folder of .txt files
given with --texts (e.g. encyclopedic news fetched for local use). Also prints model load
time, peak memory, factex's throughput with `Pipeline.pipe` (documents batched together)
and the wall time of one cold `factex extract`.

    python benchmarks/speed.py [--repeat 3] [--texts DIR]
"""

from __future__ import annotations

import argparse
import json
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


def rates(run: Callable[[str], None], texts: list[str], repeat: int) -> list[float]:
    """Seconds per pass over `texts`; the first with word caches still filling."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        times.append(time.perf_counter() - start)
    return times


def factex_run() -> tuple[Callable[[str], None], Callable[[list[str]], None]]:
    from factex import Pipeline

    nlp = Pipeline()

    def batched(texts: list[str]) -> None:
        for _ in nlp.pipe(texts):
            pass

    return (lambda text: nlp(text)), batched


def natasha_run() -> Callable[[str], None]:
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

    def run(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
        list(dates(text))

    return run


def worker(system: str, name: str, repeat: int) -> None:
    """In a fresh process: load one system, time it on one corpus, print JSON."""
    texts = corpus(name)
    start = time.perf_counter()
    if system == "natasha":
        run, batched = natasha_run(), None
    else:
        run, batched = factex_run()
    load_s = time.perf_counter() - start
    out: dict[str, object] = {"load": load_s}
    if system == "factex-pipe" and batched is not None:
        begin = time.perf_counter()
        batched(texts)
        out["passes"] = [time.perf_counter() - begin]
    else:
        out["passes"] = rates(run, texts, repeat)
    out["peak"] = peak_mb()
    out["docs"], out["chars"] = len(texts), sum(map(len, texts))
    print(json.dumps(out))


def measure(system: str, name: str, repeat: int) -> dict:
    run = subprocess.run(
        [sys.executable, __file__, "--worker", system, "--corpus", name, "--repeat", str(repeat)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
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
    parser.add_argument("--worker", choices=["factex", "factex-pipe", "natasha"])
    parser.add_argument("--corpus", default="devset")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.repeat)
        return
    names = ["devset", "long"] + ([args.texts] if args.texts else [])
    print("| corpus | docs | pipeline | docs/s, first pass | docs/s, best | load, s | peak MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    ratios = []
    for name in names:
        got = {s: measure(s, name, args.repeat) for s in ("factex", "natasha", "factex-pipe")}
        for system, r in got.items():
            first, best = r["docs"] / r["passes"][0], r["docs"] / min(r["passes"])
            print(f"| {name} | {r['docs']} | {system} | {first:.1f} | {best:.1f} | "
                  f"{r['load']:.2f} | {r['peak']:.0f} |")  # fmt: skip
        ratios.append((name, got["natasha"]["passes"][0] / got["factex"]["passes"][0],
                       got["natasha"]["passes"][0] / got["factex-pipe"]["passes"][0]))  # fmt: skip
    print()
    for name, ratio, piped in ratios:
        print(f"{name}: factex/natasha first pass {ratio:.2f}x (with pipe: {piped:.2f}x)")
    cold = cold_cli()
    if cold is not None:
        print(f"cold `factex extract` on the seed article: {cold:.2f} s wall")


if __name__ == "__main__":
    main()
