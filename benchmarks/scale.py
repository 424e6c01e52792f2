"""Corpus scale: --jobs against one process, time and memory as the corpus grows, a
batch of broken files, and Dask on a LocalCluster against --jobs.

Every run is a fresh `factex extract` process over a folder of FactRuEval devset texts
(cycled to the size wanted), wall time including model loading.

    python benchmarks/scale.py                 # everything, 1,000 documents
    python benchmarks/scale.py --only jobs --docs 2000
    python benchmarks/scale.py --only batch --batch 10000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import load  # noqa: E402

# Runs factex's CLI and reports its peak memory (its own, and its largest worker's).
RUNNER = """
import resource, sys
from factex.cli import main
code = main(sys.argv[1:])
self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"PEAK {self_mb:.0f} {child_mb:.0f}", file=sys.stderr)
sys.exit(code)
"""


def corpus(folder: Path, n: int, paragraphs: bool = False) -> list[Path]:
    """`n` devset texts (or their first paragraphs), cycled, as files in two levels."""
    texts = [doc["text"] for doc in load()]
    if paragraphs:
        texts = [t.strip().split("\n")[0] for t in texts]
    paths = []
    for i in range(n):
        sub = folder / f"{i // 1000:03}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:06}.txt"
        path.write_text(texts[i % len(texts)], encoding="utf-8")
        paths.append(path)
    return paths


class Run(NamedTuple):
    """One `factex extract` process: wall seconds, exit status, peak MB of the main process
    and of its largest worker, stderr, and CPU seconds of it and its --jobs workers."""

    wall: float
    code: int
    self_mb: float
    child_mb: float
    stderr: str
    cpu: float


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def extract(*args: str) -> Run:
    cpu = children_cpu()
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", RUNNER, "extract", *args, "--quiet"],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    peak = [line for line in run.stderr.splitlines() if line.startswith("PEAK ")]
    self_mb, child_mb = (float(x) for x in peak[-1].split()[1:]) if peak else (0.0, 0.0)
    return Run(wall, run.returncode, self_mb, child_mb, run.stderr, children_cpu() - cpu)


def bench_jobs(tmp: Path, n: int, jobs: int) -> None:
    folder = tmp / f"jobs-{n}"
    corpus(folder, n)
    one = extract(str(folder), "-o", str(tmp / "one.jsonl"), "--jobs", "1")
    many = extract(str(folder), "-o", str(tmp / "many.jsonl"), "--jobs", str(jobs))
    same = (tmp / "one.jsonl").read_bytes() == (tmp / "many.jsonl").read_bytes()
    print(f"## --jobs {jobs} against --jobs 1, {n} devset texts\n")
    print("| run | wall, s | docs/s | peak MB (main / worker) |")
    print("| --- | --- | --- | --- |")
    for name, r in (("--jobs 1", one), (f"--jobs {jobs}", many)):
        print(f"| {name} | {r[0]:.1f} | {n / r[0]:.1f} | {r[2]:.0f} / {r[3]:.0f} |")
    print(f"\nspeed-up {one[0] / many[0]:.2f}x; identical output: {same}\n")


def bench_linear(tmp: Path, n: int) -> None:
    print(f"## Growth: 1, {n} and {10 * n} documents, one process\n")
    print("| documents | wall, s | beyond start-up, s | peak MB |")
    print("| --- | --- | --- | --- |")
    rows = []
    for size in (1, n, 10 * n):
        folder = tmp / f"linear-{size}"
        corpus(folder, size)
        rows.append((size, extract(str(folder), "-o", str(tmp / f"linear-{size}.jsonl"))))
    start_up = rows[0][1][0]
    for size, r in rows:
        print(f"| {size} | {r[0]:.1f} | {r[0] - start_up:.1f} | {r[2]:.0f} |")
    small, big = rows[1][1], rows[2][1]
    ratio = (big[0] - start_up) / max(small[0] - start_up, 1e-9)
    print(f"\n10x the documents: {ratio:.2f}x the time beyond start-up "
          f"({big[0] / small[0]:.2f}x wall); peak memory {small[2]:.0f} -> {big[2]:.0f} MB\n")


def _break(folder: Path, paths: list[Path], every: int) -> dict[str, str]:
    """Break one file in `every`, each in one of the ways a batch meets; the codes."""
    kinds = ["binary", "decode-error", "truncated", "is-directory", "unreadable", "not-a-file"]
    expected = {}
    for k, path in enumerate(paths[every // 2 :: every]):
        kind = kinds[k % len(kinds)]
        path.unlink()
        if kind == "binary":
            path.write_bytes(b"\x00\x01\x02\x03" * 100)
        elif kind == "decode-error":
            path.write_bytes(bytes(range(128, 256)) * 4)
        elif kind == "truncated":
            path.write_bytes("Путин прибыл в Москву".encode()[:-1])
        elif kind == "is-directory":
            path.mkdir()
        elif kind == "unreadable":
            if os.geteuid() != 0:  # root reads whatever the mode: a link loop instead
                path.write_text("Путин", encoding="utf-8")
                path.chmod(0)
                kind = "permission"
            else:
                path.symlink_to(path)
        else:
            os.mkfifo(path)
        expected[str(path)] = kind
    return expected


def bench_batch(tmp: Path, n: int, jobs: int) -> None:
    folder = tmp / f"batch-{n}"
    paths = corpus(folder, n, paragraphs=True)
    expected = _break(folder, paths, 100)
    out = tmp / "batch.jsonl"
    wall, code, _, _, stderr, _ = extract(str(folder), "-o", str(out), "--jobs", str(jobs))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = {r["doc"]["source"]: r["error"]["code"] for r in records if "error" in r}
    good = {r["doc"]["source"] for r in records if "error" not in r}
    lost = [str(p) for p in paths if str(p) not in expected and str(p) not in good]
    named = sum(1 for source in expected if f"{source}: " in stderr)
    print(f"## A batch of {n} files, {len(expected)} broken, --jobs {jobs}\n")
    print(f"- records: {len(records)} ({len(good)} good, {len(errors)} errors), exit {code}, "
          f"{wall:.1f} s ({n / wall:.0f} docs/s)")
    print(f"- every broken file has an error record with its reason: {errors == expected}; "
          f"named on stderr: {named}/{len(expected)}; good documents lost: {len(lost)}\n")


def _cpu(pids: list[int]) -> float:
    import psutil  # a dependency of distributed

    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)


def bench_dask(tmp: Path, n: int, jobs: int) -> None:
    """`--jobs N` against `--scheduler` on a LocalCluster of N one-thread worker processes
    started beforehand, twice each, alternately; wall and CPU time of every run."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print('## Dask: skipped (pip install "factex[dask]")\n')
        return
    folder = tmp / f"jobs-{n}"
    if not folder.is_dir():
        corpus(folder, n)
    size = str(max(1, n // (8 * jobs)))
    rows = []
    for attempt in range(2):
        pool = extract(str(folder), "-o", str(tmp / "pool.jsonl"), "--jobs", str(jobs))
        start = time.perf_counter()
        with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:  # fmt: skip
            with Client(cluster) as client:
                pids = list(client.run(os.getpid).values())
            start_up = time.perf_counter() - start
            before = _cpu(pids)
            out = tmp / f"dask-out-{attempt}"
            dask = extract(str(folder), "--scheduler", cluster.scheduler_address, "-o",
                           str(out), "--partition-size", size)  # fmt: skip
            workers = _cpu(pids) - before
        parts = sorted(out.glob("part-*.jsonl"))
        same = b"".join(p.read_bytes() for p in parts) == (tmp / "pool.jsonl").read_bytes()
        rows.append((pool, dask, workers, start_up, same))
    print(f"## Dask LocalCluster, {jobs} worker processes, against --jobs {jobs}, {n} texts\n")
    print(f"Alternate runs. `--jobs {jobs}`: a fresh `factex extract` process that starts "
          f"{jobs} workers, each importing factex and loading the models; CPU of all of "
          "them. Dask: a fresh `factex extract --scheduler` process (partitions of "
          f"{size} texts) on a cluster started beforehand (start-up shown apart), whose "
          "workers import factex and load the models in the run; CPU of that process and "
          "the workers. Both write the same JSON Lines (Dask one file per partition).\n")
    print(f"| run | --jobs {jobs} wall, s | Dask wall, s | Dask/--jobs wall | "
          f"--jobs {jobs} CPU, s | Dask CPU, s | Dask/--jobs CPU | cluster start-up, s | "
          "identical records |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for i, (pool, dask, workers, start_up, same) in enumerate(rows, 1):
        cpu = dask.cpu + workers
        print(f"| {i} | {pool.wall:.1f} | {dask.wall:.1f} | {dask.wall / pool.wall:.2f} | "
              f"{pool.cpu:.1f} | {cpu:.1f} | {cpu / pool.cpu:.2f} | {start_up:.1f} | "
              f"{same} |")  # fmt: skip
    print(f"\nload average after: {os.getloadavg()[0]:.1f}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents for --jobs and Dask")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--linear", type=int, default=100, help="base size for growth")
    parser.add_argument("--batch", type=int, default=10000, help="files in the broken batch")
    parser.add_argument("--only", choices=["jobs", "linear", "batch", "dask"], action="append")
    args = parser.parse_args()
    only = set(args.only or ["jobs", "linear", "batch", "dask"])
    with tempfile.TemporaryDirectory(prefix="factex-scale-") as name:
        tmp = Path(name)
        if "jobs" in only:
            bench_jobs(tmp, args.docs, args.jobs)
        if "linear" in only:
            bench_linear(tmp, args.linear)
        if "batch" in only:
            bench_batch(tmp, args.batch, args.jobs)
        if "dask" in only:
            bench_dask(tmp, args.docs, args.jobs)


if __name__ == "__main__":
    main()
