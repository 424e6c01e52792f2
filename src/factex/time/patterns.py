"""Regex building blocks of the Russian date grammar (compiled by `dates.py`).

The patterns are written in lower case and run over `text.lower()`.

Prepositions that belong to a temporal expression (`в`, `во`, `с`, `со`,
`около`, `примерно`, `приблизительно`) are part of its surface; `к`, `до`, `по`,
`после`, `от`, `за` are matched as context only and left out of the surface.
"""

from __future__ import annotations

import re

from .calendar import MONTH_PATTERN, SEASON_ADVERB, SEASON_NOUN, WEEKDAY_PATTERN

L = r"(?<![\w-])"  # a word starts here (and is not the tail of `Су-2003`)
R = r"(?!\w)"  # a word ends here
DASH = r"\s*[-‐‑‒–—−]\s*"
MONTH = MONTH_PATTERN
WEEKDAY = WEEKDAY_PATTERN
SEASON = rf"(?:{SEASON_ADVERB}|{SEASON_NOUN})"

PRE = r"(?P<pre>в|во|с|со|около|примерно\s+в|примерно|приблизительно\s+в|приблизительно)"
EX = r"(?P<ex>к|ко|до|по|после|от|за|на|начиная\s+с|начиная\s+со)"
PREP = rf"(?:{PRE}\s+|{EX}\s+)?"

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:-?(?:го|ое|ого|е|м|му))?"
YEAR4 = r"(?:1\d{3}|20\d{2}|21\d{2})"
YEAR_WORD = r"(?:года|году|годом|год|гг\.|г\.|г(?!\w))"
# An ordinal adjective relating a period to the reference: прошлого, этой, следующем...
REL = (
    r"(?:позапрошл|прошл|минувш|предыдущ|текущ|нынешн|уходящ|следующ|будущ|предстоящ"
    r"|наступающ|грядущ)[а-я]{1,3}|эт(?:от|ого|ому|ом|ой|у|им|и|их|ими)(?!\w)"
)
# A bare year after a month or day, without `года`: a plausible year (1800-2100)
# before punctuation, the end, or a word that is not a counted noun in the
# genitive plural ("1 января 2008 граждане", but not "5 мая 2000 человек").
_COUNTED = r"[а-яё]*(?:ов|ев|ей|ых|их)|человек|тонн|штук|единиц|раз|лет|га|км|кг|руб"
BARE_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
BARE_YEAR_END = rf"(?=\s*(?:[^\w\s]|$)|\s+(?!(?:{_COUNTED})(?![а-яё]))[а-яё])"
# A time of day after a date: "в 15:00", "утром в 9.30", "с 10:00 до 18:00",
# "в 20:00 по местному времени".
TIME = (
    r"(?:(?:\s+(?:утром|днем|днём|вечером|ночью))?\s*,?\s+(?:в|с|около)\s+"
    r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?!\d)"
    r"(?:\s+(?:до|по)\s+(?P<hh2>[01]?\d|2[0-3])[:.](?P<mm2>[0-5]\d)(?!\d))?"
    r"(?:\s+по\s+[а-яё]+\s+времени|\s+мск\b)?)?"
)
ROMAN = r"[ivxх]{1,7}"  # matched in lower case; handlers check the original
PART = (
    r"(?P<part>начал[еаоу]|середин[аеуы]|конц[еау]|исход[еу]|окончани[еияю]"
    r"|(?:последн|перв)(?:их|ие|ым)\s+числ(?:ах|а|ам))"
)
DECADE_WORD = (
    r"(?:нулев|десят|двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят"
    r"|девяност)(?:ые|ых|ым|ыми)"
)
DECADE = rf"(?:\d{{3}}0|\d0)-(?:ые|ых|ым|ыми|е|х|ми|м)|{DECADE_WORD}"
DECADE_TAIL = r"(?:\s*(?P<dyw>годы|годах|годов|годам|годами|гг\.?))?"
CENTURY_WORD = r"(?:век(?:ами|ах|ов|ом|а|е|у)?|столети(?:ями|ях|ем|е|я|и|ю|й)|(?P<cabbr>вв?\.))"
ORD_SMALL = (
    r"(?P<ord>перв[а-я]{2,3}|втор[а-я]{2,3}|трет[а-я]{2,4}|четв[её]рт[а-я]{2,3}"
    r"|последн[а-я]{2,3}|[1-4](?:-?[а-я]{1,3})?|iv|i{1,3})"
)
HALF_UNIT = (
    r"(?P<unit>половин[аеуы]|квартал(?:ом|а|е|у)?|полугоди(?:ем|е|я|и|ю)|декад(?:ой|а|е|у|ы))"
)


def year_slot(n: str) -> str:
    """An optional year after a month, day or season: `2025 года`, `прошлого года`."""
    return (
        rf"(?:\s+(?:(?P<y{n}>{YEAR4})(?:-(?:го|м|й))?\s*(?P<yw{n}>{YEAR_WORD})"
        rf"|(?P<by{n}>{BARE_YEAR})(?:-(?:го|м|й))?{BARE_YEAR_END}"
        rf"|(?P<ry{n}>{REL})\s+года{R}))?"
    )


def period(n: str) -> str:
    """What a part or a half refers to: a month, a year, a decade, a century, a season."""
    return (
        rf"(?:(?P<pm{n}>{MONTH}){year_slot('p' + n)}"
        rf"|(?P<py{n}>{YEAR4})(?:-(?:го|м))?\s*(?:года|г\.|г(?!\w))"
        rf"|(?:(?P<prel{n}>{REL})\s+)?(?P<punit{n}>года|месяца|недели){R}"
        rf"|(?P<pdec{n}>{DECADE}){DECADE_TAIL.replace('dyw', 'pdyw' + n)}"
        rf"|(?P<pcent{n}>{ROMAN}|\d{{1,2}})(?:-?(?:го|м))?\s+(?:века|столетия)"
        rf"|(?P<pseason{n}>весны|лета|осени|зимы){year_slot('s' + n)})"
    )


# A phone number: +7 495 123-45-67, 8 (800) 555-35-35, 8-912-345-67-89. Neither a
# date nor a number is read inside one.
# (`(?<![\w+])` is read after the `+` or the `8`: the same matches, found faster.)
PHONE = (
    r"(?:\+(?<![\w+]\+)\d{1,3}|8(?<![\w+]8))[\s\u00a0-]*(?:\(\d{3,5}\)|\d{3,5})[\s\u00a0-]*"
    r"\d{2,3}[\s\u00a0-]?\d{2}[\s\u00a0-]?\d{2}(?!\d)"
)
_PHONE = re.compile(PHONE)
_last_phones: tuple[str, list[tuple[int, int]]] = ("", [])


def phone_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the phone numbers in `text`. The last text's are kept: the dates and
    the numbers layers both read them."""
    global _last_phones
    last = _last_phones
    if last[0] == text:
        return last[1]
    spans = [m.span() for m in _PHONE.finditer(text)]
    _last_phones = (text, spans)
    return spans
