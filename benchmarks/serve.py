"""`factex serve` under load: right answers, hostile requests, throughput, latency, memory.

Starts a real `factex serve` for each worker count and sends it requests built from the
FactRuEval devset texts (each with its id and a reference date), `--concurrency` at a
time, with 1% hostile ones mixed in: a body over --max-bytes (413), binary bytes (415),
malformed JSON (400), a bad date (422). Every good answer is compared, byte for byte,
with the record the library gives in this process; every hostile one must get its
status. Reports throughput (requests per second), p50/p99 latency, the resident
memory of the service and its workers (now and peak) after `--rss-at` requests, and the
CPU time per request of the workers, the service process and this client: on a busy
machine the wall-clock ratio of two workers to one says little, the CPU times still
say what two idle cores would give.

    python benchmarks/serve.py                           # 2,000 requests, --workers 1 and 2
    python benchmarks/serve.py --workers 2 --requests 10000 --rss-at 1000,10000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from devset import load  # noqa: E402
from serve_run import Server, cpu_ticks, start  # noqa: E402

MAX_BYTES = 200_000
DATE = "2016-09-01"


@dataclass
class Request:
    body: bytes
    content_type: str
    status: int  # the status it must get
    expected: bytes | None = None  # the exact body, for a good request


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    good: int = 0
    wrong: list[str] = field(default_factory=list)
    hostile: dict[str, int] = field(default_factory=dict)  # status: count answered right


def requests(count: int, seed: int = 1) -> list[Request]:
    """`count` requests: devset texts in turn, and every 100th a hostile one."""
    import factex

    docs = load()
    expected = {}
    for doc in docs:
        record = factex.extract(doc["text"], DATE, doc_id=doc["doc"]).to_dict()
        expected[doc["doc"]] = json.dumps(record, ensure_ascii=False).encode()
    rng = random.Random(seed)
    hostile = [
        (b'{"text": "' + "ж".encode() * MAX_BYTES + b'"}', "application/json", 413),
        (bytes(rng.randrange(256) for _ in range(2000)), "text/plain", 415),
        (b'{"text": "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", "date": }', "application/json",
         400),
        (b'{"text": "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", "date": "2016-02-30"}',
         "application/json", 422),
    ]  # fmt: skip
    out = []
    for i in range(count):
        if i % 100 == 50:
            body, kind, status = hostile[(i // 100) % len(hostile)]
            out.append(Request(body, kind, status))
            continue
        doc = docs[i % len(docs)]
        body = json.dumps({"text": doc["text"], "id": doc["doc"], "date": DATE}).encode()
        out.append(Request(body, "application/json", 200, expected[doc["doc"]]))
    return out


def _status(pid: int) -> tuple[int, int]:
    """Resident and peak resident memory of a process, in KB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text()
                  .splitlines())  # fmt: skip
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def cpu_ms(server: Server) -> tuple[float, float]:
    """CPU time (ms) used so far by the service process and by its workers (summed)."""
    tick = 1000 / os.sysconf("SC_CLK_TCK")
    service = cpu_ticks(server.process.pid) * tick
    return service, sum(cpu_ticks(pid) for pid in server.workers()) * tick


def memory(server: Server) -> dict[str, int]:
    """Resident memory now and at its peak (MB) of the service process and of its
    workers (summed)."""
    service = _status(server.process.pid)
    workers = [_status(pid) for pid in server.workers()]
    return {
        "service_rss_mb": service[0] // 1024, "service_peak_mb": service[1] // 1024,
        "workers_rss_mb": sum(w[0] for w in workers) // 1024,
        "workers_peak_mb": sum(w[1] for w in workers) // 1024,
    }  # fmt: skip


