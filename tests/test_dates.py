"""Dates: the case table, the seed article, offsets and false dates."""

from __future__ import annotations

import pytest
from conftest import SEED
from date_cases import load_cases

from factex.time.calendar import month_number
from factex.time.dates import find_dates
from factex.time.reference import Reference

CASES = load_cases()
REF = Reference.parse("2025-11-11")


def test_table_is_big_enough():
    assert len(CASES) >= 300


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c.text[:40]}" for i, c in enumerate(CASES)])
def test_case(case):
    dates = find_dates(case.text, case.ref)
    if case.surface is None:
        assert dates == [], [d.text for d in dates]
        return
    found = {(d.start, d.text): d for d in dates}
    key = (case.start, case.surface)
    assert key in found, [(d.start, d.text) for d in dates]
    date = found[key]
    assert (date.value, date.kind, date.mod) == (case.value, case.kind, case.mod)


def test_offsets_order_and_no_overlap():
    text = " ".join(c.text for c in CASES)
    dates = find_dates(text, REF)
    assert dates
    for a, b in zip(dates, dates[1:], strict=False):
        assert a.stop <= b.start
    assert all(text[d.start : d.stop] == d.text for d in dates)


def test_nothing_from_the_clock():
    assert [d.value for d in find_dates("Вчера, сегодня и в прошлом году.", Reference())] == [
        None,
        None,
        None,
    ]


def test_month_number_still_works():
    assert month_number("ноября") == 11
    assert month_number("Мае") == 5
    assert month_number("марта") == 3
    assert month_number("среды") is None


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.skip("seed article missing")
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("surface", "value", "kind", "mod"),
    [
        ("11 ноября", "2025-11-11", "date", None),
        ("11-12 ноября", "2025-11-11/2025-11-12", "range", None),
        ("В конце октября", "2025-10", "part", "end"),
        ("осенью текущего года", "2025-09/2025-11", "season", None),
        ("в апреле", "2025-04", "month", None),
        ("с 2003 года", "2003", "year", None),
        ("в октябре", "2025-10", "month", None),
        ("В августе", "2025-08", "month", None),
        ("в этом году", "2025", "relative", None),
    ],
)
def test_seed_article(seed, surface, value, kind, mod):
    dates = {d.text: d for d in find_dates(seed, REF)}
    assert surface in dates, sorted(dates)
    date = dates[surface]
    assert seed[date.start : date.stop] == surface
    assert (date.value, date.kind, date.mod) == (value, kind, mod)


def test_seed_article_has_no_false_dates(seed):
    texts = {d.text for d in find_dates(seed, REF)}
    assert "XXI" not in " ".join(texts)
    assert len(texts) == 9, sorted(texts)


def test_offsets_when_lower_case_changes_length():
    text = "İstanbul: 11 ноября в 15:00, В конце октября."
    assert len(text.lower()) != len(text)
    dates = find_dates(text, REF)
    assert [(d.text, d.value) for d in dates] == [
        ("11 ноября в 15:00", "2025-11-11T15:00"),
        ("В конце октября", "2025-10"),
    ]
    assert all(text[d.start : d.stop] == d.text for d in dates)
