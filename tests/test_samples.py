"""Each sample article gives exactly its expected record: any change in output shows here.

After an intended change, run `python tests/samples.py` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from samples import articles, expected_path, record


def _short(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)[:300]


def _diff(got: dict, want: dict) -> str:
    """The first differing items of each top-level key, readable in a test report."""
    lines = []
    for key in sorted(want.keys() | got.keys()):
        a, b = want.get(key), got.get(key)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            lines.append(f"{key}: expected {len(a)} items, got {len(b)}")
            lost = [x for x in a if x not in b][:3]
            new = [x for x in b if x not in a][:3]
            lines += [f"  - {_short(x)}" for x in lost] + [f"  + {_short(x)}" for x in new]
        else:
            lines.append(f"{key}: expected {_short(a)}\n  got {_short(b)}")
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
