"""The `times` layer: times of day (SPEC 0.3).

`в 15:00`, `20.00` (after a preposition, before a zone or in a range), `в 9 утра`,
`в 2 часа ночи`, `к 20 часам`, `в 22 часа 15 минут`, `в полдень`, `на половину
седьмого`; `с 8:40 до 16:50` is one item
(`08:40/16:50`). The value is an ISO 8601 time with the UTC offset when the text
gives the zone (`по московскому времени`, `мск`: +03:00; `UTC`, `GMT`, `по Гринвичу`:
+00:00, or the offset written after them); `по местному времени` gives none. A time
next to a date of the dates layer (`12 мая в 9:15`, `в 19:00 25 ноября`) is one
item with the full timestamp (`2025-05-12T09:15`). Parts of the day (`утром`,
`поздно вечером`) are items of kind `part` with the `part` named and no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..layers import Item, layer
from ..text.folding import Folded
from ..time.numerals import CARDINAL_RUN, CARDINAL_WORD, ORDINAL_WORD, ORDINALS, words_value

if TYPE_CHECKING:
    from ..document import Analysis
    from ..record import DateExpr

_HH = r"(?:[01]?\d|2[0-3])"
_CLOCK = rf"{_HH}[:.][0-5]\d(?::[0-5]\d)?(?![\d])(?![.,:]\d)"
_MSK = r"(?:по\s+(?:москве|времени\s+москвы)|(?:по\s+)?(?:мск|msk))"
_UTC = r"(?:utc|gmt)(?:\s*(?P<sign>[+\-−])\s*(?P<off>\d{1,2})(?::?(?P<offm>\d{2}))?)?"
# A bracket closes only what opened it: `(06:40 мск)` keeps its `)` out of the time.
# `по московскому` may drop its `времени` at the end of a phrase (not `по городскому
# телефону`); `(время московское)` in brackets.
_ZONE = (
    rf"(?P<zone>\s*(?P<zb>\()?(?:{_MSK}|(?:по\s+)?{_UTC})(?(zb)\))(?![\w])|\s+по\s+\w+ому\s+времени"
    r"|\s+по\s+(?-i:[а-яё]+скому)(?![\w-]|\s+[а-яё])|\s*\(время\s+\w+ое\)"
    r"|\s+по\s+времени\s+(?-i:[А-ЯЁ])[а-яё]+|\s+по\s+гринвичу)"
)
# `по ...скому времени`: the zones without summer time; others (`по местному`,
# `по киевскому`) give no offset.
_ZONES = {
    "москов": "+03:00", "калининград": "+02:00", "самар": "+04:00", "екатеринбург": "+05:00",
    "омск": "+06:00", "новосибир": "+07:00", "красноярск": "+07:00", "иркутск": "+08:00",
    "якутск": "+09:00", "владивосток": "+10:00", "магадан": "+11:00", "камчат": "+12:00",
    "пекин": "+08:00", "токий": "+09:00", "токио": "+09:00", "всемирн": "+00:00",
    "гринвич": "+00:00",
}
_LEAD = r"(?:(?:около|примерно|ровно|приблизительно)\s+)?(?:(?:в|во|к|с|около|после|до)\s+)?"
_PREP = re.compile(r"(?:^|\s)(?:в|во|к|с|около|после|до|на|примерно|ровно)\s+$", re.I)
_DAY = r"(?P<day>утра|дня|вечера|ночи)"
_CLOCKS = Folded(  # every match has a clock: two digits around a colon or a dot
    rf"(?<![\w.,:]){_LEAD}(?P<a>{_CLOCK})(?:\s*(?:[-–—]|до)\s*(?P<b>{_CLOCK}))?"
    rf"(?:\s+{_DAY}(?![\w-]))?{_ZONE}?",
    fold=False,
    cue=re.compile(r"\d[:.][0-5]\d"),
)
_AT = r"(?<![\w-])(?:(?:около|примерно|ровно)\s+(?:в\s+)?|(?P<at>в|к|до|после)\s+)"
# After `до N часов`, `после N часов`: a span (`до 3 часов в сутки`, `после 2 часов езды`).
_SPAN_AFTER = re.compile(
    r"\s+(?:в\s+(?:сутки|день|неделю|месяц)|езды|ожидания|пути|полёта|полета|ходьбы|работы|сна)",
    re.I,
)
_HOURS = re.compile(
    rf"{_AT}(?P<h>\d{{1,2}}|{CARDINAL_RUN}|час)"
    rf"(?:\s+(?P<unit>час(?:а|ов|ам)?|ч\.|ч(?![\w.]))(?:\s+(?P<m>\d{{1,2}})\s+(?:минут\w*|мин\.?))?)?"
    rf"(?:\s+{_DAY})?(?![\w-]){_ZONE}?",
    re.I,
)
# `с 10 до 17 часов`
_HOUR_RANGE = Folded(
    rf"(?<![\w-])с\s+(?P<h>\d{{1,2}})\s+до\s+(?P<h2>\d{{1,2}})\s+час(?:ов|а)?(?![\w-]){_ZONE}?",
    needs=("час",), fold=False,
)
# `с 9 утра до 6 вечера`, `с 22 часов до 6 утра`: two hours, one with its part of the day
_HOUR_SPAN = re.compile(
    rf"(?<![\w-])с\s+(?P<h>\d{{1,2}}|{CARDINAL_WORD})(?:\s+(?P<u>час(?:а|ов)?|ч\.?))?"
    r"(?:\s+(?P<d>утра|дня|вечера|ночи))?"
    rf"\s+до\s+(?P<h2>\d{{1,2}}|{CARDINAL_WORD})(?:\s+(?:час(?:а|ов)?|ч\.?))?"
    rf"(?:\s+(?P<d2>утра|дня|вечера|ночи))?(?![\w-]){_ZONE}?",
    re.I,
)
# `без четверти двенадцать`, `без пяти восемь утра`: minutes before the hour
_TO = Folded(
    rf"(?<![\w-])(?:(?:в|около|примерно|ровно)\s+)?без\s+(?P<m>четверти|\d{{1,2}}|{CARDINAL_WORD})"
    rf"(?:\s+минут)?\s+(?P<h>\d{{1,2}}|{CARDINAL_WORD})(?:\s+час\w*)?(?:\s+{_DAY})?(?![\w-]){_ZONE}?",
    needs=("без",), fold=False,
)
# `в половине восьмого (утра)`, `в четверть девятого`: half or a quarter past the hour before
_HALF = Folded(
    rf"(?<![\w-])(?:в|до|к|около|после|на)\s+(?P<part>половин[еуы]|четверть)\s+(?P<o>{ORDINAL_WORD})"
    rf"(?:\s+{_DAY})?(?![\w-]){_ZONE}?"
    r"(?!\s+[а-яё]+[ая](?![\w-]))",  # not `на половину второго тайма`: the ordinal's noun
    needs=("половин", "четверть"), fold=False,
)
_NOON = Folded(
    r"(?<![\w-])(?:(?:ровно\s+в|в|около|к|до|после|незадолго\s+до)\s+)?"
    rf"(?P<w>полд(?:ень|ня)|полудн[яюе]|полночь|полуноч[иью])(?![\w-]){_ZONE}?",
    needs=("полд", "полудн", "полноч", "полуноч"), fold=False,
)
_PART = Folded(
    r"(?<![\w-])(?:(?:рано|поздно|ранним|поздним)\s+)?(?P<p>утром|вечером|ночью|днём|днем"
    r"|с\s+утра|в\s+ночь(?=\s+(?:на|с|со)\s))(?![\w-])",
    needs=("утр", "вечером", "ночь", "днём", "днем"),
)
_PARTS = {"утром": "утро", "с утра": "утро", "вечером": "вечер", "ночью": "ночь",
          "днём": "день", "днем": "день", "в ночь": "ночь"}  # fmt: skip
_SCORE = re.compile(r"сч[её]т\w*\s*$", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Time:
    """A time of day: `value` ISO 8601 (or null for a part of the day)."""

    start: int
    stop: int
    text: str
    value: str | None
    kind: str = "time"
    part: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "start": self.start, "stop": self.stop, "text": self.text,
            "value": self.value, "kind": self.kind,
        }  # fmt: skip
        if self.part:
            out["part"] = self.part
        return out


def _offset(m: re.Match[str]) -> str:
    zone = (m["zone"] or "").lower()
    if not zone:
        return ""
    if "мск" in zone or "msk" in zone or "москв" in zone:
        return "+03:00"
    if "utc" not in zone and "gmt" not in zone:  # `по ...скому времени`, `(время ...ое)`
        return next((off for stem, off in _ZONES.items() if stem in zone), "")
    if m["off"]:
        sign = "-" if m["sign"] in ("-", "−") else "+"
        return f"{sign}{int(m['off']):02d}:{m['offm'] or '00'}"
    return "+00:00"


def _clock(text: str, day: str | None = None) -> str:
    parts = [int(p) for p in re.split(r"[:.]", text)]
    parts[0] = _in_day(parts[0], day)
    return ":".join(f"{p:02d}" for p in parts)


def _in_day(h: int, day: str | None) -> int:
    """The hour of `в 8 вечера` (20), `в 12 ночи` (0)."""
    day = (day or "").lower()
    if day in ("вечера", "дня") and h < 12:
        return h + 12
    return 0 if day == "ночи" and h == 12 else h


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else words_value(word.lower())


def _hour(m: re.Match[str]) -> str | None:
    word = m["h"].lower()
    h = 1 if word == "час" else (int(word) if word.isdigit() else words_value(word))
    if h is None or h > 24 or not (m["unit"] or m["day"]):
        return None
    h = _in_day(h, m["day"])
    minutes = int(m["m"]) if m["m"] else 0
    if h == 24 or minutes > 59:
        return None
    return f"{h:02d}:{minutes:02d}"


def find_times(text: str, dates: list[DateExpr]) -> list[Time]:
    """Times of day and parts of the day in `text`, joined with adjacent `dates`."""
    found: list[Time] = []
    for m in _CLOCKS.finditer(text):
        lead = m.group()[: m.start("a") - m.start()]
        dotted = "." in m["a"] and not (lead.strip() or m["zone"] or m["b"])
        before = text[max(0, m.start() - 12) : m.start()]
        if dotted and not _PREP.search(before) or _SCORE.search(before):
            continue
        bare = not (lead.strip() or m["zone"] or m["b"] or _PREP.search(before))
        if bare and (m["a"].count(":") == 2 or re.match(r"\s\d{3}(?!\d)", text[m.end() :])):
            continue  # `Результат — 2:05:37`: a duration; `масштаб 1:50 000`
        offset = _offset(m)
        value = _clock(m["a"], m["day"]) + offset
        if m["b"]:
            value += "/" + _clock(m["b"], m["day"]) + offset
        found.append(Time(m.start(), m.end(), m.group(), value))
    for m in _HOUR_RANGE.finditer(text):
        h, h2 = int(m["h"]), int(m["h2"])
        if h < h2 <= 24:
            off = _offset(m)
            value = f"{h:02d}:00{off}/{h2 % 24:02d}:00{off}"
            found.append(Time(m.start(), m.end(), m.group(), value))
    for m in _HOUR_SPAN.finditer(text):
        if not (m["u"] or m["d"] or m["d2"]):
            continue  # `с 10 до 17 часов`: `_HOUR_RANGE`
        one, two = _number(m["h"]), _number(m["h2"])
        if one is None or two is None or one > 24 or two > 24:
            continue
        one = _in_day(one, m["d"] or (None if m["u"] else m["d2"])) % 24
        two = _in_day(two, m["d2"]) % 24
        off = _offset(m)
        found.append(Time(m.start(), m.end(), m.group(), f"{one:02d}:00{off}/{two:02d}:00{off}"))
    for m in _TO.finditer(text):
        less = _number(m["m"]) if m["m"].lower() != "четверти" else 15
        of = _number(m["h"])
        if less is None or of is None or not 0 < less <= 30 or not 0 < of <= 24:
            continue
        total = _in_day(of, m["day"]) * 60 - less
        value = f"{total // 60 % 24:02d}:{total % 60:02d}{_offset(m)}"
        found.append(Time(m.start(), m.end(), m.group(), value))
    for m in _HALF.finditer(text):
        h = _in_day(ORDINALS[m["o"].lower()] - 1, m["day"])
        if 0 <= h < 24:
            minutes = "15" if m["part"].lower() == "четверть" else "30"
            value = f"{12 if h == 0 and not m['day'] else h:02d}:{minutes}{_offset(m)}"
            found.append(Time(m.start(), m.end(), m.group(), value))
    for m in _HOURS.finditer(text):
        hour = _hour(m)
        if m["at"] and m["at"].lower() in ("до", "после") and not m["day"] and (
            hour is None or int(hour[:2]) < 13 or _SPAN_AFTER.match(text, m.end())
        ):
            continue  # `до 3 часов` may be a span; `до 14 часов`, `после 21 часа` are times
        if hour is not None:
            stop = m.end()
            if m["m"] and m.group().endswith("мин.") and not m["unit"].endswith("."):
                stop -= 1  # `в 10 ч 30 мин.`: the sentence's dot (`в 14 ч. 30 мин.`: the word's)
            found.append(Time(m.start(), stop, text[m.start() : stop], hour + _offset(m)))
    for m in _NOON.finditer(text):
        value = "12:00" if m["w"].lower().startswith(("полд", "полуд")) else "00:00"
        value += _offset(m)
        found.append(Time(m.start(), m.end(), m.group(), value))
    for m in _PART.finditer(text):
        part = _PARTS[re.sub(r"\s+", " ", m["p"].lower())]
        found.append(Time(m.start(), m.end(), m.group(), None, "part", part))
    for t in found:
        if t.value is None or "/" not in t.value:
            _join(text, t, dates)
    out: list[Time] = []
    for t in sorted(found, key=lambda t: (t.start, -t.stop)):
        if "\n" in t.text:
            continue
        if out and t.start < out[-1].stop:
            if out[-1].value is None and t.value is not None:  # a time over a part of day
                out[-1] = t
            continue
        out.append(t)
    return out


def _join(text: str, t: Time, dates: list[DateExpr]) -> None:
    """Give a time the day of the date it is written next to, as one item."""
    for d in dates:
        if d.value is None or not _DAY_VALUE.match(d.value):
            continue
        inside = d.start <= t.start < d.stop
        before = d.stop <= t.start and re.fullmatch(r"[\s,]*", text[d.stop : t.start])
        gap = text[t.stop : d.start]
        after = t.stop <= d.start and re.fullmatch(r"[\s,]*(?:(?:на|с|со)\s+)?", gap)
        if inside or before or after:
            start, stop = min(d.start, t.start), max(d.stop, t.stop)
            t.start, t.stop, t.text = start, stop, text[start:stop]
            if t.value is not None:
                t.value = f"{d.value[:10]}T{t.value}"
            return


def _hover(t: Item) -> str:
    return f"time: {t.get('value') or t.get('part')}"


@layer(
    "times", one="time", item=Time, prefix="TM", needs=["dates"],
    fields={
        "value": {"type": ["string", "null"]},
        "kind": {"enum": ["time", "part"]},
        "part": {"enum": ["утро", "день", "вечер", "ночь"]},
    },
    required=["value", "kind"],
    columns={"value": "string", "kind": "string", "part": "string"},
    label="TIME", legend="time", colour="#d9f0ff", hover=_hover,
)  # fmt: skip
def find(a: Analysis) -> list[Time]:
    """Times of day, with the UTC offset when the text gives the zone."""
    return find_times(a.text, a.document.dates)
