"""`factex extract --scheduler ADDRESS`: documents in partitions on a Dask cluster, each
partition's output written by the worker that made it, complete partitions skipped on a
rerun. Workers read the input files themselves, so they need the same paths."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .inputs import Item
from .pool import chunks
from .process import Options

DONE = "_complete"  # DIR/_complete/part-N: every table of partition N is written (Parquet)


@dataclass
class Report:
    """What a partition's worker tells the client: documents done and those that failed."""

    partition: int
    documents: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (label, message)
    notes: list[tuple[str, str]] = field(default_factory=list)


def part_name(partition: int) -> str:
    return f"part-{partition:05}"


def is_complete(directory: Path, partition: int, fmt: str) -> bool:
    if fmt == "jsonl":
        return (directory / f"{part_name(partition)}.jsonl").is_file()
    return (directory / DONE / part_name(partition)).is_file()


def _replace(write: Any, path: Path) -> None:
    """Write `path` through a temporary name, so that it exists only when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(temporary)
    os.replace(temporary, path)


def _write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def process_partition(
    partition: int, chunk: list[Item], directory: str, fmt: str, options: Options
) -> Report:
    """On a worker: process one partition and write its output."""
    from ..dask import processor

    run = processor(options)
    report = Report(partition, len(chunk))
    records = []
    outcomes = [o for part in chunks(chunk, 16) for o in run.chunk(part)]  # tagged together
    for item, outcome in zip(chunk, outcomes):
        records.append(outcome.record)
        report.notes.extend((item.label, note) for note in outcome.notes)
        if outcome.failed:
            report.failed.append((item.label, outcome.record["error"]["message"]))
    out = Path(directory)
    name = part_name(partition)
    if fmt == "jsonl":
        _replace(lambda p: _write_jsonl(records, p), out / f"{name}.jsonl")
        return report
    from ..frames import to_frames

    for table, frame in to_frames(records).items():
        _replace(lambda p, f=frame: f.to_parquet(p, index=False), out / table / f"{name}.parquet")
    _replace(lambda p: p.write_text(f"{len(records)}\n"), out / DONE / name)
    return report


def run_on_cluster(
    address: str, stream: Iterable[Item], directory: str, fmt: str, options: Options,
    partition_size: int,
) -> Iterator[Report]:  # fmt: skip
    """Send the partitions not yet complete to the cluster; reports in partition order
    (a skipped partition reports no documents)."""
    from distributed import Client

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    with Client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for partition, chunk in enumerate(chunks(stream, partition_size)):
            if is_complete(out, partition, fmt):
                pending.append(Report(partition))
            else:
                pending.append(
                    client.submit(process_partition, partition, chunk, directory, fmt,
                                  options, pure=False)  # fmt: skip
                )
            while sum(1 for p in pending if not isinstance(p, Report)) > 2 * workers:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(entry: Any) -> Report:
    return entry if isinstance(entry, Report) else entry.result()
