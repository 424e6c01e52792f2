"""`Pipeline.pipe` as spaCy's `nlp.pipe`: documents batched together in one process, or
worker processes, the same documents in the same order either way."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from roads import CRASH, crashing_workers  # noqa: E402

TEXTS = [
    "Владимир Путин прибыл в Казань 12 мая.",
    "Сергей Лавров встретился с Ван И в Пекине. Переговоры продлились три часа.",
    "",
    "Мишустин посетил Тулу. Визит продлится два дня.",
    "«Газпром» и Сбербанк подписали соглашение 3 марта 2024 года.",
]


def _one_by_one(nlp, texts):
    return [nlp(t, "2025-01-01", doc_id=f"doc{i}").to_dict() for i, t in enumerate(texts, 1)]


def test_documents_batched_together_are_those_of_one_at_a_time(nlp):
    expected = _one_by_one(nlp, TEXTS)
    for size in (1, 2, 32):
        got = [d.to_dict() for d in nlp.pipe(iter(TEXTS), "2025-01-01", batch_size=size)]
        assert got == expected
    pairs = list(nlp.pipe(zip(TEXTS, "abcde"), "2025-01-01", as_tuples=True, batch_size=2))
    assert [c for _, c in pairs] == list("abcde")
    assert [d.to_dict() for d, _ in pairs] == expected


def test_worker_processes_give_the_same_documents(nlp):
    texts = TEXTS * 2
    got = [d.to_dict() for d in nlp.pipe(texts, "2025-01-01", n_process=2, batch_size=2)]
    assert got == _one_by_one(nlp, texts)
    with pytest.raises(TypeError, match="needs text as str, not int"):
        list(nlp.pipe(["Путин прибыл.", 5], n_process=2))
    with pytest.raises(TypeError, match="needs text as str, not bytes"):
        list(nlp.pipe([b"bytes"]))
    with pytest.raises(ValueError, match="jobs must be 0"):
        list(nlp.pipe(TEXTS, n_process=-1))


@pytest.fixture()
def dying_workers(nlp):
    """Worker processes that share this process's loaded pipeline (forked) and die,
    as a worker the system kills does, when they are given the text CRASH."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying worker reaches workers only through fork")
    with crashing_workers(share=nlp):
        yield


def test_a_dying_worker_shifts_no_pair_and_loses_no_document(nlp, dying_workers):
    texts = [*TEXTS[:2], CRASH, *TEXTS[2:], CRASH, TEXTS[0]]
    pairs = list(nlp.pipe(((t, i) for i, t in enumerate(texts)), "2025-01-01",
                          as_tuples=True, n_process=2, batch_size=2))  # fmt: skip
    assert [i for _, i in pairs] == list(range(len(texts)))
    expected = _one_by_one(nlp, texts[:2] + texts[3:-2] + texts[-1:])
    good = [d.to_dict() for d, i in pairs if texts[i] != CRASH]
    assert [r["doc"]["id"] for r in good] == [f"doc{i + 1}" for i, t in enumerate(texts)
                                              if t != CRASH]  # fmt: skip
    for record, want in zip(good, expected):
        assert {k: v for k, v in record.items() if k != "doc"} == {
            k: v for k, v in want.items() if k != "doc"
        }
    for doc, i in pairs:
        assert doc.text == texts[i]
        assert (doc.error is not None) == (texts[i] == CRASH)
    crashed = pairs[2][0].to_dict()
    assert crashed["doc"]["id"] == "doc3"
    assert crashed["error"]["code"] == "worker-crashed"
    plain = list(nlp.pipe(texts, "2025-01-01", n_process=2, batch_size=3))
    assert [d.info.id for d in plain] == [f"doc{i}" for i in range(1, len(texts) + 1)]
