"""Durations: which spans count as one, and their ISO 8601 values (`P2Y`, `P3D`, `PT24H`).

A count of time units is a duration only where the text marks it as one, so
that "три года" in "ребенку исполнилось три года" or "каждые два года" is not:

- after `в течение`, `на протяжении`, `в продолжение` (part of the surface):
  "в течение двух лет" -> `P2Y`, "в течение недели" -> `P1W`;
- after `на`, `за`, `сроком на`, `на срок до` (context, left out of the
  surface): "продлен на пять лет" -> `P5Y`, "за три года" -> `P3Y`;
- after a verb of lasting (`длиться`, `продлиться`, `продолжаться`, `занять`):
  "продлится три дня" -> `P3D`.

Not when a word follows that turns the count into a shift or a comparison
(`назад`, `спустя`, `раньше`, `позже`, `старше`, `до`, `после`...). "около",
"примерно", "более" before the count give `mod` approx; "несколько лет" has
no value. Hours and minutes after a bare `на` are a clock time ("намечено на
19 часов"), not a duration. Compounds ("двухнедельный") stay numbers.
"""

from __future__ import annotations

from .numerals import CARDINAL_RUN, words_value
from .patterns import L, R

UNIT = (
    r"(?P<unit>секунд[аыу]?|минут[аыу]?|час(?:а|ов)?|сут(?:ки|ок)|дн(?:я|ей)|день"
    r"|недел(?:ю|и|ь)|месяц(?:а|ев)?|полугода|полгода|год(?:а|у|ам)?|лет)"
)
_LEAD = r"(?P<lead>в\s+течение|на\s+протяжении|в\s+продолжение)"
_EX = r"(?P<ex>сроком\s+на|сроком\s+в|на\s+срок\s+(?:в|до)|на|за|к)"
# Verbs of lasting, and of spending time (`проработал 15 лет`, `провёл в тюрьме`
# is not next to its count and stays out), and of a term threatened (`грозит до 10 лет`).
_VERB = (
    r"(?P<verb>(?:про)?дл[а-яё]*?с[яь]|продолж[а-яё]*?с[яь]|заня(?:л[аио]?|ло)|займ[её]т"
    r"|займут|занима[а-яё]+|(?:про)?работал[аи]?|(?:про)?жил[аи]?|живу|живёт|живет"
    r"|пров[её]л[аи]?|проведя|пробыл[аи]?|пробуд[а-яё]+|(?:от)?сидел[аи]?|служ[а-яё]+"
    r"|руковод[а-яё]+|возглавля[а-яё]+|трудил[а-яё]+|скрывал[а-яё]*|встречал[а-яё]*"
    r"|грози[а-яё]*(?:\s+(?:ему|ей|им))?(?:\s+срок)?|светит)"
)
_APPROX = r"(?P<approx>около|примерно|почти|более|менее|свыше|до)"
# Alone before a count: `более 20 лет`, `около 14 лет` (`назад` and comparisons are out).
_ALONE = r"(?P<alone>около|почти|более|свыше)"
_COUNT = rf"(?P<n>\d{{1,3}}|пару|пары|несколько|нескольких|много|{CARDINAL_RUN})"
_NOT_AFTER = (
    r"(?!\s+(?:назад|спустя|раньше|ранее|позже|позднее|больше|меньше|дольше|старше|моложе"
    r"|младше|вперед|вперёд|до|после|подряд|рождения)(?![а-яё]))"
)
PATTERN = (
    rf"{L}(?:(?:{_LEAD}\s+|{_EX}\s+(?:последние\s+|ближайшие\s+)?|{_VERB}\s+)"
    rf"(?:{_APPROX}\s+)?|{_ALONE}\s+(?=\d|несколь))(?:{_COUNT}\s+)?{UNIT}{R}{_NOT_AFTER}"
)
# `к 27 годам` is a term only before what is served (`приговорён к 27 годам колонии`).
SENTENCE = r"\s+(?:лишени|колони|тюрьм|заключени|тюремного|строгого|условно|ареста)"
# Units that may stand without a count: "в течение недели", "на год", "за сутки".
_BARE = frozenset(
    [
        "год",
        "года",
        "месяц",
        "месяца",
        "неделю",
        "недели",
        "сутки",
        "суток",
        "полгода",
        "полугода",
        "час",
        "часа",
    ]
)
_CODES = (
    ("секунд", "T", "S"),
    ("минут", "T", "M"),
    ("час", "T", "H"),
    ("сут", "", "D"),
    ("дн", "", "D"),
    ("день", "", "D"),
    ("недел", "", "W"),
    ("месяц", "", "M"),
    ("год", "", "Y"),
    ("лет", "", "Y"),
)
VAGUE = ("несколько", "нескольких", "много")


def duration_value(count: str | None, unit: str) -> tuple[bool, str | None]:
    """(is a duration, ISO value) for a count word or digits and a unit word."""
    count = (count or "").lower()
    unit = unit.lower()
    if not count:
        if unit not in _BARE:
            return False, None
        n: int | None = 1
    elif count in VAGUE:
        return True, None
    elif count in ("пару", "пары"):
        n = 2
    else:
        n = int(count) if count.isdigit() else words_value(count)
    if not n:
        return False, None
    if unit in ("полгода", "полугода"):
        return True, f"P{6 * n}M"
    for stem, time, code in _CODES:
        if unit.startswith(stem):
            return True, f"P{time}{n}{code}"
    return False, None


def clock_time(ex: str | None, unit: str) -> bool:
    """True for hours or minutes after a bare `на` or `до`: "на 19 часов" is a time of day."""
    hours = unit.lower().startswith(("час", "минут", "секунд"))
    return hours and (ex or "").lower() in ("на", "до")
