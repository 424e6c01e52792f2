"""Ordinal and cardinal numbers that facts need, outside dates.

- Roman numerals are ordinals ("XXI Форум" -> 21); "XXI век" is a date and
  is left to `find_dates`.
- Ordinal words in any case and gender ("двадцать первый", "тридцать
  второго") and digits with an ordinal ending ("25-го", "21-й") are ordinals;
  "2-х", "5-ти" are cardinals.
- Cardinal words ("двадцать пять", "две тысячи"), also as the first half of
  compounds ("двухдневный" -> 2, "5-летний" -> 5), are cardinals.
- Digits with a multiplier are cardinals: "5 тысяч" -> 5000, "1,5 млн" -> 1500000.
- Plain integers ("500 человек", "1 500") are cardinals, except identifiers:
  digits glued to letters or hyphens (`Су-2003`, `123-ФЗ`), after `№`,
  decimals, times, phone numbers (`+7 495 123-45-67`, `8 (800) 555-35-35`:
  nothing inside them is a number) and percents.
- The number of an article, part, point, resolution or place names which one, so
  it is an ordinal: `ч. 4 ст. 159` (4, 159), `статьи 105`, `пункту 3`, `№ 2231`,
  `155 статье`, `26 место`, `на 14 месте` (but `26 мест` counts seats).
- An ordinal word used as a rank in a title or in an idiom is not an ordinal:
  "первый вице-премьер", "первый заместитель", "второй секретарь", "первое
  лицо", "в первую очередь", "на первый взгляд", "Первый канал". It stays one
  where it counts something ("первый форум", "двадцать первый съезд").
"""

from __future__ import annotations

import bisect
import re

from .record import DateExpr, Number
from .text.folding import Folded
from .text.roman import roman_value
from .text.segment import one_line
from .time.numerals import RUN, compound_value, compounds, read_run
from .time.patterns import phone_spans

# A word after an ordinal that makes it a rank or an idiom, not a count.
_RANK = re.compile(
    r"\s+(?:вице-|замест|зам\.|секретар|лиц[оауе]\b|леди\b|очеред|взгляд|канал|делом\b)",
    re.IGNORECASE,
)

# `I’m Your Man`, `I Love You`, `I.S.P.A.`: an English word or an abbreviation, no numeral.
_LATIN_AFTER = re.compile(r"[’'.][A-Za-z]|\s+(?![IVXLCDM]+\b)[A-Za-z]{2,}\b")
_YEAR_OF_LIFE = re.compile(r"\s+году\s+жизни")
_ROMAN = re.compile(r"(?<![\w-])(?=[IVXХL]*[IVX])[IVXХL]{1,8}(?![\w-])")
# The lookbehinds of the digit patterns are read after their first digit (the same
# matches; `re` then skips fast to the digits).
_DIGIT_ORDINAL = re.compile(
    r"(?P<n>\d(?<![\w.,/-]\d)\d{0,3})-(?P<end>ый|ий|ой|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми"
    r"|й|го|му|м|я|е|ю|х|ми|ти|ть)(?![\w-])",
)
_PLAIN = re.compile(
    r"(?P<n>\d(?<![\w.,:/№+-]\d)(?<!№\s\d)(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d*))"
    r"(?![\w%-]|[.,:/]\d|\s*%|\)\s*\d)"
)
# 5 тысяч, 1,5 млн, 97.5 млрд: digits times a multiplier word.
_SCALED = re.compile(
    r"(?P<n>\d(?<![\w.,:/№+-]\d)\d{0,2}(?:[.,]\d{1,3})?)\s*"
    r"(?P<mult>(?:тыс|млн|млрд|трлн)\.?|(?:тысяч|миллион|миллиард|триллион)[а-я]{0,3})(?!\w)"
)
# `ст. 159`, `части 2`, `№ 2231`: a designator before the number; `155 статье`, `26
# место`: one after it. Not before a decimal part or a suffix (`ст. 20.3`, `№ 152-ФЗ`).
_NOT_WHOLE = r"(?![.,]\d|[\w\-/])"
_DESIGNATED = Folded(
    r"(?<![\w.])(?:(?:ст|ч|п|пп)\.\s*|(?:стать|част|пункт|подпункт)[а-яё]{0,3}\s+|[№n]\s*)"
    rf"(?P<n>\d{{1,6}}){_NOT_WHOLE}"
    r"|(?<![\w.,№-])(?P<m>\d{1,6})\s+(?=(?:стать(?:я|и|е|ю|ей)|мест(?:о|е|ом))\b)",
)
_MULTIPLIERS = {"тыс": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12}
_MULTIPLIERS |= {"тысяч": 1000, "миллион": 10**6, "миллиард": 10**9, "триллион": 10**12}
_CARDINAL_ENDINGS = ("х", "ми", "ти", "ть")
# One-word runs that are rarely a count: "одна из", "тысячи людей".
_SKIP_SINGLE = frozenset(
    [
        "один",
        "одна",
        "одно",
        "одного",
        "одной",
        "одному",
        "одним",
        "одном",
        "одну",
        "тысячи",
        "тысяч",
        "тысячам",
        "тысячами",
        "тысячах",
        "миллионы",
        "миллионов",
        "миллионам",
        "миллионами",
        "миллионах",
        "миллиарды",
        "миллиардов",
    ]
)


