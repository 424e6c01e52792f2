"""One answer whatever the road (issue 19): the records of the same texts from the CLI
(`factex extract --jobs 2`, run in this process), `factex.extract`, `Pipeline.pipe`
in one process and in two worker processes, the spaCy component (`doc._.record`) and
`factex.dask` on a LocalCluster of two workers, compared key for key.

The texts: the FactRuEval devset, our samples, one text of about 300,000 characters
(the samples' paragraphs in turn, so it runs in windows) and one text that kills the
worker process reading it (a stand-in for a text that runs a worker out of memory:
the worker calls `os._exit`). The killing text runs only on the roads with worker
processes (the CLI with --jobs 2, `pipe(n_process=2)`), where it must give the same
`worker-crashed` error record; elsewhere it would kill the caller. Records are
compared without `doc.id` and `doc.source`, which each road fills its own way.

    python benchmarks/roads.py [--limit N] [--long CHARS] [--date YYYY-MM-DD]
    python benchmarks/roads.py --huge 1000000   # spaCy against extract on one huge text
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CRASH = "Этот текст убивает рабочий процесс, который его читает."
ROADS = ("cli", "extract", "pipe", "pipe2", "spacy", "dask")
IN_WORKERS = ("cli", "pipe2")  # the roads that survive a worker's death


def samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def long_text(chars: int = 300_000) -> str:
    """A text of about `chars` characters: the samples' paragraphs in turn, each pass
    in another order, so that names recur in windows far apart."""
    paragraphs = [p for text in samples() for p in text.split("\n") if p.strip()]
    out: list[str] = []
    size, k = 0, 0
    while size < chars:
        p = paragraphs[(k * 7) % len(paragraphs)] if (k // len(paragraphs)) % 2 else paragraphs[
            k % len(paragraphs)]  # fmt: skip
        out.append(p)
        size += len(p) + 2
        k += 1
    return "\n\n".join(out) + "\n"


def die_on_crash(chunk: list[Any]) -> list[Any]:
    """A worker's work that dies, as a worker the system kills does, on the text CRASH."""
    from factex.corpus import pool

    if any(item.text == CRASH for item in chunk):
        os._exit(9)
    assert pool._worker is not None
    return pool._worker.chunk(chunk)


@contextmanager
def crashing_workers(share: Any = None) -> Iterator[None]:
    """Worker processes started in this block (forked) die on CRASH; with `share`,
    they use that loaded Pipeline instead of loading their own."""
    from factex.corpus import pool
    from factex.corpus.process import Processor

    saved = pool._init, pool._work

    def init(options: Any) -> None:
        pool.worker_signals()
        pool._worker = Processor(options, share)

    if share is not None:
        pool._init = init  # type: ignore[assignment]
    pool._work = die_on_crash
    try:
        yield
    finally:
        pool._init, pool._work = saved


