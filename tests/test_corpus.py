"""Corpus inputs without the models: folders walked lazily, tables, resuming an output."""

from __future__ import annotations

import json
import os

import pytest

from factex.corpus.inputs import Columns, UsageError, check_table, count, items, walk
from factex.corpus.resume import completed, skip_done
from factex.reading import InputError, decode


def _tree(root):
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("один", encoding="utf-8")
    (root / "b" / "c.txt").write_text("два", encoding="utf-8")
    (root / "b" / "skip.md").write_text("нет", encoding="utf-8")
    (root / "d.txt").mkdir()  # a directory named like a text
    (root / "d.txt" / "e.txt").write_text("три", encoding="utf-8")
    (root / "loop.txt").symlink_to(root / "loop.txt")  # a link to itself
    (root / "gone.txt").symlink_to(root / "nowhere")
    (root / "up").symlink_to(root)  # a folder link loop: walked once
    os.mkfifo(root / "pipe.txt")  # would block a reader forever
    return root


def test_walk_is_sorted_recursive_and_names_what_cannot_be_read(tmp_path):
    root = _tree(tmp_path / "corpus")
    found = {os.path.relpath(p, root): problem for p, problem in walk(str(root))}
    assert list(found) == [
        "a.txt", "d.txt", "gone.txt", "loop.txt", "pipe.txt", "b/c.txt", "d.txt/e.txt",
    ]  # fmt: skip
    assert found["a.txt"] is None and found["b/c.txt"] is None
    assert found["d.txt"][0] == "is-directory"
    assert found["loop.txt"] == ("unreadable", "Too many levels of symbolic links")
    assert found["gone.txt"] == ("unreadable", "No such file or directory")
    assert found["pipe.txt"][0] == "not-a-file"


def test_glob_with_a_slash_matches_the_path_inside_the_folder(tmp_path):
    root = _tree(tmp_path / "corpus")
    assert [os.path.relpath(p, root) for p, _ in walk(str(root), "b/*")] == [
        "b/c.txt", "b/skip.md",
    ]  # fmt: skip
    assert count([str(root)], "*.md") == 1


def test_items_from_files_folders_and_jsonl_in_order(tmp_path):
    root = _tree(tmp_path / "corpus")
    table = tmp_path / "rows.jsonl"
    rows = [{"text": "первый", "url": "u1"}, {"url": "u2"}, {"text": 5}]
    table.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    got = list(items([str(table), str(root / "a.txt")], columns=Columns(id="url")))
    assert [(i.id, i.text, i.error and i.error[0]) for i in got] == [
        ("u1", "первый", None),
        ("u2", None, "bad-row"),
        ("3", None, "bad-row"),
        ("4", None, "bad-row"),
        ("a", None, None),
    ]
    assert got[1].error[1] == "column 'text' is missing"
    assert got[2].error[1] == "column 'text' is a int, not text"
    assert got[1].label == f"{table}, row 2"
    assert got[4].path == str(root / "a.txt")


def test_csv_and_parquet_tables(tmp_path):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"body": ["раз", "два, «три»\nчетыре"], "key": [10, 20]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    got = list(items([str(tmp_path / "t.csv")], columns=Columns("body", "key")))
    assert [(i.id, i.text, i.source) for i in got] == [
        ("10", "раз", str(tmp_path / "t.csv")),
        ("20", "два, «три»\nчетыре", str(tmp_path / "t.csv")),
    ]
    pytest.importorskip("pyarrow")
    frame.to_parquet(tmp_path / "t.parquet")
    got = list(items([str(tmp_path / "t.parquet")], columns=Columns("body")))
    assert [(i.id, i.text) for i in got] == [("1", "раз"), ("2", "два, «три»\nчетыре")]
    assert count([str(tmp_path / "t.parquet"), str(tmp_path / "t.csv")]) == 4
    problem = check_table(str(tmp_path / "t.csv"), None, Columns())
    assert problem == f"{tmp_path / 't.csv'} has no column 'text' (--text-column); its columns: body, key"  # noqa: E501
    with pytest.raises(UsageError):
        list(items([str(tmp_path / "t.parquet")]))


def test_resume_keeps_complete_lines_and_cuts_a_broken_tail(tmp_path):
    out = tmp_path / "out.jsonl"
    lines = [json.dumps({"doc": {"id": i, "source": f"{i}.txt"}}) + "\n" for i in "ab"]
    out.write_text(lines[0] + lines[1] + '{"doc": {"id": "c", "sou', encoding="utf-8")
    done = completed(str(out))
    assert done == {("a.txt", "a"): 1, ("b.txt", "b"): 1}
    assert out.read_text(encoding="utf-8") == lines[0] + lines[1]
    from factex.corpus import Item

    todo = [Item(i, f"{i}.txt") for i in "abc"]
    assert [i.id for i in skip_done(todo, done)] == ["c"]
    assert completed(str(tmp_path / "none.jsonl")) == {}


def test_utf8_cut_inside_a_character_is_named():
    data = "Путин прибыл в Москву".encode()
    with pytest.raises(InputError, match="middle of a UTF-8 character") as err:
        decode(data[:-1])
    assert err.value.code == "truncated"
    assert decode("Путин".encode("cp1251")).encoding == "cp1251"


def _crash_or_echo(chunk):
    """Stands in for a worker: dies on the text `crash`, echoes the others."""
    from factex.corpus.process import Outcome

    if any(item.text == "crash" for item in chunk):
        os._exit(1)
    return [Outcome(item, {"doc": {"id": item.id}}, []) for item in chunk]


def test_a_worker_that_dies_is_replaced_and_only_its_document_fails(monkeypatch):
    import multiprocessing

    from factex.corpus import Item, Options, pool

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the stand-in worker reaches workers only through fork")
    monkeypatch.setattr(pool, "_init", lambda options: None)
    monkeypatch.setattr(pool, "_work", _crash_or_echo)
    texts = ["a", "b", "crash", "c", "d", "e", "f"]
    todo = [Item(f"d{i}", "", text=t) for i, t in enumerate(texts)]
    out = list(pool.OrderedPool(2, Options(), chunk_size=2).map(todo))
    assert [o.item.id for o in out] == [f"d{i}" for i in range(7)]
    assert [o.record.get("error", {}).get("code") for o in out] == [
        None, None, "worker-crashed", None, None, None, None,
    ]  # fmt: skip
