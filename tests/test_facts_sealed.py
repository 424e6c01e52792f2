"""Facts: the sealed held-out set (`tests/data/facts-sealed.txt`, issue 17), written before
the rules for its constructions. Only its form is tested here: its scores are read once,
when the work is done (`benchmarks/fact_sets.py --set sealed`), and never asserted, so that
no one tunes rules to its misses."""

from __future__ import annotations

from fact_cases import DEV, SEALED, load_cases, malformed, runs, unwritten_names

CASES = load_cases(SEALED)
GROUPS = {
    "lists", "verbs", "clauses", "ownership", "deals", "meetings", "pronouns", "negatives",
}  # fmt: skip


def test_every_group_is_big_enough():
    assert {c.group for c in CASES} == GROUPS
    assert len(CASES) >= 150
    for group in GROUPS:
        assert sum(c.group == group for c in CASES) >= 15, group
    assert sum(bool(c.none) for c in CASES) >= 20


def test_cases_are_well_formed():
    for case in CASES:
        assert case.text, case.line
        assert not malformed(case), (case.line, malformed(case))


def test_expected_names_come_from_the_text():
    for case in CASES:
        assert not unwritten_names(case), (case.line, unwritten_names(case))


def test_no_text_repeats_the_development_set():
    """No text shares a four-word run with a development case: the sealed set measures
    wording the rules have not seen."""
    dev = set().union(*(runs(c.text) for c in load_cases(DEV)))
    for case in CASES:
        assert not runs(case.text) & dev, (case.line, sorted(runs(case.text) & dev))
