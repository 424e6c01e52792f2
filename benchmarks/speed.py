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


def rates(run, texts: list[str], repeat: int) -> tuple[float, float]:
    """Documents per second: the first pass (word caches still filling) and the best of
    `repeat` passes (caches full, as in a long run over a large corpus)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        times.append(time.perf_counter() - start)
    return len(texts) / times[0], len(texts) / min(times)


def bench_factex(texts: list[str], repeat: int) -> tuple[tuple[float, float], float, float]:
    start = time.perf_counter()
    from factex import Pipeline

    nlp = Pipeline()
    load_s = time.perf_counter() - start
    nlp(texts[0])
    return rates(nlp, texts, repeat), load_s, peak_mb()


def bench_natasha(texts: list[str], repeat: int) -> tuple[tuple[float, float], float]:
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
    return rates(run, texts, repeat), load_s


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
    print(f"{len(texts)} devset documents, first pass and best of {args.repeat} passes\n")
    print("| pipeline | docs/s, first pass | docs/s, best | model load, s |")
    print("| --- | --- | --- | --- |")
    print(f"| factex | {fx_rate[0]:.1f} | {fx_rate[1]:.1f} | {fx_load:.2f} |")
    print(f"| natasha | {nt_rate[0]:.1f} | {nt_rate[1]:.1f} | {nt_load:.2f} |")
    first, best = fx_rate[0] / nt_rate[0], fx_rate[1] / nt_rate[1]
    print(f"\nratio factex/natasha: {first:.2f}x first pass, {best:.2f}x best")
    print(f"factex peak memory (RSS, before natasha loads): {fx_peak:.0f} MB")
    if cold is not None:
        print(f"cold `factex extract` on the seed article: {cold:.2f} s wall")


if __name__ == "__main__":
    main()
