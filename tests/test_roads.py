"""One answer whatever the road: the same texts give the same records, key for key,
from the CLI (`--jobs 2`), `factex.extract`, `pipe` in one process and in two worker
processes, the spaCy component and `factex.dask` on a LocalCluster, for a long text
that runs in windows too; a text that kills its worker gives the same error record
on the roads that run workers. (benchmarks/roads.py does this over the devset.)"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from roads import CRASH, crashing_workers, differences, long_text, road_records, samples  # noqa: E402


def test_every_road_gives_the_same_records(nlp, cluster, monkeypatch):
    pytest.importorskip("dask.dataframe")
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying worker reaches workers only through fork")
    texts = samples()
    docs = [{"id": f"s{k}", "text": t} for k, t in enumerate(texts[:2])]
    docs += [{"id": "crash", "text": CRASH}, {"id": "long", "text": long_text(12_000)}]
    monkeypatch.setattr(nlp, "window", 4_000)  # the long text runs in windows (fast)
    with crashing_workers(share=nlp):
        roads = road_records(docs, "2025-11-11", nlp)
    assert differences(docs, roads) == []
    assert roads["pipe2"][2]["error"]["code"] == "worker-crashed"
    assert roads["extract"][2] is None and roads["extract"][3]["entities"]
    assert len(docs[3]["text"]) > 2 * nlp.window
