"""Calendar arithmetic against a reference date, and ISO 8601 formatting.

A `Point` is (year, month, day) with None for what is unknown or not given;
a value is one point or an interval of two, formatted at the granularity the
text gave: `2025-11-11`, `2025-11`, `2025`, `--11-11` (no year known),
`2025-11-11/2025-11-12`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from ..text.morph import parses
from ..text.segment import LINE_BREAKS
from .reference import Reference

Point = tuple[int | None, int | None, int | None]


def fmt(point: Point) -> str | None:
    """ISO form of one point: `2025-11-11`, `2025-11`, `2025`, `--11-11`, `--11`."""
    year, month, day = point
    if month is None:
        return f"{year:04d}" if year is not None else None
    head = f"{year:04d}" if year is not None else "-"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def iso(lo: Point, hi: Point | None = None) -> str | None:
    """ISO form of a point or an interval; None when a bound cannot be written."""
    first = fmt(lo)
    if hi is None or hi == lo:
        return first
    last = fmt(hi)
    return f"{first}/{last}" if first and last else None


def month_days(year: int | None, month: int) -> int:
    """Days in a month; February of an unknown year counts 29."""
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def add_months(year: int | None, month: int, delta: int) -> tuple[int | None, int]:
    """Shift a month by `delta`; an unknown year stays unknown."""
    index = month - 1 + delta
    return (None if year is None else year + index // 12), index % 12 + 1


def shift_days(ref: Reference, days: int) -> Point | None:
    """`ref` moved by `days`; for a reference without a year, only when the
    result is the same in leap and common years (else None)."""
    if ref.month is None or ref.day is None:
        return None
    full = ref.date()
    if full is not None:
        d = full + dt.timedelta(days=days)
        return d.year, d.month, d.day
    results = set()
    for year in (2000, 2001):
        if ref.month == 2 and ref.day == 29 and year == 2001:
            return None
        d = dt.date(year, ref.month, ref.day) + dt.timedelta(days=days)
        results.add((d.month, d.day))
    if len(results) > 1:
        return None
    month, day = results.pop()
    return None, month, day


def week(ref: Reference, delta: int) -> tuple[Point, Point] | None:
    """Monday to Sunday of the reference week moved by `delta` weeks."""
    today = ref.date()
    if today is None:
        return None
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=delta)
    sunday = monday + dt.timedelta(days=6)
    return (monday.year, monday.month, monday.day), (sunday.year, sunday.month, sunday.day)


def weekday(ref: Reference, target: int, direction: int) -> Point | None:
    """The date of weekday `target` (0 = Monday) nearest to `ref` in `direction`.

    -1: the last such day on or before the reference; +1: the next on or after;
    0: the nearest either way (ties go forward). -2/+2: strictly before/after.
    """
    today = ref.date()
    if today is None:
        return None
    ahead = (target - today.weekday()) % 7
    back = (today.weekday() - target) % 7
    if direction == 2:
        days = ahead or 7
    elif direction == -2:
        days = -(back or 7)
    elif direction > 0:
        days = ahead
    elif direction < 0:
        days = -back
    else:
        days = ahead if ahead <= back else -back
    d = today + dt.timedelta(days=days)
    return d.year, d.month, d.day


def weekend(ref: Reference, direction: int) -> tuple[Point, Point] | None:
    """Saturday and Sunday: of the last week for -2 (`в прошлые выходные`), else of the
    Saturday `weekday(ref, 5, direction)` finds."""
    today = ref.date()
    if today is None:
        return None
    if direction == -2:
        saturday = today - dt.timedelta(days=today.weekday() + 2)
    else:
        point = weekday(ref, 5, direction)
        if point is None:
            return None
        saturday = dt.date(*point)  # type: ignore[arg-type]
    sunday = saturday + dt.timedelta(days=1)
    return (saturday.year, saturday.month, saturday.day), (sunday.year, sunday.month, sunday.day)


def this_week_day(ref: Reference, target: int) -> Point | None:
    """Weekday `target` of the reference's own Monday-Sunday week."""
    today = ref.date()
    if today is None:
        return None
    d = today + dt.timedelta(days=target - today.weekday())
    return d.year, d.month, d.day


_SENTENCE_END = re.compile(f"[.!?{LINE_BREAKS}]")
_CLAUSE_END = re.compile(f"[.!?{LINE_BREAKS},;:()«»\"—–]|\\s-\\s")
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def _tense_of(word: str) -> int:
    """-1 past, +1 future, 0 present, None-like 9 for a word that is not a finite verb."""
    for parse in parses(word)[:2]:
        tag = parse.tag
        if tag.POS == "VERB":
            if "past" in tag:
                return -1
            if "futr" in tag:
                return 1
            return 0
        if parse.score > 0.6:
            break
    return 9


def tense(text: str, start: int, stop: int) -> int:
    """Tense of the finite verb nearest to `text[start:stop]`: in its clause
    (between commas, dashes, quotes), else in its sentence.

    -1 past (also when there is no verb: news reports the past), +1 future,
    0 present.
    """
    found = verb_tense(text, start, stop)
    return -1 if found is None else found


def verb_tense(text: str, start: int, stop: int) -> int | None:
    """Like `tense`, but None when neither clause nor sentence has a finite verb."""
    for bound in (_CLAUSE_END, _SENTENCE_END):
        found = _nearest_verb(text, start, stop, bound)
        if found is not None:
            return found
    return None


def _nearest_verb(text: str, start: int, stop: int, bound: re.Pattern) -> int | None:
    window = max(0, start - 300)
    left = max((m.end() for m in bound.finditer(text, window, start)), default=window)
    end = bound.search(text, stop)
    right = end.start() if end else len(text)
    best, best_dist = None, 10**9
    for m in _WORD.finditer(text, left, right):
        if start <= m.start() < stop:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - stop
        if dist >= best_dist:
            continue
        value = _tense_of(m.group().lower())
        if value != 9:
            best, best_dist = value, dist
    return best
