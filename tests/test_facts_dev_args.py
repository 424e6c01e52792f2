"""Facts whose arguments are named by a pronoun or a generic noun, and meetings: the
development cases of `tests/data/facts-dev-args.txt` (written before their rules, then
read while the rules were written: a development set). The test checks the file is
well-formed and holds each group's recall and precision at a floor a little below the
figure measured when its rules landed."""

from __future__ import annotations

import pytest
from fact_cases import DEV, check_floor, ill_formed, load_cases

CASES = load_cases(DEV.with_name("facts-dev-args.txt"))
# (recall, precision) floors per group, below the figures measured when the rules landed.
FLOORS: dict[str, tuple[float, float]] = {
    "pronoun": (0.95, 0.94),
    "generic": (0.82, 0.86),
    "meeting": (0.90, 0.95),
}


def test_the_file_covers_every_group():
    assert {c.group for c in CASES} == {*FLOORS, "negatives"}
    assert len(CASES) >= 90
    assert sum(c.group == "negatives" for c in CASES) >= 15


def test_cases_are_well_formed():
    assert not ill_formed(CASES)


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_group_floors(scores, group):
    check_floor(scores[group], group, *FLOORS[group])


def test_negatives_get_no_wrong_argument(scores):
    """Two candidates that agree, or none in the paragraph: no fact from the anaphor."""
    s = scores["negatives"]
    assert s.predicted == s.right, s.misses
