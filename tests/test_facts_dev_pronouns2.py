"""Arguments named by pronouns and generic nouns, with distractors: the development cases
of `tests/data/facts-dev-pronouns2.txt` (issue 17, coordinator, round six), written and
committed before any rule change (first score .846/.846; .846/.917 when the round
ended). The test checks the file is well-formed and holds a floor a little below that."""

from __future__ import annotations

from fact_cases import DEV, check_floor, ill_formed, load_cases

CASES = load_cases(DEV.with_name("facts-dev-pronouns2.txt"))


def test_the_file_is_well_formed():
    assert {c.group for c in CASES} == {"pronouns"}
    assert len(CASES) >= 14
    assert not ill_formed(CASES)


def test_floor(scores):
    check_floor(scores["all"], "all", 0.80, 0.84)
