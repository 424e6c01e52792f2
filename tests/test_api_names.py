"""The library's names: `factex.pipeline` is the module, the types a caller catches or
passes are exported, and a batch of sentences is not a batch of texts."""

from __future__ import annotations

import importlib

import pytest

import factex


def test_factex_pipeline_is_the_module():
    import factex.pipeline as p

    assert p is importlib.import_module("factex.pipeline")
    assert p.Pipeline is factex.Pipeline
    with pytest.warns(DeprecationWarning, match="shared_pipeline"):
        assert factex.pipeline() is factex.shared_pipeline()  # type: ignore[operator]


def test_what_a_caller_catches_or_passes_is_exported():
    from factex.corpus.inputs import UsageError
    from factex.extras import MissingExtra
    from factex.pipeline import StageError
    from factex.reading import InputError
    from factex.time.reference import Reference

    exported = (StageError, Reference, InputError, UsageError, MissingExtra)
    assert all(getattr(factex, t.__name__) is t for t in exported)
    assert set(factex.__all__) <= set(dir(factex)) | {"load", "read_jsonl", "to_frames",
                                                      "to_html"}  # fmt: skip
    assert factex.extract("Путин прибыл в Москву.", factex.Reference(2025, 11, 11)).to_dict()


def test_sentence_batches_and_text_batches_have_their_own_names():
    with pytest.warns(DeprecationWarning, match="sentence_batch_size"):
        old = factex.Pipeline(batch_size=64, exclude=["morph", "ner"])
    assert old.config["sentence_batch_size"] == 64 == old.models.batch_size
    new = factex.Pipeline(sentence_batch_size=32, exclude=["morph", "ner"])
    assert new.models.batch_size == 32
