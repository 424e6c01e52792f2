"""Monarchs and popes: names with a regnal number (`Карл III`, `Иоанн Павел II`) and
the titles written before them (`Короля Карла III` -> `Карла III`)."""

from __future__ import annotations

from functools import cache

from ..document import Token
from ..resources import wordlist
from ..text.chars import OPEN_QUOTES, fold
from ..text.roman import roman_value
from .ner import WordSpan
from .normalize import analyses
from .types import PER

MAX_NAMES = 2  # first names before the number: `Иоанна Павла II`


@cache
def regnal_titles() -> frozenset[str]:
    """Lemmas of the titles before a monarch's name (`models/entities-regnal-titles.txt`)."""
    return frozenset(wordlist("entities-regnal-titles"))


@cache
def regnal_first_names() -> frozenset[str]:
    """First names monarchs and popes bear with a number (`models/entities-regnal-names.txt`)."""
    return frozenset(fold(w) for w in wordlist("entities-regnal-names"))


def _regnal_name(words: list[Token], first: int, i: int) -> bool:
    """Whether words first..i-1 before the number i name a monarch or a pope: the
    first of them a monarch's name (`Петра`), or a title before it (`Короля Ареса`),
    and not in quotes (`ракета «Арес I»`)."""
    before = words[first - 1] if first > 0 else None
    if before is not None and before.word in OPEN_QUOTES:
        return False
    titled = before is not None and _title(words, first - 1)
    return titled or any(
        fold(p.normal_form) in regnal_first_names()
        for p in analyses(words[first].word)
        if "Name" in p.tag
    )


def _regnal_number(word: Token) -> bool:
    """A Roman numeral that can number a monarch (`I` to `XXXIX`)."""
    value = roman_value(word.word)
    return value is not None and 0 < value < 40 and word.word.isupper()


def _first_name(word: Token) -> bool:
    """A capitalised word the dictionary knows as a first name (`Петра`, `Львом`)."""
    return word.word[:1].isupper() and any(
        p.is_known and "Name" in p.tag and p.tag.number == "sing" for p in analyses(word.word)
    )


def regnal_names(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Петра I`, `Папой Римским Львом XIV`: first names followed by a regnal number
    are a person with the number, which the tagger may leave out or miss whole; a
    person span right before such a number takes it in."""
    out = list(spans)
    covered = {i: k for k, s in enumerate(spans) for i in range(s.first, s.last)}
    for i in range(1, len(words)):
        if not _regnal_number(words[i]) or i in covered or not words[i].space:
            continue
        k = covered.get(i - 1)
        if k is not None:
            span = out[k]
            if span.type == PER and span.last == i:
                out[k] = WordSpan(span.first, i + 1, PER)
            continue
        first = i
        while first > 0 and i - first < MAX_NAMES and first - 1 not in covered:
            if not _first_name(words[first - 1]):
                break
            first -= 1
        if first < i and _regnal_name(words, first, i):
            out.append(WordSpan(first, i + 1, PER))
    return sorted(out, key=lambda s: s.first)


def drop_titles(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Короля Карла III`, `Папа Римский Франциск`: a title before a person's name is
    no part of it (capitalised or not), nor the adjective of `Папа Римский`; a span of
    titles alone (`Папой Римским`) stays, naming the one who holds them. Nor is a
    common noun that opens the sentence (`Учительнице Галине Сергеевне Мухиной`)."""
    out: list[WordSpan] = []
    for s in spans:
        first = s.first
        if s.type == PER:
            if _opening_noun(words, first, s.last):
                first += 1
            while first < s.last and _title(words, first):
                first += 1
        keep = first == s.first or first == s.last  # `Папой Римским` alone names the pope
        out.append(s if keep else WordSpan(first, s.last, s.type))
    return out


def _title(words: list[Token], i: int) -> bool:
    """A title word (`Король`) or the `Римский` of `Папа Римский` after one."""
    word = words[i]
    if word.lemma in regnal_titles() and not _first_name(word):
        return True
    return i > 0 and word.lemma == "римский" and words[i - 1].lemma == "папа"


NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _opening_noun(words: list[Token], i: int, last: int) -> bool:
    """`Учительнице` before `Галине Сергеевне Мухиной`, `Теннисистке Мирре Андреевой`: a
    word first in its sentence that the dictionary knows only as a living common noun,
    before a known first name or before two more capitalised words."""
    if i > 0 and words[i - 1].sent == words[i].sent or i + 1 >= last:
        return False
    parses = [p for p in analyses(words[i].word) if p.is_known]
    return (
        bool(parses)
        and all(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses)
        and not any(NAME_TAGS & p.tag.grammemes for p in analyses(words[i].word))
        and (_first_name(words[i + 1]) or i + 2 < last and words[i + 2].word[:1].isupper())
    )
