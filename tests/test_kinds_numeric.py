"""Money, percents, ages and times on development cases written before their rules
(`tests/data/kinds-dev-numeric.tsv`, `kinds-dev-values.tsv`, `kinds-dev-values[2356789].tsv`):
their values right for at least 95% of the cases of each list, and no item where a
case says there is none. The person of an age is compared by surname: the name of the
entity is the entities layer's work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factex import Pipeline
from factex.layers import LAYERS

DATA = Path(__file__).resolve().parent / "data"
TABLES = [
    DATA / f"kinds-dev-{name}.tsv"
    for name in (
        "numeric", "values", "values2", "values3", "values5", "values6", "values7", "values8",
        "values9",
    )
]


def _cases() -> list[tuple[str, str, str | None, dict[str, Any]]]:
    out = []
    for line in (line for t in TABLES for line in t.read_text("utf-8").splitlines()):
        if line.startswith("#") or line.startswith("list\t") or not line.strip():
            continue
        key, text, surface, fields = line.split("\t")
        out.append((key, text, None if surface == "-" else surface, json.loads(fields)))
    return out


CASES = [c for c in _cases() if c[0] in LAYERS]


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, dict) and set(want) == {"name"}:  # a person: by the surname
        return isinstance(got, dict) and got["name"].split()[-1] == want["name"].split()[-1]
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_same(v, got.get(k)) for k, v in want.items())
    return bool(want == got)


@pytest.fixture(scope="module")
def records(nlp: Pipeline) -> dict[str, dict]:
    return {t: nlp(t, "2025-11-11").to_dict() for t in sorted({c[1] for c in CASES})}


def _right(case: tuple[str, str, str | None, dict[str, Any]], record: dict) -> bool:
    key, text, surface, fields = case
    items = record.get(key) or []
    if surface is None:
        return not items
    at = text.index(surface)
    return any(
        i["start"] < at + len(surface) and at < i["stop"] and _same(fields, i) for i in items
    )


@pytest.mark.parametrize("key", sorted({c[0] for c in CASES}))
def test_values_right_on_the_held_out_cases(key: str, records: dict[str, dict]) -> None:
    cases = [c for c in CASES if c[0] == key]
    wrong = [c for c in cases if not _right(c, records[c[1]])]
    for _, text, _, _ in cases:
        for item in records[text][key]:
            assert text[item["start"] : item["stop"]] == item["text"]
    assert len(wrong) <= 0.05 * len(cases), "\n".join(
        f"{c[2]} {c[3]}: got {records[c[1]][key]}" for c in wrong
    )
    assert not [c for c in wrong if c[2] is None], "an item where there is none"


def test_facts_point_to_money_and_percents(nlp: Pipeline) -> None:
    deal = nlp("Компания «Ромашка» купила у банка «Восток» завод за 3,5 млрд рублей.").to_dict()
    fact, money = deal["facts"][0], deal["money"][0]
    assert fact["type"] == "deal" and fact["amount"] == {
        "ref": money["id"], "text": "3,5 млрд рублей", "amount": 3500000000, "currency": "RUB"
    }
    owned = nlp("Доля компании «Нефтегаз» в «Арктик-Терминале» составляет 30%.").to_dict()
    fact, percent = owned["facts"][0], owned["percents"][0]
    assert fact["share"] == "30%" and fact["share_ref"] == percent["id"] and percent["value"] == 30
    none = nlp("Компания «Ромашка» купила у банка «Восток» завод.").to_dict()
    assert none["facts"][0]["amount"] is None
