"""Patterns whose leading lookbehind is read after their first character (a digit, `+`
or `8`) find what they found with it in front (`re` then skips fast to that character)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factex import numbers
from factex.kinds import ages
from factex.time import dates
from factex.time import patterns as p

_H = r"\-\u2011"
_BARE_YEAR = [lp.pattern for lp, _, h in dates._RULES if h.__name__ == "_bare_year"][0]
_ISO = [lp.pattern for lp, _, h in dates._RULES if h.__name__ == "_iso"][0]

# (the pattern as it was, the pattern as it is, flags)
PAIRS = [
    (
        r"(?<![\w.,/-])(?P<n>\d{1,4})-(?P<end>ый|ий|ой|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми"
        r"|й|го|му|м|я|е|ю|х|ми|ти|ть)(?![\w-])",
        numbers._DIGIT_ORDINAL.pattern,
        0,
    ),
    (
        r"(?<![\w.,:/№+-])(?<!№\s)(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)"
        r"(?![\w%-]|[.,:/]\d|\s*%|\)\s*\d)",
        numbers._PLAIN.pattern,
        0,
    ),
    (
        r"(?<![\w.,:/№+-])(?P<n>\d{1,3}(?:[.,]\d{1,3})?)\s*"
        r"(?P<mult>(?:тыс|млн|млрд|трлн)\.?|(?:тысяч|миллион|миллиард|триллион)[а-я]{0,3})(?!\w)",
        numbers._SCALED.pattern,
        0,
    ),
    (
        r"(?<![\w+])(?:\+\d{1,3}|8)[\s\u00a0-]*(?:\(\d{3,5}\)|\d{3,5})[\s\u00a0-]*"
        r"\d{2,3}[\s\u00a0-]?\d{2}[\s\u00a0-]?\d{2}(?!\d)",
        p.PHONE,
        0,
    ),
    (r"(?<![\d.,№/])(?:1[89]\d\d|20\d\d|2100)(?!\d)", _BARE_YEAR, 0),
    (
        r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
        r"(?:[t ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?(?![\w-])",
        _ISO,
        0,
    ),
    (
        rf"(?<![\w{_H}])(?P<n>\d{{1,4}})(?:[{_H}]?лети(?:е|я|ю|ем|и)|[{_H}](?:я|й|ю|ой)\s+годовщин\w*"
        rf"|[{_H}](?:й|го|му|м)\s+(?:день|дня|дню|днём|днем)\s+рождения)(?![\w{_H}])",
        ages._JUBILEE.pattern,
        re.IGNORECASE,
    ),
]

_PIECES = st.sampled_from(
    ["", " ", "\u00a0", "\n", ",", ".", "-", "\u2011", "/", ":", "№", "№ ", "+", "+7", "8", "(",
     ")", "%", "0", "1", "2", "7", "9", "12", "19", "20", "100", "2100", "1999", "2025", "495",
     "123", "45", "67", "000", "t", "а", "й", "ая", "ого", "тыс", "млн.", "тысяч", "лет",
     "летие", "я годовщина", "й день рождения", "Летия", "x", "_", "٣"]  # fmt: skip
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=30)


def _all(pattern: re.Pattern[str], text: str) -> list:  # type: ignore[type-arg]
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair[1][:30])
def test_the_lookbehind_moved(pair: tuple[str, str, int]) -> None:
    old, new, flags = pair
    assert old != new

    @settings(max_examples=400, deadline=None)
    @given(_TEXTS)
    def same(text: str) -> None:
        assert _all(re.compile(new, flags), text) == _all(re.compile(old, flags), text)

    same()


def test_examples() -> None:
    old, new, _ = PAIRS[3]
    text = "Звоните +7 495 123-45-67 или 8 (800) 555-35-35, не x8 800 555 35 35."
    assert _all(re.compile(new), text) == _all(re.compile(old), text)
    assert len(_all(re.compile(new), text)) == 2
    assert p.phone_spans(text) == [m.span() for m in re.compile(old).finditer(text)]
