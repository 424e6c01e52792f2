"""Find Russian temporal expressions and resolve them to ISO 8601 against a reference date.

Each rule is one compiled regex run with `finditer` over the lower-cased text
(skipped when none of its trigger words occurs) and a small function that
turns a match into `DateExpr`s; overlapping candidates are settled longest
first. Values follow SPEC.md (granularity the text gives,
`--MM-DD` without a known year, intervals with `/`, None when unresolvable);
nothing is taken from the clock. Choices where Russian leaves room:

- A day or month without a year takes the reference year ("в августе" in
  November 2025 -> `2025-08`), unless the text gives one (`прошлого года`,
  `2024 года`, a bare `2008` right after the day and month when it is a
  plausible year 1800-2100 not followed by a counted noun) or the verb of its
  clause points the other way: a month after the reference month in a past
  clause is last year's ("В ноябре он заявил", reference 2025-03-10 ->
  `2024-11`; "15 декабря" said on 2025-01-10 in the past -> `2024-12-15`), a
  month before it in a future clause next year's ("Соревнования начнутся
  2 января", reference 2025-11-11 -> `2026-01-02`; not after `за`: "данные за
  сентябрь"). The reference month itself, present tense and clauses without a
  finite verb keep the reference year. Seasons keep the reference year.
- Lists give one date per day, each with the month and year: "18, 23 и 26
  января" -> `18`, `23`, `26 января`; "в 1995 и 2002 годах" -> two years.
- "в ночь с 20 на 21 июля" is a range of the two days; a time range on a day
  ("12 ноября с 10:00 до 18:00") is a range of two times (kind `range`, or
  `relative` after завтра/сегодня).
- Durations (kind `duration`, ISO 8601 `P2Y`, `P3D`, `PT24H`) only where the
  text marks them: see `durations.py`.
- "неделю спустя", "спустя месяц", "через год после выборов" count from an
  event, not the reference: kind `relative`, value None (surface without the
  "после ..." part); "несколько дней назад" is None with `mod` approx.
- Nothing inside a phone number is a date.
- Parts: "в начале/середине/конце октября" keep the whole period as the value
  with `mod` start/mid/end (kind `part`). Halves, quarters and ten-day
  `декады` are intervals: first half of 2025 `2025-01/2025-06`, second
  quarter `2025-04/2025-06`, второе полугодие `2025-07/2025-12`, first half
  of October `2025-10-01/2025-10-15`, first half of the XX century `1901/1950`.
- Seasons are months: spring `03/05`, summer `06/08`, autumn `09/11`; winter
  `Y-12/(Y+1)-02`, and "зимой 2025 года" is the winter that ends in 2025
  (`2024-12/2025-02`). A bare "зимой" is the coming winter in a future or
  present sentence and the last one in a past sentence.
- Decades and centuries are year intervals of kind `year`: `1990-е` ->
  `1990/1999`, `XXI век` -> `2001/2100`; two-digit decades `00-е`, `10-е` are
  this century, `20-е`..`90-е` the last.
- Weeks run Monday to Sunday: "на прошлой неделе" (reference 2025-11-11) ->
  `2025-11-03/2025-11-09`.
- A weekday ("в среду") is the nearest such day in the direction of the tense
  of the closest finite verb: past (the default, also with no verb) -> on or
  before the reference, future -> on or after, present -> the nearest.
  "в прошлую среду" is strictly before, "в следующую среду" strictly after.
- Weekends are Saturday to Sunday: "в минувшие/прошлые выходные" of the last
  week, "в эти/ближайшие/следующие выходные" the coming one, a bare "в выходные"
  by the tense like a weekday.
- "N дней/недель назад", "через N дней/недель" are days; months and years
  keep their granularity ("месяц назад" -> `2025-10`, "через два года" -> `2027`).
- "накануне" is the day before the reference, unless it is the preposition
  ("накануне визита"), which is not a date.
- Kinds: `date` (a day, with or without time), `range` (two explicit ends),
  `month`, `year` (also decades and centuries), `season`, `part` (of a month,
  year, decade, century, season or week, also halves and quarters), `relative`
  (resolved from the reference: сегодня, в среду, в прошлом году, через 3 дня),
  `duration`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from ..record import DateExpr
from ..resources import wordlist
from ..text.morph import parses
from ..text.roman import roman_value
from ..text.segment import one_line
from . import durations
from . import patterns as p
from .calendar import month_number, month_of, season_months, weekday_number
from .numerals import CARDINAL_RUN, words_value
from .reference import Reference
from .resolve import (
    Point,
    add_months,
    iso,
    month_days,
    shift_days,
    tense,
    this_week_day,
    verb_tense,
    week,
    weekend,
)
from .resolve import weekday as weekday_date

APPROX = ("около", "примерно", "приблизительно")
_REL_OFFSETS = (
    ("позапрошл", -2),
    ("прошл", -1),
    ("минувш", -1),
    ("предыдущ", -1),
    ("следующ", 1),
    ("будущ", 1),
    ("предстоящ", 1),
    ("наступающ", 1),
    ("грядущ", 1),
)
_NUM = re.compile(r"\d+")


class _Ctx:
    """What a rule needs besides its match: the text and the reference."""

    def __init__(self, text: str, ref: Reference) -> None:
        self.text = text
        self.ref = ref

    def original(self, m: re.Match, group: str) -> str:
        """A group as written in the text (matching runs over the lower-cased text)."""
        return self.text[m.start(group) : m.end(group)]

    def tense(self, start: int, stop: int) -> int:
        return tense(self.text, start, stop)


Handler = Callable[[re.Match, _Ctx], list[DateExpr]]
# (pattern for lower-cased text, the same ignoring case, handler)
_RULES: list[tuple[re.Pattern, re.Pattern, Handler]] = []
_DECADE_WORDS = tuple(
    stem + end
    for stem in ("нулев", "десят", "двадцат", "тридцат", "сороков", "пятидесят", "шестидесят")
    + ("семидесят", "восьмидесят", "девяност")
    for end in ("ые", "ых", "ым")
)
# A rule runs only over texts that contain one of these (lower case): a cheap
# `in` test spares a regex pass over most documents.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "_decade_rule": ("0-", *_DECADE_WORDS),
    "_century_rule": ("век", "столет", " в.", " вв."),
    "_part": ("начал", "середин", "конц", "исход", "окончани", "числ"),
    "_year_list": ("год", "гг."),
    "_night": ("ночь",),
    "_half": ("половин", "квартал", "полугоди", "декад"),
    "_season_rule": ("весн", "лет", "осен", "зим"),
    "_relative_unit": ("прошл", "минувш", "предыдущ", "текущ", "нынешн", "уходящ", "следующ")
    + ("будущ", "предстоящ", "наступающ", "грядущ", "эт"),
    "_relative_day": ("сегодня", "вчера", "завтра", "накануне"),
    "_vague_day": ("на днях", " день", "последн", "ближайш", "же году", "позже", "позднее")
    + ("ранее", "раньше"),
    "_some_units": ("несколько",),
    "_ago": ("назад", "через", "спустя"),
    "_weekend": ("выходн",),
    "_weekday": ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"),
}


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), re.compile(pattern, re.IGNORECASE), handler))
        return handler

    return register


# ---------------------------------------------------------------- helpers


def rel_offset(word: str) -> int:
    """-1 for прошлый, +1 for следующий, 0 for этот/текущий, in any form."""
    low = word.lower()
    return next((off for stem, off in _REL_OFFSETS if low.startswith(stem)), 0)


def _int(value: str) -> int:
    return int(_NUM.match(value).group())  # type: ignore[union-attr]


def _start(m: re.Match) -> int:
    """Where the surface starts: after a context-only preposition (до, к, по...)."""
    if m.groupdict().get("ex"):
        start = m.end("ex")
        while m.string[start].isspace():
            start += 1
        return start
    return m.start()


def _expr(
    m: re.Match,
    value: str | None,
    kind: str,
    mod: str | None = None,
    start: int | None = None,
    stop: int | None = None,
) -> DateExpr:
    start = _start(m) if start is None else start
    stop = m.end() if stop is None else stop
    pre = (m.groupdict().get("pre") or "").lower()
    if mod is None and pre.startswith(APPROX):
        mod = "approx"
    return DateExpr(start, stop, m.string[start:stop], value, kind, mod)


def _slot_year(m: re.Match, n: str, ref: Reference) -> tuple[int | None, bool]:
    """The year a year slot gives (explicit or relative) and whether the text gave one."""
    if m[f"y{n}"]:
        return int(m[f"y{n}"]), True
    if m[f"by{n}"]:
        return int(m[f"by{n}"]), True
    if m[f"ry{n}"]:
        return (None if ref.year is None else ref.year + rel_offset(m[f"ry{n}"])), True
    return ref.year, False


def _time(m: re.Match, value: str | None) -> str | None:
    """A day's value with the time of day the match gives: `T15:00`, or an interval
    of two times on that day (`с 10:00 до 18:00`)."""
    if value is None or not m.groupdict().get("hh"):
        return value
    first = f"{value}T{int(m['hh']):02d}:{m['mm']}"
    if m.groupdict().get("hh2") and (int(m["hh2"]), m["mm2"]) > (int(m["hh"]), m["mm"]):
        return f"{first}/{value}T{int(m['hh2']):02d}:{m['mm2']}"
    return first


def _day_kind(m: re.Match) -> str:
    """`range` for a day with two times (`с 10:00 до 18:00`), else `date`."""
    return "range" if m.groupdict().get("hh2") else "date"


_PRE_BEFORE = re.compile(r"(?<![\w-])(?P<pre>в|во|с|со|около)\s+$")


def _pre_start(m: re.Match, words: tuple[str, ...]) -> tuple[int, str]:
    """The match's start moved back over a preposition in `words` right before it
    (read by looking back, which keeps the rule's regex fast), and that word."""
    before = _PRE_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
    if before and before["pre"].lower() in words:
        return before.start(), before["pre"].lower()
    return m.start(), ""


def _tense_year(ctx: _Ctx, m: re.Match, month: int | None) -> int | None:
    """The year of a month or day the text gives without a year.

    The reference year, except when the clause's verb points the other way:
    a month after the reference month in a past clause is last year's, a month
    before it in a future clause next year's (not after `за`: "данные за
    сентябрь опубликуют" is a past period); the reference month itself and
    clauses without a finite verb keep the reference year.
    """
    ref = ctx.ref
    if ref.year is None or ref.month is None or month is None or month == ref.month:
        return ref.year
    direction = 1 if _scheduled(m) else verb_tense(ctx.text, m.start(), m.end())
    if direction == -1 and month > ref.month:
        return ref.year - 1
    reporting = (m.groupdict().get("ex") or "").lower() == "за"  # "данные за сентябрь"
    if direction == 1 and month < ref.month and not reporting:
        return ref.year + 1
    return ref.year


@cache
def _scheduling() -> re.Pattern:
    stems = "|".join(wordlist("dates-scheduling-stems"))
    return re.compile(rf"(?<![\w-])(?:{stems})\w*\s+на\s+$", re.IGNORECASE)


def _scheduled(m: re.Match) -> bool:
    """A date after `перенести на`, `запланировать на`: a time still to come."""
    s = _start(m)
    return _scheduling().search(m.string, max(0, s - 40), s) is not None


def _valid(point: Point) -> bool:
    year, month, day = point
    return month is None or day is None or 1 <= day <= month_days(year, month)


def _century(word: str) -> int | None:
    """`XXI`, `ХХ` (Cyrillic Х), `21` -> the century number; None if not a numeral."""
    n = int(word) if word.isdigit() else roman_value(word)
    return n if n and 1 <= n <= 22 else None



def _decade(word: str) -> tuple[int, int]:
    """`1990-х` -> (1990, 1999); `90-е`, `девяностые` -> the 1990s; `00-е` -> 2000s."""
    digits = _NUM.match(word)
    if digits:
        n = int(digits.group())
    else:
        low = word.lower()
        stems = ("нулев", "десят", "двадцат", "тридцат", "сороков", "пятидесят", "шестидесят",
                 "семидесят", "восьмидесят", "девяност")  # fmt: skip
        n = next(i * 10 for i, stem in enumerate(stems) if low.startswith(stem))
    if n < 100:
        n += 2000 if n < 20 else 1900
    return n, n + 9


def _winter_base(ref: Reference, direction: int, rel: int | None) -> int | None:
    """The year whose December starts the winter meant by a bare or relative "зимой"."""
    if ref.year is None or ref.month is None:
        return None
    if rel is not None:
        return (ref.year - 1 if ref.month <= 5 else ref.year) + rel
    if direction < 0:
        return ref.year if ref.month == 12 else ref.year - 1
    return ref.year if ref.month >= 3 else ref.year - 1


def _season(
    word: str, year: int | None, given: bool, ref: Reference, direction: int, rel: int | None
) -> tuple[Point, Point]:
    first, last = season_months(word) or (0, 0)
    if first < last:
        return (year, first, None), (year, last, None)
    if given:
        base = None if year is None else year - 1
    else:
        base = _winter_base(ref, direction, rel)
        if base is None and ref.year is not None:
            return (None, None, None), (None, None, None)
    return (base, 12, None), (None if base is None else base + 1, 2, None)


def _period(m: re.Match, ctx: _Ctx) -> tuple[Point, Point, str] | None:
    """The period a part or half refers to: (first point, last point, unit)."""
    ref = ctx.ref
    if m["pm"]:
        year, given = _slot_year(m, "p", ref)
        month = month_number(m["pm"])
        if not given:
            year = _tense_year(ctx, m, month)
        point = (year, month, None)
        return point, point, "month"
    if m["py"]:
        return (int(m["py"]), None, None), (int(m["py"]), None, None), "year"
    if m["punit"]:
        unit = m["punit"].lower()
        off = rel_offset(m["prel"]) if m["prel"] else 0
        if unit == "года":
            year = None if ref.year is None else ref.year + off
            return (year, None, None), (year, None, None), "year"
        if unit == "месяца":
            if ref.month is None:
                return (None, None, None), (None, None, None), "month"
            year, month = add_months(ref.year, ref.month, off)
            return (year, month, None), (year, month, None), "month"
        span = week(ref, off)
        if span is None:
            return (None, None, None), (None, None, None), "week"
        return span[0], span[1], "week"
    if m["pdec"]:
        a, b = _decade(m["pdec"])
        return (a, None, None), (b, None, None), "years"
    if m["pcent"]:
        c = _century(ctx.original(m, "pcent"))
        if c is None:
            return None
        return ((c - 1) * 100 + 1, None, None), (c * 100, None, None), "years"
    if m["pseason"]:
        year, given = _slot_year(m, "s", ref)
        lo, hi = _season(m["pseason"], year, given, ref, -1, None)
        return lo, hi, "season"
    return None


# ---------------------------------------------------------------- rules

_NUMERIC = r"(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:\d{4}|\d{2})"


@_rule(
    rf"{p.L}(?P<a>{_NUMERIC})"
    rf"(?:(?:{p.DASH}|\s+(?:по|до)\s+)(?P<b>{_NUMERIC}))?(?!\.?\d)"
    rf"(?:\s*{p.YEAR_WORD})?{p.TIME}{p.R}"
)
def _numeric(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """11.11.2025, 11.11.25, 10.11.2025-12.11.2025, с 12.01.2026 по 25.01.2026."""
    points = []
    for part in (m["a"], m["b"]):
        if part is None:
            continue
        d, mo, y = part.split(".")
        if len(y) == 2 and (len(d) < 2 or len(mo) < 2):
            return []
        year = int(y) + (2000 if int(y) <= 50 else 1900) if len(y) == 2 else int(y)
        points.append((year, int(mo), int(d)))
    if not all(_valid(pt) for pt in points):
        return []
    start, pre = _pre_start(m, ("с", "со", "около"))
    mod = "approx" if pre == "около" else None
    if len(points) == 2:
        return [_expr(m, iso(points[0], points[1]), "range", mod, start=start)]
    return [_expr(m, _time(m, iso(points[0])), _day_kind(m), mod, start=start)]


@_rule(  # `p.L` checked after the first digit (`re` then skips fast to digits)
    r"(?P<y>\d(?<![\w-]\d)\d{3})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[t ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?(?![\w-])"
)
def _iso(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """2025-11-11, 2025-11-11T15:00."""
    point = (int(m["y"]), int(m["m"]), int(m["d"]))
    if not 1 <= point[1] <= 12 or not _valid(point):
        return []
    return [_expr(m, _time(m, iso(point)), "date")]


@_rule(
    rf"{p.L}(?:(?P<pre>с|со|около|примерно)\s+|{p.EX}\s+)?"
    rf"(?:(?:в|во)\s+{p.WEEKDAY}\s*,?\s+|{p.WEEKDAY}\s*,\s*)?"
    rf"(?P<list>(?:{p.DAY}\s*,\s*)+)?(?P<d1>{p.DAY})(?:(?P<sep>{p.DASH}|\s+(?:по|до|и|или)\s+)(?P<d2>{p.DAY}))?"
    rf"\s+(?P<m1>{p.MONTH}){p.year_slot('1')}"
    rf"(?:(?:{p.DASH}|\s+(?:по|до)\s+)(?P<d3>{p.DAY})\s+(?P<m2>{p.MONTH}){p.year_slot('2')})?"
    rf"{p.TIME}{p.R}"
)
def _day_month(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """11 ноября, 11-12 ноября 2025 года, с 30 сентября по 2 октября, 11 ноября в 15:00,
    18, 23 и 26 января (one date per day, each with the month and year)."""
    ref = ctx.ref
    d1, m1 = _int(m["d1"]), month_of(m["m1"])
    y1, given1 = _slot_year(m, "1", ref)
    y2, given2 = _slot_year(m, "2", ref) if m["d3"] else (None, False)
    if not given1 and not given2:
        y1 = _tense_year(ctx, m, m1)
    listed: list[DateExpr] = []
    if m["list"]:
        base = m.start("list")
        for day in _LIST_DAY.finditer(m["list"]):
            point = (y1, m1, _int(day.group()))
            if not _valid(point):
                return []
            start = None if not listed else base + day.start()
            listed.append(_expr(m, iso(point), "date", start=start, stop=base + day.end()))
    start = m.start("d1") if listed else None
    if m["d3"]:
        d3, m2 = _int(m["d3"]), month_of(m["m2"])
        wraps = (m2, d3) < (m1, d1)
        if given2 and not given1:
            y1 = None if y2 is None else y2 - wraps
        elif not given2:
            y2 = None if y1 is None else y1 + wraps
        lo, hi = (y1, m1, d1), (y2, m2, d3)
        if not (_valid(lo) and _valid(hi)):
            return []
        return [*listed, _expr(m, iso(lo, hi), "range", start=start)]
    lo = (y1, m1, d1)
    if not _valid(lo):
        return []
    if m["d2"]:
        hi = (y1, m1, _int(m["d2"]))
        if not _valid(hi):
            return []
        if m["sep"].strip().lower() in ("и", "или"):
            first = _expr(m, iso(lo), "date", start=start, stop=m.end("d1"))
            second = _expr(m, iso(hi), "date", start=m.start("d2"))
            return [*listed, first, second]
        return [*listed, _expr(m, iso(lo, hi), "range", start=start)]
    return [*listed, _expr(m, _time(m, iso(lo)), _day_kind(m), start=start)]


_LIST_DAY = re.compile(p.DAY)


@_rule(
    rf"{p.L}(?P<pre>в)\s+ночь\s+со?\s+(?P<d1>{p.DAY})(?:\s+(?P<m1>{p.MONTH}))?"
    rf"\s+на\s+(?P<d2>{p.DAY})\s+(?P<m2>{p.MONTH}){p.year_slot('1')}{p.R}"
)
def _night(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в ночь с 20 на 21 июля, в ночь с 31 декабря на 1 января: the two days as a range."""
    m2 = month_of(m["m2"])
    m1 = month_of(m["m1"]) if m["m1"] else m2
    d1, d2 = _int(m["d1"]), _int(m["d2"])
    wraps = (m1, d1) > (m2, d2)
    y2, given = _slot_year(m, "1", ctx.ref)
    if given:
        y1 = None if y2 is None else y2 - wraps
    else:
        y1 = _tense_year(ctx, m, m1)
        y2 = None if y1 is None else y1 + wraps
    lo, hi = (y1, m1, d1), (y2, m2, d2)
    if not (_valid(lo) and _valid(hi)) or (m1, d1) == (m2, d2):
        return []
    return [_expr(m, iso(lo, hi), "range")]


@_rule(
    rf"{p.L}{p.PREP}(?P<m1>{p.MONTH})(?:(?:{p.DASH}|\s+(?:по|до|и)\s+)(?P<m2>{p.MONTH}))?"
    rf"{p.year_slot('1')}"
    rf"(?:(?:{p.DASH}|\s+(?:по|до)\s+)(?P<m3>{p.MONTH}){p.year_slot('2')})?{p.R}"
)
def _month(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в апреле, в марте 2024 года, с января по май, в сентябре-октябре, в мае прошлого года,
    с мая 2018 по январь 2020 года."""
    year, given = _slot_year(m, "1", ctx.ref)
    if not (m["pre"] or m["ex"] or given or m["m2"]):
        return []  # a bare month word: "Марта" may be a name
    m1 = month_of(m["m1"])
    if m["m3"] and not m["m2"]:
        year2, given2 = _slot_year(m, "2", ctx.ref)
        if given and given2:
            m3 = month_of(m["m3"])
            if year is not None and year2 is not None and (year2, m3) > (year, m1):
                return [_expr(m, iso((year, m1, None), (year2, m3, None)), "range")]
        return []
    if m["m3"]:
        return []
    if not given:
        year = _tense_year(ctx, m, m1)
    if m["m2"]:
        m2 = month_of(m["m2"])
        lo, hi = (year, m1, None), (year, m2, None)
        if m2 < m1 and year is not None:  # "в декабре-феврале": across the new year
            lo, hi = ((year - 1, m1, None), hi) if given else (lo, (year + 1, m2, None))
        return [_expr(m, iso(lo, hi), "range")]
    return [_expr(m, iso((year, m1, None)), "month")]


@_rule(
    rf"{p.L}{p.PREP}(?P<y1>{p.YEAR4})(?P<s1>-(?:го|м|й|му))?"
    rf"(?:{p.DASH}(?P<y2>{p.YEAR4}|\d\d)\s*"
    rf"(?P<yw2>годах|годов|годы|годам|годами|гг\.?|г\.)"
    rf"|(?:\s*(?P<yw1>{p.YEAR_WORD}))?"
    rf"(?:\s+(?:по|до)\s+(?P<y3>{p.YEAR4})(?:-(?:й|го|м))?(?:\s*(?P<yw3>годы|{p.YEAR_WORD}))?)?)"
    rf"{p.R}"
)
def _year(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в 1804 году, с 2003 года, в 2024-2025 годах, с 2003 по 2010 год, в 2025-м."""
    y1 = int(m["y1"])
    if m["y2"]:
        y2 = int(m["y2"])
        if y2 < 100:
            y2 += y1 // 100 * 100
        return [_expr(m, iso((y1, None, None), (y2, None, None)), "range")] if y2 > y1 else []
    pre = (m["pre"] or m["ex"] or "").lower()
    if m["y3"] and pre in ("с", "со", "от") and int(m["y3"]) > y1:
        value = iso((y1, None, None), (int(m["y3"]), None, None))
        return [_expr(m, value, "range", start=m.start() if pre == "от" else None)]
    if not (m["yw1"] or m["s1"]):
        return []
    stop = m.end("yw1") if m["yw1"] else m.end("s1")
    return [_expr(m, iso((y1, None, None)), "year", stop=stop)]


@_rule(
    rf"{p.L}{p.PREP}(?:(?P<d0>\d{{3}}0|\d0)(?:-(?:е|х))?{p.DASH})?(?P<dec>{p.DECADE}){p.DECADE_TAIL}{p.R}"
)
def _decade_rule(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в 1990-е годы, в 90-х, в нулевые, 1980-1990-е годы."""
    four_digits = m["dec"][:4].isdigit()
    if not (four_digits or m["pre"] or m["ex"] or m["dyw"]):
        return []
    first, last = _decade(m["dec"])
    if m["d0"]:
        first = _decade(m["d0"] + "-е")[0]
        if first >= last:
            return []
    return [_expr(m, iso((first, None, None), (last, None, None)), "year")]


@_rule(
    rf"{p.L}{p.PREP}(?P<c1>{p.ROMAN}|\d{{1,2}})(?:-?(?:го|м|й))?"
    rf"(?:{p.DASH}(?P<c2>{p.ROMAN}|\d{{1,2}})(?:-?(?:го|м|й))?)?\s+{p.CENTURY_WORD}{p.R}"
)
def _century_rule(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в XXI веке, XX-XXI веков, в 19 веке."""
    c1 = _century(ctx.original(m, "c1"))
    c2 = _century(ctx.original(m, "c2")) if m["c2"] else c1
    if m["cabbr"] and not ctx.original(m, "c1").isupper():
        return []  # "в." abbreviates век only after a Roman numeral: "XII в."
    if c1 is None or c2 is None or c2 < c1:
        return []
    return [_expr(m, iso(((c1 - 1) * 100 + 1, None, None), (c2 * 100, None, None)), "year")]


@_rule(rf"{p.L}{p.PREP}{p.PART}\s+{p.period('')}")
def _part(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в начале октября, в конце прошлого года, в середине 1990-х, к концу недели."""
    period = _period(m, ctx)
    if period is None:
        return []
    lo, hi, _ = period
    part = m["part"].lower()
    first = part.startswith(("начал", "перв"))
    mod = "start" if first else "mid" if part.startswith("серед") else "end"
    return [_expr(m, iso(lo, hi), "part", mod)]


def _halves(lo: Point, hi: Point, unit: str, index: int, count: int) -> tuple[Point, Point] | None:
    """The `index`-th (0-based) of `count` equal parts of a month, year or run of years."""
    if unit == "year":
        year = lo[0]
        size = 12 // count
        return (year, index * size + 1, None), (year, (index + 1) * size, None)
    if unit == "month" and lo[1] is not None:
        last = month_days(lo[0], lo[1])
        bounds = [1, 16, last + 1] if count == 2 else [1, 11, 21, last + 1]
        return (lo[0], lo[1], bounds[index]), (lo[0], lo[1], bounds[index + 1] - 1)
    if unit == "years" and lo[0] is not None and hi[0] is not None:
        size = (hi[0] - lo[0] + 1) // count
        a = lo[0] + index * size
        return (a, None, None), (a + size - 1, None, None)
    return None


_ORD_INDEX = {"перв": 0, "втор": 1, "трет": 2, "четв": 3, "посл": -1}


@_rule(rf"{p.L}{p.PREP}{p.ORD_SMALL}\s+{p.HALF_UNIT}(?:\s+{p.period('')})?{p.R}")
def _half(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в первой половине года, в первом квартале, во втором полугодии, в первой декаде мая."""
    unit = m["unit"].lower()
    count = 2 if unit.startswith(("полов", "полуг")) else 4 if unit.startswith("кварт") else 3
    word = ctx.original(m, "ord")
    if word[0].isdigit():
        index = int(word[0]) - 1
    elif word[0] in "IViv":
        value = roman_value(word)
        if value is None:
            return []
        index = value - 1
    else:
        index = next((i for stem, i in _ORD_INDEX.items() if word.lower().startswith(stem)), 0)
    index = count - 1 if index < 0 else index
    if index >= count:
        return []
    given = m["pm"] or m["py"] or m["punit"] or m["pdec"] or m["pcent"]
    period = _period(m, ctx) if given else None
    if period is None:
        if unit.startswith(("полов", "декад")) or m["pseason"]:
            return []  # "в первой половине дня", "во второй половине сезона"
        year = ctx.ref.year
        period = (year, None, None), (year, None, None), "year"
    lo, hi, kind_unit = period
    if unit.startswith("декад") and kind_unit != "month":
        return []
    if kind_unit == "month" and lo[1] is None:
        return [_expr(m, None, "part")]
    span = _halves(lo, hi, kind_unit, index, count)
    if span is None:
        return []
    return [_expr(m, iso(*span), "part")]


@_rule(
    rf"{p.L}{p.PREP}(?:(?P<rel>{p.REL})(?<=[иы]м|[ое]й)\s+)?(?P<s>{p.SEASON})"
    rf"(?:{p.DASH}(?P<s2>{p.SEASON_ADVERB}))?{p.year_slot('1')}{p.R}"
)
def _season_rule(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """осенью, летом 2027 года, осенью текущего года, прошлой зимой, до лета."""
    ref = ctx.ref
    word = m["s"].lower()
    adverb = word in ("весной", "весною", "летом", "осенью", "зимой", "зимою")
    year, given = _slot_year(m, "1", ref)
    if not (adverb or m["rel"] or given or m["ex"] or (m["pre"] or "").startswith("с")):
        return []  # "в Лету", "Весна Петрова"
    this = ("эт", "текущ", "нынешн", "уходящ")
    if m["rel"] and rel_offset(m["rel"]) == 0 and not m["rel"].lower().startswith(this):
        return []
    rel = rel_offset(m["rel"]) if m["rel"] else None
    if rel is not None and not given:
        year = None if ref.year is None else ref.year + rel
    direction = ctx.tense(m.start(), m.end()) if not (given or rel is not None) else -1
    lo, hi = _season(word, year, given, ref, direction, rel)
    if m["s2"]:
        _, hi = _season(m["s2"].lower(), year, given, ref, direction, rel)
    return [_expr(m, iso(lo, hi), "season")]


_UNIT = r"(?P<unit>недел(?:е|ю|и|я|ей)|месяц(?:е|а|ем)?|год(?:у|а|ом)?)"


@_rule(rf"{p.L}(?:(?P<pre>в|во|на|с|со)\s+|{p.EX}\s+)?(?P<rel>{p.REL})\s+{_UNIT}{p.R}")
def _relative_unit(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в прошлом году, на следующей неделе, в этом месяце, с прошлого года."""
    ref = ctx.ref
    off = rel_offset(m["rel"])
    unit = m["unit"].lower()
    start = None
    if m["pre"] and m["pre"].lower() == "на" and not unit.startswith("недел"):
        start = m.start("rel")
    if unit.startswith("недел"):
        span = week(ref, off)
        value = iso(*span) if span else None
    elif unit.startswith("месяц"):
        if ref.month is None:
            value = None
        else:
            year, month = add_months(ref.year, ref.month, off)
            value = iso((year, month, None))
    else:
        value = None if ref.year is None else iso((ref.year + off, None, None))
    return [_expr(m, value, "relative", start=start)]


_DAY_WORDS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1}
_DAY_WORDS["послезавтра"] = 2


@_rule(rf"{p.L}(?P<w>позавчера|вчера|сегодня|послезавтра|завтра|накануне){p.R}{p.TIME}")
def _relative_day(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """сегодня, вчера, позавчера, завтра, накануне, вчера в 15:00."""
    word = m["w"].lower()
    if word == "накануне" and _preposition_use(m.string, m.end("w")):
        return []
    point = shift_days(ctx.ref, _DAY_WORDS[word])
    value = _time(m, iso(point)) if point else None
    return [_expr(m, value, "relative")]


@_rule(
    rf"{p.L}(?P<w>на\s+днях"
    r"|в\s+(?:тот|этот)\s+(?:же\s+|самый\s+)?день|на\s+следующий\s+день"
    r"|в\s+(?:том|этом)\s+же\s+году|(?:годом|месяцем|неделей)\s+(?:позже|позднее|ранее|раньше)"
    rf"|в\s+(?:последние|ближайшие)\s+(?:годы|месяцы|недели|дни)){p.R}"
)
def _vague_day(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """на днях, в последние годы, в ближайшие месяцы (approximate) and на следующий день,
    в тот же день, в том же году, годом позже (counted from an event), without a value.
    `в настоящее время`, `в последнее время`, `в ближайшее время` name no date (NEREL
    marks them as a date about one time in three)."""
    approx = m["w"].lower().startswith(("на днях", "в последн", "в ближайш"))
    return [_expr(m, None, "relative", "approx" if approx else None)]


@_rule(rf"{p.L}несколько\s+(?:лет|месяцев|недель|дней){p.R}")
def _some_units(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """несколько лет, несколько месяцев: a duration without a value."""
    return [_expr(m, None, "duration", "approx")]


_NEXT_WORD = re.compile(r"\s+([а-яё]+)", re.IGNORECASE)


def _preposition_use(text: str, end: int) -> bool:
    """True when "накануне" governs the next word ("накануне визита")."""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return False
    for parse in parses(nxt.group(1).lower()):
        tag = parse.tag
        if parse.score < 0.2:
            continue
        if "gent" in tag and tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR"):
            return True
    return False


_AGO_UNIT = r"(?P<unit>дн(?:я|ей)|день|недел(?:ю|и|ь)|месяц(?:а|ев)?|полгода|год(?:а)?|лет)"


@_rule(
    rf"{p.L}(?:(?P<through>через|спустя)\s+)?(?:(?P<about>около|более|больше|почти|примерно)\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|пару|несколько|много|{CARDINAL_RUN})\s+)?{_AGO_UNIT}"
    rf"(?:\s+(?P<ago>(?:тому\s+)?назад|спустя))?{p.R}(?P<after>(?=\s+после\s))?"
)
def _ago(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """три дня назад, неделю назад, через два дня, через месяц, полгода назад; and,
    without a value (counted from an event, not the reference): неделю спустя,
    спустя месяц, через год после выборов."""
    if bool(m["through"]) == bool(m["ago"]):
        return []
    n_word = (m["n"] or "").lower()
    unit = m["unit"].lower()
    about = bool(m["about"]) and unit in ("дня", "недели", "месяца", "года")
    if not n_word and unit not in ("день", "неделю", "месяц", "год", "полгода") and not about:
        return []  # "дней назад" after a word that is no number; `около года назад` is one
    vague = n_word in ("несколько", "много")
    mod = "approx" if vague or n_word == "пару" or m["about"] else None
    if m["after"] is not None or "спустя" in ((m["through"] or "") + (m["ago"] or "")).lower():
        return [_expr(m, None, "relative", mod)]
    if vague:
        return [_expr(m, None, "relative", mod)]
    if n_word == "пару" or not n_word:
        n: int | None = 2 if n_word else 1
    else:
        n = _int(n_word) if n_word[0].isdigit() else words_value(n_word)
    if not n:
        return []
    sign = 1 if m["through"] else -1
    ref = ctx.ref
    if unit == "полгода":
        unit, n = "месяц", 6 * n
    if unit.startswith(("д", "нед")):
        point = shift_days(ref, sign * n * (7 if unit.startswith("нед") else 1))
        value = iso(point) if point else None
    elif unit.startswith("мес"):
        if ref.month is None:
            value = None
        else:
            year, month = add_months(ref.year, ref.month, sign * n)
            value = iso((year, month, None))
    else:
        value = None if ref.year is None else iso((ref.year + sign * n, None, None))
    return [_expr(m, value, "relative", mod)]


@_rule(durations.PATTERN)
def _duration(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в течение двух лет, продлен на пять лет, за три года, продлится три дня (see durations)."""
    ok, value = durations.duration_value(m["n"], m["unit"])
    if not ok or durations.clock_time(m["ex"] or m["approx"], m["unit"]):
        return []
    ex, unit = (m["ex"] or "").lower(), m["unit"].lower()
    if (ex == "к") != (unit == "годам") or ex == "к" and not re.match(
        durations.SENTENCE, m.string[m.end() :]
    ):
        return []  # `к 27 годам колонии`, and `годам` only there
    vague = (m["n"] or "").lower() in durations.VAGUE + ("пару", "пары")
    approx = (m["approx"] or m["alone"] or "").lower()
    mod = "approx" if approx and approx != "до" or vague else None
    first = next(g for g in ("lead", "approx", "alone", "n", "unit") if m[g])
    start = m.start(first)
    return [_expr(m, value, "duration", mod, start=start)]


@_rule(
    rf"{p.L}(?P<list>{p.YEAR4}(?:\s*,\s*{p.YEAR4})*)"
    rf"\s*,?\s+(?:и|или)\s+(?P<last>{p.YEAR4})\s*(?P<yw>годах|годы|годов|годам|гг\.){p.R}"
)
def _year_list(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в 1995 и 2002 годах, в 2014, 2018 и 2022 годах: one year each."""
    out = []
    base = m.start("list")
    for i, year in enumerate(_NUM.finditer(m["list"])):
        start = _pre_start(m, ("в", "во", "с", "со"))[0] if i == 0 else base + year.start()
        out.append(_expr(m, year.group(), "year", start=start, stop=base + year.end()))
    out.append(_expr(m, m["last"], "year", start=m.start("last")))
    return out


_BARE_PREP = re.compile(r"(?:^|(?<=[^\w-]))(?:(?P<pre>в|во|с|со)|(?P<ex>до|к|после))\s+$")
_BARE_NEXT = re.compile(rf"(?:{p.DASH}(?P<y2>{p.BARE_YEAR}|\d\d)|/(?P<s2>\d\d(?:\d\d)?))(?!\d)")
_BARE_END = re.compile(p.BARE_YEAR_END)
_NAME_YEAR = re.compile(r"(?<![«\"„\w])[а-яёa-z]{3,}-$")  # `Олимпиаде-2016`, not `«Весна-2025»`
_SEASON_CUE = re.compile(r"сезон|чемпионат|турнир|кубк?|лиг[аеиу]|первенств", re.IGNORECASE)


# `(?<![\d.,№/]){p.BARE_YEAR}(?!\d)`, with the lookbehind after the first digit
@_rule(r"(?:1(?<![\d.,№/]1)[89]\d\d|2(?<![\d.,№/]2)(?:0\d\d|100))(?!\d)")
def _bare_year(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """A year without `год`: `в 2017`, `с 2008`, `(1997)`, `(2003—2011)`, `1993—2003`,
    the season `2016/17`, `Олимпиада-2016`; not before a counted noun (`в 2000 раз`)."""
    text, start, stop = m.string, m.start(), m.end()
    y1 = int(m.group())
    before = text[max(0, start - 24) : start]
    nxt = _BARE_NEXT.match(text, stop)
    value, kind = str(y1), "year"
    if nxt and (nxt["y2"] or nxt["s2"]):
        y2 = int(nxt["y2"] or nxt["s2"])
        y2 += y1 // 100 * 100 if y2 < 100 else 0
        season = bool(nxt["s2"])
        if not (y1 < y2 <= y1 + (1 if season else 99)):
            return []
        if season and not _SEASON_CUE.search(text, max(0, start - 40), start):
            return []  # `Счёт 2024/25` is a number
        value, kind, stop = f"{y1}/{y2}", "range", nxt.end()
    if not _BARE_END.match(text, stop):
        return []
    prep = _BARE_PREP.search(before)
    named = bool(_NAME_YEAR.search(before.lower()))
    placed = named or before.endswith((", ", "(")) and _in_brackets(text, start, stop)
    if prep:
        if prep["pre"]:
            start -= len(before) - prep.start()
    elif before.endswith("-") and not named or kind == "year" and not placed:
        return []
    return [DateExpr(start, stop, text[start:stop], value, kind, None)]


def _in_brackets(text: str, start: int, stop: int) -> bool:
    """Whether [start, stop) ends a parenthesis: `(«Лили», 1953)`, `(1997)`."""
    opened = text.rfind("(", max(0, start - 80), start)
    return opened >= 0 and ")" not in text[opened:start] and text.startswith(")", stop)


_ACC = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")


@_rule(
    rf"{p.L}(?:(?P<night>в\s+ночь\s+на)\s+|(?P<pre>в|во|с|со)\s+|(?P<ex>до|к|ко|на)\s+)"
    rf"(?:(?P<rel>{p.REL})\s+)?(?P<wd>{p.WEEKDAY}){p.R}{p.TIME}"
)
def _weekday(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в среду, во вторник, в прошлую пятницу, в ночь на субботу, до понедельника."""
    word = m["wd"].lower()
    prep = (m["pre"] or m["ex"] or "на").lower()
    accusative = word in _ACC
    if prep in ("в", "во", "на") and not accusative:
        return []  # "в среде экспертов"
    if prep in ("с", "со", "до") and not word.endswith(("а", "ы", "я")):
        return []
    if prep in ("к", "ко") and not word.endswith(("у", "е", "ю")):
        return []
    target = weekday_number(word)
    rel = m["rel"]
    if rel and rel.lower().startswith(("эт", "текущ")):
        point = this_week_day(ctx.ref, target)  # type: ignore[arg-type]
    elif rel:
        point = weekday_date(ctx.ref, target, 2 if rel_offset(rel) > 0 else -2)  # type: ignore[arg-type]
    else:
        direction = ctx.tense(m.start(), m.end())
        point = weekday_date(ctx.ref, target, direction)  # type: ignore[arg-type]
    return [_expr(m, _time(m, iso(point)) if point else None, "relative")]


@_rule(
    rf"{p.L}(?P<pre>в|во|на)\s+(?:(?P<rel>{p.REL}|ближайш[а-я]{{1,3}})\s+)?"
    rf"выходн(?:ые|ых)(?:\s+дн(?:и|ях))?{p.R}"
)
def _weekend(m: re.Match, ctx: _Ctx) -> list[DateExpr]:
    """в выходные, на выходных, в минувшие выходные, в ближайшие выходные дни: Saturday
    and Sunday; without a word for which, the tense of the clause decides (past by default)."""
    rel = (m["rel"] or "").lower()
    if rel.startswith("ближайш") or rel_offset(rel) > 0:
        direction = 1
    elif rel_offset(rel) < 0:
        direction = -2
    else:
        direction = ctx.tense(m.start(), m.end())
    days = weekend(ctx.ref, direction)
    return [_expr(m, iso(*days) if days else None, "relative")]


# ---------------------------------------------------------------- entry point


def find_dates(text: str, ref: Reference, doc=None) -> list[DateExpr]:
    """Every temporal expression in `text`, resolved against `ref`, in text order.

    `doc` is accepted for the pipeline's sake and not needed.
    """
    ctx = _Ctx(text, ref)
    low = text.lower()
    same = len(low) == len(text)  # lower() may change lengths in rare scripts
    candidates: list[DateExpr] = []
    for lower_pattern, any_case, handler in _RULES:
        triggers = _TRIGGERS.get(handler.__name__)
        if triggers and not any(word in low for word in triggers):
            continue
        for match in lower_pattern.finditer(low) if same else any_case.finditer(text):
            candidates.extend(handler(match, ctx))
    phones = p.phone_spans(text) if ("8" in low or "+" in low) else []
    if phones:
        candidates = [
            c for c in candidates if not any(a < c.stop and c.start < b for a, b in phones)
        ]
    chosen = select([c for c in candidates if one_line(text, c.start, c.stop)])
    for date in chosen:
        date.text = text[date.start : date.stop]
    return chosen


def select(candidates: list[DateExpr]) -> list[DateExpr]:
    """Non-overlapping candidates, longest first, then earliest; in text order."""
    candidates.sort(key=lambda d: (d.start - d.stop, d.start))
    starts: list[int] = []
    chosen: list[DateExpr] = []
    for cand in candidates:
        i = bisect.bisect_right(starts, cand.start)
        if i and chosen[i - 1].stop > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.stop:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen
