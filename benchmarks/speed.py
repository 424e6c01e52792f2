"""Throughput of factex vs natasha's own pipeline on the FactRuEval devset texts.

Both run in one process, one after the other, on the same texts:
factex's full pipeline, and natasha's Segmenter + NewsMorphTagger +
NewsNERTagger + span normalisation + DatesExtractor. Also prints model load
time, factex's peak memory and the wall time of one cold `factex extract`.

    python benchmarks/speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import load  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "tass-tokayev-visit.txt"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_rate(run, texts: list[str], repeat: int) -> float:
    """Documents per second, the best of `repeat` passes."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        times.append(time.perf_counter() - start)
    return len(texts) / min(times)


def bench_factex(texts: list[str], repeat: int) -> tuple[float, float, float]:
    start = time.perf_counter()
    from factex import Pipeline

    nlp = Pipeline()
    load_s = time.perf_counter() - start
    nlp(texts[0])  # warm caches the way a long run has them
    rate = best_rate(nlp, texts, repeat)
    return rate, load_s, peak_mb()


def bench_natasha(texts: list[str], repeat: int) -> tuple[float, float]:
    start = time.perf_counter()
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
    load_s = time.perf_counter() - start

    def run(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
        list(dates(text))

    run(texts[0])
    return best_rate(run, texts, repeat), load_s


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
    args = parser.parse_args()
    texts = [doc["text"] for doc in load()]
    cold = cold_cli()
    fx_rate, fx_load, fx_peak = bench_factex(texts, args.repeat)
    nt_rate, nt_load = bench_natasha(texts, args.repeat)
    print(f"{len(texts)} devset documents, best of {args.repeat} passes\n")
    print("| pipeline | docs/s | model load, s |")
    print("| --- | --- | --- |")
    print(f"| factex | {fx_rate:.1f} | {fx_load:.2f} |")
    print(f"| natasha | {nt_rate:.1f} | {nt_load:.2f} |")
    print(f"\nratio factex/natasha: {fx_rate / nt_rate:.2f}x")
    print(f"factex peak memory (RSS, before natasha loads): {fx_peak:.0f} MB")
    if cold is not None:
        print(f"cold `factex extract` on the seed article: {cold:.2f} s wall")


if __name__ == "__main__":
    main()
