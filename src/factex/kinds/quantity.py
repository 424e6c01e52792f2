"""Quantities in news text: digits with any usual separators, number words, and
multipliers (`тыс.`, `млн`, `миллиарда`), read as exact decimals.

Shared by the money and percents layers. Digits: `12 500` (space, no-break or
thin space), `7.654.321,05` (dot groups, decimal comma), `2,345,678` (comma
groups), `3,3` and `3.3` (decimals). Words: `сто`, `двести тысяч`, `полмиллиона`,
`полтора` (`полутора`), read with `time/numerals.py`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..time.numerals import CARDINAL_RUN, words_value

_GAP = "[ \u00a0\u202f\u2009]"
DIGITS = (
    r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 7.654.321,05
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"  # 2,345,678
    rf"|\d{{1,3}}(?:{_GAP}\d{{3}})+(?:[.,]\d+)?"  # 12 500, 9 900 000
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
_HALF = (
    r"полу?(?:-|\s)?(?:тысячи|миллиона|миллиарда|триллиона)|полтор(?:а|ы|ой)|полутора"
    r"|полуторамиллиардн\w*"
)
WORDS = rf"(?<![\w-])(?:{_HALF}|{CARDINAL_RUN})(?![\w-])"
MULTIPLIER = (
    r"(?:тыс\.?|тысяч[аиуейм]*\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?|триллион\w*)"
    r"(?![\w])"
)
NUMBER = rf"(?:{DIGITS}|{WORDS})"
_SCALES = {"тыс": 10**3, "млн": 10**6, "млрд": 10**9, "трлн": 10**12}
_SCALES |= {"тысяч": 10**3, "миллион": 10**6, "миллиард": 10**9, "триллион": 10**12}


def scale(word: str | None) -> int:
    """The factor of a multiplier word (`млн` -> 10**6), 1 for none."""
    if not word:
        return 1
    word = word.lower()
    for key in ("тысяч", "миллиард", "миллион", "триллион", "млрд", "млн", "трлн", "тыс"):
        if word.startswith(key):
            return _SCALES[key]
    return 1


def digits_value(text: str) -> Decimal:
    """`1.234.567,89` -> 1234567.89, `12 500` -> 12500, `3,3` -> 3.3."""
    s = re.sub(_GAP, "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    return Decimal(s)


def number_value(text: str) -> Decimal | None:
    """The value of digits or number words (`полмиллиона` -> 500000), or None."""
    text = text.strip()
    if text[:1].isdigit():
        return digits_value(text)
    low = text.lower()
    half = re.fullmatch(r"полу?(?:-|\s)?(тысячи|миллиона|миллиарда|триллиона)", low)
    if half:
        return Decimal(scale(half[1])) / 2
    if low.startswith("полтор") or low == "полутора":  # `свыше полутора миллиардов`
        return Decimal("1.5")
    value = words_value(low)
    return None if value is None else Decimal(value)


def plain(value: Decimal | None) -> int | float | None:
    """A decimal as JSON wants it: an int when whole, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
