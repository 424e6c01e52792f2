"""Bad input and user mistakes: a one-line message, the right exit code, nothing lost.

Exit codes: 0 all documents written, 1 some document failed, 2 usage error."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import ARTICLE, factex


def _one_line(run: subprocess.CompletedProcess) -> str:
    err = run.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_binary_stdin_is_refused():
    run = factex("extract", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run.returncode == 1 and run.stdout == b""
    assert "factex: -: binary data" in _one_line(run)


def test_control_characters_on_stdin_are_refused_like_a_file():
    run = factex("extract", "-", stdin=b"a\x01\x02\x03\x04\x05\x06\x07\x08b" * 10)
    assert run.returncode == 1 and run.stdout == b""
    assert "factex: -: binary data, not text (control characters)" in _one_line(run)


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    run = factex("extract", str(path))
    assert run.returncode == 0
    assert "decoded as utf-16-le" in _one_line(run)
    record = json.loads(run.stdout)
    assert record["doc"]["encoding"] == "utf-16-le"
    assert any(e["name"] == "Касым-Жомарт Токаев" for e in record["entities"])


def test_mostly_control_characters_file(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text("Путин" + "".join(map(chr, range(1, 9))) * 50, encoding="utf-8")
    run = factex("extract", str(path))
    assert run.returncode == 1 and run.stdout == b""
    assert "ctl.txt: binary data" in _one_line(run)


def test_latin1_french_is_read_as_latin1_and_said_to_be_not_russian(tmp_path):
    path = tmp_path / "fr.txt"
    french = "Le président Macron a rencontré à l'Élysée le ministre français, déjà très âgé."
    path.write_bytes(french.encode("latin-1"))
    run = factex("extract", str(path), "--tokens")
    assert run.returncode == 0
    err = run.stderr.decode()
    assert "fr.txt: decoded as cp1252" in err and "fr.txt: no Cyrillic letters" in err
    record = json.loads(run.stdout)
    assert "président" in [t["text"] for t in record["tokens"]]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path, article):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    run = factex("extract", str(path), str(article), "--format", "jsonl")
    assert run.returncode == 1
    assert "secret.txt: permission denied" in _one_line(run)
    lines = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert lines[0]["error"]["code"] == "permission" and "error" not in lines[1]


def test_output_is_a_directory(article, tmp_path):
    run = factex("extract", str(article), "-o", str(tmp_path))
    assert run.returncode == 2 and run.stdout == b""
    assert "cannot write" in _one_line(run)


def test_output_equal_to_an_input_is_refused(article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    run = factex("extract", str(other), str(article), "-o", str(tmp_path / "." / "visit.txt"))
    assert run.returncode == 2
    assert "is also an input file" in _one_line(run)
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_no_files_is_a_usage_error():
    run = factex("extract")
    assert run.returncode == 2
    assert "required: FILE" in run.stderr.decode()
    assert "Traceback" not in run.stderr.decode()


def test_unknown_encoding_is_named_even_after_a_missing_file(article, tmp_path):
    run = factex("extract", str(tmp_path / "missing.txt"), str(article), "--encoding", "klingon")
    assert run.returncode == 2
    assert "unknown encoding 'klingon'" in run.stderr.decode()


def _wait_until_reading(pid: int, timeout: float = 120) -> None:
    """Until process `pid` waits on a pipe (Linux), or a few seconds elsewhere."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        time.sleep(5)
        return
    deadline = time.monotonic() + timeout
    while "pipe" not in wchan.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)


def test_keyboard_interrupt():
    proc = subprocess.Popen(
        [sys.executable, "-m", "factex", "extract", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # A shell without job control starts background jobs with SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _wait_until_reading(proc.pid)  # in `main`, reading standard input
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip() == "factex: interrupted"
    assert out == b""


def test_one_broken_document_in_a_batch(tmp_path):
    names = []
    for i in range(30):
        path = tmp_path / f"doc{i:02}.txt"
        if i == 17:
            path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 50)
        else:
            path.write_text(ARTICLE.replace("Россию", f"Россию ({i})"), encoding="utf-8")
        names.append(str(path))
    out = tmp_path / "out.jsonl"
    run = factex("extract", *names, "--format", "jsonl", "-o", str(out))
    assert run.returncode == 1
    assert "doc17.txt: binary data" in _one_line(run)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"]["id"] for r in records] == [f"doc{i:02}" for i in range(30)]
    assert [i for i, r in enumerate(records) if "error" in r] == [17]
    assert all(r["entities"] for i, r in enumerate(records) if i != 17)
    run = factex("extract", *names[15:20])  # a JSON list keeps the error record in its place
    assert run.returncode == 1
    assert [("error" in r) for r in json.loads(run.stdout)] == [False, False, True, False, False]


def test_a_failed_document_leaves_an_existing_output_as_it_was(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("earlier results", encoding="utf-8")
    run = factex("extract", str(tmp_path / "moved.txt"), "-o", str(out))
    assert run.returncode == 1
    assert "moved.txt: no such file" in _one_line(run)
    assert out.read_text(encoding="utf-8") == "earlier results"
    run = factex("extract", str(tmp_path / "moved.txt"), "-o", str(tmp_path / "no" / "out.json"))
    assert run.returncode == 2
    assert "cannot write" in _one_line(run) and "No such file or directory" in run.stderr.decode()
