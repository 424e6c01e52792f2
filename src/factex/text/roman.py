"""Roman numerals (`XXI` -> 21), read one way for dates, numbers and event ordinals."""

from __future__ import annotations

import re

_WELL_FORMED = re.compile(r"^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(word: str) -> int | None:
    """Value of a well-formed Roman numeral up to 399 (`XXI` -> 21; not `IIII`), else
    None. A Cyrillic `Х` typed for the Latin `X` (`ХХI`) is read as one."""
    word = word.replace("Х", "X")
    if not word or not _WELL_FORMED.match(word):
        return None
    total = 0
    for a, b in zip(word, word[1:] + " ", strict=True):
        value = _DIGITS[a]
        total += -value if b != " " and _DIGITS[b] > value else value
    return total
