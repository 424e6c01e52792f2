"""Each sample article gives exactly its expected record: any change in output shows here.

After an intended change, run `python tests/samples.py` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from samples import articles, expected_path, record


def _diff(got: dict, want: dict) -> str:
    lines = []
    for key in want.keys() | got.keys():
        if got.get(key) != want.get(key):
            lines.append(f"{key}: expected {json.dumps(want.get(key), ensure_ascii=False)[:300]}")
            lines.append(
                f"{' ' * len(key)}  got      {json.dumps(got.get(key), ensure_ascii=False)[:300]}"
            )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def produced(nlp) -> dict:
    return {path: record(nlp, path) for path in articles()}


def test_there_are_samples():
    assert len(articles()) >= 10


@pytest.mark.parametrize("path", articles(), ids=lambda p: p.stem)
def test_sample_matches_expected_record(produced, path):
    want = json.loads(expected_path(path).read_text(encoding="utf-8"))
    got = produced[path]
    assert got == want, "output changed (python tests/samples.py to accept):\n" + _diff(got, want)


@pytest.mark.parametrize("path", articles(), ids=lambda p: p.stem)
def test_sample_offsets_are_exact(produced, path):
    text = path.read_text(encoding="utf-8")
    got = produced[path]
    spans = [m for e in got["entities"] for m in e["mentions"]] + got["dates"] + got["numbers"]
    for span in spans:
        assert text[span["start"] : span["stop"]] == span["text"]
    for fact in got["facts"]:
        assert 0 <= fact["evidence"]["start"] < fact["evidence"]["stop"] <= len(text)
