"""Memory and time of factex on one huge text (issue 9, point 5).

Builds texts of 1, 10 and 50 MB (UTF-8) from the paragraphs of our samples and
the FactRuEval devset, repeated in shuffled order, writes each to a temporary
file and runs it in a fresh process twice: through the real CLI (`factex
extract FILE -o out.json`) and through the library (`Pipeline()(text)`). Prints
each run's peak resident memory (the child's own `ru_maxrss`) and wall time, and
the time ratios between sizes (linear: 10x the text, at most 11x the time).

    python benchmarks/huge.py [--sizes 1 10 50] [--only cli|lib] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "data" / "factru" / "devset"
BIN = Path(sys.executable).parent

LIBRARY = """
import sys, time
from factex import Pipeline
nlp = Pipeline()
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
doc = nlp(text)
print(f"{time.perf_counter() - start:.2f} {len(doc.entities)} {len(doc.dates)} {len(doc.facts)}")
"""


def paragraphs() -> list[str]:
    """Every non-empty line of our samples and of the devset texts."""
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted(DEVSET.glob("*.txt"))
    out = []
    for path in files:
        out.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [p for p in out if p]


def build(size_mb: float, pool: list[str], seed: int = 9) -> str:
    """About `size_mb` MB of UTF-8 text: the pool's paragraphs shuffled, again and again."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size_mb * 1_000_000:
        batch = pool[:]
        rng.shuffle(batch)
        for p in batch:
            parts.append(p)
            total += len(p.encode("utf-8")) + 1
            if total >= size_mb * 1_000_000:
                break
    return "\n".join(parts) + "\n"


def measure(argv: list[str]) -> tuple[float, float, float, str]:
    """Peak RSS in MB, wall seconds, CPU seconds and stdout of one fresh child process
    (CPU time moves much less than wall time on a machine shared with other work)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err[-2000:]}")
    return usage.ru_maxrss / 1024, wall, usage.ru_utime + usage.ru_stime, out.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    parser.add_argument("--only", choices=["cli", "lib"])
    parser.add_argument("--keep", metavar="DIR", help="keep the texts and outputs in DIR")
    args = parser.parse_args()
    pool = paragraphs()
    print(f"{len(pool)} paragraphs in the pool")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            path = folder / f"huge-{size:g}mb.txt"
            text = build(size, pool)
            path.write_text(text, encoding="utf-8")
            chars = len(text)
            del text
            row = {"size": size, "chars": chars}
            if args.only != "lib":
                out = folder / f"huge-{size:g}mb.json"
                cmd = [str(BIN / "factex"), "extract", str(path), "-o", str(out)]
                row["cli_mb"], row["cli_s"], row["cli_cpu"], _ = measure(cmd)
                row["out_mb"] = out.stat().st_size / 1e6
            if args.only != "cli":
                cmd = [sys.executable, "-c", LIBRARY, str(path)]
                row["lib_mb"], _, row["lib_cpu"], printed = measure(cmd)
                seconds, n_ent, n_dates, n_facts = printed.split()
                row["lib_s"] = float(seconds)
                row["found"] = f"{n_ent} entities, {n_dates} dates, {n_facts} facts"
            rows.append(row)
            print(_line(row), flush=True)
    for key in ("cli_s", "cli_cpu", "lib_s", "lib_cpu"):
        for a, b in zip(rows, rows[1:]):
            if key in a and key in b:
                ratio = b[key] / a[key]
                scale = b["chars"] / a["chars"]
                print(f"{key}: {b['size']:g} MB / {a['size']:g} MB = {ratio:.2f}x "
                      f"for {scale:.2f}x text ({ratio / scale:.2f} per unit)")  # fmt: skip


def _line(row: dict) -> str:
    parts = [f"{row['size']:g} MB ({row['chars'] / 1e6:.2f} M chars)"]
    if "cli_mb" in row:
        parts.append(f"CLI peak {row['cli_mb']:.0f} MB, {row['cli_s']:.1f} s wall, "
                     f"{row['cli_cpu']:.1f} s CPU, output {row['out_mb']:.1f} MB")  # fmt: skip
    if "lib_mb" in row:
        parts.append(f"library peak {row['lib_mb']:.0f} MB, {row['lib_s']:.1f} s in the call, "
                     f"{row['lib_cpu']:.1f} s CPU in all ({row['found']})")  # fmt: skip
    return "; ".join(parts)


if __name__ == "__main__":
    main()
