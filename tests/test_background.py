"""The NER network of a long text runs in the pipeline's worker thread while the
calling thread runs the morphology: the same records, the same warning when it fails,
and off with FACTEX_OVERLAP=0."""

from __future__ import annotations

import copy
import threading

import pytest
from cli_run import ARTICLE

from factex.background import overlap_default
from factex.stages import OVERLAP_WORDS

LONG = "\n\n".join([ARTICLE] * 40)  # 1,160 words


@pytest.fixture()
def threads_of_ner(nlp, monkeypatch) -> list[str]:
    """The names of the threads the NER network runs in."""
    names: list[str] = []
    network = nlp.models.ner.network

    def spy(reads):  # type: ignore[no-untyped-def]
        names.append(threading.current_thread().name)
        return network(reads)

    monkeypatch.setattr(nlp.models.ner, "network", spy)
    return names


def _copy(nlp, **changes):  # type: ignore[no-untyped-def]
    other = copy.copy(nlp)
    other.__dict__.update(changes)
    return other


def test_long_texts_only(nlp, threads_of_ner):
    assert len(nlp(LONG, tokens=True).tokens) >= OVERLAP_WORDS
    assert threads_of_ner[-1].startswith("factex-overlap")
    nlp(ARTICLE)
    assert threads_of_ner[-1] == threading.current_thread().name


def test_the_same_records_with_and_without(nlp, threads_of_ner):
    with_worker = nlp(LONG, "2025-11-11").to_dict()
    alone = _copy(nlp, overlap=False)(LONG, "2025-11-11").to_dict()
    assert threads_of_ner[0].startswith("factex-overlap")
    assert threads_of_ner[1:] == [threading.current_thread().name]
    assert with_worker == alone
    assert with_worker["entities"] and with_worker["facts"]


def test_a_failure_in_the_worker_is_the_stages_warning(nlp, monkeypatch):
    def fail(reads):  # type: ignore[no-untyped-def]
        raise IndexError("list index out of range")

    monkeypatch.setattr(nlp.models.ner, "network", fail)
    lenient = _copy(nlp, strict=False)
    for pipeline in (lenient, _copy(lenient, overlap=False)):
        record = pipeline(LONG, "2025-11-11").to_dict()
        assert record["warnings"] == [
            {"stage": "ner", "message": "IndexError: list index out of range"}
        ]
        assert record["entities"] == [] and record["dates"]


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.delenv("FACTEX_OVERLAP", raising=False)
    assert overlap_default()
    for value in ("0", "off", "False"):
        monkeypatch.setenv("FACTEX_OVERLAP", value)
        assert not overlap_default()
