"""`Pipeline.pipe` as spaCy's `nlp.pipe`: documents batched together in one process, or
worker processes, the same documents in the same order either way."""

from __future__ import annotations

import pytest

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
