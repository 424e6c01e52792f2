"""Starting a real `factex serve` process on a free port, and finding its workers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    log: Path

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def workers(self) -> list[int]:
        """The pids of the worker processes (children started by multiprocessing's spawn,
        not its resource tracker)."""
        pid = self.process.pid
        tasks = Path(f"/proc/{pid}/task").glob("*/children")  # started by any thread
        children = [child for task in tasks for child in task.read_text().split()]
        out = []
        for child in children:
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
                out.append(int(child))
        return out

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def start(tmp: Path, *args: str, env: dict[str, str] | None = None, wait: float = 180) -> Server:
    """`factex serve ARGS` on a free port, returned once /ready answers 200."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "factex", "serve", "--port", str(port), *args],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
        )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}", log)
    headers = {"Authorization": f"Bearer {env['FACTEX_API_KEY']}"} if env else {}
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"factex serve exited {process.returncode}:\n{server.log_text()}")
        try:
            if httpx.get(server.url + "/ready", headers=headers, timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise AssertionError(f"factex serve was not ready in {wait} s:\n{server.log_text()}")
