"""The `factex` command, run as a user would: a subprocess."""

from __future__ import annotations

import json

from cli_run import ARTICLE, factex


def test_extract_one_file(article):
    run = factex("extract", str(article), "--date", "2025-11-11")
    assert run.returncode == 0, run.stderr.decode()
    record = json.loads(run.stdout)
    assert record["factex"] == "1"
    assert record["doc"]["id"] == "visit"
    assert record["doc"]["date"] == "2025-11-11"
    assert record["doc"]["date_source"] == "option"
    assert record["doc"]["title"] == "Путин встретится с президентом Казахстана"
    assert record["doc"]["dateline"]["place"] == "Москва"
    assert record["doc"]["dateline"]["agency"] == "ТАСС"
    names = {e["name"] for e in record["entities"]}
    assert {"Касым-Жомарт Токаев", "Владимир Путин", "Россия"} <= names
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert ARTICLE[m["start"] : m["stop"]] == m["text"]


def test_stdin_tokens_and_output_file(tmp_path):
    out = tmp_path / "out.json"
    run = factex("extract", "-", "--tokens", "-o", str(out), stdin=ARTICLE.encode())
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == b""
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["doc"]["id"] == "stdin"
    assert record["tokens"][0]["text"] == "Путин"
    assert record["sentences"]


def test_legacy_encoding_is_recognised_and_reported(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(ARTICLE.encode("cp1251"))
    run = factex("extract", str(path))
    assert run.returncode == 0
    assert "cp1251" in run.stderr.decode()
    record = json.loads(run.stdout)
    assert any(e["name"] == "Касым-Жомарт Токаев" for e in record["entities"])


def test_several_files_one_bad_jsonl(article, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run = factex(
        "extract",
        str(article),
        str(tmp_path / "missing.txt"),
        str(binary),
        str(empty),
        str(tmp_path),
        "--format",
        "jsonl",
    )
    assert run.returncode == 1
    lines = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [r["doc"]["id"] for r in lines] == [
        "visit",
        "missing",
        "photo",
        "empty",
        "empty",  # the folder, walked: its *.txt files in name order
        "visit",
    ]
    assert "error" not in lines[0] and lines[0]["entities"]
    assert lines[1]["error"]["code"] == "not-found"
    assert lines[2]["error"]["code"] == "binary"
    assert "error" not in lines[3] and lines[3]["entities"] == []
    assert lines[4:] == [lines[3], lines[0]]
    stderr = run.stderr.decode().splitlines()
    assert any("missing.txt" in line and "no such file" in line for line in stderr)
    assert "Traceback" not in run.stderr.decode()


def test_several_files_json_list(article):
    run = factex("extract", str(article), str(article))
    assert run.returncode == 0
    records = json.loads(run.stdout)
    assert isinstance(records, list) and len(records) == 2
    lines = run.stdout.decode().splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert json.loads(lines[1].rstrip(",")) == records[0]


def test_single_missing_file_is_one_line_error(tmp_path):
    run = factex("extract", str(tmp_path / "nope.txt"))
    assert run.returncode != 0
    assert run.stdout == b""
    err = run.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "nope.txt" in err and "no such file" in err


def test_bad_date_and_bad_encoding_are_usage_errors(article):
    run = factex("extract", str(article), "--date", "11.11.2025")
    assert run.returncode == 2 and "YYYY-MM-DD" in run.stderr.decode()
    run = factex("extract", str(article), "--encoding", "klingon")
    assert run.returncode == 2 and "unknown encoding" in run.stderr.decode()
    assert "Traceback" not in run.stderr.decode()


def test_help_explains_options():
    run = factex("extract", "--help")
    assert run.returncode == 0
    text = run.stdout.decode()
    for option in ("--date", "--tokens", "--format", "--encoding", "-o", "example"):
        assert option in text
    assert factex("--help").returncode == 0
