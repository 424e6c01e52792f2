"""Dates: the sealed held-out table (`tests/data/dates-sealed.tsv`) is well formed. Its
score is printed by `benchmarks/dates.py` (aggregates only) and never asserted here."""

from __future__ import annotations

import re

from date_cases import TABLE, load_cases

CASES = load_cases(TABLE.with_name("dates-sealed.tsv"))
KINDS = {"date", "month", "year", "range", "relative", "season", "part", "duration"}


def test_sealed_is_big_enough():
    assert sum(c.surface is not None for c in CASES) >= 50
    assert sum(c.surface is None for c in CASES) >= 10


def test_sealed_cases_are_well_formed():
    for case in CASES:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", case.reference), case.text
        if case.surface is None:
            assert case.value is None and not case.kind, case.text
            continue
        assert case.surface in case.text and case.value and case.kind in KINDS, case.text
