"""Facts on `tests/data/facts-dev-general.txt` (issue 17, helper `frames`): cases written
and committed before the engine and pattern changes they measure, worded apart from the
other development files; then read while those changes were made (a development set,
not a held-out one). The test checks the file is well-formed and holds each group's
recall and precision at a floor a little below the figure measured when they landed."""

from __future__ import annotations

from pathlib import Path

import pytest
from fact_cases import check_floor, ill_formed, load_cases

CASES = load_cases(Path(__file__).parent / "data" / "facts-dev-general.txt")
GROUPS = {"ownership", "deals", "pronouns", "lists", "verbs", "clauses", "meetings", "negatives"}
# (recall, precision) floors per group, below the figures measured when the changes landed.
FLOORS: dict[str, tuple[float, float]] = {
    "ownership": (0.60, 0.85),
    "deals": (0.78, 0.92),
    "pronouns": (0.78, 0.85),
    "lists": (0.82, 0.88),
    "verbs": (0.75, 0.85),
    "clauses": (0.58, 0.82),
    "meetings": (0.95, 0.95),
}


def test_the_file_is_big_enough_and_well_formed():
    assert {c.group for c in CASES} == GROUPS
    assert len(CASES) >= 120
    assert not ill_formed(CASES)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_group_floors(scores, group):
    check_floor(scores[group], group, *FLOORS[group])


def test_negatives_hold_few_facts(scores):
    assert scores["negatives"].predicted <= 1, scores["negatives"].misses
