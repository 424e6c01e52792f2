"""Organisation names given twice, names glued to digits, descriptors that are no names,
companies named after their trade: the development cases of
`tests/data/entities-dev-aliases.tsv` and `tests/data/entities-dev-trades.tsv`."""

from __future__ import annotations

from pathlib import Path

import pytest

from factex import Pipeline

DATA = Path(__file__).parent / "data"
CASES = (DATA / "entities-dev-aliases.tsv", DATA / "entities-dev-trades.tsv")


def _cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for path in CASES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                text, mention, kind, same = line.split("\t")
                rows.append((text, mention, kind, same))
    return rows


@pytest.mark.parametrize(("text", "mention", "kind", "same"), _cases())
def test_development_case(nlp: Pipeline, text: str, mention: str, kind: str, same: str) -> None:
    by_text = {m["text"]: e for e in nlp(text).to_dict()["entities"] for m in e["mentions"]}
    found = by_text.get(mention)
    if kind == "none":
        assert found is None
        return
    assert found is not None and found["type"] == kind
    if same != "-":
        assert by_text.get(same) is found  # one entity, named in Cyrillic
        assert not found["name"][:1].isascii()


def test_a_name_takes_the_word_it_is_glued_into(nlp: Pipeline) -> None:
    text = "Сенатор Андрей Клишасa заявил о поправках."  # the last `a` is Latin
    for e in nlp(text).to_dict()["entities"]:
        for m in e["mentions"]:
            before, after = text[m["start"] - 1 : m["start"]], text[m["stop"] : m["stop"] + 1]
            assert not before.isalnum() and not after.isalnum(), m


def test_a_person_spelled_in_brackets_is_no_organisation(nlp: Pipeline) -> None:
    text = "Бразилец Роберто Себа станет фотографом журнала Time Out (Roberto Seba)."
    kinds = {m["text"]: e["type"] for e in nlp(text).to_dict()["entities"] for m in e["mentions"]}
    assert kinds.get("Roberto Seba") != "ORG"
