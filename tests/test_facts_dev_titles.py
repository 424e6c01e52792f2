"""Titles of monarchs and clergy, acting posts and players of a club: the development
cases of `tests/data/facts-dev-titles.txt` (written before the word-list change, then
read: a development set), held at a floor a little below the figure measured when the
change landed (recall 0.867 of 30, precision 1.0)."""

from __future__ import annotations

from fact_cases import DEV, check_floor, ill_formed, load_cases

CASES = load_cases(DEV.with_name("facts-dev-titles.txt"))


def test_cases_are_well_formed():
    assert len(CASES) >= 15
    assert not ill_formed(CASES)


def test_floor(scores):
    check_floor(scores["all"], "all", 0.80, 0.95)
