"""Occupation facts: the development cases of `tests/data/facts-dev-occupation.txt`
(issue 17), written before the frames and rules they measure, then read while those were
written (a development set). The test checks the file is well formed and holds each
group's recall and precision at a floor a little below the figure measured when the
rules landed; the negatives yield no occupation."""

from __future__ import annotations

from pathlib import Path

import pytest
from fact_cases import check_floor, ill_formed, load_cases

CASES = load_cases(Path(__file__).parent / "data" / "facts-dev-occupation.txt")
GROUPS = {"lists", "verbs", "clauses", "apposition", "appointments", "negatives"}
# (recall, precision) floors per group, below the figures measured when the rules landed.
FLOORS: dict[str, tuple[float, float]] = {
    "lists": (0.70, 0.95),
    "verbs": (0.88, 0.95),
    "clauses": (0.85, 0.90),
    "apposition": (0.95, 0.95),
    "appointments": (0.95, 0.95),
    "all": (0.86, 0.95),
}


def test_the_file_is_big_and_well_formed():
    assert {c.group for c in CASES} == GROUPS
    assert len(CASES) >= 80
    assert sum(c.group == "negatives" for c in CASES) >= 15
    assert not ill_formed(CASES)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_group_floors(scores, group):
    check_floor(scores[group], group, *FLOORS[group])


def test_negatives_yield_no_occupation(scores):
    assert scores["negatives"].predicted == 0, scores["negatives"].misses
