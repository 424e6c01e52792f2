"""`factex extract` over folders and tables: worker processes, broken files in a batch,
runs killed and resumed, interrupted runs that leave only complete lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from cli_run import ARTICLE, factex

SHORT = [
    "Владимир Путин прибыл в Казань 12 мая.",
    "Сергей Лавров встретился с Ван И в Пекине.",
    "Мишустин посетил Тулу. Визит продлится два дня.",
    "«Газпром» и Сбербанк подписали соглашение 3 марта 2024 года.",
]


def _corpus(root, n):
    """`n` short articles in two folders, named so that sorting keeps their order."""
    for i in range(n):
        folder = root / ("a" if i < n // 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:03}.txt").write_text(SHORT[i % len(SHORT)], encoding="utf-8")
    return root


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _broken(root):
    """The ways a file in a batch can be bad, even for root; the reason each gives."""
    bad = {
        "binary.txt": b"\x00\x01\x02\x00" * 50,
        "garbage.txt": bytes(range(128, 256)) * 4,
        "cut.txt": "Путин прибыл в Москву".encode()[:-1],
    }
    for name, data in bad.items():
        (root / name).write_bytes(data)
    (root / "dir.txt").mkdir()
    (root / "loop.txt").symlink_to(root / "loop.txt")
    os.mkfifo(root / "fifo.txt")
    reasons = {
        "binary.txt": "binary",
        "garbage.txt": "decode-error",
        "cut.txt": "truncated",
        "dir.txt": "is-directory",
        "loop.txt": "unreadable",
        "fifo.txt": "not-a-file",
    }
    if os.geteuid() != 0:  # root reads files whatever their mode
        (root / "secret.txt").write_text(ARTICLE, encoding="utf-8")
        (root / "secret.txt").chmod(0)
        reasons["secret.txt"] = "permission"
    return reasons


def test_a_broken_batch_loses_no_document(tmp_path):
    root = _corpus(tmp_path / "news", 6)
    reasons = _broken(root)
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    done = factex("extract", str(root), "-o", str(out1), "--format", "jsonl", text=True)
    assert done.returncode == 1, done.stderr
    records = _lines(out1)
    errors = {os.path.basename(r["doc"]["source"]): r["error"]["code"] for r in records
              if "error" in r}  # fmt: skip
    assert errors == reasons
    good = [r for r in records if "error" not in r]
    assert sorted(r["doc"]["id"] for r in good) == [f"{i:03}" for i in range(6)]
    for name in reasons:
        assert f"{root / name}: " in done.stderr
    assert "Traceback" not in done.stderr
    # the same records, in the same order, from two worker processes
    two = factex("extract", str(root), "-o", str(out2), "--jobs", "2", "--quiet", text=True)
    assert two.returncode == 1, two.stderr
    assert _lines(out2) == records


def test_tables_and_usage_errors(tmp_path):
    table = tmp_path / "rows.jsonl"
    table.write_text(
        "\n".join(json.dumps({"body": t, "url": f"u{i}"}) for i, t in enumerate(SHORT[:2])),
        encoding="utf-8",
    )
    done = factex("extract", str(table), "--text-column", "body", "--id-column", "url",
                  "--progress", text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "2/2 [" in done.stderr and "doc/s" in done.stderr and "chars/s" in done.stderr
    records = json.loads(done.stdout)
    assert [(r["doc"]["id"], r["doc"]["source"]) for r in records] == [
        ("u0", str(table)), ("u1", str(table)),
    ]  # fmt: skip
    assert records[0]["entities"][0]["name"] == "Владимир Путин"
    csv = tmp_path / "rows.csv"
    csv.write_text("body\nтекст\n", encoding="utf-8")
    wrong = factex("extract", str(csv), text=True)
    assert wrong.returncode == 2
    message = f"factex: {csv} has no column 'text' (--text-column); its columns: body\n"
    assert wrong.stderr == message
    for args, message in [
        (["--jobs", "-1"], "argument -j/--jobs: expected 0"),
        (["--resume"], "--resume needs JSON Lines written to a file"),
    ]:
        bad = factex("extract", str(table), *args, text=True)
        assert bad.returncode == 2 and message in bad.stderr and "Traceback" not in bad.stderr


def _start(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "factex", "extract", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_lines(path, n, process, timeout=240):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        if process.poll() is not None:
            pytest.fail(f"the run ended early: {process.stderr.read().decode()}")
        time.sleep(0.05)
    pytest.fail("no output in time")


def test_a_killed_run_resumes_to_the_same_records(tmp_path):
    # Enough documents that the kill lands mid-way however fast the machine: lines come
    # in chunks of 16, and the last chunk may be written before SIGKILL arrives.
    root = _corpus(tmp_path / "news", 120)
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    done = factex("extract", str(root), "-o", str(whole), "--format", "jsonl", "--jobs", "2",
                  text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    run = _start(str(root), "-o", str(cut), "--resume")
    _wait_for_lines(cut, 5, run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    with open(cut, "ab") as f:  # as if killed in the middle of a line
        f.write(b'{"factex": "1", "doc": {"id": "0')
    kept = cut.read_bytes().count(b"\n")
    assert 5 <= kept < 120
    again = factex("extract", str(root), "-o", str(cut), "--resume", "--jobs", "2", text=True)
    assert again.returncode == 0, again.stderr
    assert _lines(cut) == _lines(whole)
    # nothing left to do: nothing changes
    assert factex("extract", str(root), "-o", str(cut), "--resume", text=True).returncode == 0
    assert _lines(cut) == _lines(whole)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_leaves_only_complete_lines(tmp_path, jobs):
    root = _corpus(tmp_path / "news", 200)
    out = tmp_path / "out.jsonl"
    run = _start(str(root), "-o", str(out), "--format", "jsonl", "--jobs", jobs)
    _wait_for_lines(out, 3, run)
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert run.stderr.read().decode().endswith("factex: interrupted\n")
    data = out.read_bytes()
    assert data.endswith(b"\n")
    assert 3 <= len(_lines(out)) < 200
