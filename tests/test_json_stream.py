"""JSON written in pieces is the same text as one `json.dumps`."""

from __future__ import annotations

import io
import json

import pytest

from factex.json_stream import chunks, release_to_dict, write_json

RECORDS = [
    {},
    {"entities": []},
    {"a": [1, {"b": [1, 2, {"c": "строка\nс переводом"}]}], "d": {"e": [1]}, "f": None},
    {"factex": "1", "doc": {"id": "x", "dateline": None}, "entities": [{"id": "T1", "mentions":
     [{"start": 1, "stop": 3, "text": "Ёж"}]}], "facts": [], "numbers": [{"value": 21}]},
]  # fmt: skip


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("indent", [None, 2])
def test_pieces_make_the_same_text(record, indent):
    out = io.StringIO()
    write_json(out, record, indent)
    assert out.getvalue() == json.dumps(record, ensure_ascii=False, indent=indent)


def test_a_long_list_comes_in_pieces(seed_record):
    record = dict(seed_record, dates=seed_record["dates"] * 50)
    pieces = list(chunks(record, 2))
    assert len(pieces) > 50
    assert max(map(len, pieces)) < len("".join(pieces)) / 20
    assert "".join(pieces) == json.dumps(record, ensure_ascii=False, indent=2)


def test_a_record_built_while_releasing_the_objects(nlp, seed_text):
    doc = nlp(seed_text, "2025-11-11", tokens=True)
    expected = doc.to_dict()
    assert release_to_dict(doc) == expected
    assert list(release_to_dict(nlp(seed_text, "2025-11-11", tokens=True))) == list(expected)
    assert doc.entities == doc.facts == []
