"""The kinds layers (SPEC 0.3) on the team's cases in `tests/data/kinds-dev.tsv`."""

from __future__ import annotations

import pytest
from kind_cases import DATA, check, load_cases

from factex import Pipeline

CASES = load_cases(DATA / "kinds-dev.tsv")


@pytest.fixture(scope="module")
def records(nlp: Pipeline) -> dict[str, dict]:
    texts = sorted({c.text for c in CASES})
    return {t: nlp(t).to_dict() for t in texts}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.list}-{c.line}" for c in CASES])
def test_case(case, records) -> None:
    record = records[case.text]
    assert check(case, record), f"{case}\n got {record.get(case.list)}"
    for item in record.get(case.list) or []:
        assert case.text[item["start"] : item["stop"]] == item["text"]