def _cli(docs: list[dict[str, str]], date: str | None) -> list[dict[str, Any]]:
    from factex import cli

    with tempfile.TemporaryDirectory() as tmp:
        table, out = Path(tmp) / "docs.jsonl", Path(tmp) / "out.jsonl"
        with table.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
        args = ["extract", str(table), "--id-column", "id", "-o", str(out), "--jobs", "2",
                "--quiet", *(["--date", date] if date else [])]  # fmt: skip
        cli.main(args)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def road_records(
    docs: list[dict[str, str]], date: str | None, nlp: Any, timings: dict[str, float] | None = None
) -> dict[str, list[dict[str, Any] | None]]:
    """The records of `docs` ({"id", "text"}) on every road, in order; None where a
    road does not run a document (CRASH in this process). Dask needs a Client; its
    workers get `nlp`'s window."""
    import dask.bag as db

    import factex
    import factex.dask

    texts = [d["text"] for d in docs]
    safe = [k for k, t in enumerate(texts) if t != CRASH]

    def spread(records: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
        out: list[dict[str, Any] | None] = [None] * len(docs)
        for k, r in zip(safe, records):
            out[k] = r
        return out

    runs: dict[str, Any] = {
        "cli": lambda: _cli(docs, date),
        "extract": lambda: spread([factex.extract(texts[k], date).to_dict() for k in safe]),
        "pipe": lambda: spread([d.to_dict() for d in nlp.pipe([texts[k] for k in safe], date)]),
        "pipe2": lambda: [d.to_dict() for d in nlp.pipe(texts, date, n_process=2)],
        "spacy": lambda: spread([d._.record for d in
                                 factex.load(date=date).pipe([texts[k] for k in safe])]),
        "dask": lambda: spread(factex.dask.extract(
            db.from_sequence([docs[k] for k in safe], npartitions=2), date=date,
            pipeline={"window": nlp.window}).compute()),
    }  # fmt: skip
    out = {}
    for road in ROADS:
        start = time.perf_counter()
        out[road] = runs[road]()
        if timings is not None:
            timings[road] = time.perf_counter() - start
            print(f"roads: {road} {timings[road]:.1f} s", file=sys.stderr, flush=True)
    return out


def _plain(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """A record without `doc.id` and `doc.source`, which each road fills its own way."""
    if record is None:
        return None
    doc = {k: v for k, v in record["doc"].items() if k not in ("id", "source")}
    return dict(record, doc=doc)


def differences(
    docs: list[dict[str, str]], roads: dict[str, list[dict[str, Any] | None]]
) -> list[str]:
    """Where a road's record differs from the reference (`factex.extract`'s, or the
    CLI's for CRASH), key by key; a road that skipped a document it must run."""
    out = []
    for k, d in enumerate(docs):
        crash = d["text"] == CRASH
        reference = _plain(roads["cli" if crash else "extract"][k])
        if crash and (reference or {}).get("error", {}).get("code") != "worker-crashed":
            out.append(f"{d['id']}: the CLI gave no worker-crashed record")
        for road, records in roads.items():
            got = _plain(records[k])
            if got is None:
                if not crash or road in IN_WORKERS:
                    out.append(f"{d['id']}: {road} gave no record")
                continue
            keys = sorted(set(got) | set(reference or {}))
            bad = [key for key in keys if got.get(key) != (reference or {}).get(key)]
            if bad:
                out.append(f"{d['id']}: {road} differs in {', '.join(bad)}")
    return out


def huge(chars: int, date: str) -> None:
    """The spaCy component against `factex.extract` on one text of `chars` characters:
    whether the records are equal, the time of each and this process's peak memory."""
    import resource

    import factex

    text = long_text(chars)
    start = time.perf_counter()
    record = factex.extract(text, date).to_dict()
    middle = time.perf_counter()
    doc = factex.load(date=date)(text)
    end = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    same = "equal" if doc._.record == record else "DIFFERENT"
    print(f"{len(text):,} characters: spaCy record {same} to extract's; extract "
          f"{middle - start:.0f} s, spaCy {end - middle:.0f} s; peak memory {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N devset documents")
    parser.add_argument("--long", type=int, default=300_000, help="characters of the long text")
    parser.add_argument("--date", default="2025-11-11")
    parser.add_argument("--huge", type=int, help="only spaCy against extract on this many chars")
    args = parser.parse_args()
    if args.huge:
        huge(args.huge, args.date)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from devset import load
    from distributed import Client, LocalCluster

    from factex import shared_pipeline

    docs = [{"id": d["doc"], "text": d["text"]} for d in load(args.limit)]
    docs += [{"id": f"sample{k}", "text": t} for k, t in enumerate(samples(), 1)]
    docs += [{"id": "long", "text": long_text(args.long)}, {"id": "crash", "text": CRASH}]
    nlp = shared_pipeline()
    timings: dict[str, float] = {}
    cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                           dashboard_address=None)  # fmt: skip
    with cluster, Client(cluster), crashing_workers():
        roads = road_records(docs, args.date, nlp, timings)
    problems = differences(docs, roads)
    for line in problems:
        print(line)
    bad = {p.split(":")[0] for p in problems}
    chars = sum(len(d["text"]) for d in docs)
    print(f"{len(docs)} documents ({chars:,} characters; the longest {len(docs[-2]['text']):,}), "
          f"{len(docs) - len(bad)} equal on all {len(ROADS)} roads "
          f"({', '.join(f'{r} {t:.0f} s' for r, t in timings.items())})")  # fmt: skip
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
