"""The sealed kinds table (`tests/data/kinds-sealed.tsv`, issue 18) is well formed, big
enough and its own text. Its score is taken once by the coordinator at the end
(`benchmarks/kinds.py --cases`); it is never asserted here, and factex is not run."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from fact_cases import runs
from kind_cases import DATA, Case, load_cases

TABLE = DATA / "kinds-sealed.tsv"
CASES = load_cases(TABLE)
FIELDS = {
    "money": {"amount", "min", "max", "currency", "approx"},
    "percents": {"value", "min", "max", "points"},
    "ages": {"years", "kind", "person"},
    "times": {"value"},
    "laws": {"kind", "number", "date", "title", "article", "code"},
    "awards": {"name", "degree"},
    "nationalities": {"name", "country"},
    "professions": {"name"},
    "events": {"name", "kind", "fact"},
}
# Positive cases each list must have at least, and texts where it must be empty.
POSITIVES = {"money": 70, "ages": 50, "times": 50}
FEW = 5
CLOCK = r"\d\d:\d\d(?:[+-]\d\d:\d\d)?"
TIME = re.compile(rf"(?:\d{{4}}-\d\d-\d\dT)?{CLOCK}(?:/{CLOCK})?")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _values_wrong(case: Case) -> list[str]:
    """What is wrong with a case's values, by the SPEC 0.3 table of value fields."""
    f, wrong = case.fields, []
    if case.list == "money":
        has_amount, has_range = "amount" in f, {"min", "max"} <= f.keys()
        if has_amount == has_range or not all(
            _number(f[k]) for k in ("amount", "min", "max") if k in f
        ):
            wrong.append("an amount or a min/max, as numbers")
        if has_range and f["min"] >= f["max"]:
            wrong.append("min below max")
        if not re.fullmatch(r"[A-Z]{3}", f.get("currency") or ""):
            wrong.append("an ISO 4217 currency")
        if "approx" in f and not isinstance(f["approx"], bool):
            wrong.append("approx a bool")
    elif case.list == "percents":
        if not all(_number(f[k]) for k in ("value", "min", "max") if k in f) or not (
            "value" in f or {"min", "max"} <= f.keys()
        ):
            wrong.append("a value or a min/max, as numbers")
    elif case.list == "ages":
        if not (isinstance(f.get("years"), int) and f["years"] > 0):
            wrong.append("years a positive int")
        if f.get("kind") not in {"age", "anniversary"}:
            wrong.append("kind age or anniversary")
        if "person" in f and not (isinstance(f["person"], dict) and f["person"].get("name")):
            wrong.append("person an entity name")
    elif case.list == "times":
        if not TIME.fullmatch(f.get("value") or ""):
            wrong.append("an ISO 8601 time")
    elif case.list == "laws":
        if "date" in f and not re.fullmatch(r"\d{4}-\d\d-\d\d", f["date"]):
            wrong.append("an ISO date")
    elif case.list == "awards" and not isinstance(f.get("degree", 0) or 0, int):
        wrong.append("degree an int")
    return wrong


def test_rows_are_well_formed():
    raw = [line for line in TABLE.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert all(line.count("\t") == 3 for line in raw)
    for case in CASES:
        assert case.list in FIELDS, case.line
        assert case.fields.keys() <= FIELDS[case.list], case.line
        if case.surface is None:
            assert not case.fields, case.line
            continue
        assert case.surface in case.text, case.line
        assert case.surface == case.surface.strip(), case.line
        if case.list in {"money", "ages", "times"}:
            assert not _values_wrong(case) and case.fields, (case.line, _values_wrong(case))


@pytest.mark.parametrize("key", sorted(FIELDS))
def test_every_list_is_big_enough(key: str):
    positives = Counter(c.list for c in CASES if c.surface is not None)
    negatives = Counter(c.list for c in CASES if c.surface is None)
    assert positives[key] >= POSITIVES.get(key, FEW)
    assert negatives[key] >= 2


def test_values_of_the_other_lists():
    assert not [(c.line, _values_wrong(c)) for c in CASES if c.surface and _values_wrong(c)]


def test_no_case_repeats():
    seen = Counter((c.list, c.text, c.surface) for c in CASES)
    assert [k for k, n in seen.items() if n > 1] == []
    empty = {c.text for c in CASES if c.surface is None}
    assert not empty & {c.text for c in CASES if c.surface is not None}


def test_no_text_shares_a_four_word_run_with_another_kinds_table():
    others = [p for p in sorted(DATA.glob("kinds-*.tsv")) if p != TABLE]
    assert others
    theirs = set().union(
        *(runs(line) for p in others for line in p.read_text("utf-8").splitlines())
    )
    shared = [c.line for c in CASES if runs(c.text) & theirs]
    assert shared == [], f"lines of kinds-sealed.tsv sharing a four-word run: {shared}"


def test_the_checks_catch_a_bad_value():
    bad = Case(
        "money", "Штраф — 5 тыс. рублей.", "5 тыс. рублей", {"amount": "5000", "currency": "рубль"}
    )
    assert _values_wrong(bad) == ["an amount or a min/max, as numbers", "an ISO 4217 currency"]
    late = Case("times", "в 25 часов", "в 25 часов", {"value": "в 25:00"})
    assert _values_wrong(late) == ["an ISO 8601 time"]


def test_the_benchmark_refuses_its_misses():
    script = DATA.parent.parent / "benchmarks" / "kinds.py"
    args = [sys.executable, str(script), "--cases", str(TABLE), "--misses", "any"]
    run = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "refused on kinds-sealed.tsv" in run.stderr
