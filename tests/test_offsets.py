"""Every offset in every record is exact: `text[start:stop]` is the surface, on the
devset, the samples and texts made to break segmentation."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import SHARED
from offsets import adversarial, problems

from samples import articles

DEVSET = SHARED / "data" / "factru" / "devset.jsonl"
# Every DEVSET_STRIDE-th devset text keeps the test to a few seconds.
DEVSET_STRIDE = 8
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _check(nlp, text: str, spacy: bool = False) -> dict:
    analysis = nlp.analyse(text, "2025-11-11", tokens=True)
    record = analysis.document.to_dict()
    found = problems(text, record)
    assert not found, "\n".join(found[:20])
    if spacy:
        assert analysis.doc.text == text
    return record


def _utf8(text: str) -> bool:
    """Whether spaCy can hold `text` (it cannot hold lone surrogates, nor can spaCy's own
    tokenizer)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(adversarial()))
def test_adversarial_text(nlp, name):
    text = adversarial()[name]
    record = _check(nlp, text, spacy=_utf8(text))
    for entity in record["entities"]:
        assert not any(ch in entity["name"] for ch in INVISIBLE), entity["name"]


def test_samples(nlp):
    for path in articles():
        _check(nlp, path.read_text(encoding="utf-8"))


def test_devset(nlp):
    if not DEVSET.is_file():
        pytest.skip(f"{DEVSET} is absent")
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    for line in lines[::DEVSET_STRIDE]:
        _check(nlp, json.loads(line)["text"])


def test_lone_cr_and_line_separators_break_lines(nlp):
    for sep in ("\r", "\u2028", "\r\n"):
        text = f"Путин встретится с Токаевым{sep}{sep}МОСКВА, 11 ноября. /ТАСС/. Путин прибыл."
        record = _check(nlp, text)
        assert record["doc"]["title"] == "Путин встретится с Токаевым"
        assert record["doc"]["dateline"]["place"] == "Москва"


def test_invisible_characters_stay_out_of_tokens(nlp):
    text = "\ufeffВладимир \u200bПу\u200bтин прибыл в Казах\u00adстан."
    record = _check(nlp, text)
    assert record["tokens"][0]["text"] == "Владимир"
    assert record["tokens"][1]["text"] == "Пу\u200bтин"
    names = {e["name"] for e in record["entities"]}
    assert {"Владимир Путин", "Казахстан"} <= names


def test_checker_finds_wrong_offsets(nlp):
    text = adversarial()["crlf"]
    record = nlp(text, tokens=True).to_dict()
    broken = copy.deepcopy(record)
    broken["entities"][0]["mentions"][0]["start"] += 1
    assert problems(text, broken)
    broken = copy.deepcopy(record)
    broken["facts"][0]["evidence"]["stop"] = len(text) + 1
    assert problems(text, broken)
    broken = copy.deepcopy(record)
    fact = next(f for f in broken["facts"] if f.get("dates"))
    fact["dates"]["ref"] = "D99"
    assert problems(text, broken)
    broken = copy.deepcopy(record)
    broken["tokens"][3]["stop"] = broken["tokens"][3]["start"]
    assert problems(text, broken)
