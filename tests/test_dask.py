"""factex on a Dask LocalCluster with two worker processes: the same records as one
process, tables as dask DataFrames, the CLI writing partitions and skipping done ones."""

from __future__ import annotations

import json

import pytest
from cli_run import factex

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

TEXTS = [
    "Владимир Путин прибыл в Казань 12 мая.",
    "Сергей Лавров встретился с Ван И в Пекине.",
    "Мишустин посетил Тулу. Визит продлится два дня.",
    "«Газпром» и Сбербанк подписали соглашение 3 марта 2024 года.",
    "Глава МИД Франции Жан-Ноэль Барро прилетел в Киев.",
]


def test_bag_and_dataframe_give_the_records_of_one_process(cluster, nlp):
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    import factex.dask

    rows = [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)]
    records = factex.dask.extract(db.from_sequence(rows, npartitions=2)).compute()
    expected = [nlp(t, doc_id=f"d{i}", source="").to_dict() for i, t in enumerate(TEXTS)]
    assert records == expected
    frame = dd.from_pandas(pd.DataFrame({"body": TEXTS, "key": [f"d{i}" for i in range(5)]}),
                           npartitions=2)  # fmt: skip
    tables = factex.dask.to_frames(frame, text_column="body", id_column="key")
    entities, documents = dask.compute(tables["entities"], tables["documents"])
    wanted = factex.to_frames(expected)
    pd.testing.assert_frame_equal(entities.reset_index(drop=True), wanted["entities"])
    assert list(documents["doc_id"]) == [f"d{i}" for i in range(5)]
    bare = factex.dask.extract(db.from_sequence(TEXTS[:3], npartitions=2)).compute()
    assert [r["doc"]["id"] for r in bare] == ["0-1", "0-2", "1-1"]


def test_cli_writes_partitions_and_skips_complete_ones(cluster, tmp_path):
    local, _ = cluster
    news = tmp_path / "news"
    news.mkdir()
    for i, text in enumerate(TEXTS):
        (news / f"{i}.txt").write_text(text, encoding="utf-8")
    (news / "bad.txt").write_bytes(b"\x00\x01" * 20)
    one = factex("extract", str(news), "--format", "jsonl", text=True)
    out = tmp_path / "out"
    args = ["extract", str(news), "--scheduler", local.scheduler_address, "-o", str(out),
            "--partition-size", "2"]  # fmt: skip
    run = factex(*args, text=True)
    assert run.returncode == one.returncode == 1, run.stderr
    assert "bad.txt: binary data" in run.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert [json.loads(x) for x in lines] == [json.loads(x) for x in one.stdout.splitlines()]
    parts[1].unlink()
    before = parts[0].stat().st_mtime_ns
    again = factex(*args, text=True)
    assert "2 partitions already complete" in again.stderr
    assert parts[1].is_file() and parts[0].stat().st_mtime_ns == before
    tables = tmp_path / "tables"
    run = factex(*args[:-4], "-o", str(tables), "--format", "parquet", "--partition-size", "2")
    assert run.returncode == 1
    import pandas as pd

    entities = pd.read_parquet(tables / "entities")
    assert set(entities["doc_id"]) == {"0", "1", "2", "3", "4"}


def test_workers_undo_the_nannys_malloc_trim_threshold(cluster):
    import platform

    import factex.dask

    _, client = cluster
    undone = client.run(factex.dask.glibc_malloc_defaults)
    assert len(undone) == 2
    if platform.libc_ver()[0] == "glibc":  # the nanny sets the variable; mallopt accepts
        assert all(undone.values())
