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


def month_of(word: str) -> int:
    """The month of a word that the month pattern matched (ValueError otherwise)."""
    number = month_number(word)
    if number is None:
        raise ValueError(f"not a month: {word!r}")
    return number


def month_number(word: str) -> int | None:
    """1-12 for a month name in any case (`ноября` -> 11), else None."""
    if not _MONTH_WORD.fullmatch(word):
        return None
    low = word.lower()
    matches = [(len(stem), n) for n, stem in enumerate(MONTH_STEMS, 1) if low.startswith(stem)]
    return max(matches)[1] if matches else None


# Weekdays in the cases that follow в/на (accusative), с/до (genitive), к (dative).
WEEKDAY_PATTERN = (
    r"(?:понедельник(?:а|у)?|вторник(?:а|у)?|сред(?:у|ы|е)|четверг(?:а|у)?"
    r"|пятниц(?:у|ы|е)|суббот(?:у|ы|е)|воскресень(?:е|я|ю))"
)
WEEKDAY_STEMS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")

# Seasons: adverbs (осенью) and noun forms (осени, осень); months first..last.
SEASON_ADVERB = r"(?:весной|весною|летом|осенью|зимой|зимою)"
SEASON_NOUN = r"(?:весн(?:а|ы|е|у)|лет(?:о|а|у)|осен(?:ь|и)|осенью|зим(?:а|ы|е|у))"
SEASON_MONTHS = {"весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2)}


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday name in any case, else None."""
    low = word.lower()
    for n, stem in enumerate(WEEKDAY_STEMS):
        if low.startswith(stem):
            return n
    return None


def season_months(word: str) -> tuple[int, int] | None:
    """First and last month of a season word in any form (`осенью` -> (9, 11))."""
    low = word.lower()
    for stem, months in SEASON_MONTHS.items():
        if low.startswith(stem):
            return months
    return None