class Connection:
    """A bare HTTP/1.1 keep-alive connection: the client must cost the machine little
    beside the service, so that what is measured is the service."""

    def __init__(self, url: str) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: {content_type}"
                f"\r\nContent-Length: {len(body)}\r\n\r\n")  # fmt: skip
        writer.write(head.encode() + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        headers = {}
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        answer = await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            writer.close()
            self.streams = None
        return status, answer


async def send(server: Server, batch: list[Request], concurrency: int, tally: Tally) -> float:
    """Send the requests `concurrency` at a time; return the wall time."""
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for request in batch:
        queue.put_nowait(request)

    async def client() -> None:
        http = Connection(server.url)
        while not queue.empty():
            request = queue.get_nowait()
            started = time.perf_counter()
            try:
                status, answer = await http.post("/extract", request.body, request.content_type)
            except (ConnectionError, asyncio.IncompleteReadError, IndexError):
                http.streams = None  # the service closed it after an error: answer lost
                tally.wrong.append(f"connection lost (expected {request.status})")
                continue
            took = time.perf_counter() - started
            if request.expected is not None:
                tally.latencies.append(took)
                if status == 200 and answer == request.expected:
                    tally.good += 1
                else:
                    tally.wrong.append(f"{status} {answer[:200]!r}")
            elif status == request.status and "error" in json.loads(answer):
                tally.hostile[str(status)] = tally.hostile.get(str(status), 0) + 1
            else:
                tally.wrong.append(f"hostile {request.status}: got {status}")

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return time.perf_counter() - started


def run(workers: int, plan: list[Request], total: int, concurrency: int, rss_at: list[int],
        tmp: Path) -> dict:  # fmt: skip
    server = start(tmp, "--workers", str(workers), "--max-bytes", str(MAX_BYTES),
                   "--queue", str(4 * concurrency), "--log-level", "warning")  # fmt: skip
    try:
        tally = Tally()
        wall = 0.0
        service0, workers0 = cpu_ms(server)
        client0 = time.process_time()
        done = 0
        rss = {}
        for mark in sorted(set(rss_at + [total])):
            part = [plan[i % len(plan)] for i in range(done, mark)]
            wall += asyncio.run(send(server, part, concurrency, tally))
            done = mark
            if mark in rss_at:
                rss[mark] = memory(server)
        service1, workers1 = cpu_ms(server)
        client = (time.process_time() - client0) * 1000 / total
    finally:
        server.stop()
    lat = sorted(tally.latencies)
    return {
        "workers": workers,
        "requests": done,
        "good_right": tally.good,
        "wrong": len(tally.wrong),
        "wrong_examples": tally.wrong[:3],
        "hostile_right": tally.hostile,
        "requests_per_s": round(done / wall, 1),
        "p50_ms": round(1000 * statistics.median(lat), 1),
        "p99_ms": round(1000 * lat[int(0.99 * (len(lat) - 1))], 1),
        "memory": rss,
        "cpu_ms_per_request": {"service": round((service1 - service0) / total, 2),
                               "workers": round((workers1 - workers0) / total, 2),
                               "client": round(client, 2)},  # fmt: skip
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (1,2)")
    parser.add_argument("--rss-at", default="1000", help="request counts to read memory at")
    args = parser.parse_args()
    import tempfile

    plan = requests(min(args.requests, 2000))  # the plan repeats for longer runs
    rss_at = [int(n) for n in args.rss_at.split(",") if int(n) <= args.requests]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers in [int(w) for w in args.workers.split(",")]:
            result = run(workers, plan, args.requests, args.concurrency, rss_at, Path(tmp))
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
    for r in results[:1]:  # what a quiet machine with two cores would give
        cpu = r["cpu_ms_per_request"]
        total = cpu["workers"] + cpu["service"] + cpu["client"]
        print(f"CPU per request: {cpu}; on 2 idle cores --workers 2 would give at most "
              f"{2 * cpu['workers'] / total:.2f}x --workers 1 (2 w / (w + service + client))")
    if len(results) > 1:
        ratio = results[-1]["requests_per_s"] / results[0]["requests_per_s"]
        print(f"throughput --workers {results[-1]['workers']} / --workers "
              f"{results[0]['workers']}: {ratio:.2f}x on {os.cpu_count()} cores")  # fmt: skip
    failed = any(r["wrong"] for r in results)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
