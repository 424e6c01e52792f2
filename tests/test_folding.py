"""`text/folding.py`: lower-case patterns over the lower-cased text find exactly what
they find ignoring case over the text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factex.kinds  # noqa: F401  (registers the layers' Folded patterns)
import factex.numbers  # noqa: F401
from factex.kinds.money import _pattern
from factex.text.folding import FOLDED, UNSAFE, Folded, folded

_pattern()  # money's pattern is built on first use
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

try:  # Python 3.11+
    from re import _casefix, _parser  # type: ignore[attr-defined]

    EXTRA = _casefix._EXTRA_CASES
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile
    import sre_parse as _parser

    EXTRA = sre_compile._ignorecase_fixes

C = _parser  # the parser's opcodes live in its namespace


def unfoldable(pattern: str) -> str | None:
    """Why `pattern` may not run case-sensitively over lower-cased text, or None."""
    parsed = _parser.parse(pattern, re.IGNORECASE)
    if parsed.getwidth()[0] == 0:
        return "may match empty"

    def chars_ok(codes: list[int]) -> str | None:
        for code in codes:
            ch = chr(code)
            if ch.lower() != ch or ch in UNSAFE:
                return f"letter {ch!r}"
        return None

    def walk(items) -> str | None:  # type: ignore[no-untyped-def]
        for op, av in items:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                why = chars_ok([av])
            elif name == "IN":
                why = None
                for sop, sav in av:
                    sname = str(sop)
                    if sname == "LITERAL":
                        why = why or chars_ok([sav])
                    elif sname == "RANGE":
                        why = why or chars_ok(list(range(sav[0], sav[1] + 1)))
            elif name == "SUBPATTERN":
                _group, add, remove, sub = av
                why = "inline flags" if add or remove else walk(sub)
            elif name in ("GROUPREF", "GROUPREF_EXISTS") and name == "GROUPREF":
                why = "back-reference"
            elif name == "GROUPREF_EXISTS":
                _group, yes, no = av
                why = walk(yes) or (walk(no) if no else None)
            elif name == "BRANCH":
                why = next((w for b in av[1] if (w := walk(b))), None)
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                why = walk(av[2])
            elif name in ("ASSERT", "ASSERT_NOT"):
                why = walk(av[1])
            elif name == "ATOMIC_GROUP":
                why = walk(av)
            else:
                why = None
            if why:
                return why
        return None

    return walk(parsed)


def test_unsafe_is_pythons_case_table_less_plain_letters() -> None:
    table = {chr(k) for k in EXTRA} | {chr(v) for vs in EXTRA.values() for v in vs}
    assert table - set("isвдостъ") == UNSAFE


def test_every_other_character_reads_as_its_lower_case() -> None:
    """For each code point whose lower case is one character outside UNSAFE: `re`
    ignoring case lowers it as `str.lower` does, `\\w \\d \\s` say the same of both,
    and a character that lowers to another lowers to a cased letter."""
    import _sre

    word, digit, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    wrong = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1 or low in UNSAFE:
            continue
        same = _sre.unicode_tolower(code) == ord(low)
        same &= all(bool(p.match(ch)) == bool(p.match(low)) for p in (word, digit, space))
        if low != ch:
            same &= _sre.unicode_iscased(ord(low))
        if not same:
            wrong.append(hex(code))
    assert wrong == []


def test_every_folded_pattern_is_lower_case() -> None:
    folding = [f for f in FOLDED if f.cased is not None]
    assert len(folding) > 10
    assert {f.pattern: unfoldable(f.pattern) for f in folding} == {
        f.pattern: None for f in folding
    }


def test_unfoldable_patterns_are_told() -> None:
    assert unfoldable(r"[А-Я]\w+") == "letter 'А'"
    assert unfoldable(r"по\s+(?-i:[а-я]+скому)") == "inline flags"
    assert unfoldable(r"(\w)\1") == "back-reference"
    assert unfoldable(r"ſ") is not None
    assert unfoldable(r"(?<![\w-])около\s+\d+") is None


def test_folded_text() -> None:
    assert folded("Около 5 ЛЕТ") == "около 5 лет"
    assert folded("İstanbul") is None  # lowers to two characters
    assert folded("ᲀыход") is None
    assert folded("Σ") is None


def _spans(matches) -> list:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groups(), m.groupdict(), m.string) for m in matches]


# Text made of the patterns' own words, digits, punctuation and odd letters.
_PIECES = st.sampled_from(
    ["", " ", "  ", "\n", ",", ".", "-", "–", ":", "%", "$", "5", "12", "1,5", "2025", "30-",
     "лет", "Лет", "ЛЕТ", "года", "году", "летний", "летие", "исполнилось", "старше", "более",
     "около", "В", "в", "свои", "на", "с", "до", "час", "часов", "утра", "Ему", "шёл", "й",
     "двадцать", "пятидесяти", "тридцатилетний", "полутора", "годовалый", "процента",
     "ст.", "п.", "№", "N", "ᲀ", "ſ", "İ", "K", "Σ", "ß", "ǅ", "ё", "Ё", "полгода", "лишним",
     "без", "четверти", "половине", "восьмого", "полдень", "Полночь", "утром", "п.п.", "млн",
     "рублей", "$", "USD", "usd", "жизни", "годовщину", "рождения", "сотый", "день", "идёт",
     "статьи", "части", "место", "МЕСТО", "тыс.", "евро", "по", "московскому", "времени",
     "10:30", "9.15", "23:59:01", "мск", "(", ")", "UTC+3", "утра", "вечера"]
)
_TEXTS = st.lists(_PIECES, max_size=25).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_folded_patterns_find_what_they_find_ignoring_case(text: str) -> None:
    for pattern in FOLDED:
        assert _spans(pattern.finditer(text)) == _spans(pattern.any_case.finditer(text))


def test_needs_skip_only_texts_without_a_match() -> None:
    word = Folded(r"(?<![\w-])(?:старше|моложе)\s+\d+", needs=("старше", "моложе"))
    FOLDED.remove(word)
    assert [m.group() for m in word.finditer("Он СТАРШЕ 40")] == ["СТАРШЕ 40"]
    assert list(word.finditer("Он младше 40")) == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_folded_patterns_on_the_samples(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.upper(), text.replace("в", "ᲀ")):
        for pattern in FOLDED:
            assert _spans(pattern.finditer(variant)) == _spans(pattern.any_case.finditer(variant))


def test_needs_are_lower_case() -> None:
    assert all(word == word.lower() for pattern in FOLDED for word in pattern.needs)
