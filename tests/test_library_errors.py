"""The library given the wrong thing: a clear TypeError or ValueError, and a document
that breaks the pipeline becomes an error record without stopping the others."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import factex
from factex import corpus
from factex.corpus import Options
from factex.record import DocInfo, error_record


@pytest.mark.parametrize("value", [None, 12, ["текст"]])
def test_extract_needs_str(value):
    with pytest.raises(TypeError, match=f"needs text as str, not {type(value).__name__}$"):
        factex.extract(value)


def test_extract_bytes_says_to_decode():
    with pytest.raises(TypeError, match="not bytes: decode bytes first"):
        factex.extract("Путин".encode())


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("11.11.2025", "not a date in the form YYYY-MM-DD: '11.11.2025'"),
        ("2025-13-01", r"not a valid date: '2025-13-01' \(month must be in 1..12\)"),
        ("2025-02-30", "not a valid date: '2025-02-30'"),
        ("", "not a date in the form YYYY-MM-DD: ''"),
    ],
)
def test_bad_date(date, message):
    with pytest.raises(ValueError, match=message):
        factex.extract("Путин прибыл вчера.", date=date)


def test_date_object_is_accepted():
    doc = factex.extract("Путин прибыл вчера.", date=dt.date(2025, 11, 11))
    assert doc.info.date == "2025-11-11"


def test_to_frames_with_error_records():
    failed = error_record(DocInfo(id="gone", source="gone.txt"), "not-found", "no such file")
    frames = factex.to_frames([failed, factex.extract("Путин прибыл в Казань.")])
    docs = frames["documents"].set_index("doc_id")
    assert docs.loc["gone", "error_code"] == "not-found"
    assert list(frames["entities"].doc_id.unique()) == ["doc2"]
    assert len(factex.to_frames(failed)["documents"]) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "not None"),
        ("текст", "not a str"),
        ([{"entities": []}, 3], "item 2 is a int"),
    ],
)
def test_to_frames_refuses_other_things(value, message):
    with pytest.raises(TypeError, match=message):
        factex.to_frames(value)


class _Breaks:
    """A stand-in pipeline that fails on one text."""

    def __call__(self, text, date, **options):
        if "сломать" in text:
            raise RuntimeError("stage failed\non two lines")
        return factex.extract(text, date, **options)


def test_a_failing_document_becomes_an_error_record(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["factex.pipeline"], "Pipeline", _Breaks)
    paths = []
    for i, text in enumerate(["Путин прибыл.", "сломать", "Лавров прибыл."]):
        paths.append(tmp_path / f"d{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    results = [o.record for o in corpus.run(corpus.items([str(p) for p in paths]), Options())]
    assert [r["doc"]["id"] for r in results] == ["d0", "d1", "d2"]
    assert results[1]["error"] == {
        "code": "processing-error",
        "message": "RuntimeError: stage failed on two lines",
    }
    assert "error" not in results[0] and "error" not in results[2]
