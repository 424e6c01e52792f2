"""Arguments named by a pronoun or a generic noun, and meetings whose sides are named so:
the development cases of `tests/data/facts-dev-coref.txt` (written before the rules for
them changed, then read: a development set), held at a floor a little below the figure
measured when the rules landed (.907/.975)."""

from __future__ import annotations

from fact_cases import DEV, check_floor, ill_formed, load_cases

CASES = load_cases(DEV.with_name("facts-dev-coref.txt"))


def test_cases_are_well_formed():
    assert len(CASES) >= 40
    assert not ill_formed(CASES)


def test_floor(scores):
    check_floor(scores["all"], "all", 0.85, 0.92)
