"""Russian month names in every case."""

from __future__ import annotations

import re

MONTH_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
# Every case form of each month: январь, января, январе, январю, январём...
MONTH_PATTERN = (
    r"(?:январ[ьяюеё]|январ[её]м|феврал[ьяюеё]|феврал[её]м|март[аеуы]?|мартом"
    r"|апрел[ьяюеё]|апрел[её]м|ма[йяюе]|ма[её]м|июн[ьяюеё]|июн[её]м|июл[ьяюеё]|июл[её]м"
    r"|август[аеу]?|августом|сентябр[ьяюеё]|сентябр[её]м|октябр[ьяюеё]|октябр[её]м"
    r"|ноябр[ьяюеё]|ноябр[её]м|декабр[ьяюеё]|декабр[её]м)"
)
_MONTH_WORD = re.compile(MONTH_PATTERN, re.IGNORECASE)


def month_number(word: str) -> int | None:
    """1-12 for a month name in any case (`ноября` -> 11), else None."""
    if not _MONTH_WORD.fullmatch(word):
        return None
    low = word.lower()
    matches = [(len(stem), n) for n, stem in enumerate(MONTH_STEMS, 1) if low.startswith(stem)]
    return max(matches)[1] if matches else None