def find_numbers(text: str, dates: list[DateExpr], doc=None) -> list[Number]:
    """Ordinals and cardinals outside `dates`, in text order, non-overlapping."""
    found: list[Number] = []
    for m in _DESIGNATED.finditer(text):  # before the plain digits: they win the same span
        key = "n" if m["n"] else "m"
        found.append(Number(m.start(key), m.end(key), m[key], int(m[key]), "ordinal"))
    for m in _ROMAN.finditer(text):
        value = roman_value(m.group())
        if value and m.group() not in ("L",) and not _LATIN_AFTER.match(text, m.end()):
            found.append(Number(m.start(), m.end(), m.group(), value, "ordinal"))
    low = text.lower()
    if len(low) != len(text):
        low = text  # lower() changed lengths (rare scripts): read as is
    for m in _DIGIT_ORDINAL.finditer(low):
        if _YEAR_OF_LIFE.match(low, m.end()):
            continue  # `на 97-м году жизни` is an age (the ages layer)
        kind = "cardinal" if m["end"].lower() in _CARDINAL_ENDINGS else "ordinal"
        found.append(Number(m.start(), m.end(), text[m.start() : m.end()], int(m["n"]), kind))
    for m in RUN.finditer(low):
        if m.group().lower() in _SKIP_SINGLE:
            continue
        for start, stop, value, ordinal in read_run(m.group()):
            a, b = m.start() + start, m.start() + stop
            if ordinal and value <= 3 and " " not in text[a:b] and _RANK.match(text, b):
                continue
            kind = "ordinal" if ordinal else "cardinal"
            found.append(Number(a, b, text[a:b], value, kind))
    for m in compounds(low):
        value = compound_value(m)
        found.append(Number(m.start(), m.end(), text[m.start() : m.end()], value, "cardinal"))
    for m in _SCALED.finditer(low):
        value = round(float(m["n"].replace(",", ".")) * _multiplier(m["mult"]))
        found.append(Number(m.start(), m.end(), text[m.start() : m.end()], value, "cardinal"))
    for m in _PLAIN.finditer(text):
        value = int(re.sub(r"\D", "", m["n"]))
        found.append(Number(m.start(), m.end(), m.group(), value, "cardinal"))
    blocked = [(d.start, d.stop) for d in dates]
    blocked += phone_spans(text)
    return _outside([n for n in found if one_line(text, n.start, n.stop)], blocked)


def _multiplier(word: str) -> int:
    for key in ("тысяч", "миллиард", "миллион", "триллион", "млрд", "млн", "трлн", "тыс"):
        if word.startswith(key):
            return _MULTIPLIERS[key]
    raise ValueError(word)


def _outside(numbers: list[Number], blocked: list[tuple[int, int]]) -> list[Number]:
    """Numbers that overlap neither a blocked span (a date, a phone number) nor an
    earlier-chosen number, in text order."""
    spans = sorted(blocked)
    starts = [a for a, _ in spans]
    out: list[Number] = []
    last_stop = -1
    for num in sorted(numbers, key=lambda n: (n.start, n.start - n.stop)):
        i = bisect.bisect_left(starts, num.stop)
        if i and spans[i - 1][1] > num.start:
            continue
        if num.start < last_stop:
            continue
        out.append(num)
        last_stop = num.stop
    return out
